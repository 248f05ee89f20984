/**
 * How the routing engine's cost grows with the traffic it has taken in.
 * A script that prints figures, not a test: compare the ratios within one
 * run, as the machine is shared and timings drift between runs.
 *
 *   npm run bench:engine
 */
import { ManualClock } from '../mock-server/clock.js';
import { Engine } from '../mock-server/engine/engine.js';

const SIZES = [1_000, 10_000, 50_000];
const AGENTS = 20;
const CUSTOMERS_PER_MESSAGE = 0.5; // half the messages are follow-ups

function run(messages: number): { ms: number; perMessageUs: number } {
  const clock = new ManualClock();
  const engine = new Engine(clock);
  const inbox = engine.createInbox({
    name: 'Gold',
    phoneNumbers: ['+14155550100'],
  });
  for (let a = 0; a < AGENTS; a++) {
    engine.createAgent({
      name: `Agent ${a}`,
      inboxIds: [inbox.id],
      capacity: 5,
    });
  }
  const customers = Math.max(1, Math.floor(messages * CUSTOMERS_PER_MESSAGE));
  const start = performance.now();
  for (let i = 0; i < messages; i++) {
    clock.advance(1000);
    const customer = (i * 7919) % customers;
    engine.receiveSms({
      messageSid: `SM${i.toString(16).padStart(32, '0')}`,
      from: `+1415${(5_000_000 + customer).toString().padStart(7, '0')}`,
      to: '+14155550100',
      body: 'Hello',
      attachments: [],
    });
    // Agents close what they hold now and then, so the queue drains.
    if (i % 10 === 9) {
      const { assignments } = engine.getQueue(inbox.id);
      for (const a of assignments.slice(0, 10))
        engine.closeConversation(a.conversationId);
    }
  }
  const ms = performance.now() - start;
  return { ms, perMessageUs: (ms * 1000) / messages };
}

run(500); // warm up the JIT
const results = SIZES.map((n) => ({ n, ...run(n) }));
for (const { n, ms, perMessageUs } of results) {
  console.log(
    `${n.toLocaleString('en').padStart(7)} messages: ${ms.toFixed(0).padStart(6)} ms, ${perMessageUs.toFixed(1)} µs a message`,
  );
}
const first = results[0]!;
const last = results.at(-1)!;
console.log(
  `per-message cost at ${last.n.toLocaleString('en')} is ${(last.perMessageUs / first.perMessageUs).toFixed(1)}× that at ${first.n.toLocaleString('en')}`,
);
console.log(
  `engine: us_per_msg_1k=${first.perMessageUs.toFixed(1)} us_per_msg_${last.n / 1000}k=${last.perMessageUs.toFixed(1)} ratio=${(last.perMessageUs / first.perMessageUs).toFixed(2)}`,
);
