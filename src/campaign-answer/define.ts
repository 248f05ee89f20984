import '../number-hovercard/define.js';
import { CampaignAnswer } from './campaign-answer.js';
import { defineElement } from '../shared/define.js';

declare global {
  interface HTMLElementTagNameMap {
    'campaign-answer': CampaignAnswer;
  }
}

defineElement('campaign-answer', CampaignAnswer);

export { CampaignAnswer };
