/**
 * A React host of the kit, as test/server/server.test.mjs bundles and
 * opens it against server mode: the queue's typed event picks the
 * customer, whose timeline then shows.
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { RoutedQueue, SmsTimeline } from '../../src/react/index.js';

function Desk() {
  const [customerId, setCustomerId] = useState('');
  return (
    <main>
      <RoutedQueue
        inboxId="inb_1"
        agentId="agt_3"
        onConversationPick={(event) => setCustomerId(event.detail.customerId)}
      />
      {customerId ? (
        <SmsTimeline customerId={customerId} agentId="agt_3" />
      ) : (
        <p id="none">No customer open.</p>
      )}
    </main>
  );
}

createRoot(document.querySelector('#root')!).render(<Desk />);
