import { SmsComposer, type ReplyDetail } from './sms-composer.js';
import { listenForLateProviders } from '../shared/context.js';
import type { TimelineItem } from '../sdk/schemas.js';
import { defineElement } from '../shared/define.js';

declare global {
  interface HTMLElementTagNameMap {
    'sms-composer': SmsComposer;
  }
  interface HTMLElementEventMap {
    'reply-send': CustomEvent<ReplyDetail>;
    'reply-sent': CustomEvent<ReplyDetail & { item: TimelineItem }>;
    'reply-failed': CustomEvent<ReplyDetail & { error: string }>;
    'reply-retry': CustomEvent<ReplyDetail>;
  }
}

listenForLateProviders();

defineElement('sms-composer', SmsComposer);

export { SmsComposer, type ReplyDetail };
