/**
 * An inbox's agents, indexed for routing: those who may take a
 * conversation in a heap ordered by the inbox's policy, the others counted
 * by why not. Choosing an agent costs the logarithm of the inbox's size,
 * not a pass over it. The index is only as right as it is told: whoever
 * changes an agent's status or figures calls `update` straight after.
 */
import type { RoutingPolicy } from '../../src/sdk/schemas.js';
import { AgentHeap } from './agent-heap.js';
import type { AgentRecord } from './records.js';
import {
  POLICIES,
  scanRoster,
  standing,
  type Roster,
  type Standing,
} from './routing.js';

export class InboxRoster implements Roster<AgentRecord> {
  /** By id, in the order the agents were created. */
  private readonly members = new Map<string, AgentRecord>();
  /** The same agents as a list, for reading by scan. */
  readonly list: AgentRecord[] = [];
  private readonly eligible: AgentHeap<AgentRecord>;
  private readonly where = new Map<string, Standing>();
  private readonly counts: Record<Standing, number> = {
    ELIGIBLE: 0,
    AWAY: 0,
    OFFLINE: 0,
    FULL: 0,
  };

  constructor(private policy: RoutingPolicy) {
    this.eligible = new AgentHeap<AgentRecord>(POLICIES[policy]);
  }

  get size(): number {
    return this.members.size;
  }

  all(): Iterable<AgentRecord> {
    return this.members.values();
  }

  best(k: number, passed?: ReadonlySet<string>): AgentRecord[] {
    const found: AgentRecord[] = [];
    if (k <= 0) return found;
    for (const agent of this.eligible.ordered()) {
      if (passed?.has(agent.id)) continue;
      found.push(agent);
      if (found.length === k) break;
    }
    return found;
  }

  count(where: Standing): number {
    return this.counts[where];
  }

  member(id: string): AgentRecord | undefined {
    return this.members.get(id);
  }

  add(agent: AgentRecord): void {
    this.members.set(agent.id, agent);
    this.list.push(agent);
    const now = standing(agent);
    this.where.set(agent.id, now);
    this.counts[now] += 1;
    if (now === 'ELIGIBLE') this.eligible.add(agent);
  }

  /** Puts the agent where they now stand, after any change to them. */
  update(agent: AgentRecord): void {
    const was = this.where.get(agent.id)!;
    const now = standing(agent);
    if (was === now) {
      if (now === 'ELIGIBLE') this.eligible.update(agent);
      return;
    }
    this.where.set(agent.id, now);
    this.counts[was] -= 1;
    this.counts[now] += 1;
    if (was === 'ELIGIBLE') this.eligible.remove(agent);
    if (now === 'ELIGIBLE') this.eligible.add(agent);
  }

  setPolicy(policy: RoutingPolicy): void {
    if (policy === this.policy) return;
    this.policy = policy;
    this.eligible.reorder(POLICIES[policy]);
  }

  /**
   * Where the index disagrees with a plain scan of the same agents: empty
   * when it is right. For tests, after every step of a random sequence.
   */
  problems(): string[] {
    const agents = this.list;
    const scan = scanRoster(agents, this.policy);
    const found: string[] = [];
    const ids = (list: AgentRecord[]) => list.map((a) => a.id).join(',');
    const indexed = ids(this.best(agents.length));
    const scanned = ids(scan.best(agents.length));
    if (indexed !== scanned) {
      found.push(`order ${indexed} where a scan gives ${scanned}`);
    }
    for (const where of Object.keys(this.counts) as Standing[]) {
      if (this.count(where) !== scan.count(where)) {
        found.push(
          `${this.count(where)} ${where} where a scan counts ${scan.count(where)}`,
        );
      }
    }
    return found;
  }
}
