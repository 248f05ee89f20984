/**
 * Stand-ins for Twilio on the sending side: an inbound SMS as Twilio would
 * post it to the messaging webhook, for the demo, stories and tests.
 */
import type { Engine } from './engine/engine.js';

export interface SimulatedSms {
  from: string;
  to: string;
  body: string;
  /** A fresh one is made when not given. */
  messageSid?: string;
  media?: Array<{ url: string; contentType: string }>;
}

const ACCOUNT_SID = `AC${'0'.repeat(32)}`;

/** A MessageSid in Twilio's shape: `SM` (or `MM` with media) and 32 hex. */
export function randomMessageSid(prefix: 'SM' | 'MM' = 'SM'): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return (
    prefix + [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
  );
}

/** The form Twilio posts for `sms`, with its parameter names. */
export function twilioInboundForm(sms: SimulatedSms): URLSearchParams {
  const media = sms.media ?? [];
  const sid =
    sms.messageSid ?? randomMessageSid(media.length > 0 ? 'MM' : 'SM');
  const form = new URLSearchParams({
    ToCountry: 'US',
    SmsMessageSid: sid,
    NumMedia: String(media.length),
    SmsSid: sid,
    SmsStatus: 'received',
    Body: sms.body,
    To: sms.to,
    NumSegments: '1',
    MessageSid: sid,
    AccountSid: ACCOUNT_SID,
    From: sms.from,
    ApiVersion: '2010-04-01',
  });
  media.forEach(({ url, contentType }, i) => {
    form.set(`MediaUrl${i}`, url);
    form.set(`MediaContentType${i}`, contentType);
  });
  return form;
}

/** Posts `form` to the Twilio webhook `hook` under `base`, as Twilio would. */
function postForm(
  hook: 'sms' | 'status',
  form: URLSearchParams,
  base: string,
): Promise<Response> {
  return fetch(`${base}/webhooks/twilio/${hook}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
}

/** Posts an inbound SMS to the webhook under `base`, as Twilio would. */
export const postTwilioWebhook = (form: URLSearchParams, base = '/api/v1') =>
  postForm('sms', form, base);

/** The status callback Twilio posts as a message it sent moves on. */
export function twilioStatusForm(
  messageSid: string,
  status: string,
  errorCode?: string,
): URLSearchParams {
  const form = new URLSearchParams({
    MessageSid: messageSid,
    SmsSid: messageSid,
    MessageStatus: status,
    SmsStatus: status,
    AccountSid: ACCOUNT_SID,
    ApiVersion: '2010-04-01',
  });
  if (errorCode) form.set('ErrorCode', errorCode);
  return form;
}

/** Posts a status callback to the webhook under `base`, as Twilio would. */
export const postTwilioStatus = (form: URLSearchParams, base = '/api/v1') =>
  postForm('status', form, base);

/**
 * Plays Twilio's part after each message the business sends: `sent` after
 * a second and `delivered` after two, as a carrier would report them,
 * each handed to `report` (which posts the status callback, or applies
 * it). Returns the way to stop.
 */
export function simulateDelivery(
  events: Engine['events'],
  report: (messageSid: string, status: 'sent' | 'delivered') => void,
): () => void {
  return events.subscribe((event) => {
    if (event.type !== 'item.created') return;
    const { content } = event.data;
    if (content.type !== 'SMS' || !content.messageSid) return;
    const sid = content.messageSid;
    for (const [status, ms] of [
      ['sent', 1000],
      ['delivered', 2000],
    ] as const) {
      const timer = setTimeout(() => report(sid, status), ms);
      // In Node, a pending callback does not keep the process alive.
      (timer as { unref?: () => void }).unref?.();
    }
  });
}
