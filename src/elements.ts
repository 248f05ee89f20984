/**
 * The element classes alone: importing this registers no tags. Register
 * them with the define modules, or all at once through the package root.
 */
export { CampaignAnswer } from './campaign-answer/campaign-answer.js';
export { CampaignProgress } from './campaign-progress/campaign-progress.js';
export { NumberHovercard } from './number-hovercard/number-hovercard.js';
export { ReplyMarker } from './reply-marker/reply-marker.js';
export { RoutedQueue, type OfferAnswer } from './routed-queue/routed-queue.js';
export { SmsAttachment } from './sms-attachment/sms-attachment.js';
export { SmsComposer, type ReplyDetail } from './sms-composer/sms-composer.js';
export { SmsTimeline } from './sms-timeline/sms-timeline.js';
export {
  kitLocale,
  kitLocales,
  setLocale,
  type KitLocale,
} from './shared/locale.js';
export {
  clientContext,
  provideClient,
  provideTimeZone,
  timeZoneContext,
} from './shared/context.js';
