/**
 * Which agent gets a conversation: pure functions over plain records, so
 * each rule can be tested without an engine around it. Every decision is
 * returned with what it compared, so a person can be shown why.
 */
import type {
  AgentStatus,
  RoutingCandidate,
  RoutingDecision,
  RoutingPolicy,
} from '../../src/sdk/schemas.js';

/** What routing needs to know about an agent. */
export interface Candidate {
  id: string;
  name?: string;
  status: AgentStatus;
  capacity: number;
  openConversations: number;
  /** Offers waiting for the agent's answer count against capacity. */
  pendingOffers: number;
  /** Engine sequence number of the last assignment; 0 when never assigned. */
  lastAssignedSeq: number;
  lastAssignedAt?: string | null;
  /** Engine sequence number at creation: the final tie-break. */
  createdSeq: number;
}

type Compare = (a: Candidate, b: Candidate) => number;

/** What an agent holds or has been offered: their load against capacity. */
const load = (agent: Candidate) =>
  agent.openConversations + agent.pendingOffers;

const spare = (agent: Candidate) => agent.capacity - load(agent);

/** Agents who passed on the conversation: it is never offered back. */
type Passed = ReadonlySet<string>;

/** Why an agent may not take a new conversation, or undefined if they may. */
export function ineligibility(
  agent: Candidate,
  passed?: Passed,
): RoutingCandidate['reason'] | undefined {
  if (agent.status === 'AWAY' || agent.status === 'OFFLINE') {
    return agent.status;
  }
  if (passed?.has(agent.id)) return 'DECLINED';
  return load(agent) < agent.capacity ? undefined : 'FULL';
}

export const isEligible = (agent: Candidate, passed?: Passed) =>
  ineligibility(agent, passed) === undefined;

/**
 * The tie-breaks every policy ends with: the oldest last assignment (never
 * assigned is oldest), then the agent created first. Sequence numbers, not
 * clock readings, keep ties within one millisecond deterministic.
 */
const longestIdle: Compare = (a, b) =>
  a.lastAssignedSeq - b.lastAssignedSeq || a.createdSeq - b.createdSeq;

/** Each policy's order, the agent it prefers first. */
export const POLICIES: Record<RoutingPolicy, Compare> = {
  MOST_AVAILABLE: (a, b) => spare(b) - spare(a) || longestIdle(a, b),
  LEAST_ACTIVE: (a, b) => load(a) - load(b) || longestIdle(a, b),
  LONGEST_IDLE: longestIdle,
  // Shares compared by cross-multiplying, so 1/3 and 2/6 are equal.
  PERCENT_SPARE: (a, b) =>
    spare(b) * a.capacity - spare(a) * b.capacity || longestIdle(a, b),
};

/** The agent `policy` picks among `agents`, or undefined when none may. */
export function pickAgent<T extends Candidate>(
  agents: readonly T[],
  policy: RoutingPolicy = 'MOST_AVAILABLE',
  passed?: Passed,
): T | undefined {
  const compare = POLICIES[policy];
  let best: T | undefined;
  for (const agent of agents) {
    if (!isEligible(agent, passed)) continue;
    if (!best || compare(agent, best) < 0) best = agent;
  }
  return best;
}

/**
 * The whole decision: every agent considered, in the policy's order with
 * the ineligible ones after, each with the figures compared, and the one
 * chosen (null when nobody may take it).
 */
export function decide(
  agents: readonly Candidate[],
  policy: RoutingPolicy,
  passed?: Passed,
): RoutingDecision {
  const compare = POLICIES[policy];
  const eligible = agents.filter((a) => isEligible(a, passed)).sort(compare);
  const others = agents.filter((a) => !isEligible(a, passed));
  const view = (agent: Candidate, rank?: number): RoutingCandidate => {
    const reason = ineligibility(agent, passed);
    return {
      agentId: agent.id,
      name: agent.name ?? agent.id,
      eligible: reason === undefined,
      ...(reason && { reason }),
      ...(rank !== undefined && { rank }),
      capacity: agent.capacity,
      openConversations: agent.openConversations,
      spare: spare(agent),
      percentSpare: Math.max(
        0,
        Math.round((spare(agent) / agent.capacity) * 100),
      ),
      lastAssignedAt: agent.lastAssignedAt ?? null,
    };
  };
  return {
    policy,
    candidates: [
      ...eligible.map((agent, i) => view(agent, i + 1)),
      ...others.map((agent) => view(agent)),
    ],
    chosenAgentId: eligible[0]?.id ?? null,
  };
}
