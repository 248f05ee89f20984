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
import { msg, str } from '@lit/localize';
import { formatFullTime, formatNumber } from '../shared/format.js';

/** What a policy compares, as a phrase: "most spare capacity". */
export function policyText(policy: RoutingPolicy): string {
  switch (policy) {
    case 'MOST_AVAILABLE':
      return msg('most spare capacity');
    case 'LEAST_ACTIVE':
      return msg('fewest open conversations');
    case 'LONGEST_IDLE':
      return msg('longest since their last assignment');
    case 'PERCENT_SPARE':
      return msg('highest share of spare capacity');
  }
}

type PassedOver = NonNullable<RoutingCandidate['reason']>;
type StickyPassedOver = NonNullable<
  NonNullable<RoutingDecision['sticky']>['reason']
>;

/** Why an agent could not take it: "away", "at capacity". */
function passedOver(reason: PassedOver | StickyPassedOver): string {
  switch (reason) {
    case 'AWAY':
      return msg('away');
    case 'OFFLINE':
      return msg('offline');
    case 'FULL':
      return msg('at capacity');
    case 'DECLINED':
      return msg('had passed on it');
    case 'NOT_IN_INBOX':
      return msg('no longer in this inbox');
  }
}

/** The figure the policy compared, for one eligible candidate. */
function figure(
  policy: RoutingPolicy,
  c: RoutingCandidate,
  timeZone?: string,
): string {
  switch (policy) {
    case 'MOST_AVAILABLE':
      return c.spare === 1
        ? msg(str`${c.spare} of ${c.capacity} spare`, { id: 'spare-one' })
        : msg(str`${c.spare} of ${c.capacity} spare`);
    case 'LEAST_ACTIVE':
      return c.openConversations === 1
        ? msg(str`${c.openConversations} open`, { id: 'open-one' })
        : msg(str`${c.openConversations} open`);
    case 'LONGEST_IDLE':
      return c.lastAssignedAt
        ? msg(str`last assigned ${formatFullTime(c.lastAssignedAt, timeZone)}`)
        : msg('never assigned');
    case 'PERCENT_SPARE':
      return msg(str`${c.percentSpare}% spare`);
  }
}

const offeredAndAccepted = () =>
  msg('It was offered to them, and they accepted.');

/** One sentence on how a conversation reached its agent, and why them. */
export function explainRouting(
  record: RoutingRecord,
  timeZone?: string,
): string {
  const decision = record.decision;
  if (record.reason === 'REQUEUED') {
    return msg('It went back to the queue when its agent went offline.');
  }
  if (record.reason === 'NEXT_REQUESTED') {
    return msg('The agent asked for the next waiting conversation.');
  }
  if (!decision) {
    return record.reason === 'ACCEPTED'
      ? offeredAndAccepted()
      : msg('No decision was recorded for this step.');
  }
  const accepted =
    record.reason === 'ACCEPTED' ? ` ${offeredAndAccepted()}` : '';
  const sticky = decision.sticky;
  if (record.reason === 'STICKY' && sticky) {
    return msg(
      str`${sticky.name} had this customer's last conversation here, closed within the inbox's sticky window, so it went back to them.`,
    );
  }
  const notSticky =
    sticky && !sticky.used
      ? ` ${msg(str`Their last agent, ${sticky.name}, was ${passedOver(sticky.reason!)}.`)}`
      : '';
  const chosen = decision.candidates.find(
    (c) => c.agentId === decision.chosenAgentId,
  );
  const others = decision.candidates
    .filter((c) => c !== chosen)
    .map((c) =>
      c.eligible
        ? `${c.name}, ${figure(decision.policy, c, timeZone)}`
        : `${c.name}, ${passedOver(c.reason!)}`,
    );
  const waited =
    record.reason === 'ASSIGNED_FROM_QUEUE'
      ? msg('It waited in the queue; then ')
      : '';
  const why = chosen
    ? chosenBecause(decision, chosen, timeZone)
    : msg('nobody could take it');
  const list = others.join('; ');
  const rest = others.length > 0 ? ` ${msg(str`Others: ${list}.`)}` : '';
  return `${waited}${waited ? why : capitalise(why)}.${accepted}${rest}${notListed(decision)}${notSticky}`;
}

/** What a large inbox's decision counted instead of listing. */
function notListed(decision: RoutingDecision): string {
  const omitted = decision.omitted;
  if (!omitted) return '';
  const parts = [
    [
      omitted.eligible,
      (n: string) => msg(str`${n} more who could have taken it`),
    ],
    [
      omitted.away,
      (n: string) =>
        n === '1'
          ? msg(str`${n} away`, { id: 'away-one' })
          : msg(str`${n} away`),
    ],
    [
      omitted.offline,
      (n: string) =>
        n === '1'
          ? msg(str`${n} offline`, { id: 'offline-one' })
          : msg(str`${n} offline`),
    ],
    [omitted.full, (n: string) => msg(str`${n} at capacity`)],
  ] as const;
  const counted = parts
    .filter(([count]) => count > 0)
    .map(([count, say]) => say(formatNumber(count)))
    .join(', ');
  return counted ? ` ${msg(str`Not listed: ${counted}.`)}` : '';
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
  const standing = `${policyText(policy)} (${figure(policy, chosen, timeZone)})`;
  if (tied.length === 0) return msg(str`${chosen.name} had the ${standing}`);
  const idleBreaks =
    policy !== 'LONGEST_IDLE' &&
    tied.every((c) => c.lastAssignedAt !== chosen.lastAssignedAt);
  const breaker = idleBreaks
    ? msg('had gone longest since a last assignment')
    : msg('was the first of them added');
  // A large inbox can have many level: name a few and count the rest.
  const shown = tied.slice(0, 3).map((c) => c.name);
  const more = tied.length - shown.length;
  const listed = shown.join(', ');
  const names =
    more === 0
      ? shown.join(` ${msg('and')} `)
      : more === 1
        ? msg(str`${listed} and 1 other`)
        : msg(str`${listed} and ${formatNumber(more)} others`);
  return msg(
    str`${chosen.name} tied with ${names} on ${standing}, and ${breaker}`,
  );
}

const capitalise = (text: string) =>
  text.charAt(0).toUpperCase() + text.slice(1);
