import { expect } from '@open-wc/testing';
import { DeliveryStatus, type SmsContent } from '../../src/sdk/schemas.js';
import {
  benAnswersJulie,
  GOLD,
  JULIE,
  refusal,
  setup,
  snapshot,
} from '../helpers/engine.js';

/** Julie texts in, Ben answers: his reply and its MessageSid. */
function replied() {
  const t = setup();
  return {
    ...t,
    ...benAnswersJulie(t.engine, 'Yes, in stores too.', t.gold.id),
  };
}

const deliveryOf = (t: ReturnType<typeof replied>) => {
  const [customer] = t.engine.findCustomersByPhone(JULIE);
  const item = t.engine
    .getTimeline(customer!.id)
    .items.find((i) => i.id === t.reply.id)!;
  return (item.content as SmsContent).delivery;
};

describe('delivery status', () => {
  it('gives each message sent a MessageSid, queued', () => {
    const t = replied();
    expect(t.sid).to.match(/^SM[0-9a-f]{32}$/);
    expect(deliveryOf(t)).to.deep.include({ status: 'queued' });
    const campaign = t.engine.createCampaign({
      name: 'Sale',
      from: GOLD,
      answer: { name: 'Sale', body: 'On now.' },
      recipients: [{ name: 'Ann', phoneNumber: '+14155550177' }],
    });
    const [ann] = t.engine.findCustomersByPhone('+14155550177');
    const sent = t.engine.getTimeline(ann!.id).items[0]!;
    const content = sent.content as SmsContent;
    expect(content.messageSid).to.match(/^SM[0-9a-f]{32}$/);
    expect(content.messageSid).not.to.equal(t.sid);
    expect(content.delivery?.status).to.equal('queued');
    expect(campaign.counts.sent).to.equal(1);
  });

  it('moves on with each status callback, and says so in an event', () => {
    const t = replied();
    const before = t.engine.events.latestId;
    t.clock.advance(2_000);
    const { changed } = t.engine.updateDelivery({
      messageSid: t.sid,
      status: 'delivered',
    });
    expect(changed).to.equal(true);
    expect(deliveryOf(t)).to.deep.equal({
      status: 'delivered',
      updatedAt: t.clock.now().toISOString(),
    });
    const events = t.engine.events.since(before);
    expect(events.map((e) => e.type)).to.deep.equal(['item.updated']);
    expect(events[0]!.data).to.deep.include({ id: t.reply.id });
  });

  it('never moves back: a late or repeated callback changes nothing', () => {
    const t = replied();
    t.engine.updateDelivery({ messageSid: t.sid, status: 'sent' });
    t.engine.updateDelivery({ messageSid: t.sid, status: 'delivered' });
    const before = snapshot(t.engine);
    for (const status of ['sending', 'sent', 'delivered', 'failed'] as const) {
      expect(
        t.engine.updateDelivery({ messageSid: t.sid, status }).changed,
      ).to.equal(false);
    }
    expect(deliveryOf(t)!.status).to.equal('delivered');
    expect(snapshot(t.engine)).to.equal(before);
  });

  it('never gives a MessageSid twice, not even after a reset', () => {
    const u = setup();
    const gold = u.engine.listInboxes()[0]!;
    const ben = u.engine.createAgent({
      name: 'Ben',
      inboxIds: [gold.id],
      capacity: 1,
    });
    u.sms(JULIE);
    const first = u.engine.sendAgentMessage(
      u.conversationOf(JULIE).id,
      ben.id,
      'a',
    );
    u.engine.reset();
    const gold2 = u.engine.createInbox({ name: 'Gold', phoneNumbers: [GOLD] });
    const ben2 = u.engine.createAgent({
      name: 'Ben',
      inboxIds: [gold2.id],
      capacity: 1,
    });
    const { item } = u.sms(JULIE);
    const second = u.engine.sendAgentMessage(
      item.conversationId!,
      ben2.id,
      'b',
    );
    const sidOf = (i: typeof first) =>
      i.content.type === 'SMS' ? i.content.messageSid : undefined;
    expect(sidOf(second)).to.not.equal(sidOf(first));
    // A late callback for the first message finds nothing to change.
    expect(() =>
      u.engine.updateDelivery({
        messageSid: sidOf(first)!,
        status: 'delivered',
      }),
    ).to.throw(/MessageSid|SMb0/);
  });

  it('takes every status Twilio sends for a message going out', () => {
    // From a queued message, each status Twilio can report is taken.
    const later = DeliveryStatus.options.filter(
      (s) => !['accepted', 'scheduled', 'queued'].includes(s),
    );
    for (const status of later) {
      const t = replied();
      expect(
        t.engine.updateDelivery({ messageSid: t.sid, status }).changed,
        status,
      ).to.equal(true);
      expect(deliveryOf(t)!.status).to.equal(status);
    }
    // Delivered can still be read; canceled stays canceled.
    const t = replied();
    t.engine.updateDelivery({ messageSid: t.sid, status: 'delivered' });
    expect(
      t.engine.updateDelivery({ messageSid: t.sid, status: 'read' }).changed,
    ).to.equal(true);
    const u = replied();
    u.engine.updateDelivery({ messageSid: u.sid, status: 'canceled' });
    expect(
      u.engine.updateDelivery({ messageSid: u.sid, status: 'delivered' })
        .changed,
    ).to.equal(false);
  });

  it('keeps the error code of a message that was not delivered', () => {
    const t = replied();
    t.engine.updateDelivery({
      messageSid: t.sid,
      status: 'undelivered',
      errorCode: '30003',
    });
    expect(deliveryOf(t)).to.deep.include({
      status: 'undelivered',
      errorCode: '30003',
    });
  });

  it('refuses an unknown MessageSid, or an error code on a good status, changing nothing', () => {
    const t = replied();
    const before = snapshot(t.engine);
    const unknown = refusal(() =>
      t.engine.updateDelivery({
        messageSid: `SM${'f'.repeat(32)}`,
        status: 'sent',
      }),
    );
    expect([unknown.kind, unknown.field]).to.deep.equal([
      'not_found',
      'MessageSid',
    ]);
    const code = refusal(() =>
      t.engine.updateDelivery({
        messageSid: t.sid,
        status: 'sent',
        errorCode: '30003',
      }),
    );
    expect([code.kind, code.field]).to.deep.equal(['invalid', 'ErrorCode']);
    expect(snapshot(t.engine)).to.equal(before);
  });
});
