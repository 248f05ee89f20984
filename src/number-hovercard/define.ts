import { NumberHovercard } from './number-hovercard.js';

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

if (!customElements.get('number-hovercard')) {
  customElements.define('number-hovercard', NumberHovercard);
}

export { NumberHovercard };
