import { SmsAttachment } from './sms-attachment.js';
import { defineElement } from '../shared/define.js';

declare global {
  interface HTMLElementTagNameMap {
    'sms-attachment': SmsAttachment;
  }
}

defineElement('sms-attachment', SmsAttachment);

export { SmsAttachment };
