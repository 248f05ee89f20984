/**
 * The whole kit: the SDK, the element classes, and the registration of
 * every tag. Import `sms-campaign-kit/sdk` for the client alone, or
 * `sms-campaign-kit/elements` for the classes without registering them.
 */
import './campaign-answer/define.js';
import './sms-attachment/define.js';
import './campaign-progress/define.js';
import './number-hovercard/define.js';
import './reply-marker/define.js';
import './routed-queue/define.js';
import './sms-composer/define.js';
import './sms-timeline/define.js';

export * from './sdk/index.js';
export * from './elements.js';
