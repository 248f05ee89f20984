import { RoutedQueue } from './routed-queue.js';

declare global {
  interface HTMLElementTagNameMap {
    'routed-queue': RoutedQueue;
  }
}

if (!customElements.get('routed-queue')) {
  customElements.define('routed-queue', RoutedQueue);
}

export { RoutedQueue };
