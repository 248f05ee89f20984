/**
 * What routing costs as inboxes grow. A script that prints figures, not a
 * test: the machine is shared, so compare the ratios within one run.
 *
 *   npm run bench:routing
 *
 * First a million inbound messages across 1,000 inboxes and 10,000
 * agents; then one inbox of 100, 10,000 and 100,000 agents, routed through
 * the engine's index and through a plain scan of the agents.
 */
import { ManualClock } from '../mock-server/clock.js';
import { Engine, type EngineOptions } from '../mock-server/engine/engine.js';

const CAPACITY = 5;

/** Numbers in the fictional 555 ranges, one per inbox and per customer. */
const inboxNumber = (i: number) => `+1415${(5_500_000 + i).toString()}`;
const customerNumber = (i: number) => `+1628${(1_000_000 + i).toString()}`;
const sid = (i: number) => `SM${i.toString(16).padStart(32, '0')}`;

interface World {
  engine: Engine;
  clock: ManualClock;
  /** Open conversations, oldest first from `head`, so the oldest closes first. */
  open: string[];
  head: number;
  sent: number;
}

function world(options: EngineOptions = {}): World {
  const clock = new ManualClock();
  return {
    engine: new Engine(clock, options),
    clock,
    open: [],
    head: 0,
    sent: 0,
  };
}

/**
 * One customer texts an inbox; then, while more than `held` conversations
 * are open, agents close the oldest, so routing stays busy assigning
 * rather than queueing.
 */
function message(w: World, inbox: number, customer: number, held: number) {
  w.clock.advance(50);
  const { item } = w.engine.receiveSms({
    messageSid: sid(w.sent++),
    from: customerNumber(customer),
    to: inboxNumber(inbox),
    body: 'Is the sale still on?',
    attachments: [],
  });
  const id = item.conversationId!;
  if (w.open.at(-1) !== id) w.open.push(id);
  while (w.open.length - w.head > held) {
    const oldest = w.open[w.head++]!;
    const { agentId, status } = w.engine.getConversation(oldest);
    if (status === 'OPEN' && agentId) w.engine.closeConversation(oldest);
  }
  if (w.head > 100_000) {
    w.open = w.open.slice(w.head);
    w.head = 0;
  }
}

const peakMb = () => process.resourceUsage().maxRSS / 1024;

function settle() {
  (globalThis as { gc?: () => void }).gc?.();
}

// 1. A million messages across 1,000 inboxes and 10,000 agents.

function fleet(messages: number) {
  const INBOXES = 1_000;
  const AGENTS = 10_000;
  const w = world();
  const inboxes = Array.from({ length: INBOXES }, (_, i) =>
    w.engine.createInbox({
      name: `Inbox ${i}`,
      phoneNumbers: [inboxNumber(i)],
      policy: (
        [
          'MOST_AVAILABLE',
          'LEAST_ACTIVE',
          'LONGEST_IDLE',
          'PERCENT_SPARE',
        ] as const
      )[i % 4],
    }),
  );
  for (let a = 0; a < AGENTS; a++) {
    // Every fourth agent also works the next inbox along.
    const home = a % INBOXES;
    const inboxIds = [inboxes[home]!.id];
    if (a % 4 === 0) inboxIds.push(inboxes[(home + 1) % INBOXES]!.id);
    w.engine.createAgent({ name: `Agent ${a}`, inboxIds, capacity: CAPACITY });
  }
  // Half the agents' capacity busy; 300,000 customers, so some text again.
  const held = (AGENTS * CAPACITY) / 2;
  const start = performance.now();
  for (let i = 0; i < messages; i++) {
    const customer = (i * 7919) % 300_000;
    message(w, (i * 104_729) % INBOXES, customer, held);
  }
  const seconds = (performance.now() - start) / 1000;
  const lost = w.engine.lostMessages().length;
  const wrong = w.engine.indexProblems().length;
  return { seconds, rate: messages / seconds, lost, wrong };
}

// 2. One inbox, growing: the index against a plain scan.

function oneInbox(agents: number, choose: 'index' | 'scan', budgetMs: number) {
  const w = world({ choose });
  const inbox = w.engine.createInbox({
    name: 'Gold Members',
    phoneNumbers: [inboxNumber(0)],
  });
  for (let a = 0; a < agents; a++) {
    w.engine.createAgent({
      name: `Agent ${a}`,
      inboxIds: [inbox.id],
      capacity: CAPACITY,
    });
  }
  // The same load at every size: 200 conversations open at once, well
  // inside even the smallest team's capacity.
  const held = 200;
  let customer = 0;
  const batch = () => {
    for (let i = 0; i < 100; i++) message(w, 0, customer++, held);
  };
  for (let i = 0; i < 5; i++) batch(); // warm up
  const start = performance.now();
  const first = w.sent;
  while (performance.now() - start < budgetMs) batch();
  const seconds = (performance.now() - start) / 1000;
  return (w.sent - first) / seconds;
}

const figure = (n: number) => Math.round(n).toLocaleString('en');

const messages = Number(process.argv[2] ?? 1_000_000);
console.log(
  `Routing ${figure(messages)} messages across 1,000 inboxes and 10,000 agents…`,
);
const big = fleet(messages);
console.log(
  `  ${big.seconds.toFixed(1)} s, ${figure(big.rate)} messages/s; ` +
    `${big.lost} lost, ${big.wrong} index disagreements; peak ${figure(peakMb())} MB`,
);
settle();

console.log('\nOne inbox, messages per second:');
console.log('  agents     indexed        scan   index/scan');
const SIZES = [100, 10_000, 100_000];
const rows = SIZES.map((agents) => {
  const indexed = oneInbox(agents, 'index', 2_000);
  settle();
  const scanned = oneInbox(agents, 'scan', 2_000);
  settle();
  console.log(
    `  ${figure(agents).padStart(7)} ${figure(indexed).padStart(11)} ${figure(scanned).padStart(11)} ${(indexed / scanned).toFixed(1).padStart(11)}×`,
  );
  return { agents, indexed, scanned };
});
const [small, , large] = rows as [(typeof rows)[0], unknown, (typeof rows)[0]];
const growth = small.indexed / large.indexed;
const speedup = large.indexed / large.scanned;
console.log(
  `\n100,000 agents route at 1/${growth.toFixed(2)} the rate of 100 (goal: within 2×): ${growth <= 2 ? 'met' : 'NOT met'}`,
);
console.log(
  `the index is ${speedup.toFixed(0)}× the scan at 100,000 agents (goal: at least 20×): ${speedup >= 20 ? 'met' : 'NOT met'}`,
);
console.log(
  `routing: rate_100=${Math.round(small.indexed)} rate_100k=${Math.round(large.indexed)} scan_100k=${Math.round(large.scanned)} peak_mb=${Math.round(peakMb())}`,
);
