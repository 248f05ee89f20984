/**
 * One import from each of the package's entry points, used as a host app
 * would use it; type-checking this file proves each resolves, with types.
 */
import { setLocale, SmsTimeline as Registered } from 'sms-campaign-kit';
import { ApiHttpError, SmsKitClient, type Inbox } from 'sms-campaign-kit/sdk';
import { RoutedQueue } from 'sms-campaign-kit/elements';
import 'sms-campaign-kit/define/sms-timeline';
import 'sms-campaign-kit/define/routed-queue';
import {
  createHandlers,
  Engine,
  ManualClock,
} from 'sms-campaign-kit/mock-server';
import { startMockServer } from 'sms-campaign-kit/mock-server/browser';
import { RoutedQueue as RoutedQueueView } from 'sms-campaign-kit/react';
import { createElement } from 'react';

export async function host(): Promise<void> {
  await setLocale('es');
  const client = new SmsKitClient({ baseUrl: '/api/v1' });
  try {
    const inboxes: Inbox[] = await client.listInboxes();
    console.log(inboxes.map((i) => i.name));
  } catch (error) {
    if (error instanceof ApiHttpError) console.log(error.status);
  }

  // The tags are typed once registered.
  const timeline = document.createElement('sms-timeline');
  const same: Registered = timeline;
  same.customerId = 'cus_1';
  timeline.addEventListener('reply-sent', (event) => {
    console.log(event.detail.item.id);
  });
  const queue: RoutedQueue = document.createElement('routed-queue');
  queue.addEventListener('conversation-pick', (event) => {
    timeline.customerId = event.detail.customerId;
  });

  // React: typed props, and typed events as on… props.
  createElement(RoutedQueueView, {
    inboxId: 'inb_1',
    onConversationPick: (event) => console.log(event.detail.customerId),
  });

  // The same mock, in the host's own tests.
  const engine = new Engine(new ManualClock());
  console.log(createHandlers(engine).length);
  const mock = await startMockServer();
  mock.engine.createInbox({ name: 'Gold', phoneNumbers: ['+14155550100'] });
}
