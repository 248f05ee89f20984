/**
 * Twilio's inbound messaging webhook: form parameters in, an InboundSms
 * out. Parameter names are Twilio's own (`MessageSid`, `From`, `To`,
 * `Body`, `NumMedia`, `MediaUrl0`, `MediaContentType0`, …); parameters we
 * don't use (`ToCity`, `SmsSid`, …) are accepted and ignored.
 */
import * as z from 'zod/mini';
import {
  DeliveryStatus,
  MAX_BODY_LENGTH,
  PhoneNumber,
} from '../src/sdk/schemas.js';
import { parseWith, type Parsed } from '../src/sdk/validation.js';
import type { StatusCallback } from './engine/delivery.js';
import type { InboundSms } from './engine/records.js';

/** Twilio caps an inbound MMS at ten media files. */
const MAX_MEDIA = 10;

const Sid = (prefix: string) =>
  z.string().check(
    z.regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`), {
      error: `expected a Twilio SID: ${prefix} then 32 hex digits`,
    }),
  );

const InboundParams = z.object({
  MessageSid: Sid('(SM|MM)'),
  AccountSid: Sid('AC'),
  From: PhoneNumber,
  To: PhoneNumber,
  Body: z._default(z.string().check(z.maxLength(MAX_BODY_LENGTH)), ''),
  NumMedia: z._default(
    z.string().check(
      z.regex(/^\d+$/, { error: 'expected a whole number' }),
      z.refine((n) => Number(n) <= MAX_MEDIA, {
        error: `expected at most ${MAX_MEDIA}`,
      }),
    ),
    '0',
  ),
});

/** An https URL for a media file, which is what Twilio sends. */
const MediaUrl = z.url({ protocol: /^https$/, error: 'expected an https URL' });

/** Reads Twilio's inbound SMS parameters, naming each field at fault. */
export function parseTwilioInbound(form: URLSearchParams): Parsed<InboundSms> {
  const fields = Object.fromEntries(form);
  const parsed = parseWith(InboundParams, fields);
  if (!parsed.ok) return parsed;
  const { MessageSid, From, To, Body, NumMedia } = parsed.value;

  const problems = [];
  const attachments = [];
  const count = Number(NumMedia);
  for (let i = 0; i < count; i++) {
    const url = parseWith(MediaUrl, fields[`MediaUrl${i}`]);
    const contentType = fields[`MediaContentType${i}`];
    if (!url.ok) {
      problems.push({
        path: `MediaUrl${i}`,
        message: url.problems[0]!.message,
      });
    } else if (!contentType) {
      problems.push({
        path: `MediaContentType${i}`,
        message: `expected the content type of MediaUrl${i}`,
      });
    } else {
      attachments.push({ url: url.value, contentType });
    }
  }
  const extra = Object.keys(fields).find((name) => {
    const index = /^MediaUrl(\d+)$/.exec(name)?.[1];
    return index !== undefined && Number(index) >= count;
  });
  if (extra) {
    problems.push({
      path: 'NumMedia',
      message: `says ${count} but ${extra} was sent too`,
    });
  }
  if (count === 0 && Body.trim() === '') {
    problems.push({
      path: 'Body',
      message: 'is empty and no media came with it',
    });
  }
  if (problems.length > 0) return { ok: false, problems };

  return {
    ok: true,
    value: {
      messageSid: MessageSid,
      from: From,
      to: To,
      body: Body,
      attachments,
    },
  };
}

const StatusParams = z.object({
  MessageSid: Sid('(SM|MM)'),
  AccountSid: Sid('AC'),
  MessageStatus: DeliveryStatus,
  ErrorCode: z.optional(
    z
      .string()
      .check(z.regex(/^\d+$/, { error: 'expected Twilio’s numeric code' })),
  ),
});

/**
 * Reads Twilio's status callback for a message sent out (`MessageSid`,
 * `MessageStatus`, and `ErrorCode` when it failed), naming each field at
 * fault. The rest (`SmsSid`, `SmsStatus`, `To`, …) is accepted and ignored.
 */
export function parseTwilioStatus(
  form: URLSearchParams,
): Parsed<StatusCallback> {
  const parsed = parseWith(StatusParams, Object.fromEntries(form));
  if (!parsed.ok) return parsed;
  const { MessageSid, MessageStatus, ErrorCode } = parsed.value;
  return {
    ok: true,
    value: {
      messageSid: MessageSid,
      status: MessageStatus,
      ...(ErrorCode && { errorCode: ErrorCode }),
    },
  };
}

/** The empty TwiML answer: take the message, send nothing back. */
export const EMPTY_TWIML =
  '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';
