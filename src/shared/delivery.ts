import { msg, str } from '@lit/localize';
import type { Delivery, DeliveryStatus } from '../sdk/schemas.js';

/** Each delivery status in words, in the kit's language. */
const words = (status: DeliveryStatus): string => {
  switch (status) {
    case 'accepted':
    case 'queued':
      return msg('Queued');
    case 'scheduled':
      return msg('Scheduled');
    case 'sending':
      return msg('Sending');
    case 'sent':
      return msg('Sent');
    case 'delivered':
      return msg('Delivered');
    case 'read':
      return msg('Read');
    case 'undelivered':
      return msg('Not delivered');
    case 'failed':
      return msg('Failed');
    case 'canceled':
      return msg('Canceled');
    case 'partially_delivered':
      return msg('Partly delivered');
  }
};

/** A message's delivery in words, with Twilio's error code when it failed. */
export function describeDelivery(delivery: Delivery): string {
  const said = words(delivery.status);
  const code = delivery.errorCode;
  return code ? msg(str`${said} (error ${code})`) : said;
}

/** Whether the message will not arrive. */
export const undelivered = (delivery: Delivery) =>
  ['undelivered', 'failed', 'canceled'].includes(delivery.status);
