import { expect } from '@open-wc/testing';
import { Engine } from '../../mock-server/engine/engine.js';
import {
  customerNumber,
  JULIE,
  refusal,
  setup,
  snapshot,
} from '../helpers/engine.js';

/** Julie's open conversation with Ben, and how many replies it holds. */
function julieWithBen() {
  const t = setup();
  const ben = t.agent('Ben');
  t.sms(JULIE);
  const conversation = t.conversationOf(JULIE);
  const replies = (engine = t.engine) =>
    engine
      .getTimeline(conversation.customerId)
      .items.filter((i) => i.initiator.type === 'AGENT');
  const reply = (body: string, idempotencyKey?: string, engine = t.engine) =>
    engine.sendAgentMessage(conversation.id, ben.id, body, { idempotencyKey });
  return { ...t, ben, conversation, replies, reply };
}

describe('replies with an idempotency key', () => {
  it('store a reply sent twice with one key once, and answer the same item', () => {
    const { engine, reply, replies } = julieWithBen();
    const first = reply('On its way', 'key-1');
    const events = engine.events.latestId;
    const again = reply('On its way', 'key-1');
    expect(again).to.deep.equal(first);
    expect(replies()).to.have.length(1);
    // Nothing happened the second time: no event, nothing sent again.
    expect(engine.events.latestId).to.equal(events);
  });

  it('name the key on the item, so a page that lost the answer knows it', () => {
    const { reply } = julieWithBen();
    const item = reply('On its way', 'key-1');
    expect(item.content).to.include({ idempotencyKey: 'key-1' });
    expect(reply('No key').content).not.to.have.property('idempotencyKey');
  });

  it('store each reply sent without a key, or with a key of its own', () => {
    const { reply, replies } = julieWithBen();
    reply('One');
    reply('One');
    reply('Two', 'key-a');
    reply('Two', 'key-b');
    expect(replies().map((i) => i.id)).to.have.length(4);
  });

  it('refuse a key used for a different reply, changing nothing', () => {
    const { engine, reply, replies } = julieWithBen();
    reply('On its way', 'key-1');
    const before = snapshot(engine);
    const error = refusal(() => reply('Something else', 'key-1'));
    expect(error.kind).to.equal('unprocessable');
    expect(error.field).to.equal('Idempotency-Key');
    expect(error.message).to.match(/^Idempotency-Key: key-1 was used for/);
    expect(replies()).to.have.length(1);
    expect(snapshot(engine)).to.equal(before);
  });

  it('refuse a key used in another conversation or by another agent', () => {
    const t = julieWithBen();
    const amara = t.agent('Amara');
    t.reply('On its way', 'key-1');
    t.sms(customerNumber(1));
    const other = t.conversationOf(customerNumber(1));
    const before = snapshot(t.engine);
    const elsewhere = [
      [other.id, t.ben.id],
      [t.conversation.id, amara.id],
    ] as const;
    for (const [conversationId, agentId] of elsewhere) {
      const error = refusal(() =>
        t.engine.sendAgentMessage(conversationId, agentId, 'On its way', {
          idempotencyKey: 'key-1',
        }),
      );
      expect(error.kind, agentId).to.equal('unprocessable');
    }
    expect(snapshot(t.engine)).to.equal(before);
  });

  it('keep no key for a reply that was refused, so it can be sent again', () => {
    const { engine, conversation, reply, replies } = julieWithBen();
    engine.closeConversation(conversation.id);
    expect(refusal(() => reply('Too late', 'key-1')).kind).to.equal('conflict');
    // A key is spent only by a reply that was stored.
    expect(() => reply('Other text', 'key-1')).to.throw(/closed/);
    expect(replies()).to.have.length(0);
  });

  it('refuse a key that is empty, too long or not printable ASCII', () => {
    const { engine, reply, replies } = julieWithBen();
    const before = snapshot(engine);
    for (const key of ['', 'x'.repeat(256), 'has space', 'naïve', 'tab\t']) {
      const error = refusal(() => reply('Hi', key));
      expect(error.kind, key).to.equal('invalid');
      expect(error.field, key).to.equal('Idempotency-Key');
    }
    expect(replies()).to.have.length(0);
    expect(snapshot(engine)).to.equal(before);
    // 255 visible characters is the longest.
    reply('Hi', '~'.repeat(255));
  });

  it('remember keys across a snapshot and restore', () => {
    const t = julieWithBen();
    const first = t.reply('On its way', 'key-1');
    const restored = new Engine(t.clock);
    restored.restore(t.engine.snapshot());
    expect(t.reply('On its way', 'key-1', restored)).to.deep.equal(first);
    expect(t.replies(restored)).to.have.length(1);
  });
});
