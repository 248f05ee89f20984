import { expect } from '@open-wc/testing';
import {
  MAX_SPEED,
  startMockServer,
  type MockServer,
} from '../../mock-server/browser.js';
import { ManualClock } from '../../mock-server/clock.js';
import { benAnswersJulie } from '../helpers/engine.js';
import { eventually } from '../helpers/mock.js';

const GOLD = '+14155550100';

describe('the browser mock', () => {
  // One mock for the file: a page registers MSW's worker once.
  const clock = new ManualClock('2026-07-01T16:00:00Z');
  let mock: MockServer;

  before(async () => {
    mock = await startMockServer({ clock, simulateDelivery: true });
  });
  beforeEach(() => {
    mock.setSpeed(1);
    mock.engine.reset();
  });
  after(() => mock.stop());

  it('plays its clock faster when asked, so campaigns send sooner', async () => {
    const start = clock.now().getTime();
    mock.engine.createInbox({ name: 'Gold', phoneNumbers: [GOLD] });
    const campaign = mock.engine.createCampaign({
      name: 'Sale',
      from: GOLD,
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
      expect(mock.engine.getCampaign(campaign.id).status).to.equal('COMPLETED'),
    );
    expect(clock.now().getTime() - start).to.be.at.least(10 * 60_000);
    mock.setSpeed(1);
    const paused = clock.now().getTime();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(clock.now().getTime()).to.equal(paused);
  });

  it('refuses a speed it cannot play, naming the range, and keeps its own', async () => {
    for (const speed of [0, -2, Number.NaN, MAX_SPEED + 1]) {
      expect(() => mock.setSpeed(speed)).to.throw(
        RangeError,
        /speed must be from 1 to 3600/,
      );
    }
    const before = clock.now().getTime();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(clock.now().getTime()).to.equal(before);
  });

  it('plays Twilio’s delivery callbacks for what the business sends', async () => {
    const statuses: string[] = [];
    const stop = mock.engine.events.subscribe((event) => {
      if (event.type !== 'item.updated') return;
      const { content } = event.data;
      if (content.type === 'SMS') statuses.push(content.delivery!.status);
    });
    benAnswersJulie(mock.engine, 'Hello');
    await eventually(
      () => expect(statuses).to.deep.equal(['sent', 'delivered']),
      4000,
    );
    stop();
  });
});
