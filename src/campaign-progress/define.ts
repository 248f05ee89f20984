import { CampaignProgress } from './campaign-progress.js';
import { listenForLateProviders } from '../shared/context.js';
import type { Campaign } from '../sdk/schemas.js';

declare global {
  interface HTMLElementTagNameMap {
    'campaign-progress': CampaignProgress;
  }
  interface HTMLElementEventMap {
    'campaign-stopped': CustomEvent<Campaign>;
  }
}

listenForLateProviders();

if (!customElements.get('campaign-progress')) {
  customElements.define('campaign-progress', CampaignProgress);
}

export { CampaignProgress };
