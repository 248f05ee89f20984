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
export const load = (agent: Candidate) =>
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

/** Where an agent stands, whichever conversation is being routed. */
export type Standing = 'ELIGIBLE' | 'AWAY' | 'OFFLINE' | 'FULL';

export function standing(agent: Candidate): Standing {
  // Without anyone having passed, DECLINED cannot be the answer.
  return (ineligibility(agent) as Exclude<Standing, 'ELIGIBLE'>) ?? 'ELIGIBLE';
}

/** Up to this many agents in an inbox, a decision lists every one. */
export const LIST_ALL = 20;
/** Above that, it lists this many eligible agents, best first. */
export const LIST_TOP = 10;

/**
 * An inbox's agents as routing reads them, whether from an index or a
 * plain list: a decision asks only for these, never for every agent of a
 * large inbox.
 */
export interface Roster<T extends Candidate> {
  readonly size: number;
  /** Every agent, in the order they were created; for small inboxes. */
  all(): Iterable<T>;
  /** The first `k` agents the policy prefers who may take it, in order. */
  best(k: number, passed?: Passed): T[];
  /** How many agents stand where, before anyone passed. */
  count(standing: Standing): number;
  /** The agent `id`, if they work this inbox. */
  member(id: string): T | undefined;
}

/**
 * A roster over a plain list, read by scanning it: the reference that an
 * index must agree with, and the baseline it is measured against.
 */
export function scanRoster<T extends Candidate>(
  agents: readonly T[],
  policy: RoutingPolicy,
): Roster<T> {
  const compare = POLICIES[policy];
  let counts: Record<Standing, number> | undefined;
  return {
    size: agents.length,
    all: () => agents,
    best(k, passed) {
      // One pass, keeping the best k seen so far in order.
      const kept: T[] = [];
      for (const agent of agents) {
        if (!isEligible(agent, passed)) continue;
        if (kept.length === k && compare(agent, kept[k - 1]!) >= 0) continue;
        let i = Math.min(kept.length, k - 1);
        while (i > 0 && compare(agent, kept[i - 1]!) < 0) i--;
        kept.splice(i, 0, agent);
        if (kept.length > k) kept.pop();
      }
      return kept;
    },
    count(where) {
      // One pass counts every standing, the first time one is asked for.
      if (!counts) {
        counts = { ELIGIBLE: 0, AWAY: 0, OFFLINE: 0, FULL: 0 };
        for (const agent of agents) counts[standing(agent)] += 1;
      }
      return counts[where];
    },
    member: (id) => agents.find((a) => a.id === id),
  };
}

/** One agent as a decision shows them. */
function view(
  agent: Candidate,
  passed?: Passed,
  rank?: number,
): RoutingCandidate {
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
}

const isRoster = <T extends Candidate>(
  agents: readonly T[] | Roster<T>,
): agents is Roster<T> => !Array.isArray(agents);

/**
 * The whole decision, with the one chosen (null when nobody may take it).
 * For an inbox of up to LIST_ALL agents it lists every agent: the eligible
 * in the policy's order, then the others in creation order, each with the
 * figures compared. A larger inbox lists the best LIST_TOP eligible and
 * everyone who passed on the conversation, and counts the rest by where
 * they stand, so that deciding never reads every agent.
 */
export function decide<T extends Candidate>(
  agents: readonly T[] | Roster<T>,
  policy: RoutingPolicy,
  passed?: Passed,
): RoutingDecision {
  const roster = isRoster(agents) ? agents : scanRoster(agents, policy);
  if (roster.size <= LIST_ALL) {
    const all = [...roster.all()];
    const eligible = roster.best(all.length, passed);
    const others = all.filter((a) => !isEligible(a, passed));
    return {
      policy,
      candidates: [
        ...eligible.map((agent, i) => view(agent, passed, i + 1)),
        ...others.map((agent) => view(agent, passed)),
      ],
      chosenAgentId: eligible[0]?.id ?? null,
    };
  }
  const top = roster.best(LIST_TOP, passed);
  const passers = [...(passed ?? [])]
    .map((id) => roster.member(id))
    .filter((agent) => agent !== undefined)
    .sort((a, b) => a.createdSeq - b.createdSeq);
  const left = (where: Standing) =>
    roster.count(where) -
    passers.filter((a) => standing(a) === where).length -
    (where === 'ELIGIBLE' ? top.length : 0);
  return {
    policy,
    candidates: [
      ...top.map((agent, i) => view(agent, passed, i + 1)),
      ...passers.map((agent) => view(agent, passed)),
    ],
    chosenAgentId: top[0]?.id ?? null,
    omitted: {
      eligible: left('ELIGIBLE'),
      away: left('AWAY'),
      offline: left('OFFLINE'),
      full: left('FULL'),
    },
  };
}
