import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { RoutedQueue, SmsTimeline } from '../src/index.js';
import { deep, renderedText } from './helpers/elements.js';
import {
  eventually,
  fixture as readFixture,
  useMockServer,
} from './helpers/mock.js';

describe('the whole flow in the browser', () => {
  const mock = useMockServer();

  it('routes a campaign reply posted as a Twilio webhook and shows it live', async () => {
    const { client } = mock;
    const gold = await client.createInbox({
      name: 'Gold Members',
      phoneNumbers: ['+14155550100'],
    });
    const ben = await client.createAgent({
      name: 'Ben',
      inboxIds: [gold.id],
      capacity: 1,
      status: 'AVAILABLE',
    });
    const campaign = await client.createCampaign({
      name: 'July Sale',
      from: '+14155550100',
      answer: {
        name: 'July Sale early access',
        body: 'Our July Sale starts Friday.',
      },
      recipients: [{ name: 'Julie Example', phoneNumber: '+14155550142' }],
    });
    const julie = campaign.recipients[0]!.customerId;

    // Both tags, as a host page embeds them. Each is its own fixture: a
    // plain <div> fixture waits for an animation frame, which a background
    // tab in a parallel run never gets.
    const queue = await fixture<RoutedQueue>(
      html`<routed-queue inbox-id=${gold.id}></routed-queue>`,
    );
    const timeline = await fixture<SmsTimeline>(
      html`<sms-timeline customer-id=${julie}></sms-timeline>`,
    );
    await eventually(() => {
      expect(renderedText(timeline)).to.contain('Our July Sale starts Friday.');
      expect(renderedText(queue)).to.contain('Ben Available 0 / 1');
    });

    // Twilio posts the customer's reply, byte for byte as it would.
    const response = await fetch('/api/v1/webhooks/twilio/sms', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: await readFixture('twilio-inbound-sms.form'),
    });
    expect(response.status).to.equal(200);

    await eventually(() => {
      expect(renderedText(deep(timeline, '.log'))).to.match(
        /Julie Example responded to the SMS · July Sale.*Great! Tell me more\..*Routed to Gold Members · assigned to Ben/,
      );
      expect(renderedText(queue)).to.contain(
        'Ben Available 1 / 1 Julie Example',
      );
    });
    const [conversation] = await client.listConversations(julie);
    expect(conversation).to.include({
      inboxId: gold.id,
      agentId: ben.id,
      status: 'OPEN',
    });

    // The agent replies as normal, and that shows live too.
    await client.sendMessage(conversation!.id, {
      agentId: ben.id,
      body: 'It is 30% off!',
    });
    await eventually(() =>
      expect(renderedText(deep(timeline, '.log'))).to.contain('It is 30% off!'),
    );
  });
});
