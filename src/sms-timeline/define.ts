import '../campaign-answer/define.js';
import '../reply-marker/define.js';
import { SmsTimeline } from './sms-timeline.js';
import { listenForLateProviders } from '../shared/context.js';
import { defineElement } from '../shared/define.js';

declare global {
  interface HTMLElementTagNameMap {
    'sms-timeline': SmsTimeline;
  }
}

listenForLateProviders();

defineElement('sms-timeline', SmsTimeline);

export { SmsTimeline };
