import { createContext } from '@lit/context';
import type { SmsKitClient } from '../sdk/client.js';

/**
 * An SDK client provided by an ancestor. Elements under a provider use it
 * instead of making their own from `api-base`.
 */
export const clientContext = createContext<SmsKitClient | undefined>(
  Symbol.for('sms-campaign-kit/client'),
);
