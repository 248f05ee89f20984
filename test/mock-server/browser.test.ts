import { expect } from '@open-wc/testing';
import { MAX_SPEED, startMockServer } from '../../mock-server/browser.js';
import { ManualClock } from '../../mock-server/clock.js';
import { eventually } from '../helpers/mock.js';

describe('the browser mock', () => {
  it('plays its clock faster when asked, so campaigns send sooner', async () => {
    const clock = new ManualClock('2026-07-01T16:00:00Z');
    const mock = await startMockServer({ clock });
    try {
      const start = clock.now().getTime();
      mock.engine.createInbox({ name: 'Gold', phoneNumbers: ['+14155550100'] });
      const campaign = mock.engine.createCampaign({
        name: 'Sale',
        from: '+14155550100',
        answer: { name: 'Sale', body: 'It is on.' },
        recipients: Array.from({ length: 3 }, (_, i) => ({
          name: `P${i}`,
          phoneNumber: `+1415555300${i}`,
        })),
        ratePerFiveMinutes: 1,
      });
      expect(mock.engine.getCampaign(campaign.id).counts.sent).to.equal(1);
      // 3,600 times real time: five minutes of the clock in 1/12 s.
      mock.setSpeed(MAX_SPEED);
      await eventually(() =>
        expect(mock.engine.getCampaign(campaign.id).status).to.equal(
          'COMPLETED',
        ),
      );
      expect(clock.now().getTime() - start).to.be.at.least(10 * 60_000);
      mock.setSpeed(1);
      const paused = clock.now().getTime();
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(clock.now().getTime()).to.equal(paused);
    } finally {
      mock.stop();
    }
  });

  it('refuses a speed it cannot play, naming the range, and keeps its own', async () => {
    const clock = new ManualClock('2026-07-01T16:00:00Z');
    const mock = await startMockServer({ clock });
    try {
      for (const speed of [0, -2, Number.NaN, MAX_SPEED + 1]) {
        expect(() => mock.setSpeed(speed)).to.throw(
          RangeError,
          /speed must be from 1 to 3600/,
        );
      }
      const before = clock.now().getTime();
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(clock.now().getTime()).to.equal(before);
    } finally {
      mock.stop();
    }
  });

  it('plays Twilio’s delivery callbacks for what the business sends, when asked', async () => {
    const mock = await startMockServer({
      clock: new ManualClock('2026-07-01T16:00:00Z'),
      simulateDelivery: true,
    });
    try {
      const gold = mock.engine.createInbox({
        name: 'Gold',
        phoneNumbers: ['+14155550100'],
      });
      const ben = mock.engine.createAgent({
        name: 'Ben',
        inboxIds: [gold.id],
        capacity: 1,
      });
      const { item } = mock.engine.receiveSms({
        messageSid: `SM${'2'.repeat(32)}`,
        from: '+14155550142',
        to: '+14155550100',
        body: 'Hi',
        attachments: [],
      });
      const reply = mock.engine.sendAgentMessage(
        item.conversationId!,
        ben.id,
        'Hello',
      );
      const statuses: string[] = [];
      mock.engine.events.subscribe((event) => {
        if (event.type === 'item.updated' && event.data.id === reply.id) {
          const { content } = event.data;
          if (content.type === 'SMS') statuses.push(content.delivery!.status);
        }
      });
      await eventually(
        () => expect(statuses).to.deep.equal(['sent', 'delivered']),
        4000,
      );
    } finally {
      mock.stop();
    }
  });
});
