/**
 * Routing decisions in words, for a person asking "why this agent?".
 * Pure functions over the decision the engine recorded.
 */
import type {
  RoutingCandidate,
  RoutingDecision,
  RoutingPolicy,
  RoutingRecord,
} from '../sdk/schemas.js';
import { formatFullTime } from '../shared/format.js';

export const POLICY_TEXT: Record<RoutingPolicy, string> = {
  MOST_AVAILABLE: 'most spare capacity',
  LEAST_ACTIVE: 'fewest open conversations',
  LONGEST_IDLE: 'longest since their last assignment',
  PERCENT_SPARE: 'highest share of spare capacity',
};

const PASSED_OVER: Record<NonNullable<RoutingCandidate['reason']>, string> = {
  AWAY: 'away',
  OFFLINE: 'offline',
  FULL: 'at capacity',
  DECLINED: 'had passed on it',
};

const STICKY_PASSED_OVER: Record<
  NonNullable<NonNullable<RoutingDecision['sticky']>['reason']>,
  string
> = { ...PASSED_OVER, NOT_IN_INBOX: 'no longer in this inbox' };

/** The figure the policy compared, for one eligible candidate. */
function figure(
  policy: RoutingPolicy,
  c: RoutingCandidate,
  timeZone?: string,
): string {
  switch (policy) {
    case 'MOST_AVAILABLE':
      return `${c.spare} of ${c.capacity} spare`;
    case 'LEAST_ACTIVE':
      return `${c.openConversations} open`;
    case 'LONGEST_IDLE':
      return c.lastAssignedAt
        ? `last assigned ${formatFullTime(c.lastAssignedAt, timeZone)}`
        : 'never assigned';
    case 'PERCENT_SPARE':
      return `${c.percentSpare}% spare`;
  }
}

/** One sentence on how a conversation reached its agent, and why them. */
export function explainRouting(
  record: RoutingRecord,
  timeZone?: string,
): string {
  const decision = record.decision;
  if (record.reason === 'REQUEUED') {
    return 'It went back to the queue when its agent went offline.';
  }
  if (record.reason === 'NEXT_REQUESTED') {
    return 'The agent asked for the next waiting conversation.';
  }
  if (!decision) {
    return record.reason === 'ACCEPTED'
      ? 'It was offered to them, and they accepted.'
      : 'No decision was recorded for this step.';
  }
  const accepted =
    record.reason === 'ACCEPTED'
      ? ' It was offered to them, and they accepted.'
      : '';
  const sticky = decision.sticky;
  if (record.reason === 'STICKY' && sticky) {
    return `${sticky.name} had this customer's last conversation here, closed within the inbox's sticky window, so it went back to them.`;
  }
  const notSticky =
    sticky && !sticky.used
      ? ` Their last agent, ${sticky.name}, was ${STICKY_PASSED_OVER[sticky.reason!]}.`
      : '';
  const chosen = decision.candidates.find(
    (c) => c.agentId === decision.chosenAgentId,
  );
  const others = decision.candidates
    .filter((c) => c !== chosen)
    .map((c) =>
      c.eligible
        ? `${c.name}, ${figure(decision.policy, c, timeZone)}`
        : `${c.name}, ${PASSED_OVER[c.reason!]}`,
    );
  const waited =
    record.reason === 'ASSIGNED_FROM_QUEUE'
      ? 'It waited in the queue; then '
      : '';
  const why = chosen
    ? chosenBecause(decision, chosen, timeZone)
    : 'nobody could take it';
  const rest = others.length > 0 ? ` Others: ${others.join('; ')}.` : '';
  return `${waited}${waited ? why : capitalise(why)}.${accepted}${rest}${notListed(decision)}${notSticky}`;
}

/** What a large inbox's decision counted instead of listing. */
function notListed(decision: RoutingDecision): string {
  const omitted = decision.omitted;
  if (!omitted) return '';
  const parts = [
    [omitted.eligible, 'more who could have taken it'],
    [omitted.away, 'away'],
    [omitted.offline, 'offline'],
    [omitted.full, 'at capacity'],
  ] as const;
  const counted = parts
    .filter(([count]) => count > 0)
    .map(([count, what]) => `${count.toLocaleString('en')} ${what}`);
  return counted.length > 0 ? ` Not listed: ${counted.join(', ')}.` : '';
}

/** Whether two candidates stand level on what the policy compares first. */
function level(
  policy: RoutingPolicy,
  a: RoutingCandidate,
  b: RoutingCandidate,
): boolean {
  switch (policy) {
    case 'MOST_AVAILABLE':
      return a.spare === b.spare;
    case 'LEAST_ACTIVE':
      return a.openConversations === b.openConversations;
    case 'LONGEST_IDLE':
      return a.lastAssignedAt === b.lastAssignedAt;
    case 'PERCENT_SPARE':
      return a.spare * b.capacity === b.spare * a.capacity;
  }
}

/**
 * Why the chosen one: the policy's figure, and when others stood level on
 * it, the tie-break that decided (the longest since a last assignment,
 * then who joined first).
 */
function chosenBecause(
  decision: RoutingDecision,
  chosen: RoutingCandidate,
  timeZone?: string,
): string {
  const { policy } = decision;
  const tied = decision.candidates.filter(
    (c) => c !== chosen && c.eligible && level(policy, c, chosen),
  );
  const standing = `${POLICY_TEXT[policy]} (${figure(policy, chosen, timeZone)})`;
  if (tied.length === 0) return `${chosen.name} had the ${standing}`;
  const idleBreaks =
    policy !== 'LONGEST_IDLE' &&
    tied.every((c) => c.lastAssignedAt !== chosen.lastAssignedAt);
  const breaker = idleBreaks
    ? 'had gone longest since a last assignment'
    : 'was the first of them added';
  // A large inbox can have many level: name a few and count the rest.
  const shown = tied.slice(0, 3).map((c) => c.name);
  const more = tied.length - shown.length;
  const names =
    more > 0
      ? `${shown.join(', ')} and ${more} other${more === 1 ? '' : 's'}`
      : shown.join(' and ');
  return `${chosen.name} tied with ${names} on ${standing}, and ${breaker}`;
}

const capitalise = (text: string) =>
  text.charAt(0).toUpperCase() + text.slice(1);
