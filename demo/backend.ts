/**
 * Where the demo's engine lives. Under `npm start` (vite dev) the demo
 * runs its own mock engine in the page, behind MSW's service worker.
 * Served by `npm run serve`, it is a client of the server's engine like
 * any other window: every read and change goes over HTTP, and nothing
 * runs in the page.
 *
 * How it tells: before anything else starts, it asks the page's own
 * origin for `GET /api/v1/clock`. Server mode answers with JSON holding
 * `now`. Vite dev has no API there and answers an unknown path with
 * index.html, so anything but that JSON means the page runs its own.
 * The question goes out before MSW starts in this page, so the in-page
 * mock cannot be what answers it.
 */
import { DEFAULT_API_BASE, SmsKitClient } from '../src/sdk/client.js';
import { ApiHttpError } from '../src/sdk/errors.js';
import {
  JULY_SALE_NUMBERS as NUMBERS,
  JULY_SALE_PHONES as PHONES,
  type JulySale,
} from '../mock-server/scenario.js';

/**
 * The story's ids as the engine has them now. In server mode they are
 * read back from the API, and any may be missing (the engine was emptied
 * by `POST /reset`, say).
 */
export interface Story {
  inboxes: Partial<JulySale['inboxes']>;
  customers: Partial<JulySale['customers']>;
  phones: JulySale['phones'];
  campaignId?: string;
}

export interface DemoBackend {
  mode: 'page' | 'server';
  client: SmsKitClient;
  /** The engine's time now, as the log stamps its lines. */
  now(): Date;
  /** Reads the engine's time again (the clock may have moved on). */
  syncClock(): Promise<void>;
  /** The story as it stands. */
  story(): Promise<Story>;
  /** Empties the engine and lays the story down again; its new ids. */
  restartStory(): Promise<Story>;
  /** Plays the clock `speed` times real time, where it can. */
  setSpeed(speed: number): void;
  /** Why the clock cannot be played faster, where it cannot. */
  speedUnavailable?: string;
}

/** Whether the page's own origin answers the API (see above). */
async function serverAnswers(): Promise<boolean> {
  try {
    // No Accept header of its own: vite dev then answers index.html with
    // a 200, rather than a 404 the console would report as an error.
    const response = await fetch(`${DEFAULT_API_BASE}/clock`, {
      cache: 'no-store',
    });
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || !type.includes('application/json')) return false;
    const body = (await response.json()) as { now?: unknown };
    return typeof body.now === 'string';
  } catch {
    return false;
  }
}

export async function startBackend(): Promise<DemoBackend> {
  if (await serverAnswers()) return serverBackend();
  // Loaded only here: in server mode neither MSW nor the engine loads.
  const { startPageBackend } = await import('./page-backend.js');
  return startPageBackend();
}

/** The demo as a client of `npm run serve`'s engine. */
async function serverBackend(): Promise<DemoBackend> {
  const client = new SmsKitClient();
  // The server's clock runs apart from the browser's (POST /clock moves
  // it on): the log reads it through this offset.
  let offsetMs = 0;
  const syncClock = async () => {
    offsetMs = Date.parse(await client.getClock()) - Date.now();
  };
  await syncClock();
  return {
    mode: 'server',
    client,
    now: () => new Date(Date.now() + offsetMs),
    syncClock,
    story: () => readStory(client),
    async restartStory() {
      const response = await fetch(`${DEFAULT_API_BASE}/story`, {
        method: 'POST',
      });
      if (!response.ok) {
        throw new Error(
          `The server did not start the story again: ${response.status} ${response.statusText}`,
        );
      }
      return (await response.json()) as JulySale;
    },
    // The select is disabled, saying why: there is no speed to set.
    setSpeed() {},
    speedUnavailable: SERVER_SPEED,
  };
}

const SERVER_SPEED =
  "The server's clock runs in real time and has no speed to set; it can " +
  'only be moved on, with the button above.';

/**
 * Finds the story in the server's engine: its inboxes by their lines,
 * its customers by their numbers, and the July Sale campaign on the first
 * customer's timeline.
 */
async function readStory(client: SmsKitClient): Promise<Story> {
  // Another window may start the story again while this one reads it: an
  // id read a moment ago is then gone (404), and the story is read anew.
  for (let attempt = 1; ; attempt++) {
    try {
      return await readStoryOnce(client);
    } catch (error) {
      const gone = error instanceof ApiHttpError && error.status === 404;
      if (!gone || attempt === 3) throw error;
    }
  }
}

async function readStoryOnce(client: SmsKitClient): Promise<Story> {
  const inboxes = await client.listInboxes();
  const line = (number: string) =>
    inboxes.find((inbox) => inbox.phoneNumbers.includes(number))?.id;
  const story: Story = {
    inboxes: { gold: line(NUMBERS.gold), support: line(NUMBERS.support) },
    customers: {},
    phones: PHONES,
  };
  const found = await Promise.all(
    Object.entries(PHONES).map(async ([who, phone]) => {
      const customer = await client.findCustomerByPhone(phone);
      return [who, customer?.id] as const;
    }),
  );
  for (const [who, id] of found) {
    if (id) story.customers[who as keyof Story['customers']] = id;
  }
  story.campaignId = await firstCampaign(
    client,
    story.customers.tom ?? story.customers.julie,
  );
  return story;
}

/** The oldest campaign on `customerId`'s timeline, paging back to it. */
async function firstCampaign(
  client: SmsKitClient,
  customerId: string | undefined,
): Promise<string | undefined> {
  if (!customerId) return undefined;
  let before: string | undefined;
  let campaignId: string | undefined;
  // Ten pages of 200 at most: the story's campaign is among a customer's
  // first texts, and Tom, who never answers it, has few.
  for (let page = 0; page < 10; page++) {
    const { items, nextCursor } = await client.getTimeline(customerId, {
      limit: 200,
      ...(before && { before }),
    });
    for (const item of items) {
      if (item.content.type === 'SMS' && item.content.campaign) {
        campaignId = item.content.campaign.id;
        break;
      }
    }
    if (!nextCursor) break;
    before = nextCursor;
  }
  return campaignId;
}
