import '../campaign-answer/define.js';
import '../reply-marker/define.js';
import { SmsTimeline } from './sms-timeline.js';
import { listenForLateProviders } from '../shared/context.js';

declare global {
  interface HTMLElementTagNameMap {
    'sms-timeline': SmsTimeline;
  }
}

listenForLateProviders();

if (!customElements.get('sms-timeline')) {
  customElements.define('sms-timeline', SmsTimeline);
}

export { SmsTimeline };
