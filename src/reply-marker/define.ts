import '../number-hovercard/define.js';
import { ReplyMarker } from './reply-marker.js';
import { defineElement } from '../shared/define.js';

declare global {
  interface HTMLElementTagNameMap {
    'reply-marker': ReplyMarker;
  }
}

defineElement('reply-marker', ReplyMarker);

export { ReplyMarker };
