import { RoutedQueue, type OfferAnswer } from './routed-queue.js';
import { listenForLateProviders } from '../shared/context.js';

declare global {
  interface HTMLElementTagNameMap {
    'routed-queue': RoutedQueue;
  }
  interface HTMLElementEventMap {
    'offer-answered': CustomEvent<OfferAnswer>;
    'conversation-pick': CustomEvent<{
      conversationId: string;
      customerId: string;
    }>;
  }
}

listenForLateProviders();

if (!customElements.get('routed-queue')) {
  customElements.define('routed-queue', RoutedQueue);
}

export { RoutedQueue, type OfferAnswer };
