import { expect } from '@open-wc/testing';
import {
  customerNumber,
  OTHER,
  refusal,
  setup,
  snapshot,
} from '../helpers/engine.js';

describe('capacity levels', () => {
  it('defaults maxCapacity to capacity, and follows it until set', () => {
    const t = setup();
    const ben = t.agent('Ben', 2);
    expect(ben.maxCapacity).to.equal(2);
    expect(t.engine.updateAgent(ben.id, { capacity: 4 }).maxCapacity).to.equal(
      4,
    );
  });

  it('keeps an explicit maxCapacity when capacity changes below it', () => {
    const t = setup();
    const ben = t.engine.createAgent({
      name: 'Ben',
      inboxIds: [t.gold.id],
      capacity: 2,
      maxCapacity: 5,
    });
    expect(t.engine.updateAgent(ben.id, { capacity: 3 }).maxCapacity).to.equal(
      5,
    );
  });

  it('refuses a capacity above maxCapacity, naming the field, changing nothing', () => {
    const t = setup();
    const ben = t.engine.createAgent({
      name: 'Ben',
      inboxIds: [t.gold.id],
      capacity: 2,
      maxCapacity: 3,
    });
    const before = snapshot(t.engine);
    const error = refusal(() => t.engine.updateAgent(ben.id, { capacity: 4 }));
    expect(error.kind).to.equal('invalid');
    expect(error.field).to.equal('capacity');
    expect(error.message).to.contain('maxCapacity');
    expect(snapshot(t.engine)).to.equal(before);
  });

  it('fills only capacity through automatic routing', () => {
    const t = setup();
    const ben = t.engine.createAgent({
      name: 'Ben',
      inboxIds: [t.gold.id],
      capacity: 1,
      maxCapacity: 3,
    });
    t.sms(customerNumber(1));
    t.sms(customerNumber(2));
    expect(t.engine.getAgent(ben.id).openConversations).to.equal(1);
    expect(t.conversationOf(customerNumber(2)).agentId).to.equal(null);
  });

  describe('taking the next conversation', () => {
    it('gives the longest-waiting conversation of the agent’s inboxes', () => {
      const t = setup();
      const other = t.engine.createInbox({
        name: 'Support',
        phoneNumbers: [OTHER],
      });
      const ben = t.engine.createAgent({
        name: 'Ben',
        inboxIds: [t.gold.id, other.id],
        capacity: 1,
        maxCapacity: 3,
      });
      t.sms(customerNumber(1)); // Ben takes this one automatically
      t.sms(customerNumber(2), { to: OTHER });
      t.sms(customerNumber(3));
      const taken = t.engine.takeNext(ben.id);
      expect(taken.id).to.equal(
        t.conversationOf(customerNumber(2), other.id).id,
      );
      expect(taken.agentId).to.equal(ben.id);
      expect(t.engine.getAgent(ben.id).openConversations).to.equal(2);
      expect(t.routing(taken.customerId).at(-1)).to.deep.include({
        reason: 'NEXT_REQUESTED',
        agentId: ben.id,
      });
    });

    it('refuses an agent already at maxCapacity', () => {
      const t = setup();
      const ben = t.agent('Ben', 1);
      t.sms(customerNumber(1));
      t.sms(customerNumber(2));
      const error = refusal(() => t.engine.takeNext(ben.id));
      expect(error.kind).to.equal('conflict');
      expect(error.message).to.contain('maxCapacity');
    });

    it('refuses when nothing is waiting', () => {
      const t = setup();
      const ben = t.agent('Ben', 1);
      const error = refusal(() => t.engine.takeNext(ben.id));
      expect(error.kind).to.equal('conflict');
      expect(error.message).to.contain('Nothing is waiting');
    });

    it('refuses an agent who is not AVAILABLE', () => {
      const t = setup();
      const ben = t.agent('Ben', 1, 'AWAY');
      t.sms(customerNumber(1));
      const before = snapshot(t.engine);
      const error = refusal(() => t.engine.takeNext(ben.id));
      expect(error.message).to.equal(
        'Ben is away; only an available agent can take the next conversation.',
      );
      expect(snapshot(t.engine)).to.equal(before);
    });
  });
});
