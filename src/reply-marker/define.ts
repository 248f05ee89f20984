import '../number-hovercard/define.js';
import { ReplyMarker } from './reply-marker.js';

declare global {
  interface HTMLElementTagNameMap {
    'reply-marker': ReplyMarker;
  }
}

if (!customElements.get('reply-marker')) {
  customElements.define('reply-marker', ReplyMarker);
}

export { ReplyMarker };
