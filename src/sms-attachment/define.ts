import { SmsAttachment } from './sms-attachment.js';

declare global {
  interface HTMLElementTagNameMap {
    'sms-attachment': SmsAttachment;
  }
}

if (!customElements.get('sms-attachment')) {
  customElements.define('sms-attachment', SmsAttachment);
}

export { SmsAttachment };
