/**
 * The index routing reads instead of scanning an inbox's agents: whatever
 * happens to the agents, it must give the decision a scan gives.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { AgentHeap } from '../../mock-server/engine/agent-heap.js';
import type { AgentRecord } from '../../mock-server/engine/records.js';
import { InboxRoster } from '../../mock-server/engine/roster.js';
import {
  decide,
  LIST_ALL,
  LIST_TOP,
  POLICIES,
  scanRoster,
} from '../../mock-server/engine/routing.js';
import type { AgentStatus, RoutingPolicy } from '../../src/sdk/schemas.js';
import { customerNumber, setup } from '../helpers/engine.js';

const STATUSES: AgentStatus[] = ['AVAILABLE', 'AWAY', 'OFFLINE'];
const POLICY_NAMES = Object.keys(POLICIES) as RoutingPolicy[];

function agent(n: number, fields: Partial<AgentRecord> = {}): AgentRecord {
  return {
    id: `agt_${n}`,
    name: `Agent ${n}`,
    inboxIds: ['inb_1'],
    status: 'AVAILABLE',
    capacity: 3,
    maxCapacity: undefined,
    openConversations: 0,
    pendingOffers: 0,
    lastAssignedSeq: 0,
    lastAssignedAt: null,
    createdSeq: n,
    ...fields,
  };
}

/** A change to one agent, as the engine makes them. */
const change = fc.record({
  agent: fc.nat(),
  status: fc.nat(STATUSES.length - 1),
  capacity: fc.integer({ min: 1, max: 4 }),
  open: fc.nat(4),
  offers: fc.nat(1),
  assignedAt: fc.nat(50),
});

describe('the routing index', () => {
  it('decides as a scan does, through any changes, in small and large inboxes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: LIST_ALL * 3 }),
        fc.constantFrom(...POLICY_NAMES),
        fc.array(change, { maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.constantFrom(...POLICY_NAMES),
        (size, policy, changes, passedPicks, later) => {
          const agents = Array.from({ length: size }, (_, i) => agent(i + 1));
          const roster = new InboxRoster(policy);
          for (const a of agents) roster.add(a);
          for (const c of changes) {
            const a = agents[c.agent % size]!;
            a.status = STATUSES[c.status]!;
            a.capacity = c.capacity;
            a.openConversations = c.open;
            a.pendingOffers = c.offers;
            a.lastAssignedSeq = c.assignedAt;
            roster.update(a);
          }
          const passed = new Set(passedPicks.map((p) => agents[p % size]!.id));
          for (const p of [policy, later]) {
            roster.setPolicy(p);
            expect(decide(roster, p, passed)).to.deep.equal(
              decide(scanRoster(agents, p), p, passed),
            );
            expect(roster.problems()).to.deep.equal([]);
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('hands out a heap best first, however many are read', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(20), { minLength: 1, maxLength: 200 }),
        fc.nat(200),
        (loads, k) => {
          const compare = POLICIES.LEAST_ACTIVE;
          const agents = loads.map((open, i) =>
            agent(i + 1, { openConversations: open, capacity: 30 }),
          );
          const heap = new AgentHeap<AgentRecord>(compare);
          for (const a of agents) heap.add(a);
          // Remove every third, then change the loads of the rest.
          agents.filter((_, i) => i % 3 === 2).forEach((a) => heap.remove(a));
          const kept = agents.filter((_, i) => i % 3 !== 2);
          kept.forEach((a, i) => {
            a.openConversations = (a.openConversations * 7 + i) % 21;
            heap.update(a);
          });
          const read: string[] = [];
          for (const a of heap.ordered()) {
            if (read.length === k) break;
            read.push(a.id);
          }
          const sorted = [...kept].sort(compare).map((a) => a.id);
          expect(read).to.deep.equal(sorted.slice(0, k));
          expect(heap.peek()?.id).to.equal(sorted[0]);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it(`lists every agent of an inbox of up to ${LIST_ALL}`, () => {
    const agents = Array.from({ length: LIST_ALL }, (_, i) =>
      agent(i + 1, { status: i % 4 === 0 ? 'AWAY' : 'AVAILABLE' }),
    );
    const decision = decide(agents, 'MOST_AVAILABLE');
    expect(decision.candidates).to.have.length(LIST_ALL);
    expect(decision.omitted).to.equal(undefined);
  });

  it(`lists the best ${LIST_TOP} and those who passed in a larger inbox, and counts the rest`, () => {
    // 30 agents: 5 away, 2 offline, 3 full, 20 eligible; two passed.
    const agents = Array.from({ length: 30 }, (_, i) => {
      const n = i + 1;
      if (n <= 5) return agent(n, { status: 'AWAY' });
      if (n <= 7) return agent(n, { status: 'OFFLINE' });
      if (n <= 10) return agent(n, { openConversations: 3 });
      return agent(n, { openConversations: n % 3 });
    });
    const passed = new Set(['agt_2', 'agt_12']);
    const decision = decide(agents, 'MOST_AVAILABLE', passed);
    const ranked = decision.candidates.filter((c) => c.eligible);
    expect(ranked.map((c) => c.rank)).to.deep.equal(
      Array.from({ length: LIST_TOP }, (_, i) => i + 1),
    );
    // Spare 3 first (open 0), by creation: 15, 18, 21, 24, 27, 30; then 13...
    expect(ranked.slice(0, 3).map((c) => c.agentId)).to.deep.equal([
      'agt_15',
      'agt_18',
      'agt_21',
    ]);
    expect(
      decision.candidates
        .filter((c) => !c.eligible)
        .map((c) => [c.agentId, c.reason]),
    ).to.deep.equal([
      ['agt_2', 'AWAY'],
      ['agt_12', 'DECLINED'],
    ]);
    expect(decision.omitted).to.deep.equal({
      eligible: 20 - 1 - LIST_TOP,
      away: 4,
      offline: 2,
      full: 3,
    });
  });

  it('routes a large inbox through the index, recording the cut decision', () => {
    const t = setup();
    for (let i = 0; i < 50; i++)
      t.agent(`Agent ${i}`, 2, i < 10 ? 'AWAY' : 'AVAILABLE');
    t.sms(customerNumber(1));
    const [record] = t.engine.getRoutingHistory(
      t.conversationOf(customerNumber(1)).id,
    );
    expect(record!.decision!.candidates).to.have.length(LIST_TOP);
    expect(record!.decision!.omitted).to.deep.equal({
      eligible: 40 - LIST_TOP,
      away: 10,
      offline: 0,
      full: 0,
    });
    expect(t.engine.indexProblems()).to.deep.equal([]);
  });
});
