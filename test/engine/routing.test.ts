import { expect } from '@open-wc/testing';
import { ManualClock } from '../../mock-server/clock.js';
import { Engine } from '../../mock-server/engine/engine.js';
import { EngineError } from '../../mock-server/engine/errors.js';
import {
  customerNumber,
  GOLD,
  INVISIBLE,
  JULIE,
  nextSid,
  OTHER,
  refusal,
  setup,
  snapshot,
} from '../helpers/engine.js';

describe('routing engine', () => {
  describe('rule 1: the inbox is the one linked to the number texted', () => {
    it('puts the conversation in the inbox whose numbers include To', () => {
      const t = setup();
      const other = t.engine.createInbox({
        name: 'Support',
        phoneNumbers: [OTHER],
      });
      t.sms(JULIE, { to: OTHER });
      expect(t.conversationOf(JULIE, other.id).inboxId).to.equal(other.id);
    });

    it('refuses a To no inbox links, naming it, and stores nothing', () => {
      const t = setup();
      const before = snapshot(t.engine);
      let error: unknown;
      try {
        t.sms(JULIE, { to: '+14155550199' });
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(EngineError);
      expect((error as EngineError).kind).to.equal('not_found');
      expect((error as EngineError).message).to.contain('+14155550199');
      expect(t.engine.findCustomersByPhone(JULIE)).to.deep.equal([]);
      expect(snapshot(t.engine)).to.equal(before);
    });

    it('refuses a number already linked to another inbox', () => {
      const t = setup();
      const before = snapshot(t.engine);
      expect(() =>
        t.engine.createInbox({ name: 'Copy', phoneNumbers: [OTHER, GOLD] }),
      ).to.throw(
        EngineError,
        /phoneNumbers\.1: \+14155550100 is already linked/,
      );
      expect(snapshot(t.engine)).to.equal(before);
    });
  });

  describe('rule 2: one open conversation per customer and inbox', () => {
    it('creates an unknown customer named by their number', () => {
      const t = setup();
      t.sms(JULIE);
      const [customer] = t.engine.findCustomersByPhone(JULIE);
      expect(customer?.name).to.equal(JULIE);
      expect(customer?.phones[0]?.number).to.equal(JULIE);
    });

    it('joins a follow-up to the open conversation without re-routing it', () => {
      const t = setup();
      const ben = t.agent('Ben', 1);
      t.sms(JULIE);
      const amara = t.agent('Amara', 5); // now far more available than Ben
      t.sms(JULIE, { body: 'Are you there?' });

      const [customer] = t.engine.findCustomersByPhone(JULIE);
      const conversations = t.engine.listConversations(customer!.id);
      expect(conversations).to.have.length(1);
      expect(conversations[0]!.agentId).to.equal(ben.id);
      expect(t.engine.getAgent(amara.id).openConversations).to.equal(0);
      const routings = t.engine
        .getTimeline(customer!.id)
        .items.filter((i) => i.content.type === 'ROUTING');
      expect(routings).to.have.length(1);
    });

    it('opens a new conversation once the last one closed', () => {
      const t = setup();
      t.agent('Ben');
      t.sms(JULIE);
      const first = t.conversationOf(JULIE);
      t.engine.closeConversation(first.id);
      t.sms(JULIE, { body: 'One more thing' });
      expect(t.conversationOf(JULIE).id).to.not.equal(first.id);
      expect(t.conversationOf(JULIE).status).to.equal('OPEN');
    });

    it('keeps a customer’s conversations in different inboxes apart', () => {
      const t = setup();
      const other = t.engine.createInbox({
        name: 'Support',
        phoneNumbers: [OTHER],
      });
      t.agent('Ben', 2, 'AVAILABLE', [t.gold.id, other.id]);
      t.sms(JULIE);
      t.sms(JULIE, { to: OTHER });
      const [customer] = t.engine.findCustomersByPhone(JULIE);
      expect(t.engine.listConversations(customer!.id)).to.have.length(2);
    });
  });

  describe('rule 3: the most available agent gets it', () => {
    it('picks the agent with the most spare capacity', () => {
      const t = setup();
      t.agent('Ben', 2);
      const amara = t.agent('Amara', 3);
      t.sms(JULIE);
      expect(t.conversationOf(JULIE).agentId).to.equal(amara.id);
    });

    it('breaks a tie by the oldest last assignment, never assigned oldest', () => {
      const t = setup();
      const ben = t.agent('Ben', 2);
      const amara = t.agent('Amara', 2);
      // Ben gets one and closes it: spare is equal again, but Ben was
      // assigned more recently than Amara, who never was.
      t.sms(customerNumber(1));
      expect(t.conversationOf(customerNumber(1)).agentId).to.equal(ben.id);
      t.engine.closeConversation(t.conversationOf(customerNumber(1)).id);
      t.sms(customerNumber(2));
      expect(t.conversationOf(customerNumber(2)).agentId).to.equal(amara.id);
    });

    it('breaks a remaining tie by creation order', () => {
      const t = setup();
      const ben = t.agent('Ben', 2);
      t.agent('Amara', 2);
      t.sms(JULIE);
      expect(t.conversationOf(JULIE).agentId).to.equal(ben.id);
    });

    it('resolves ties within one millisecond the same way (no wall clock)', () => {
      // The clock never moves: every assignment has the same timestamp, so
      // only the engine's counter can tell which was last.
      const t = setup();
      const a = t.agent('A', 2);
      const b = t.agent('B', 2);
      const c = t.agent('C', 2);
      const order = [1, 2, 3, 4, 5, 6].map((n) => {
        t.sms(customerNumber(n));
        return t.conversationOf(customerNumber(n)).agentId;
      });
      expect(order).to.deep.equal([a.id, b.id, c.id, a.id, b.id, c.id]);
    });

    it('skips agents who are full or not in the inbox', () => {
      const t = setup();
      const other = t.engine.createInbox({
        name: 'Support',
        phoneNumbers: [OTHER],
      });
      const ben = t.agent('Ben', 1);
      t.agent('Olu', 9, 'AVAILABLE', [other.id]);
      t.sms(customerNumber(1));
      t.sms(customerNumber(2));
      expect(t.conversationOf(customerNumber(1)).agentId).to.equal(ben.id);
      expect(t.conversationOf(customerNumber(2)).agentId).to.equal(null);
    });
  });

  describe('rule 4: with no eligible agent, the conversation waits its turn', () => {
    it('queues first come, first served', () => {
      const t = setup();
      for (const n of [1, 2, 3]) t.sms(customerNumber(n));
      const waiting = t.engine
        .getQueue(t.gold.id)
        .waiting.map((w) => w.conversationId);
      expect(waiting).to.deep.equal(
        [1, 2, 3].map((n) => t.conversationOf(customerNumber(n)).id),
      );
    });

    it('drains in order when an agent becomes available', () => {
      const t = setup();
      const ben = t.agent('Ben', 2, 'AWAY');
      for (const n of [1, 2, 3]) t.sms(customerNumber(n));
      t.engine.updateAgent(ben.id, { status: 'AVAILABLE' });
      expect(t.conversationOf(customerNumber(1)).agentId).to.equal(ben.id);
      expect(t.conversationOf(customerNumber(2)).agentId).to.equal(ben.id);
      expect(
        t.engine.getQueue(t.gold.id).waiting.map((w) => w.customerId),
      ).to.deep.equal([
        t.engine.findCustomersByPhone(customerNumber(3))[0]!.id,
      ]);
    });

    it('drains when a conversation closes', () => {
      const t = setup();
      const ben = t.agent('Ben', 1);
      t.sms(customerNumber(1));
      t.sms(customerNumber(2));
      expect(t.conversationOf(customerNumber(2)).agentId).to.equal(null);
      t.engine.closeConversation(t.conversationOf(customerNumber(1)).id);
      expect(t.conversationOf(customerNumber(2)).agentId).to.equal(ben.id);
    });

    it('drains when capacity rises', () => {
      const t = setup();
      const ben = t.agent('Ben', 1);
      t.sms(customerNumber(1));
      t.sms(customerNumber(2));
      t.engine.updateAgent(ben.id, { capacity: 2 });
      expect(t.conversationOf(customerNumber(2)).agentId).to.equal(ben.id);
    });

    it('serves the longest-waiting first across an agent’s inboxes', () => {
      const t = setup();
      const other = t.engine.createInbox({
        name: 'Support',
        phoneNumbers: [OTHER],
      });
      const ben = t.agent('Ben', 1, 'AWAY', [other.id, t.gold.id]);
      t.sms(customerNumber(1), { to: OTHER });
      t.sms(customerNumber(2));
      t.sms(customerNumber(3), { to: OTHER });
      t.engine.updateAgent(ben.id, { status: 'AVAILABLE' });
      expect(t.conversationOf(customerNumber(1), other.id).agentId).to.equal(
        ben.id,
      );
      t.engine.updateAgent(ben.id, { capacity: 2 });
      expect(t.conversationOf(customerNumber(2)).agentId).to.equal(ben.id);
      expect(t.conversationOf(customerNumber(3), other.id).agentId).to.equal(
        null,
      );
    });

    it('puts a routing item on the timeline when queued and when assigned', () => {
      const t = setup();
      const ben = t.agent('Ben', 1, 'AWAY');
      t.sms(JULIE);
      t.engine.updateAgent(ben.id, { status: 'AVAILABLE' });
      const routing = t.routingOf(JULIE);
      expect(routing.map((r) => [r.reason, r.agentId])).to.deep.equal([
        ['QUEUED', null],
        ['ASSIGNED_FROM_QUEUE', ben.id],
      ]);
    });
  });

  describe('rule 5: away and offline agents get nothing new', () => {
    for (const status of ['AWAY', 'OFFLINE'] as const) {
      it(`gives a ${status} agent nothing and leaves what they hold`, () => {
        const t = setup();
        const ben = t.agent('Ben', 3);
        t.sms(customerNumber(1));
        t.engine.updateAgent(ben.id, { status });
        t.sms(customerNumber(2));
        expect(t.conversationOf(customerNumber(1)).agentId).to.equal(ben.id);
        expect(t.conversationOf(customerNumber(2)).agentId).to.equal(null);
        expect(t.engine.getAgent(ben.id).openConversations).to.equal(1);
      });
    }
  });

  describe('rule 6: a repeated MessageSid changes nothing', () => {
    it('stores one message and routes once, however often it comes', () => {
      const t = setup();
      t.agent('Ben');
      const sid = nextSid();
      const first = t.sms(JULIE, { messageSid: sid });
      const before = snapshot(t.engine);
      const again = t.sms(JULIE, { messageSid: sid });
      t.sms(customerNumber(1));
      t.sms(JULIE, { messageSid: sid });

      expect(again.repeat).to.equal(true);
      expect(again.item.id).to.equal(first.item.id);
      expect(before).to.not.equal(snapshot(t.engine)); // the other message counted
      const [customer] = t.engine.findCustomersByPhone(JULIE);
      const items = t.engine.getTimeline(customer!.id).items;
      expect(items.filter((i) => i.content.type === 'SMS')).to.have.length(1);
      expect(items.filter((i) => i.content.type === 'ROUTING')).to.have.length(
        1,
      );
    });
  });

  describe('rule 7: no message is lost', () => {
    it('keeps every message with an agent or in a queue through any sequence', () => {
      const t = setup();
      const agents = [
        t.agent('A', 1),
        t.agent('B', 2, 'AWAY'),
        t.agent('C', 1, 'OFFLINE'),
      ];
      // A fixed pseudo-random walk, so a failure can be replayed exactly.
      let seed = 7;
      const random = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % n;
      };
      const statuses = ['AVAILABLE', 'AWAY', 'OFFLINE'] as const;
      for (let step = 0; step < 400; step++) {
        const roll = random(10);
        if (roll < 5) {
          t.sms(customerNumber(random(12)));
        } else if (roll < 8) {
          const agent = agents[random(agents.length)]!;
          t.engine.updateAgent(agent.id, { status: statuses[random(3)]! });
        } else {
          const held = t.engine
            .getQueue(t.gold.id)
            .assignments.map((a) => a.conversationId);
          if (held.length > 0)
            t.engine.closeConversation(held[random(held.length)]!);
        }
        expect(t.engine.lostMessages(), `after step ${step}`).to.deep.equal([]);
      }
    });

    it('refuses to close a conversation still waiting for an agent', () => {
      const t = setup();
      t.sms(JULIE);
      const before = snapshot(t.engine);
      expect(() =>
        t.engine.closeConversation(t.conversationOf(JULIE).id),
      ).to.throw(EngineError, /waiting in its inbox's queue/);
      expect(snapshot(t.engine)).to.equal(before);
    });
  });
});

describe('the engine, called directly', () => {
  it('reads every input with the API’s schemas, refusing bad ones and changing nothing', () => {
    const t = setup();
    const before = snapshot(t.engine);
    const cases: Array<[() => unknown, string]> = [
      // Cast: a caller without types can send anything.
      [
        () =>
          t.engine.createAgent({
            name: 'Ben',
            inboxIds: [t.gold.id],
            capacity: 2,
            status: 'away' as never,
          }),
        'status',
      ],
      [
        () =>
          t.engine.createInbox({
            name: 'Silver',
            phoneNumbers: ['+14155550166'],
            policy: 'RANDOM' as never,
          }),
        'policy',
      ],
      [
        () =>
          t.engine.createAgent({
            name: 'Ben',
            inboxIds: [t.gold.id],
            capacity: Number.NaN,
          }),
        'capacity',
      ],
      [
        () =>
          t.engine.createCampaign({
            name: 'Sale',
            from: GOLD,
            answer: { name: 'Sale', body: 'On' },
            recipients: [{ name: 'Ann', phoneNumber: '+14155550177' }],
            ratePerFiveMinutes: 0,
          }),
        'ratePerFiveMinutes',
      ],
      [() => t.engine.advanceClock(1e13), 'advanceSeconds'],
      [
        () =>
          t.engine.receiveSms({
            messageSid: nextSid(),
            from: JULIE,
            to: GOLD,
            body: 'Look',
            attachments: [
              { url: 'javascript:alert(1)', contentType: 'image/png' },
            ],
          }),
        'attachments.0.url',
      ],
      ...INVISIBLE.map((name): [() => unknown, string] => [
        () => t.engine.createInbox({ name, phoneNumbers: ['+14155550166'] }),
        'name',
      ]),
    ];
    for (const [run, field] of cases) {
      const error = refusal(run);
      expect([error.kind, error.field], error.message).to.deep.equal([
        'invalid',
        field,
      ]);
    }
    expect(snapshot(t.engine)).to.equal(before);
    expect(t.clock.now().toISOString()).to.equal(
      new ManualClock().now().toISOString(),
    );
  });

  it('says a fixed clock cannot be moved, before moving or doing anything', () => {
    const fixed = new Engine({ now: () => new Date('2026-07-01T16:00:00Z') });
    const events = fixed.events.latestId;
    for (const run of [
      () => fixed.checkClockMoves(),
      () => fixed.advanceClock(60),
    ]) {
      const error = refusal(run);
      expect([error.kind, error.message]).to.deep.equal([
        'conflict',
        'This engine runs on a clock that cannot be moved.',
      ]);
    }
    expect(fixed.events.latestId).to.equal(events);
    expect(() =>
      new Engine(new ManualClock()).checkClockMoves(),
    ).to.not.throw();
  });

  it('refuses options it does not know', () => {
    expect(
      () => new Engine(new ManualClock(), { choose: 'bogus' as never }),
    ).to.throw(RangeError, /choose must be 'index' or 'scan'/);
    expect(() => new Engine(new ManualClock(), { keepEvents: 0 })).to.throw(
      /keepEvents/,
    );
  });
});
