/**
 * The whole kit: the SDK, the element classes, and the registration of
 * every tag. Import `sms-campaign-kit/sdk` for the client alone.
 */
import './campaign-answer/define.js';
import './number-hovercard/define.js';
import './reply-marker/define.js';
import './routed-queue/define.js';
import './sms-timeline/define.js';

export * from './sdk/index.js';
export { CampaignAnswer } from './campaign-answer/campaign-answer.js';
export { NumberHovercard } from './number-hovercard/number-hovercard.js';
export { ReplyMarker } from './reply-marker/reply-marker.js';
export { RoutedQueue } from './routed-queue/routed-queue.js';
export { SmsTimeline } from './sms-timeline/sms-timeline.js';
export { clientContext } from './shared/context.js';
