import { expect } from '@open-wc/testing';
import {
  decide,
  POLICIES,
  type Candidate,
} from '../../mock-server/engine/routing.js';
import type { RoutingPolicy } from '../../src/sdk/schemas.js';
import { customerNumber, JULIE, setup } from '../helpers/engine.js';

/** An agent record for the pure ranking functions. */
const agent = (id: string, fields: Partial<Candidate> = {}): Candidate => ({
  id,
  status: 'AVAILABLE',
  capacity: 4,
  openConversations: 0,
  pendingOffers: 0,
  lastAssignedSeq: 0,
  createdSeq: Number(id.replace(/\D/g, '')) || 1,
  ...fields,
});

const chosen = (policy: RoutingPolicy, agents: Candidate[]) =>
  decide(agents, policy).chosenAgentId;

describe('routing policies', () => {
  // a1: 1 of 2 spare (50%), assigned at 30. a2: 2 of 6 spare (33%),
  // assigned at 10. a3: 3 of 8 spare (37%), 5 open, assigned at 20.
  const team = [
    agent('a1', { capacity: 2, openConversations: 1, lastAssignedSeq: 30 }),
    agent('a2', { capacity: 6, openConversations: 4, lastAssignedSeq: 10 }),
    agent('a3', { capacity: 8, openConversations: 5, lastAssignedSeq: 20 }),
  ];

  it('MOST_AVAILABLE picks the most spare capacity', () => {
    expect(chosen('MOST_AVAILABLE', team)).to.equal('a3');
  });

  it('LEAST_ACTIVE picks the fewest open conversations', () => {
    expect(chosen('LEAST_ACTIVE', team)).to.equal('a1');
  });

  it('LONGEST_IDLE picks the longest since last assignment', () => {
    expect(chosen('LONGEST_IDLE', team)).to.equal('a2');
  });

  it('PERCENT_SPARE picks the highest share of spare capacity', () => {
    expect(chosen('PERCENT_SPARE', team)).to.equal('a1');
  });

  it('breaks ties the same way under every policy: oldest assignment, then creation', () => {
    const tied = [
      agent('a1', { lastAssignedSeq: 5 }),
      agent('a2', { lastAssignedSeq: 0 }),
      agent('a3', { lastAssignedSeq: 0 }),
    ];
    for (const policy of Object.keys(POLICIES) as RoutingPolicy[]) {
      expect(chosen(policy, tied), policy).to.equal('a2');
    }
  });

  it('compares shares exactly, not in floating point', () => {
    // 1/3 and 2/6 are equal shares; the tie-break decides.
    const even = [
      agent('a1', { capacity: 3, openConversations: 2, lastAssignedSeq: 9 }),
      agent('a2', { capacity: 6, openConversations: 4, lastAssignedSeq: 1 }),
    ];
    expect(chosen('PERCENT_SPARE', even)).to.equal('a2');
  });

  it('records every candidate, why the ineligible ones were passed over, and the figures', () => {
    const decision = decide(
      [
        agent('a1', { status: 'AWAY' }),
        agent('a2', { capacity: 1, openConversations: 1 }),
        agent('a3', { capacity: 3, openConversations: 1 }),
        agent('a4', { status: 'OFFLINE' }),
      ],
      'MOST_AVAILABLE',
    );
    expect(decision.policy).to.equal('MOST_AVAILABLE');
    expect(decision.chosenAgentId).to.equal('a3');
    expect(
      decision.candidates.map((c) => [c.agentId, c.eligible, c.reason ?? null]),
    ).to.deep.equal([
      ['a3', true, null],
      ['a1', false, 'AWAY'],
      ['a2', false, 'FULL'],
      ['a4', false, 'OFFLINE'],
    ]);
    expect(decision.candidates[0]).to.deep.include({
      rank: 1,
      spare: 2,
      openConversations: 1,
      capacity: 3,
      percentSpare: 67,
    });
  });

  describe('in the engine', () => {
    it('routes by the inbox’s own policy', () => {
      const t = setup();
      t.engine.updateInbox(t.gold.id, { policy: 'LEAST_ACTIVE' });
      const big = t.agent('Big', 10);
      const small = t.agent('Small', 2);
      t.sms(customerNumber(1)); // Big: most spare, and both have none open
      t.sms(customerNumber(2)); // Small: fewest open (0 against Big's 1)
      expect(t.conversationOf(customerNumber(1)).agentId).to.equal(big.id);
      expect(t.conversationOf(customerNumber(2)).agentId).to.equal(small.id);
    });

    it('puts the decision on the ROUTING item and in the routing history', () => {
      const t = setup();
      const ben = t.agent('Ben', 3);
      t.agent('Amara', 2, 'AWAY');
      t.sms(JULIE);
      const conversation = t.conversationOf(JULIE);
      const history = t.engine.getRoutingHistory(conversation.id);
      expect(history).to.have.length(1);
      expect(history[0]).to.deep.include({
        reason: 'ASSIGNED',
        agentId: ben.id,
      });
      expect(history[0]!.decision).to.deep.include({
        policy: 'MOST_AVAILABLE',
        chosenAgentId: ben.id,
      });
      expect(history[0]!.decision!.candidates.map((c) => c.name)).to.deep.equal(
        ['Ben', 'Amara'],
      );
    });

    it('records a queued conversation’s decision with nobody chosen', () => {
      const t = setup();
      t.agent('Ben', 1, 'OFFLINE');
      t.sms(JULIE);
      const [record] = t.engine.getRoutingHistory(t.conversationOf(JULIE).id);
      expect(record!.reason).to.equal('QUEUED');
      expect(record!.decision!.chosenAgentId).to.equal(null);
      expect(record!.decision!.candidates[0]!.reason).to.equal('OFFLINE');
    });

    it('refuses an unknown policy, naming it, and keeps the old one', () => {
      const t = setup();
      expect(() =>
        t.engine.updateInbox(t.gold.id, { policy: 'RANDOM' as RoutingPolicy }),
      ).to.throw(/policy/);
      expect(t.engine.getInbox(t.gold.id).policy).to.equal('MOST_AVAILABLE');
    });
  });
});
