import type { Delivery, DeliveryStatus } from '../sdk/schemas.js';

const WORDS: Record<DeliveryStatus, string> = {
  accepted: 'Queued',
  scheduled: 'Scheduled',
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  undelivered: 'Not delivered',
  failed: 'Failed',
  canceled: 'Canceled',
  partially_delivered: 'Partly delivered',
};

/** A message's delivery in words, with Twilio's error code when it failed. */
export function describeDelivery(delivery: Delivery): string {
  const words = WORDS[delivery.status];
  return delivery.errorCode ? `${words} (error ${delivery.errorCode})` : words;
}

/** Whether the message will not arrive. */
export const undelivered = (delivery: Delivery) =>
  ['undelivered', 'failed', 'canceled'].includes(delivery.status);
