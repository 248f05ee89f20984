/**
 * What agents are writing and sending, kept outside any element: a draft
 * or a reply in flight outlives the composer that holds it, a re-render,
 * and a timeline that reloads. Drafts and failed replies also go to
 * sessionStorage, so a page reload keeps them in the same tab.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SmsKitClient } from '../sdk/client.js';
import type { TimelineItem } from '../sdk/schemas.js';
import {
  failureOf,
  interrupted,
  revivedFailure,
  type Failure,
} from './failure.js';

export type ReplyStatus = 'sending' | 'sent' | 'failed';

/** One reply an agent sent from the kit, as far as it has got. */
export interface OutgoingReply {
  /** The kit's own id for it, before the API gives one. */
  localId: string;
  /**
   * Sent as its `Idempotency-Key`, the same on every try: a try whose
   * answer was lost, then a retry, stores it once.
   */
  key: string;
  conversationId: string;
  agentId: string;
  body: string;
  status: ReplyStatus;
  /** When the agent sent it, ISO 8601. */
  sentAt: string;
  /** Why it failed. */
  failure?: Failure;
  /** The timeline item the API made of it, once sent. */
  item?: TimelineItem;
}

/**
 * A key no other reply has: 128 random bits as hex. `crypto.randomUUID`
 * would do, but only on https and localhost pages.
 */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Unique across reloads too, which bring kept replies back. */
const newLocalId = () => `local_${newKey().slice(0, 16)}`;

/**
 * A reply read back from storage. One that was still sending when its
 * page went away may or may not have reached the server: it is failed,
 * and its key makes the retry safe.
 */
function revive(kept: OutgoingReply): OutgoingReply {
  // Older kits counted ids from 1 on each page, so two kept replies could
  // share one: those get ids of their own. Nor did they send keys.
  const reply = {
    ...kept,
    localId: /^local_[0-9a-f]{16}$/.test(kept.localId)
      ? kept.localId
      : newLocalId(),
    key: kept.key ?? newKey(),
  };
  if (reply.status === 'sending') {
    return { ...reply, status: 'failed', failure: interrupted };
  }
  return reply.failure
    ? { ...reply, failure: revivedFailure(reply.failure) }
    : reply;
}

/** Whether `value`, read from storage, is a reply this kit kept. */
function isKeptReply(value: unknown): value is OutgoingReply {
  if (typeof value !== 'object' || value === null) return false;
  const reply = value as Record<string, unknown>;
  return (
    ['localId', 'conversationId', 'agentId', 'body', 'sentAt'].every(
      (field) => typeof reply[field] === 'string',
    ) &&
    (reply.status === 'sending' || reply.status === 'failed')
  );
}

/**
 * The replies kept under `key`. What cannot be read (another script's
 * entry, a truncated write) is passed over, with a warning.
 */
function readKept(key: string): OutgoingReply[] {
  const text = readStorage(key);
  if (!text) return [];
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch {
    values = undefined;
  }
  const list = Array.isArray(values) ? values : [];
  const kept = list.filter(isKeptReply);
  if (kept.length < list.length || !Array.isArray(values)) {
    console.warn(
      `sms-campaign-kit: passed over what it could not read in sessionStorage "${key}".`,
    );
  }
  return kept.map(revive);
}

/** Sent replies kept per conversation, for timelines that have not yet heard them. */
const KEEP_SENT = 20;
const STORAGE_PREFIX = 'sms-kit-draft:';
/** Replies not known to be sent: failed, or sending when last seen. */
const UNSENT_PREFIX = 'sms-kit-failed:';

/** A change in one conversation: to the text being written, or a reply. */
export interface OutboxChange {
  conversationId: string;
  kind: 'draft' | 'reply';
}

type Listener = (change: OutboxChange) => void;

export class Outbox {
  private readonly listeners = new Set<Listener>();
  private readonly drafts = new Map<string, string>();
  private readonly replies = new Map<string, OutgoingReply[]>();

  /** What the agent has written in `conversationId` and not yet sent. */
  draft(conversationId: string): string {
    const kept = this.drafts.get(conversationId);
    if (kept !== undefined) return kept;
    return readStorage(STORAGE_PREFIX + conversationId) ?? '';
  }

  setDraft(conversationId: string, text: string): void {
    if (text === this.draft(conversationId)) return;
    this.drafts.set(conversationId, text);
    writeStorage(STORAGE_PREFIX + conversationId, text);
    this.changed(conversationId, 'draft');
  }

  /**
   * The replies sent in `conversationId` from this page, oldest first.
   * Failed ones also come back from sessionStorage after a reload.
   */
  repliesIn(conversationId: string): readonly OutgoingReply[] {
    let list = this.replies.get(conversationId);
    if (!list) {
      list = readKept(UNSENT_PREFIX + conversationId);
      this.replies.set(conversationId, list);
    }
    return list;
  }

  /**
   * Sends `body` as `agentId`'s reply. The reply is listed at once as
   * sending, then as sent or failed; a failed one keeps its text for a
   * retry. Resolves to the reply as it ended; never rejects.
   */
  async send(
    client: SmsKitClient,
    conversationId: string,
    agentId: string,
    body: string,
  ): Promise<OutgoingReply> {
    const reply: OutgoingReply = {
      localId: newLocalId(),
      key: newKey(),
      conversationId,
      agentId,
      body,
      status: 'sending',
      sentAt: new Date().toISOString(),
    };
    // Kept at once: a page that goes away before the answer loses nothing.
    this.store(conversationId, [...this.repliesIn(conversationId), reply]);
    this.changed(conversationId, 'reply');
    return this.deliver(client, reply);
  }

  /** Sends a failed reply again, as it was written. */
  async retry(client: SmsKitClient, localId: string): Promise<OutgoingReply> {
    const reply = this.find(localId);
    if (!reply || reply.status !== 'failed') {
      throw new Error(`No failed reply ${localId} to send again.`);
    }
    this.update(reply, { status: 'sending', failure: undefined });
    return this.deliver(client, this.find(localId)!);
  }

  /**
   * Takes a failed reply off the list and puts its text back in the draft,
   * ahead of anything written since, for the agent to change.
   */
  edit(localId: string): void {
    const reply = this.removeFailed(localId);
    if (!reply) return;
    const { conversationId } = reply;
    const draft = this.draft(conversationId);
    this.setDraft(
      conversationId,
      draft ? `${reply.body}\n${draft}` : reply.body,
    );
  }

  /** Drops a failed reply the agent no longer wants sent. */
  dismiss(localId: string): void {
    this.removeFailed(localId);
  }

  /** Takes a failed reply off its list; the reply, or undefined if none. */
  private removeFailed(localId: string): OutgoingReply | undefined {
    const reply = this.find(localId);
    if (!reply || reply.status !== 'failed') return undefined;
    const { conversationId } = reply;
    this.store(
      conversationId,
      this.repliesIn(conversationId).filter((r) => r.localId !== localId),
    );
    this.changed(conversationId, 'reply');
    return reply;
  }

  /**
   * Forgets every draft and reply, in memory and in sessionStorage: for
   * an agent signing out, and for tests.
   */
  clear(): void {
    this.forget(() => false);
  }

  /**
   * Forgets the drafts and replies of each conversation `keep` turns down,
   * in memory and in sessionStorage: for a host whose API started again
   * from empty, whose ids now name other conversations.
   */
  forget(keep: (conversationId: string) => boolean): void {
    const ids = new Set([
      ...this.drafts.keys(),
      ...this.replies.keys(),
      ...storedConversations(),
    ]);
    for (const id of ids) {
      if (keep(id)) continue;
      writeStorage(STORAGE_PREFIX + id, '');
      writeStorage(UNSENT_PREFIX + id, '');
      this.drafts.delete(id);
      this.replies.delete(id);
      this.changed(id, 'reply');
    }
  }

  private async deliver(
    client: SmsKitClient,
    reply: OutgoingReply,
  ): Promise<OutgoingReply> {
    let patch: Partial<OutgoingReply>;
    try {
      const item = await client.sendMessage(
        reply.conversationId,
        { agentId: reply.agentId, body: reply.body },
        { idempotencyKey: reply.key },
      );
      patch = { status: 'sent', item };
    } catch (error) {
      // Heard as stored meanwhile (see `settle`): its answer was lost.
      const now = this.find(reply.localId);
      if (now?.status === 'sent') return now;
      patch = { status: 'failed', failure: failureOf(error) };
    }
    this.update(reply, patch);
    return { ...reply, ...patch };
  }

  /**
   * Hears an item the API made. When it is this page's reply, still
   * sending or failed (its answer lost on the way), by the key it was
   * sent with, the reply is sent: nothing is left to send again.
   */
  settle(item: TimelineItem): void {
    const { content, conversationId } = item;
    if (content.type !== 'SMS' || !content.idempotencyKey || !conversationId) {
      return;
    }
    const reply = this.repliesIn(conversationId).find(
      (r) => r.key === content.idempotencyKey && r.status !== 'sent',
    );
    if (reply) this.update(reply, { status: 'sent', failure: undefined, item });
  }

  private find(localId: string): OutgoingReply | undefined {
    for (const list of this.replies.values()) {
      const found = list.find((r) => r.localId === localId);
      if (found) return found;
    }
    return undefined;
  }

  /** Replaces the reply with a changed copy, so views see a new object. */
  private update(reply: OutgoingReply, patch: Partial<OutgoingReply>): void {
    const { conversationId } = reply;
    let list = this.repliesIn(conversationId).map((r) =>
      r.localId === reply.localId ? { ...r, ...patch } : r,
    );
    const sent = list.filter((r) => r.status === 'sent');
    if (sent.length > KEEP_SENT) {
      const drop = new Set(sent.slice(0, sent.length - KEEP_SENT));
      list = list.filter((r) => !drop.has(r));
    }
    this.store(conversationId, list);
    this.changed(conversationId, 'reply');
  }

  /** Keeps the list, and its failed replies in sessionStorage. */
  private store(conversationId: string, list: OutgoingReply[]): void {
    this.replies.set(conversationId, list);
    const unsent = list.filter((r) => r.status !== 'sent');
    writeStorage(
      UNSENT_PREFIX + conversationId,
      unsent.length > 0 ? JSON.stringify(unsent) : '',
    );
  }

  /** Calls `listener` with each change; returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(conversationId: string, kind: OutboxChange['kind']): void {
    for (const listener of [...this.listeners]) {
      listener({ conversationId, kind });
    }
  }
}

/**
 * Hears the page's outbox while its host is connected: what a composer
 * and a timeline share for showing drafts and replies as they change.
 */
export class OutboxController implements ReactiveController {
  private unsubscribe?: () => void;

  constructor(
    host: ReactiveControllerHost,
    private readonly onChange: Listener,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = outbox.subscribe(this.onChange);
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}

/** The page's one outbox, which every composer and timeline share. */
export const outbox = new Outbox();

function readStorage(key: string): string | undefined {
  try {
    return sessionStorage.getItem(key) ?? undefined;
  } catch {
    return undefined; // storage blocked: the draft lives in memory only
  }
}

/** The conversations this tab's sessionStorage keeps anything for. */
function storedConversations(): string[] {
  try {
    return Object.keys(sessionStorage).flatMap((key) =>
      [STORAGE_PREFIX, UNSENT_PREFIX]
        .filter((prefix) => key.startsWith(prefix))
        .map((prefix) => key.slice(prefix.length)),
    );
  } catch {
    return []; // storage blocked
  }
}

let warnedStorage = false;

function writeStorage(key: string, text: string): void {
  try {
    if (text) sessionStorage.setItem(key, text);
    else sessionStorage.removeItem(key);
  } catch {
    // Storage full or blocked: what it held is out of date, so it goes
    // (a dismissed reply must not come back); what changed lives in
    // memory only, until the page closes.
    try {
      sessionStorage.removeItem(key);
    } catch {
      // Blocked altogether.
    }
    if (!warnedStorage) {
      warnedStorage = true;
      console.warn(
        'sms-campaign-kit: sessionStorage is full or blocked: drafts and replies not yet sent will not outlive this page.',
      );
    }
  }
}
