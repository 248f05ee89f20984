import '../number-hovercard/define.js';
import { CampaignAnswer } from './campaign-answer.js';

declare global {
  interface HTMLElementTagNameMap {
    'campaign-answer': CampaignAnswer;
  }
}

if (!customElements.get('campaign-answer')) {
  customElements.define('campaign-answer', CampaignAnswer);
}

export { CampaignAnswer };
