/**
 * Which agent gets a conversation: pure functions over plain records, so
 * each rule can be tested without an engine around it.
 */
import type { AgentStatus } from '../../src/sdk/schemas.js';

/** What routing needs to know about an agent. */
export interface Candidate {
  id: string;
  status: AgentStatus;
  capacity: number;
  openConversations: number;
  /** Engine sequence number of the last assignment; 0 when never assigned. */
  lastAssignedSeq: number;
  /** Engine sequence number at creation: the final tie-break. */
  createdSeq: number;
}

/** An agent may take a new conversation: available and below capacity. */
export function isEligible(agent: Candidate): boolean {
  return (
    agent.status === 'AVAILABLE' && agent.openConversations < agent.capacity
  );
}

const spare = (agent: Candidate) => agent.capacity - agent.openConversations;

/**
 * Orders two eligible agents, the one routing prefers first: most spare
 * capacity, then the oldest last assignment (never assigned is oldest),
 * then the one created first. Sequence numbers, not clock readings, keep
 * ties within one millisecond deterministic.
 */
export function compareMostAvailable(a: Candidate, b: Candidate): number {
  return (
    spare(b) - spare(a) ||
    a.lastAssignedSeq - b.lastAssignedSeq ||
    a.createdSeq - b.createdSeq
  );
}

/** The agent routing picks among `agents`, or undefined when none may. */
export function pickAgent<T extends Candidate>(
  agents: readonly T[],
): T | undefined {
  let best: T | undefined;
  for (const agent of agents) {
    if (!isEligible(agent)) continue;
    if (!best || compareMostAvailable(agent, best) < 0) best = agent;
  }
  return best;
}
