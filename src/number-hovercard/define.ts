import { NumberHovercard } from './number-hovercard.js';
import { defineElement } from '../shared/define.js';

declare global {
  interface HTMLElementTagNameMap {
    'number-hovercard': NumberHovercard;
  }
  interface HTMLElementEventMap {
    'hovercard-open': Event;
    'hovercard-close': Event;
    'number-copied': CustomEvent<{ number: string; which: 'from' | 'to' }>;
  }
}

defineElement('number-hovercard', NumberHovercard);

export { NumberHovercard };
