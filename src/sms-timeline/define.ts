import '../campaign-answer/define.js';
import '../reply-marker/define.js';
import { SmsTimeline } from './sms-timeline.js';

declare global {
  interface HTMLElementTagNameMap {
    'sms-timeline': SmsTimeline;
  }
}

if (!customElements.get('sms-timeline')) {
  customElements.define('sms-timeline', SmsTimeline);
}

export { SmsTimeline };
