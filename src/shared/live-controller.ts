import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DEFAULT_API_BASE, SmsKitClient } from '../sdk/client.js';
import type { StreamStatus } from '../sdk/events.js';
import type { EngineEvent } from '../sdk/schemas.js';
import { clientContext } from './context.js';

/** One client per base URL, so elements on a page share one event stream. */
const clients = new Map<string, SmsKitClient>();

export function clientFor(baseUrl: string): SmsKitClient {
  let client = clients.get(baseUrl);
  if (!client) {
    client = new SmsKitClient({ baseUrl });
    clients.set(baseUrl, client);
  }
  return client;
}

/** How long to wait for the event stream before loading anyway. */
const STREAM_WAIT_MS = 1500;

type Host = ReactiveControllerHost & HTMLElement & { apiBase?: string };

export interface LiveOptions {
  /**
   * Loads what the element shows; called again by `reload()`. `isCurrent`
   * turns false once a newer load has started: check it before applying.
   */
  load(client: SmsKitClient, isCurrent: () => boolean): Promise<void>;
  /** Each event from the stream while the element is connected. */
  onEvent(event: EngineEvent): void;
  /** The stream's state as it changes: live, reconnecting, … */
  onStatus?(status: StreamStatus): void;
}

/**
 * Finds the element's client (one an ancestor provides with @lit/context,
 * else a shared one for its `api-base`), listens to its event stream while
 * connected, and loads once the stream is live, so that no change between
 * the load and the first event can be missed.
 */
export class LiveController implements ReactiveController {
  private readonly consumer: ContextConsumer<typeof clientContext, Host>;
  private current?: SmsKitClient;
  private unsubscribe?: () => void;
  private generation = 0;

  constructor(
    private readonly host: Host,
    private readonly options: LiveOptions,
  ) {
    this.consumer = new ContextConsumer(host, {
      context: clientContext,
      subscribe: true,
      callback: () => this.check(),
    });
    host.addController(this);
  }

  get client(): SmsKitClient {
    return (
      this.consumer.value ?? clientFor(this.host.apiBase || DEFAULT_API_BASE)
    );
  }

  hostConnected(): void {
    // A provider answers during connection; checking a microtask later
    // picks the provided client rather than making one first.
    queueMicrotask(() => this.check());
  }

  hostUpdated(): void {
    this.check();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.current = undefined;
    this.generation++;
  }

  /** Loads again, through the same client: after a retry or a new id. */
  reload(): void {
    if (this.current) void this.run(this.current);
  }

  private check(): void {
    if (!this.host.isConnected) return;
    const client = this.client;
    if (client === this.current) return;
    this.unsubscribe?.();
    this.current = client;
    const stopEvents = client.events.subscribe((event) =>
      this.options.onEvent(event),
    );
    const stopStatus = client.events.onStatus((status) =>
      this.options.onStatus?.(status),
    );
    // Told a moment later, not in the middle of the host's update.
    queueMicrotask(() => this.options.onStatus?.(client.events.status));
    this.unsubscribe = () => {
      stopEvents();
      stopStatus();
    };
    void this.run(client);
  }

  private async run(client: SmsKitClient): Promise<void> {
    const generation = ++this.generation;
    await Promise.race([
      client.events.ready(),
      new Promise((resolve) => setTimeout(resolve, STREAM_WAIT_MS)),
    ]);
    // A newer load (or a disconnect) has taken over since.
    if (generation !== this.generation) return;
    await this.options.load(client, () => generation === this.generation);
  }
}
