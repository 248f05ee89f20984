/**
 * The demo's story: a July sale campaign sent from the Gold Members line,
 * and one customer who has already answered it. Seeded through the engine
 * itself, so it obeys the same rules as anything a person does after.
 */
import type { OffsetClock } from './clock.js';
import type { Engine } from './engine/engine.js';
import { randomMessageSid } from './simulator.js';

export interface JulySale {
  inboxes: { gold: string; support: string };
  numbers: { gold: string; support: string };
  agents: { ben: string; amara: string; chen: string; dana: string };
  customers: { julie: string; marcus: string; priya: string; tom: string };
  phones: { julie: string; marcus: string; priya: string; tom: string };
  campaignId: string;
}

const MINUTE = 60_000;

/** The story's inbox lines. */
export const JULY_SALE_NUMBERS = {
  gold: '+14155550100',
  support: '+14155550111',
} as const satisfies JulySale['numbers'];

/** The story's customers' numbers. */
export const JULY_SALE_PHONES = {
  julie: '+14155550142',
  marcus: '+14155550143',
  priya: '+14155550144',
  tom: '+14155550145',
} as const satisfies JulySale['phones'];

export const JULY_SALE_BODY =
  'Hi from Northwind! Our July Sale starts Friday: Gold Members get 30% off ' +
  'everything for 48 hours. Reply to this text with any questions.';

/**
 * `count` made-up Gold Members to send a campaign to, on numbers in the
 * fictional 555 range from +1 415 555 3000 up: for demos, stories and
 * tests that need a campaign larger than the story's four customers.
 */
export function madeUpRecipients(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    name: `Gold Member ${i + 1}`,
    phoneNumber: `+1415555${(3000 + i).toString()}`,
  }));
}

/**
 * Seeds `engine`. With `clock`, the history is laid down in the past (the
 * campaign two hours ago, Julie's answer twenty minutes ago) and the clock
 * is then set back to the present.
 */
export function seedJulySale(
  engine: Engine,
  clock?: Pick<OffsetClock, 'offsetMs'>,
): JulySale {
  // History is laid down relative to where the clock stands now, which a
  // POST /clock may have moved on; it ends where it started.
  const base = clock?.offsetMs ?? 0;
  const travel = (minutesAgo: number) => {
    if (clock) clock.offsetMs = base - minutesAgo * MINUTE;
  };
  const numbers = { ...JULY_SALE_NUMBERS };
  const phones = { ...JULY_SALE_PHONES };

  travel(180);
  const gold = engine.createInbox({
    name: 'Gold Members',
    phoneNumbers: [numbers.gold],
  });
  const support = engine.createInbox({
    name: 'General Support',
    phoneNumbers: [numbers.support],
  });
  const agent = (
    name: string,
    inboxIds: string[],
    capacity: number,
    status: 'AVAILABLE' | 'AWAY' | 'OFFLINE',
  ) => engine.createAgent({ name, inboxIds, capacity, status }).id;
  const agents = {
    ben: agent('Ben Okafor', [gold.id], 3, 'AVAILABLE'),
    amara: agent('Amara Silva', [gold.id], 2, 'AVAILABLE'),
    chen: agent('Chen Wei', [gold.id, support.id], 2, 'AWAY'),
    dana: agent('Dana Kowalski', [support.id], 2, 'OFFLINE'),
  };

  travel(120);
  const campaign = engine.createCampaign({
    name: 'July Sale',
    from: numbers.gold,
    answer: { name: 'July Sale early access', body: JULY_SALE_BODY },
    recipients: [
      { name: 'Julie Example', phoneNumber: phones.julie },
      { name: 'Marcus Reed', phoneNumber: phones.marcus },
      { name: 'Priya Shah', phoneNumber: phones.priya },
      { name: 'Tom Alvarez', phoneNumber: phones.tom },
    ],
  });

  travel(20);
  engine.receiveSms({
    messageSid: randomMessageSid(),
    from: phones.julie,
    to: numbers.gold,
    body: 'Great! Tell me more.',
    attachments: [],
  });
  travel(0);

  const customerOf = (phone: string) =>
    engine.findCustomersByPhone(phone)[0]!.id;
  return {
    inboxes: { gold: gold.id, support: support.id },
    numbers,
    agents,
    customers: {
      julie: customerOf(phones.julie),
      marcus: customerOf(phones.marcus),
      priya: customerOf(phones.priya),
      tom: customerOf(phones.tom),
    },
    phones,
    campaignId: campaign.id,
  };
}
