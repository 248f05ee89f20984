import { msg } from '@lit/localize';
import {
  html,
  LitElement,
  type PropertyDeclarations,
  type TemplateResult,
} from 'lit';
import type { SmsKitClient } from '../sdk/client.js';
import type { StreamStatus } from '../sdk/events.js';
import type { EngineEvent } from '../sdk/schemas.js';
import { LiveController } from './live-controller.js';
import type { Failure } from './failure.js';
import { engineClock } from './engine-clock.js';
import { loadPhoneFormatting } from './format.js';
import { TimeZoneController } from './time-zone.js';
import { KitLanguage } from './kit-language.js';

export type LoadStatus = 'loading' | 'ready' | 'error';

/**
 * What the elements that read the API share (`sms-timeline`,
 * `routed-queue`, `campaign-progress`, `sms-composer`): they find the API
 * through `api-base` or a provided client, load once the event stream is
 * live, keep up with its events, and show loading and error states worded
 * for a person, with a retry where one can help. Those that show live
 * state say so while the stream is down (`reconnecting` part). Times show in their `time-zone`,
 * measured against the engine's clock, which they keep heard.
 */
export abstract class LiveElement extends LitElement {
  // Typed loosely so subclasses can declare their own; Lit merges them.
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    timeZone: { attribute: 'time-zone' },
    status: { state: true },
    failure: { state: true },
    stream: { state: true },
  };

  /** Where the API lives; `/api/v1` by default. */
  declare apiBase: string;
  /** The IANA time zone times show in; see TimeZoneController. */
  declare timeZone: string;

  /** The zone times are shown in, as it resolves. */
  protected readonly zone = new TimeZoneController(this);
  declare protected status: LoadStatus;
  /** Why loading failed, while `status` is 'error'. */
  declare protected failure: Failure | undefined;
  /** The event stream's state, for the reconnecting notice. */
  declare protected stream: StreamStatus;

  protected readonly live = new LiveController(this, {
    load: (client, isCurrent) => {
      // Times show relative to the engine's clock: heard on each load.
      engineClock.hear(() => client.getClock());
      return this.load(client, isCurrent);
    },
    onEvent: (event) => {
      if (event.type === 'item.created') {
        engineClock.observe(event.data.timestamp);
      }
      this.onEvent(event);
    },
    onStatus: (status) => (this.stream = status),
  });

  constructor() {
    super();
    // Draws again in a new language, and marks it where the page differs.
    new KitLanguage(this);
    this.apiBase = '';
    this.timeZone = '';
    this.status = 'loading';
    this.failure = undefined;
    this.stream = 'idle';
  }

  private stopClock?: () => void;
  private stopWaiting?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopWaiting = loadPhoneFormatting.whenLoaded(() =>
      this.requestUpdate(),
    );
    // The clock hears the engine again now and then through this element.
    this.stopClock = engineClock.addSource(() => this.live.client.getClock());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopClock?.();
    this.stopWaiting?.();
  }

  /** Loads what it shows; applies nothing once `isCurrent()` is false. */
  protected abstract load(
    client: SmsKitClient,
    isCurrent: () => boolean,
  ): Promise<void>;

  protected abstract onEvent(event: EngineEvent): void;

  /** Shows the loading state and loads again. */
  protected reload(): void {
    this.status = 'loading';
    this.live.reload();
  }

  protected fail(failure: Failure): void {
    this.failure = failure;
    this.status = 'error';
  }

  /**
   * While the event stream is down: what is shown may be behind. It goes
   * once the stream is back and has caught up on what it missed.
   */
  protected renderReconnecting(): TemplateResult | string {
    if (this.stream !== 'reconnecting') return '';
    return html`<p class="reconnecting" part="reconnecting" role="status">
      ${msg('Reconnecting… Changes will show once the connection is back.')}
    </p>`;
  }

  /** The loading or error notice, or undefined once ready. */
  protected renderState(
    loading: string,
    failed: string,
  ): TemplateResult | undefined {
    if (this.status === 'loading') {
      return html`<div class="state" part="state" role="status">
        ${loading}
      </div>`;
    }
    if (this.status !== 'error') return undefined;
    return html`<div class="state error" part="state" role="alert">
      <p>${failed} ${this.failure?.message}</p>
      ${
        this.failure?.retryable
          ? html`<button
              class="action"
              type="button"
              @click=${() => this.reload()}
            >
              ${msg('Try again')}
            </button>`
          : ''
      }
    </div>`;
  }
}
