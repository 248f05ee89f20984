import { expect } from '@open-wc/testing';
import {
  customerNumber,
  JULIE,
  refusal,
  setup,
  snapshot,
} from '../helpers/engine.js';

/** An inbox that offers for 30 seconds, Ben and Amara in it. */
function offering() {
  const t = setup();
  t.engine.updateInbox(t.gold.id, { offerTimeoutSeconds: 30 });
  const ben = t.agent('Ben', 3);
  const amara = t.agent('Amara', 2);
  return { ...t, ben, amara };
}

const offersOf = (t: ReturnType<typeof setup>) =>
  t.engine.getQueue(t.gold.id).offers;

describe('offers', () => {
  it('assigns at once while offerTimeoutSeconds is 0', () => {
    const t = setup();
    const ben = t.agent('Ben');
    t.sms(JULIE);
    expect(t.conversationOf(JULIE).agentId).to.equal(ben.id);
    expect(offersOf(t)).to.deep.equal([]);
  });

  it('offers to the chosen agent, with when it expires, and counts it against capacity', () => {
    const t = offering();
    t.engine.updateAgent(t.ben.id, { capacity: 2 });
    t.sms(JULIE);
    const [offer] = offersOf(t);
    expect(offer).to.deep.include({
      conversationId: t.conversationOf(JULIE).id,
      agentId: t.ben.id,
      expiresAt: new Date(t.clock.now().getTime() + 30_000).toISOString(),
    });
    expect(t.conversationOf(JULIE).agentId).to.equal(null);
    expect(t.engine.getAgent(t.ben.id).pendingOffers).to.equal(1);
    // Counting the offer Ben has 1 spare to Amara's 2, so she is next; were
    // it not counted they would tie and Ben, created first, would be.
    t.sms(customerNumber(1));
    expect(offersOf(t).map((o) => o.agentId)).to.deep.equal([
      t.ben.id,
      t.amara.id,
    ]);
  });

  it('assigns the conversation when the agent accepts', () => {
    const t = offering();
    t.sms(JULIE);
    t.engine.acceptOffer(offersOf(t)[0]!.id);
    // The decision that made the offer says why they have it.
    const accepted = t.engine
      .getRoutingHistory(t.conversationOf(JULIE).id)
      .find((r) => r.reason === 'ACCEPTED')!;
    expect(accepted.decision?.chosenAgentId).to.equal(t.ben.id);
    expect(t.conversationOf(JULIE).agentId).to.equal(t.ben.id);
    expect(t.engine.getAgent(t.ben.id)).to.include({
      openConversations: 1,
      pendingOffers: 0,
    });
    expect(offersOf(t)).to.deep.equal([]);
  });

  it('sends a declined offer on to the next agent, never back', () => {
    const t = offering();
    t.sms(JULIE);
    t.engine.declineOffer(offersOf(t)[0]!.id);
    const [next] = offersOf(t);
    expect(next!.agentId).to.equal(t.amara.id);
    t.engine.declineOffer(next!.id);
    // Everyone eligible has declined: it waits in the queue.
    expect(offersOf(t)).to.deep.equal([]);
    expect(
      t.engine.getQueue(t.gold.id).waiting.map((w) => w.conversationId),
    ).to.deep.equal([t.conversationOf(JULIE).id]);
    expect(t.engine.lostMessages()).to.deep.equal([]);
  });

  it('records who declined in the next decision', () => {
    const t = offering();
    t.sms(JULIE);
    t.engine.declineOffer(offersOf(t)[0]!.id);
    const history = t.engine.getRoutingHistory(t.conversationOf(JULIE).id);
    const last = history.at(-1)!;
    expect(last.reason).to.equal('OFFERED');
    expect(
      last.decision!.candidates.find((c) => c.agentId === t.ben.id),
    ).to.deep.include({
      eligible: false,
      reason: 'DECLINED',
    });
  });

  it('moves a missed offer on when it times out, and sets the agent AWAY', () => {
    const t = offering();
    t.sms(JULIE);
    t.engine.advanceClock(29);
    expect(offersOf(t)[0]!.agentId).to.equal(t.ben.id);
    t.engine.advanceClock(1);
    expect(t.engine.getAgent(t.ben.id).status).to.equal('AWAY');
    expect(offersOf(t)[0]!.agentId).to.equal(t.amara.id);
    const reasons = t.engine
      .getRoutingHistory(t.conversationOf(JULIE).id)
      .map((r) => r.reason);
    expect(reasons).to.deep.equal(['OFFERED', 'MISSED', 'OFFERED']);
  });

  it('offers nothing to an agent who missed an offer at the same moment', () => {
    // Julie's offer is Amara's, her only room; Alan's is Ben's, who has
    // room for one more. Both run out together, Julie's first.
    const t = offering();
    t.engine.updateAgent(t.amara.id, { capacity: 1 });
    t.engine.updateAgent(t.ben.id, { capacity: 2, status: 'AWAY' });
    t.sms(JULIE);
    t.engine.updateAgent(t.ben.id, { status: 'AVAILABLE' });
    t.sms(customerNumber(1));
    t.engine.advanceClock(30);
    // Julie is not offered to Ben, who is going AWAY in this same moment,
    // only to be withdrawn again: with nobody left, both wait.
    for (const [phone, first] of [
      [JULIE, t.amara.id],
      [customerNumber(1), t.ben.id],
    ] as const) {
      const history = t.engine.getRoutingHistory(t.conversationOf(phone).id);
      expect(history.map((r) => [r.reason, r.agentId])).to.deep.equal([
        ['OFFERED', first],
        ['MISSED', first],
        ['QUEUED', null],
      ]);
    }
  });

  it('records both as missed when two offers to one agent run out together', () => {
    // Ben alone, room for two: Julie's and Alan's offers are both his.
    const t = setup();
    t.engine.updateInbox(t.gold.id, { offerTimeoutSeconds: 30 });
    const ben = t.agent('Ben', 2);
    t.sms(JULIE);
    t.sms(customerNumber(1));
    t.engine.advanceClock(30);
    for (const phone of [JULIE, customerNumber(1)]) {
      const history = t.engine.getRoutingHistory(t.conversationOf(phone).id);
      expect(
        history.map((r) => [r.reason, r.agentId]),
        phone,
      ).to.deep.equal([
        ['OFFERED', ben.id],
        ['MISSED', ben.id],
        ['QUEUED', null],
      ]);
    }
    // Back, Ben is offered neither again: he passed on both.
    t.engine.updateAgent(ben.id, { status: 'AVAILABLE' });
    expect(offersOf(t)).to.deep.equal([]);
  });

  it('reroutes an agent’s pending offers at once when they go OFFLINE', () => {
    const t = offering();
    t.sms(JULIE);
    t.engine.updateAgent(t.ben.id, { status: 'OFFLINE' });
    expect(offersOf(t)[0]!.agentId).to.equal(t.amara.id);
    expect(t.engine.getAgent(t.ben.id).pendingOffers).to.equal(0);
  });

  it('lets waiting conversations through as offers when capacity frees up', () => {
    const t = setup();
    t.engine.updateInbox(t.gold.id, { offerTimeoutSeconds: 30 });
    const ben = t.agent('Ben', 1, 'AWAY');
    t.sms(JULIE);
    t.engine.updateAgent(ben.id, { status: 'AVAILABLE' });
    expect(offersOf(t)[0]!.agentId).to.equal(ben.id);
  });

  it('gives the capacity a declined offer held to a conversation waiting behind it', () => {
    // Ben alone, room for one: Julie's offer fills him, so Alan waits.
    const t = setup();
    t.engine.updateInbox(t.gold.id, { offerTimeoutSeconds: 30 });
    const ben = t.agent('Ben', 1);
    t.sms(JULIE);
    t.sms(customerNumber(1));
    t.engine.declineOffer(offersOf(t)[0]!.id);
    // Julie waits for someone other than Ben; Alan's turn is Ben's.
    expect(offersOf(t).map((o) => [o.conversationId, o.agentId])).to.deep.equal(
      [[t.conversationOf(customerNumber(1)).id, ben.id]],
    );
    expect(
      t.engine.getQueue(t.gold.id).waiting.map((w) => w.conversationId),
    ).to.deep.equal([t.conversationOf(JULIE).id]);
  });

  it('refuses to accept or decline an offer that is no longer pending, changing nothing', () => {
    const t = offering();
    t.sms(JULIE);
    const offer = offersOf(t)[0]!;
    t.engine.acceptOffer(offer.id);
    const before = snapshot(t.engine);
    for (const act of [
      () => t.engine.acceptOffer(offer.id),
      () => t.engine.declineOffer(offer.id),
    ]) {
      const error = refusal(act);
      expect(error.kind).to.equal('conflict');
      expect(error.message).to.contain('no longer pending');
    }
    expect(snapshot(t.engine)).to.equal(before);
    expect(refusal(() => t.engine.acceptOffer('ofr_404')).kind).to.equal(
      'not_found',
    );
  });

  it('refuses a negative timeout, naming it', () => {
    const t = setup();
    expect(() =>
      t.engine.updateInbox(t.gold.id, { offerTimeoutSeconds: -1 }),
    ).to.throw(/offerTimeoutSeconds/);
  });
});
