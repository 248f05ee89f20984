import { RoutedQueue, type OfferAnswer } from './routed-queue.js';
import { listenForLateProviders } from '../shared/context.js';
import { defineElement } from '../shared/define.js';

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

defineElement('routed-queue', RoutedQueue);

export { RoutedQueue, type OfferAnswer };
