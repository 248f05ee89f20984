/**
 * Proactive SMS Campaigns: sent in recipient order, at most
 * ratePerFiveMinutes in any five minutes (Gladly's 40 by default), from
 * sendAt or at once, until done or stopped. Everything runs on the
 * engine's clock, so a test moves time on instead of waiting.
 */
import { CreateCampaignRequest, type Campaign } from '../../src/sdk/schemas.js';
import { appendOutbound } from './delivery.js';
import { checked, EngineError, notFound, refuseRepeats } from './errors.js';
import { refuseInboxNumber, replyKey } from './messaging.js';
import type { CampaignRecord } from './records.js';
import type { Store } from './store.js';

const WINDOW_MS = 5 * 60_000;

/** The wire shape: what was sent, skipped and is still to come. */
function view(record: CampaignRecord): Campaign {
  const { id, name, from, answer, recipients, skipped, status } = record;
  const { ratePerFiveMinutes, sendAt, createdAt } = record;
  return structuredClone({
    id,
    name,
    from,
    answer,
    recipients,
    skipped,
    status,
    ratePerFiveMinutes,
    sendAt,
    createdAt,
    counts: {
      sent: recipients.length,
      skipped: skipped.length,
      pending: record.pending.length,
    },
  });
}

/** Checks the request, keeps the campaign, and sends what is due now. */
export function createCampaign(
  store: Store,
  request: CreateCampaignRequest,
): Campaign {
  const input = checked(CreateCampaignRequest, request);
  if (!store.state.inboxByNumber.has(input.from)) {
    throw new EngineError(
      'not_found',
      `${input.from} is not linked to any inbox, so replies could not be routed.`,
      'from',
    );
  }
  refuseRepeats(
    input.recipients.map((r) => r.phoneNumber),
    (i) => `recipients.${i}.phoneNumber`,
  );
  input.recipients.forEach(({ phoneNumber }, i) =>
    refuseInboxNumber(store, phoneNumber, `recipients.${i}.phoneNumber`),
  );
  const sendAtMs = input.sendAt ? Date.parse(input.sendAt) : undefined;

  const record: CampaignRecord = {
    id: store.nextId('cmp'),
    name: input.name,
    from: input.from,
    answer: { ...input.answer },
    recipients: [],
    skipped: [],
    status: 'SCHEDULED',
    ratePerFiveMinutes: input.ratePerFiveMinutes,
    sendAt: sendAtMs === undefined ? null : new Date(sendAtMs).toISOString(),
    createdAt: store.now(),
    pending: input.recipients.map((r) => ({ ...r })),
    sendTimes: [],
    // A sendAt already past means at once: nothing is sent back in time.
    sendAtMs: Math.max(sendAtMs ?? 0, store.clock.now().getTime()),
  };
  store.state.campaigns.set(record.id, record);
  send(store, record);
  store.emit('campaign.updated', view(record));
  return view(record);
}

export function getCampaign(store: Store, id: string): Campaign {
  const record = store.state.campaigns.get(id);
  if (!record) throw notFound('campaign', id);
  return view(record);
}

/** Stops a campaign that has not ended; what was not sent stays unsent. */
export function stopCampaign(store: Store, id: string): Campaign {
  const record = store.state.campaigns.get(id);
  if (!record) throw notFound('campaign', id);
  if (record.status === 'COMPLETED' || record.status === 'STOPPED') {
    throw new EngineError(
      'conflict',
      `Campaign ${id} is ${record.status} already; only one still to send can be stopped.`,
    );
  }
  record.status = 'STOPPED';
  store.emit('campaign.updated', view(record));
  return view(record);
}

/** Sends what every campaign may send by now, telling of each change. */
export function sendDue(store: Store): void {
  for (const record of store.state.campaigns.values()) {
    const before = `${record.status}|${record.pending.length}`;
    send(store, record);
    if (`${record.status}|${record.pending.length}` !== before) {
      store.emit('campaign.updated', view(record));
    }
  }
}

/**
 * Sends the next recipients as far as the five-minute window allows.
 * Each message's turn comes at once while fewer than the rate have gone,
 * then five minutes after the message `rate` places before it; every
 * turn that has come by now is sent, stamped with its own time, so a
 * clock that moved an hour in one step sends an hour's worth, and no five
 * minutes ever hold more than the rate. An opted-out recipient is skipped
 * when their turn comes, and a skip uses none of the rate.
 */
function send(store: Store, record: CampaignRecord): void {
  const now = store.clock.now().getTime();
  if (record.status === 'SCHEDULED' && now >= record.sendAtMs) {
    record.status = 'IN_PROGRESS';
  }
  if (record.status !== 'IN_PROGRESS') return;
  const rate = record.ratePerFiveMinutes;
  const times = record.sendTimes;
  while (record.pending.length > 0) {
    const turn =
      times.length < rate
        ? record.sendAtMs
        : times[times.length - rate]! + WINDOW_MS;
    if (turn > now) return;
    const { name, phoneNumber } = record.pending.shift()!;
    const customer = store.findOrCreateCustomer(phoneNumber, name);
    if (!store.textable(customer, phoneNumber)) {
      const reason = 'OPTED_OUT';
      record.skipped.push({ customerId: customer.id, phoneNumber, reason });
      continue;
    }
    const item = appendOutbound(
      store,
      {
        conversationId: null,
        customerId: customer.id,
        initiator: { type: 'CAMPAIGN', id: record.id },
        content: {
          type: 'SMS',
          from: record.from,
          to: phoneNumber,
          body: record.answer.body,
          attachments: [],
          campaign: {
            id: record.id,
            name: record.name,
            answerName: record.answer.name,
          },
        },
      },
      turn,
    );
    store.state.unanswered.set(replyKey(phoneNumber, record.from), {
      campaignId: record.id,
      itemId: item.id,
    });
    record.recipients.push({
      customerId: customer.id,
      phoneNumber,
      itemId: item.id,
    });
    // Only the last `rate` turns decide the next one.
    times.push(turn);
    if (times.length > rate) times.shift();
  }
  record.status = 'COMPLETED';
}
