/**
 * Delivery of what the business sends: each outbound SMS gets a Twilio
 * MessageSid and starts `queued`; Twilio's status callbacks move it on.
 * Callbacks can arrive late or out of order, so a message never moves
 * back (a late `sent` after `delivered` changes nothing), and one that has
 * ended (delivered, undelivered, failed) stays where it ended.
 */
import type {
  DeliveryStatus,
  SmsContent,
  TimelineItem,
} from '../../src/sdk/schemas.js';
import { EngineError, notFound } from './errors.js';
import type { Store } from './store.js';

/**
 * How far along each status is. The endings share step 4, except that a
 * delivered message can still be read (step 5, on channels that say so).
 */
const STEP: Record<DeliveryStatus, number> = {
  accepted: 0,
  scheduled: 0,
  queued: 1,
  sending: 2,
  sent: 3,
  delivered: 4,
  undelivered: 4,
  failed: 4,
  canceled: 4,
  partially_delivered: 4,
  read: 5,
};
const ENDED: ReadonlySet<DeliveryStatus> = new Set([
  'undelivered',
  'failed',
  'canceled',
  'partially_delivered',
  'read',
]);

export interface StatusCallback {
  messageSid: string;
  status: DeliveryStatus;
  errorCode?: string;
}

/**
 * Sends an SMS from the business: a timeline item, queued for delivery,
 * stamped now or at `at` (clock ms; see Store.append).
 */
export function appendOutbound(
  store: Store,
  fields: Omit<TimelineItem, 'id' | 'timestamp' | 'content'> & {
    content: Omit<SmsContent, 'messageSid' | 'delivery'>;
  },
  at?: number,
): TimelineItem {
  const messageSid = store.nextOutboundSid();
  const stamp = store.stamp(at);
  const item = store.append(
    {
      ...fields,
      content: {
        ...fields.content,
        messageSid,
        delivery: { status: 'queued', updatedAt: stamp },
      },
    },
    at,
  );
  store.state.outboundSids.set(messageSid, {
    customerId: item.customerId,
    itemId: item.id,
  });
  return item;
}

/**
 * Applies a status callback. Returns the item as it now stands, and
 * whether the callback moved it on (false for a repeat or a late one).
 */
export function updateDelivery(
  store: Store,
  callback: StatusCallback,
): { item: TimelineItem; changed: boolean } {
  const where = store.state.outboundSids.get(callback.messageSid);
  if (!where) throw notFound('message', callback.messageSid, 'MessageSid');
  const record = store.record(where);
  const content = record.item.content as SmsContent;
  const now = content.delivery!;
  if (
    callback.errorCode &&
    callback.status !== 'undelivered' &&
    callback.status !== 'failed'
  ) {
    throw new EngineError(
      'invalid',
      `An ErrorCode comes only with undelivered or failed, not ${callback.status}.`,
      'ErrorCode',
    );
  }
  // Delivered can only go on to read; the other endings stay put.
  const ended = ENDED.has(now.status);
  if (ended || STEP[callback.status] <= STEP[now.status]) {
    return { item: structuredClone(record.item), changed: false };
  }
  // Items never change: the record takes a new one.
  const item = store.replace(record, {
    ...record.item,
    content: {
      ...content,
      delivery: {
        status: callback.status,
        updatedAt: store.now(),
        ...(callback.errorCode && { errorCode: callback.errorCode }),
      },
    },
  });
  return { item: structuredClone(item), changed: true };
}
