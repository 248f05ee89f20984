/**
 * A customer's SMS taken in: joined to their open conversation or routed
 * as a new one, answering a campaign, and carrying keywords such as STOP.
 */
import * as z from 'zod/mini';
import {
  Attachment,
  MAX_BODY_LENGTH,
  PhoneNumber,
  type TimelineItem,
} from '../../src/sdk/schemas.js';
import { route } from './assignment.js';
import { checked, EngineError } from './errors.js';
import { smsKeyword } from './keywords.js';
import type { ConversationRecord } from './records.js';
import { openKey, type Store } from './store.js';

/** Which campaign message a text from `customer` to `line` answers. */
export const replyKey = (customerNumber: string, line: string) =>
  `${customerNumber}|${line}`;

/** An inbound SMS as the engine takes it, however it was called. */
const InboundSmsInput = z.object({
  messageSid: z.string().check(z.minLength(1)),
  from: PhoneNumber,
  to: PhoneNumber,
  body: z.string().check(z.maxLength(MAX_BODY_LENGTH)),
  attachments: z.array(Attachment),
});
export type InboundSms = z.infer<typeof InboundSmsInput>;

/**
 * Takes in a customer's SMS. A repeated MessageSid changes nothing and
 * returns the item stored the first time.
 */
export function receiveSms(
  store: Store,
  input: InboundSms,
): { item: TimelineItem; repeat: boolean } {
  // Checked here too, not only by the webhook: an attachment that is not a
  // web address would otherwise be stored and refused by every reader.
  const sms: InboundSms = checked(InboundSmsInput, input);
  const { messageSids, inboxByNumber, unanswered } = store.state;
  const earlier = messageSids.get(sms.messageSid);
  if (earlier) {
    return { item: structuredClone(store.record(earlier).item), repeat: true };
  }
  const inboxId = inboxByNumber.get(sms.to);
  if (!inboxId) {
    throw new EngineError(
      'not_found',
      `${sms.to} is not linked to any inbox; the message was not stored.`,
      'To',
    );
  }

  refuseInboxNumber(store, sms.from, 'From');

  const customer = store.findOrCreateCustomer(sms.from, sms.from);
  const open = store.openConversation(customer.id, inboxId);
  const conversation =
    open ?? openConversation(store, customer.id, inboxId, sms);

  const key = replyKey(sms.from, sms.to);
  const inResponseTo = unanswered.get(key);
  unanswered.delete(key);
  const item = store.append({
    conversationId: conversation.id,
    customerId: customer.id,
    initiator: { type: 'CUSTOMER', id: customer.id },
    content: {
      type: 'SMS',
      from: sms.from,
      to: sms.to,
      body: sms.body,
      attachments: sms.attachments.map((a) => ({ ...a })),
      ...(inResponseTo && { inResponseTo }),
    },
  });
  messageSids.set(sms.messageSid, { customerId: customer.id, itemId: item.id });
  takeKeyword(store, conversation, sms);

  if (!open) route(store, conversation);
  return { item: structuredClone(item), repeat: false };
}

/**
 * Acts on an SMS keyword: STOP and its kin turn the number's SMS off,
 * START and its kin back on, and HELP is noted. The message itself is
 * stored and routed like any other; the keyword gets an item of its own.
 */
function takeKeyword(
  store: Store,
  conversation: ConversationRecord,
  sms: InboundSms,
): void {
  const found = smsKeyword(sms.body);
  if (!found) return;
  const customer = store.customer(conversation.customerId);
  if (found.kind !== 'HELP') {
    const phone = customer.phones.find((p) => p.number === sms.from)!;
    phone.smsPreference = found.kind === 'OPT_OUT' ? 'OFF' : 'ON';
    store.emit('customer.updated', structuredClone(customer));
  }
  store.append({
    conversationId: conversation.id,
    customerId: customer.id,
    initiator: { type: 'CUSTOMER', id: customer.id },
    content: {
      type: found.kind,
      phoneNumber: sms.from,
      keyword: found.keyword,
    },
  });
}

/** A number of our own inboxes is never a customer's. */
export function refuseInboxNumber(store: Store, number: string, field: string) {
  const inboxId = store.state.inboxByNumber.get(number);
  if (!inboxId) return;
  throw new EngineError(
    'invalid',
    `${number} is the number of the inbox "${store.inbox(inboxId).name}", not a customer's.`,
    field,
  );
}

function openConversation(
  store: Store,
  customerId: string,
  inboxId: string,
  sms: InboundSms,
): ConversationRecord {
  const seq = store.tick();
  const conversation: ConversationRecord = {
    id: `cnv_${seq}`,
    createdSeq: seq,
    customerId,
    inboxId,
    agentId: null,
    status: 'OPEN',
    createdAt: store.now(),
    inboxNumber: sms.to,
    customerNumber: sms.from,
  };
  const { conversations, conversationsByCustomer, openByKey } = store.state;
  conversations.set(conversation.id, conversation);
  conversationsByCustomer.get(customerId)!.push(conversation.id);
  openByKey.set(openKey(customerId, inboxId), conversation.id);
  return conversation;
}
