/**
 * The engine states the stories show. Each story builds its own engine on
 * a ManualClock set to STORY_TIME and is answered by the app's own MSW
 * handlers over it, so what a story shows is what the app would show for
 * the same history. Ids and times come out the same on every visit.
 *
 * Everything is set up through the engine's public methods, so a story
 * can never show a state the routing rules would not allow.
 */
import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import type { MswParameter } from 'msw-storybook-addon/csf3';
import { ManualClock, type OffsetClock } from '../mock-server/clock.js';
import { Engine } from '../mock-server/engine/engine.js';
import {
  createHandlers,
  DEFAULT_BASE,
  type ErrorBody,
} from '../mock-server/handlers.js';
import { seedJulySale, type JulySale } from '../mock-server/scenario.js';
import { randomMessageSid } from '../mock-server/simulator.js';
import type { Attachment, TimelinePage } from '../src/sdk/schemas.js';

/** "Now" in every story. */
export const STORY_TIME = '2026-07-01T16:00:00Z';

const MINUTE = 60_000;

type Person = keyof JulySale['phones'];

/** An engine, its clock, and shorthands for what people do in it. */
export interface World {
  engine: Engine;
  clock: ManualClock;
  /** Sets the clock `minutes` before (negative) or after STORY_TIME. */
  at(minutes: number): void;
  /** The `parameters.msw` that serves this engine; `overrides` win. */
  msw(...overrides: RequestHandler[]): MswParameter;
}

/**
 * The stories' MMS files, served by the same worker as the API: a drawn
 * receipt for any `.jpg` on the media host, and a 404 for anything else
 * there, as a lost file would be.
 */
const RECEIPT = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="160" viewBox="0 0 240 160">
  <rect width="240" height="160" fill="#f6f8fa"/>
  <rect x="70" y="12" width="100" height="136" rx="4" fill="#fff" stroke="#d0d7de"/>
  <text x="120" y="36" font-family="sans-serif" font-size="11" text-anchor="middle" fill="#1f2328">NORTHWIND</text>
  <g stroke="#8c959f" stroke-width="3"><path d="M84 56h72M84 70h56M84 84h64M84 98h48"/></g>
  <text x="120" y="132" font-family="sans-serif" font-size="12" text-anchor="middle" fill="#1f2328">$84.00</text>
</svg>`;
const media: RequestHandler = http.get(
  'https://media.northwind.example/*',
  ({ request }) =>
    new URL(request.url).pathname.endsWith('.jpg')
      ? new HttpResponse(RECEIPT, {
          headers: { 'content-type': 'image/svg+xml' },
        })
      : new HttpResponse(null, { status: 404 }),
);

export function newWorld(): World {
  const clock = new ManualClock(STORY_TIME);
  const engine = new Engine(clock);
  return {
    engine,
    clock,
    at: (minutes) =>
      clock.set(new Date(Date.parse(STORY_TIME) + minutes * MINUTE)),
    msw: (...overrides) => ({
      handlers: [...overrides, media, ...createHandlers(engine)],
    }),
  };
}

/** The July Sale world, with shorthands for its four customers. */
export interface JulySaleWorld extends World {
  sale: JulySale;
  /** `who` texts the Gold Members line, as Twilio would deliver it. */
  text(who: Person | string, body: string, attachments?: Attachment[]): void;
  /** The agent holding `who`'s open Gold conversation answers. */
  agentReplies(who: Person, body: string): void;
  /** The customer id for a phone number that has texted in. */
  customerAt(phone: string): string;
}

/**
 * The demo's story (mock-server/scenario.ts) on a manual clock: the
 * campaign goes out two hours before STORY_TIME and Julie answers it
 * twenty minutes before.
 */
export function julySale(): JulySaleWorld {
  const world = newWorld();
  const sale = seedJulySale(world.engine, travelling(world.clock));
  const phoneOf = (who: Person | string) =>
    who in sale.phones ? sale.phones[who as Person] : who;
  const goldConversation = (who: Person) => {
    const open = world.engine
      .listConversations(sale.customers[who])
      .filter((c) => c.inboxId === sale.inboxes.gold && c.status === 'OPEN');
    const conversation = open[open.length - 1];
    if (!conversation?.agentId) {
      throw new Error(`${who} has no Gold conversation held by an agent.`);
    }
    return conversation;
  };
  return {
    ...world,
    sale,
    text: (who, body, attachments = []) =>
      void world.engine.receiveSms({
        messageSid: randomMessageSid(attachments.length > 0 ? 'MM' : 'SM'),
        from: phoneOf(who),
        to: sale.numbers.gold,
        body,
        attachments,
      }),
    agentReplies: (who, body) => {
      const { id, agentId } = goldConversation(who);
      world.engine.sendAgentMessage(id, agentId!, body);
    },
    customerAt: (phone) => world.engine.findCustomersByPhone(phone)[0]!.id,
  };
}

/**
 * seedJulySale lays history down by moving an OffsetClock back and forth
 * relative to the wall clock. This moves the manual clock the same way
 * relative to STORY_TIME instead, so the history has fixed times.
 */
function travelling(clock: ManualClock): Pick<OffsetClock, 'offsetMs'> {
  const start = Date.parse(STORY_TIME);
  let offsetMs = 0;
  return {
    get offsetMs() {
      return offsetMs;
    },
    set offsetMs(ms: number) {
      offsetMs = ms;
      clock.set(new Date(start + ms));
    },
  };
}

// The states below, one per function, are shared by the timeline and
// queue stories that show them.

/** Julie's agent answers her, she asks again, and he answers again. */
export function agentReplied(): JulySaleWorld {
  const world = julySale();
  world.at(-16);
  world.agentReplies(
    'julie',
    'Hi Julie, Ben here! Early access opens Thursday at 6 pm for Gold ' +
      'Members, and the 30% applies online and in stores.',
  );
  world.at(-12);
  world.text('julie', 'Does it include the new summer jackets?');
  world.at(-9);
  world.agentReplies('julie', 'It does, every size and colour. 🎉');
  world.at(0);
  return world;
}

/**
 * Twilio has reported on what went out to Julie: the campaign message and
 * Ben's first reply were delivered, his second was not (carrier error
 * 30003, unreachable).
 */
export function deliveries(): JulySaleWorld {
  const world = agentReplied();
  const sent = world.engine
    .getTimeline(world.sale.customers.julie, 50)
    .items.flatMap((i) =>
      i.content.type === 'SMS' && i.content.messageSid
        ? [i.content.messageSid]
        : [],
    );
  const [campaign, first, second] = sent;
  for (const sid of [campaign!, first!]) {
    world.engine.updateDelivery({ messageSid: sid, status: 'delivered' });
  }
  world.engine.updateDelivery({
    messageSid: second!,
    status: 'undelivered',
    errorCode: '30003',
  });
  return world;
}

/** Julie stops the texts after her answer, then asks for help. */
export function optedOut(): JulySaleWorld {
  const world = agentReplied();
  world.at(-5);
  world.text('julie', 'STOP');
  world.at(-2);
  world.text('julie', 'help?');
  world.at(0);
  return world;
}

/** Someone whose number no campaign went to. */
export const NEW_NUMBER = '+14155550199';

/**
 * Ben is at capacity with Julie and Amara and Chen are away, so Marcus,
 * Priya, Tom and a new number all wait in the Gold Members queue.
 */
export function waitingForAnAgent(): JulySaleWorld {
  const world = julySale();
  world.at(-30);
  world.engine.updateAgent(world.sale.agents.ben, { capacity: 1 });
  world.engine.updateAgent(world.sale.agents.amara, { status: 'AWAY' });
  world.at(-12);
  world.text('marcus', 'Is the sale on in stores too?');
  world.at(-7);
  world.text('priya', 'Can I use my gift card with the 30% off?');
  world.at(-3);
  world.text('tom', 'What time does it start on Friday?');
  world.at(-1);
  world.text(NEW_NUMBER, 'Hi, a friend sent me your July Sale text. Am I in?');
  world.at(0);
  return world;
}

/** As waitingForAnAgent, then Amara comes back and takes two of them. */
export function assignedFromTheQueue(): JulySaleWorld {
  const world = waitingForAnAgent();
  world.at(0);
  world.engine.updateAgent(world.sale.agents.amara, { status: 'AVAILABLE' });
  return world;
}

/**
 * Gold Members with an agent in each status: Ben available with room,
 * Amara available and at capacity, Chen away and Sam offline.
 */
export function everyAgentStatus(): JulySaleWorld {
  const world = julySale();
  world.at(-60);
  world.engine.createAgent({
    name: 'Sam Rivera',
    inboxIds: [world.sale.inboxes.gold],
    capacity: 2,
    status: 'OFFLINE',
  });
  // Routing hands these out by spare capacity: Amara, Ben, then Amara.
  world.at(-14);
  world.text('marcus', 'Is the sale on in stores too?');
  world.at(-9);
  world.text('priya', 'Can I use my gift card with the 30% off?');
  world.at(-4);
  world.text('tom', 'Do you ship to Canada?');
  world.at(0);
  return world;
}

/** Julie and Ben keep talking until her timeline has more than a page. */
export function longHistory(): JulySaleWorld {
  const world = julySale();
  const questions = [
    'Does it include the summer jackets?',
    'And the linen shirts?',
    'Do you have the navy one in medium?',
    'Can I reserve it for pickup?',
    'Which store is closest to Mission Street?',
  ];
  for (let round = 0; round < 30; round++) {
    world.at(-19 + round * 0.6);
    world.agentReplies(
      'julie',
      `Good question! Let me check that for you (${round + 1}).`,
    );
    world.at(-19 + round * 0.6 + 0.3);
    world.text('julie', questions[round % questions.length]!);
  }
  world.at(0);
  return world;
}

/** A link long enough to overflow a bubble unless the text wraps. */
export const LONG_LINK =
  'https://www.northwind.example/campaigns/july-sale-2026/gold-members/' +
  'early-access/checkout?voucher=GOLD30-JULY-EARLY-ACCESS-7F3A9C21&utm_source' +
  '=sms&utm_medium=campaign&utm_campaign=july_sale_gold_members_2026';

/** Tom pastes a link with no spaces and his agent sends one back. */
export function longLink(): JulySaleWorld {
  const world = julySale();
  world.at(-10);
  world.text('tom', `This link from your email is broken: ${LONG_LINK}`);
  world.at(-6);
  world.agentReplies('tom', `Sorry Tom! This one works: ${LONG_LINK}&fixed=1`);
  world.at(0);
  return world;
}

/** Priya answers the campaign with a photo of a receipt (an MMS). */
export function photoAttached(): JulySaleWorld {
  const world = julySale();
  world.at(-8);
  world.text('priya', 'Does this order from last week count?', [
    {
      url: 'https://media.northwind.example/mms/receipt-0144.jpg',
      contentType: 'image/jpeg',
    },
    {
      url: 'https://media.northwind.example/mms/terms-0144.pdf',
      contentType: 'application/pdf',
    },
  ]);
  world.at(-4);
  // A photo the carrier no longer has: the timeline says so in words.
  world.text('priya', 'And this one?', [
    {
      url: 'https://media.northwind.example/mms/expired-0145.png',
      contentType: 'image/png',
    },
  ]);
  world.at(0);
  return world;
}

/** An inbox that has just been set up: no agents, nobody waiting. */
export function newInbox(): World & { inboxId: string } {
  const world = newWorld();
  world.at(-5);
  const inbox = world.engine.createInbox({
    name: 'Returns',
    phoneNumbers: ['+14155550122'],
  });
  world.at(0);
  return { ...world, inboxId: inbox.id };
}

// Answers that the engine would never give, for the states around it.

const api = (path: string) => `${DEFAULT_BASE}${path}`;

/** `GET path` never answers, so the element stays loading. */
export function neverAnswers(path: string): RequestHandler {
  return http.get(api(path), async () => {
    await delay('infinite');
    return new HttpResponse(null, { status: 204 });
  });
}

/** `GET path` fails as a broken server would, with the API's error body. */
export function serverError(path: string, message: string): RequestHandler {
  return http.get(api(path), () =>
    HttpResponse.json<ErrorBody>({ message, problems: [] }, { status: 500 }),
  );
}

/**
 * Every timeline is empty. The engine cannot make a customer without a
 * timeline item (customers are created by a campaign or their first
 * text), so this stands in for one, say, imported from a CRM.
 */
export const emptyTimeline: RequestHandler = http.get(
  api('/customers/:id/timeline'),
  () => HttpResponse.json<TimelinePage>({ items: [], nextCursor: null }),
);
