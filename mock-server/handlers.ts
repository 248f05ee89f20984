/**
 * The HTTP API as MSW handlers: a thin layer that reads each request,
 * calls the engine and turns its answer, or its refusal, into a response.
 * Bodies the engine takes as they are (inboxes, agents, campaigns) it
 * checks itself with the shared schemas; what it takes in another shape
 * (a query, a path, the clock's seconds) is parsed here. No routing rule
 * lives here.
 */
import { http, HttpResponse, type JsonBodyType } from 'msw';
import * as z from 'zod/mini';
import {
  AdvanceClockRequest,
  CreateAgentRequest,
  CreateCampaignRequest,
  CreateInboxRequest,
  PhoneNumber,
  SendMessageRequest,
  UpdateAgentRequest,
  UpdateInboxRequest,
  UpdateConversationRequest,
} from '../src/sdk/schemas.js';
import type { Engine } from './engine/engine.js';
import { MAX_PAGE_SIZE } from './engine/timeline.js';
import { openEventStream } from './event-stream.js';
import {
  BadRequest,
  bodyText,
  guarded,
  jsonBody,
  param,
  parsed,
  refusal,
  requireType,
} from './http.js';
import {
  EMPTY_TWIML,
  parseTwilioInbound,
  parseTwilioStatus,
} from './twilio.js';

export type { ErrorBody } from './http.js';

export const DEFAULT_BASE = '/api/v1';

const TimelineQuery = z.object({
  limit: z.optional(
    z.string().check(
      z.regex(/^\d+$/, { error: 'expected a whole number' }),
      z.refine((n) => Number(n) >= 1 && Number(n) <= MAX_PAGE_SIZE, {
        error: `expected 1 to ${MAX_PAGE_SIZE}`,
      }),
    ),
  ),
  before: z.optional(z.string().check(z.minLength(1))),
});

/** The handlers for `engine`, answering under `base` (default `/api/v1`). */
export function createHandlers(engine: Engine, base = DEFAULT_BASE) {
  const at = (path: string) => `${base}${path}`;
  const created = <T extends JsonBodyType>(body: T) =>
    HttpResponse.json(body, { status: 201 });

  return [
    http.post(
      at('/reset'),
      guarded(() => {
        engine.reset();
        return new HttpResponse(null, { status: 204 });
      }),
    ),

    http.get(
      at('/clock'),
      guarded(() => HttpResponse.json({ now: engine.now() })),
    ),

    http.post(
      at('/clock'),
      guarded(async ({ request }) => {
        const { advanceSeconds } = parsed(
          AdvanceClockRequest,
          await jsonBody(request),
        );
        return HttpResponse.json({ now: engine.advanceClock(advanceSeconds) });
      }),
    ),

    http.post(
      at('/inboxes'),
      guarded(async ({ request }) =>
        created(
          engine.createInbox((await jsonBody(request)) as CreateInboxRequest),
        ),
      ),
    ),
    http.get(
      at('/inboxes'),
      guarded(() => HttpResponse.json(engine.listInboxes())),
    ),
    http.patch(
      at('/inboxes/:id'),
      guarded(async ({ params, request }) => {
        const patch = (await jsonBody(request)) as UpdateInboxRequest;
        return HttpResponse.json(engine.updateInbox(param(params.id), patch));
      }),
    ),
    http.get(
      at('/inboxes/:id/queue'),
      guarded(({ params }) =>
        HttpResponse.json(engine.getQueue(param(params.id))),
      ),
    ),

    http.post(
      at('/agents'),
      guarded(async ({ request }) =>
        created(
          engine.createAgent((await jsonBody(request)) as CreateAgentRequest),
        ),
      ),
    ),
    http.get(
      at('/agents'),
      guarded(() => HttpResponse.json(engine.listAgents())),
    ),
    http.get(
      at('/agents/:id'),
      guarded(({ params }) =>
        HttpResponse.json(engine.getAgent(param(params.id))),
      ),
    ),
    http.patch(
      at('/agents/:id'),
      guarded(async ({ params, request }) => {
        const patch = (await jsonBody(request)) as UpdateAgentRequest;
        return HttpResponse.json(engine.updateAgent(param(params.id), patch));
      }),
    ),

    http.post(
      at('/agents/:id/next'),
      guarded(({ params }) =>
        HttpResponse.json(engine.takeNext(param(params.id))),
      ),
    ),

    http.post(
      at('/offers/:id/accept'),
      guarded(({ params }) =>
        HttpResponse.json(engine.acceptOffer(param(params.id))),
      ),
    ),
    http.post(
      at('/offers/:id/decline'),
      guarded(({ params }) =>
        HttpResponse.json(engine.declineOffer(param(params.id))),
      ),
    ),

    http.post(
      at('/campaigns'),
      guarded(async ({ request }) =>
        created(
          engine.createCampaign(
            (await jsonBody(request)) as CreateCampaignRequest,
          ),
        ),
      ),
    ),
    http.post(
      at('/campaigns/:id/stop'),
      guarded(({ params }) =>
        HttpResponse.json(engine.stopCampaign(param(params.id))),
      ),
    ),
    http.get(
      at('/campaigns/:id'),
      guarded(({ params }) =>
        HttpResponse.json(engine.getCampaign(param(params.id))),
      ),
    ),

    http.post(
      at('/webhooks/twilio/sms'),
      guarded(async ({ request }) => {
        requireType(
          request,
          'application/x-www-form-urlencoded',
          ', as Twilio sends',
        );
        const sms = parseTwilioInbound(
          new URLSearchParams(await bodyText(request)),
        );
        if (!sms.ok) throw new BadRequest(sms.problems);
        engine.receiveSms(sms.value);
        return new HttpResponse(EMPTY_TWIML, {
          status: 200,
          headers: { 'content-type': 'text/xml' },
        });
      }),
    ),

    http.post(
      at('/webhooks/twilio/status'),
      guarded(async ({ request }) => {
        requireType(
          request,
          'application/x-www-form-urlencoded',
          ', as Twilio sends',
        );
        const callback = parseTwilioStatus(
          new URLSearchParams(await bodyText(request)),
        );
        if (!callback.ok) throw new BadRequest(callback.problems);
        engine.updateDelivery(callback.value);
        return new HttpResponse(null, { status: 204 });
      }),
    ),

    http.get(
      at('/customers'),
      guarded(({ request }) => {
        const phone = new URL(request.url).searchParams.get('phone');
        const number = parsed(z.object({ phone: PhoneNumber }), {
          phone,
        }).phone;
        return HttpResponse.json(engine.findCustomersByPhone(number));
      }),
    ),
    http.get(
      at('/customers/:id'),
      guarded(({ params }) =>
        HttpResponse.json(engine.getCustomer(param(params.id))),
      ),
    ),
    http.get(
      at('/customers/:id/timeline'),
      guarded(({ params, request }) => {
        const query = Object.fromEntries(new URL(request.url).searchParams);
        const { limit, before } = parsed(TimelineQuery, query);
        const page = engine.getTimeline(
          param(params.id),
          limit === undefined ? undefined : Number(limit),
          before,
        );
        return HttpResponse.json(page);
      }),
    ),

    http.get(
      at('/conversations'),
      guarded(({ request }) => {
        const customerId = new URL(request.url).searchParams.get('customerId');
        const query = parsed(
          z.object({ customerId: z.string().check(z.minLength(1)) }),
          { customerId: customerId ?? undefined },
        );
        return HttpResponse.json(engine.listConversations(query.customerId));
      }),
    ),
    http.get(
      at('/conversations/:id'),
      guarded(({ params }) =>
        HttpResponse.json(engine.getConversation(param(params.id))),
      ),
    ),
    http.get(
      at('/conversations/:id/routing'),
      guarded(({ params }) =>
        HttpResponse.json(engine.getRoutingHistory(param(params.id))),
      ),
    ),
    http.patch(
      at('/conversations/:id'),
      guarded(async ({ params, request }) => {
        parsed(UpdateConversationRequest, await jsonBody(request));
        return HttpResponse.json(engine.closeConversation(param(params.id)));
      }),
    ),
    http.post(
      at('/conversations/:id/messages'),
      guarded(async ({ params, request }) => {
        const { agentId, body } = parsed(
          SendMessageRequest,
          await jsonBody(request),
        );
        const idempotencyKey =
          request.headers.get('idempotency-key') ?? undefined;
        // No key holds ", ": that is how a header sent twice reads.
        if (idempotencyKey?.includes(', ')) {
          throw new BadRequest([
            {
              path: 'Idempotency-Key',
              message: 'expected one Idempotency-Key header, not several',
            },
          ]);
        }
        return created(
          engine.sendAgentMessage(param(params.id), agentId, body, {
            idempotencyKey,
          }),
        );
      }),
    ),

    http.get(
      at('/events'),
      guarded(({ request }) => {
        // A first connection hears what happens from now on; a reconnection
        // names the last event it had and is sent everything after it.
        // An id past the engine's latest is from before it restarted or
        // was emptied: the stream opens at the latest, which tells the
        // client that what it heard no longer holds.
        const header = request.headers.get('last-event-id');
        const latest = engine.events.latestId;
        const lastId =
          header && /^\d+$/.test(header)
            ? Math.min(Number(header), latest)
            : latest;
        return new HttpResponse(
          openEventStream(engine.events, lastId, request.signal),
          {
            headers: {
              'content-type': 'text/event-stream',
              'cache-control': 'no-cache',
            },
          },
        );
      }),
    ),

    // Anything else under the base is an endpoint that does not exist,
    // answered as the API answers, not with the page that happens to be
    // served there.
    http.all(
      at('/*'),
      guarded(({ request }) => {
        const path = new URL(request.url).pathname;
        return refusal(
          404,
          `There is no ${request.method} ${path} in this API.`,
        );
      }),
    ),
  ];
}
