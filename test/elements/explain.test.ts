import { expect } from '@open-wc/testing';
import { decide, type Candidate } from '../../mock-server/engine/routing.js';
import { explainRouting } from '../../src/routed-queue/explain.js';
import type { RoutingRecord } from '../../src/sdk/schemas.js';

const agent = (name: string, fields: Partial<Candidate>): Candidate => ({
  id: name.toLowerCase(),
  name,
  status: 'AVAILABLE',
  capacity: 3,
  openConversations: 0,
  pendingOffers: 0,
  lastAssignedSeq: 0,
  lastAssignedAt: null,
  createdSeq: 1,
  ...fields,
});

const record = (
  agents: Candidate[],
  reason: RoutingRecord['reason'] = 'ASSIGNED',
): RoutingRecord => {
  const decision = decide(agents, 'MOST_AVAILABLE');
  return {
    itemId: 'itm_1',
    timestamp: '2026-07-01T16:00:00.000Z',
    inboxId: 'inb_1',
    agentId: decision.chosenAgentId,
    reason,
    decision,
  };
};

describe('explainRouting', () => {
  it('says an accepted offer was accepted, and why it was offered', () => {
    const text = explainRouting(
      record(
        [
          agent('Ben', { openConversations: 1 }),
          agent('Amara', { capacity: 1 }),
        ],
        'ACCEPTED',
      ),
    );
    expect(text).to.equal(
      'Ben had the most spare capacity (2 of 3 spare). It was offered to ' +
        'them, and they accepted. Others: Amara, 1 of 1 spare.',
    );
  });

  it('counts what a large inbox’s decision left out', () => {
    // 25 agents: Ben most spare, 11 more eligible, 10 away, 3 full.
    const team = Array.from({ length: 25 }, (_, i) =>
      agent(`A${i}`, {
        createdSeq: i + 2,
        ...(i < 10 && { status: 'AWAY' as const }),
        ...(i >= 10 && i < 13 && { openConversations: 3 }),
        ...(i >= 13 && { openConversations: 1 }),
      }),
    );
    const text = explainRouting(record([agent('Ben', {}), ...team]));
    expect(text).to.match(
      /^Ben had the most spare capacity \(3 of 3 spare\)\./,
    );
    expect(text).to.contain(
      ' Not listed: 3 more who could have taken it, 10 away, 3 at capacity.',
    );
  });

  it('names the policy’s figure and how the others stood', () => {
    expect(
      explainRouting(
        record([
          agent('Ben', { openConversations: 1 }),
          agent('Amara', { capacity: 1 }),
          agent('Chen', { status: 'AWAY' }),
        ]),
      ),
    ).to.equal(
      'Ben had the most spare capacity (2 of 3 spare). ' +
        'Others: Amara, 1 of 1 spare; Chen, away.',
    );
  });

  it('names the tie-break when others stood level on the figure', () => {
    const ben = agent('Ben', {
      capacity: 3,
      openConversations: 1,
      lastAssignedSeq: 5,
      lastAssignedAt: '2026-07-01T15:00:00.000Z',
      createdSeq: 1,
    });
    const amara = agent('Amara', { capacity: 2, createdSeq: 2 });
    expect(explainRouting(record([ben, amara]))).to.equal(
      'Amara tied with Ben on most spare capacity (2 of 2 spare), and had ' +
        'gone longest since a last assignment. Others: Ben, 2 of 3 spare.',
    );
  });

  it('falls back to who was added first when even that ties', () => {
    const text = explainRouting(
      record([
        agent('Ben', { createdSeq: 1 }),
        agent('Amara', { createdSeq: 2 }),
      ]),
    );
    expect(text).to.match(
      /^Ben tied with Amara .* and was the first of them added\./,
    );
  });

  it('says when a conversation waited first, and when nobody could take it', () => {
    expect(
      explainRouting(record([agent('Ben', {})], 'ASSIGNED_FROM_QUEUE')),
    ).to.match(/^It waited in the queue; then Ben had/);
    expect(
      explainRouting(record([agent('Ben', { status: 'OFFLINE' })], 'QUEUED')),
    ).to.equal('Nobody could take it. Others: Ben, offline.');
  });
});
