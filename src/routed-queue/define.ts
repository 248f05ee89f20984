import { RoutedQueue } from './routed-queue.js';
import { listenForLateProviders } from '../shared/context.js';

declare global {
  interface HTMLElementTagNameMap {
    'routed-queue': RoutedQueue;
  }
}

listenForLateProviders();

if (!customElements.get('routed-queue')) {
  customElements.define('routed-queue', RoutedQueue);
}

export { RoutedQueue };
