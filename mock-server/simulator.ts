/**
 * Stand-ins for Twilio on the sending side: an inbound SMS as Twilio would
 * post it to the messaging webhook, for the demo, stories and tests.
 */

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
