import { CampaignProgress } from './campaign-progress.js';
import { listenForLateProviders } from '../shared/context.js';
import type { Campaign } from '../sdk/schemas.js';
import { defineElement } from '../shared/define.js';

declare global {
  interface HTMLElementTagNameMap {
    'campaign-progress': CampaignProgress;
  }
  interface HTMLElementEventMap {
    'campaign-stopped': CustomEvent<Campaign>;
  }
}

listenForLateProviders();

defineElement('campaign-progress', CampaignProgress);

export { CampaignProgress };
