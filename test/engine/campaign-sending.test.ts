import { expect } from '@open-wc/testing';
import {
  customerNumber,
  GOLD,
  refusal,
  setup,
  snapshot,
} from '../helpers/engine.js';

const MINUTE = 60;

/** A campaign to `count` customers, with the given settings. */
function campaign(t: ReturnType<typeof setup>, count: number, extra = {}) {
  return t.engine.createCampaign({
    name: 'July Sale',
    from: GOLD,
    answer: { name: 'Early access', body: 'Our sale starts Friday.' },
    recipients: Array.from({ length: count }, (_, i) => ({
      name: `Customer ${i}`,
      phoneNumber: customerNumber(i),
    })),
    ...extra,
  });
}

describe('campaign sending', () => {
  it('sends at once, and is COMPLETED, within the rate', () => {
    const t = setup();
    const sent = campaign(t, 3);
    expect(sent.status).to.equal('COMPLETED');
    expect(sent.counts).to.deep.equal({ sent: 3, skipped: 0, pending: 0 });
  });

  it('sends at most ratePerFiveMinutes, then the rest as the window allows, in order', () => {
    const t = setup();
    const started = campaign(t, 100);
    expect(started.status).to.equal('IN_PROGRESS');
    expect(started.counts).to.deep.equal({ sent: 40, skipped: 0, pending: 60 });
    expect(started.recipients.map((r) => r.phoneNumber)).to.deep.equal(
      Array.from({ length: 40 }, (_, i) => customerNumber(i)),
    );
    t.engine.advanceClock(4 * MINUTE);
    expect(t.engine.getCampaign(started.id).counts.sent).to.equal(40);
    t.engine.advanceClock(MINUTE);
    expect(t.engine.getCampaign(started.id).counts.sent).to.equal(80);
    t.engine.advanceClock(5 * MINUTE);
    expect(t.engine.getCampaign(started.id)).to.deep.include({
      status: 'COMPLETED',
    });
    expect(t.engine.getCampaign(started.id).counts).to.deep.equal({
      sent: 100,
      skipped: 0,
      pending: 0,
    });
  });

  it('sends as the window allows however far the clock moves at once, each message at its time', () => {
    const t = setup();
    const started = campaign(t, 600);
    const start = t.clock.now().getTime();
    // An hour in one move holds twelve windows: 40 at once, then 40 at
    // each 5 minutes after, up to and including the hour's end.
    t.engine.advanceClock(60 * MINUTE);
    const { recipients, counts } = t.engine.getCampaign(started.id);
    expect(counts.sent).to.equal(40 * 13);
    // Each message is stamped with when its turn came, so no five minutes
    // of the timelines hold more than the rate.
    const times = recipients.map((r) => {
      const item = t.engine
        .getTimeline(r.customerId)
        .items.find((i) => i.id === r.itemId)!;
      return Date.parse(item.timestamp) - start;
    });
    expect(times.slice(38, 42)).to.deep.equal([0, 0, 5 * 60_000, 5 * 60_000]);
    expect(times.at(-1)).to.equal(60 * 60_000);
    for (let i = 40; i < times.length; i++) {
      expect(times[i]! - times[i - 40]!).to.be.at.least(5 * 60_000);
    }
  });

  it('tells of its progress as campaign.updated events', () => {
    const t = setup();
    const before = t.engine.events.latestId;
    const started = campaign(t, 45);
    t.engine.advanceClock(5 * MINUTE);
    const progress = t.engine.events
      .since(before)
      .flatMap((e) => (e.type === 'campaign.updated' ? [e.data] : []));
    expect(progress.map((c) => [c.status, c.counts.sent])).to.deep.equal([
      ['IN_PROGRESS', 40],
      ['COMPLETED', 45],
    ]);
    expect(progress[0]!.id).to.equal(started.id);
  });

  it('keeps its own rate', () => {
    const t = setup();
    const slow = campaign(t, 5, { ratePerFiveMinutes: 2 });
    expect(slow.counts.sent).to.equal(2);
  });

  it('waits until sendAt when scheduled', () => {
    const t = setup();
    const sendAt = new Date(
      t.clock.now().getTime() + 10 * MINUTE * 1000,
    ).toISOString();
    const later = campaign(t, 2, { sendAt });
    expect(later.status).to.equal('SCHEDULED');
    expect(later.counts).to.deep.equal({ sent: 0, skipped: 0, pending: 2 });
    t.engine.advanceClock(10 * MINUTE);
    expect(t.engine.getCampaign(later.id).status).to.equal('COMPLETED');
  });

  it('stops: nothing more is sent, and what was not sent stays pending', () => {
    const t = setup();
    const started = campaign(t, 50);
    const stopped = t.engine.stopCampaign(started.id);
    expect(stopped.status).to.equal('STOPPED');
    t.engine.advanceClock(10 * MINUTE);
    expect(t.engine.getCampaign(started.id).counts).to.deep.equal({
      sent: 40,
      skipped: 0,
      pending: 10,
    });
  });

  it('refuses to stop a campaign that has ended, changing nothing', () => {
    const t = setup();
    const done = campaign(t, 1);
    const before = snapshot(t.engine);
    const error = refusal(() => t.engine.stopCampaign(done.id));
    expect(error.kind).to.equal('conflict');
    expect(error.message).to.contain('COMPLETED');
    expect(snapshot(t.engine)).to.equal(before);
  });

  it('counts an opted-out recipient as skipped when their turn comes', () => {
    const t = setup();
    t.sms(customerNumber(1), { body: 'STOP' });
    const sent = campaign(t, 3);
    expect(sent.counts).to.deep.equal({ sent: 2, skipped: 1, pending: 0 });
    expect(sent.skipped[0]).to.deep.include({
      phoneNumber: customerNumber(1),
      reason: 'OPTED_OUT',
    });
  });
});
