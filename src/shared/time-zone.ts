import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { timeZoneContext } from './context.js';
import { engineClock } from './engine-clock.js';
import { isTimeZone } from './format.js';

type Host = ReactiveControllerHost & HTMLElement & { timeZone?: string };

const warned = new Set<string>();

/**
 * The time zone an element shows times in, and when they are drawn again: its own `time-zone`, else one
 * an ancestor provides, else the browser's (undefined). A name the browser
 * does not know is said once in the console and the browser's zone used.
 */
export class TimeZoneController implements ReactiveController {
  private readonly consumer: ContextConsumer<typeof timeZoneContext, Host>;

  constructor(private readonly host: Host) {
    this.consumer = new ContextConsumer(host, {
      context: timeZoneContext,
      subscribe: true,
    });
    host.addController(this);
  }

  get value(): string | undefined {
    const zone = this.host.timeZone || this.consumer.value;
    if (!zone) return undefined;
    if (isTimeZone(zone)) return zone;
    if (!warned.has(zone)) {
      warned.add(zone);
      console.warn(
        `sms-campaign-kit: "${zone}" is not a time zone this browser knows (expected an IANA name such as America/Chicago); showing times in the browser's own.`,
      );
    }
    return undefined;
  }

  private stopListening?: () => void;

  // Relative times ("5 minutes ago") move on: the host draws again as the
  // engine's clock does (each half minute, or when it is heard).
  hostConnected(): void {
    this.stopListening = engineClock.subscribe(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.stopListening?.();
  }
}
