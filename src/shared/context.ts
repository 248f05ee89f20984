import { ContextProvider, ContextRoot, createContext } from '@lit/context';
import type { SmsKitClient } from '../sdk/client.js';

/**
 * An SDK client provided by an ancestor. Elements under a provider use it
 * instead of making their own from `api-base`.
 */
export const clientContext = createContext<SmsKitClient | undefined>(
  Symbol.for('sms-campaign-kit/client'),
);

let root: ContextRoot | undefined;

/**
 * Lets a provider that arrives after the elements still reach them: their
 * unanswered requests wait at the document and are asked again when a
 * provider announces itself. The define modules of the elements that
 * consume the client call this once.
 */
export function listenForLateProviders(): void {
  if (root) return;
  root = new ContextRoot();
  root.attach(document.documentElement);
}

/**
 * Provides `client` to every kit element inside `host`, whether they are
 * already in the page or come later. Returns the provider, whose
 * `setValue` swaps the client.
 *
 * ```js
 * const client = new SmsKitClient({ fetch: authed });
 * provideClient(document.querySelector('#helpdesk'), client);
 * ```
 */
export function provideClient(
  host: HTMLElement,
  client: SmsKitClient,
): ContextProvider<typeof clientContext> {
  const provider = new ContextProvider(host, {
    context: clientContext,
    initialValue: client,
  });
  // A plain element has no lifecycle to tell the provider it is there, so
  // it is announced now, for elements that asked before it existed.
  if (host.isConnected) provider.hostConnected();
  return provider;
}

/**
 * The agent's time zone, an IANA name such as `America/Chicago`, provided
 * by an ancestor. An element's own `time-zone` attribute wins over it; with
 * neither, times are in the browser's zone.
 */
export const timeZoneContext = createContext<string | undefined>(
  Symbol.for('sms-campaign-kit/time-zone'),
);

/**
 * Shows every kit element's times inside `host` in `timeZone`. Returns the
 * provider, whose `setValue` changes it.
 */
export function provideTimeZone(
  host: HTMLElement,
  timeZone: string,
): ContextProvider<typeof timeZoneContext> {
  const provider = new ContextProvider(host, {
    context: timeZoneContext,
    initialValue: timeZone,
  });
  if (host.isConnected) provider.hostConnected();
  return provider;
}
