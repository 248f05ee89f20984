import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { formatEvent } from '../../mock-server/event-stream.js';
import { SmsKitClient } from '../../src/sdk/client.js';
import {
  ApiHttpError,
  ApiNetworkError,
  ApiParseError,
} from '../../src/sdk/errors.js';
import type { EngineEvent } from '../../src/sdk/schemas.js';
import { eventually, useMockServer } from '../helpers/mock.js';

const GOLD = '+14155550100';

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}

describe('SmsKitClient', () => {
  const mock = useMockServer();

  it('returns parsed shapes for a successful call', async () => {
    const inbox = await mock.client.createInbox({
      name: 'Gold',
      phoneNumbers: [GOLD],
    });
    const agent = await mock.client.createAgent({
      name: 'Ben',
      inboxIds: [inbox.id],
      capacity: 2,
      status: 'AVAILABLE',
    });
    expect(agent).to.deep.equal({
      id: agent.id,
      name: 'Ben',
      inboxIds: [inbox.id],
      capacity: 2,
      maxCapacity: 2,
      status: 'AVAILABLE',
      openConversations: 0,
      pendingOffers: 0,
      lastAssignedAt: null,
    });
    expect(await mock.client.listInboxes()).to.deep.equal([inbox]);
    expect(await mock.client.listAgents()).to.deep.equal([agent]);
  });

  it('rejects an HTTP error with ApiHttpError carrying the status and fields', async () => {
    const error = await rejection(
      mock.client.createAgent({
        name: 'Ben',
        inboxIds: [],
        capacity: 0,
        status: 'AVAILABLE',
      }),
    );
    expect(error).to.be.instanceOf(ApiHttpError);
    expect((error as ApiHttpError).status).to.equal(400);
    expect((error as ApiHttpError).problems.map((p) => p.path)).to.deep.equal([
      'capacity',
    ]);
    expect(error.message).to.match(/capacity: .*>=1/);
  });

  it('rejects an unknown id with a 404 that names it', async () => {
    const error = await rejection(mock.client.getAgent('agt_404'));
    expect((error as ApiHttpError).status).to.equal(404);
    expect(error.message).to.contain('agt_404');
  });

  it('rejects a malformed response with ApiParseError naming the field', async () => {
    mock.worker.use(
      http.get('/api/v1/agents/:id', () =>
        HttpResponse.json({
          id: 'agt_1',
          name: 'Ben',
          inboxIds: [],
          capacity: 'two',
        }),
      ),
    );
    const error = await rejection(mock.client.getAgent('agt_1'));
    expect(error).to.be.instanceOf(ApiParseError);
    expect((error as ApiParseError).problems[0]!.path).to.equal('capacity');
    expect(error.message).to.contain('at capacity');
  });

  it('rejects a body that is not JSON with ApiParseError', async () => {
    mock.worker.use(
      http.get('/api/v1/inboxes', () => HttpResponse.text('<html>')),
    );
    expect(await rejection(mock.client.listInboxes())).to.be.instanceOf(
      ApiParseError,
    );
  });

  it('rejects a network failure with ApiNetworkError', async () => {
    mock.worker.use(http.get('/api/v1/inboxes', () => HttpResponse.error()));
    const error = await rejection(mock.client.listInboxes());
    expect(error).to.be.instanceOf(ApiNetworkError);
    expect(error.message).to.contain('/api/v1/inboxes');
  });

  it('keeps ids in the path as one segment', async () => {
    const error = await rejection(mock.client.getAgent('../inboxes'));
    expect((error as ApiHttpError).status).to.equal(404);
  });

  it('refuses ids a URL would read as steps, before sending anything', async () => {
    for (const id of ['', '.', '..']) {
      const error = await rejection(mock.client.getQueue(id));
      expect(error).to.be.instanceOf(TypeError);
      expect(error.message).to.contain('is not an id');
    }
  });

  describe('events', () => {
    it('hears each change once', async () => {
      const heard: EngineEvent[] = [];
      const stop = mock.client.events.subscribe((e) => heard.push(e));
      await mock.client.events.ready();
      await mock.client.createInbox({ name: 'Gold', phoneNumbers: [GOLD] });
      await eventually(() =>
        expect(heard.map((e) => e.type)).to.deep.equal(['inbox.updated']),
      );
      stop();
    });

    it('resumes after a drop with Last-Event-ID and loses nothing', async () => {
      const lastEventIds: Array<string | null> = [];
      // The first connection sends two events and then drops.
      mock.worker.use(
        http.get(
          '/api/v1/events',
          ({ request }) => {
            lastEventIds.push(request.headers.get('last-event-id'));
            const encoder = new TextEncoder();
            let sent = 0;
            let unsubscribe = () => {};
            const stream = new ReadableStream({
              start(controller) {
                controller.enqueue(
                  encoder.encode('retry: 20\n: connected\n\n'),
                );
                unsubscribe = mock.engine.events.subscribe((event) => {
                  controller.enqueue(encoder.encode(formatEvent(event)));
                  if (++sent === 2) {
                    unsubscribe();
                    controller.close();
                  }
                });
              },
            });
            return new HttpResponse(stream, {
              headers: { 'content-type': 'text/event-stream' },
            });
          },
          { once: true },
        ),
        // Later connections go to the real handler, recording the header.
        http.get('/api/v1/events', ({ request }) => {
          lastEventIds.push(request.headers.get('last-event-id'));
        }),
      );
      const client = new SmsKitClient();
      const heard: number[] = [];
      const statuses: string[] = [];
      client.events.onStatus((s) => statuses.push(s));
      const stop = client.events.subscribe((e) => heard.push(e.id));
      await client.events.ready();

      const names = ['A', 'B', 'C', 'D', 'E'];
      for (const [i, name] of names.entries()) {
        mock.engine.createInbox({ name, phoneNumbers: [`+1415555030${i}`] });
      }
      const expected = mock.engine.events
        .since(0)
        .map((e) => e.id)
        .slice(-5);
      await eventually(() => expect(heard).to.deep.equal(expected));
      expect(lastEventIds[0]).to.equal(null);
      expect(lastEventIds[1]).to.equal(String(expected[1]));
      expect(statuses).to.include('reconnecting');
      expect(client.events.status).to.equal('live');
      stop();
    });

    it('starts over, saying events were missed, when the server’s ids go back', async () => {
      // A server that restarted: first it had reached 100, then 0.
      const opening = (after: number, events: string) =>
        `retry: 20\nid: ${after}\nevent: stream.opened\ndata: {"after":${after}}\n\n${events}`;
      const inbox = (id: number) =>
        formatEvent({
          id,
          type: 'inbox.updated',
          data: {
            id: `inb_${id}`,
            name: 'Gold',
            phoneNumbers: [],
            policy: 'MOST_AVAILABLE',
            stickyMinutes: 15,
            requeueOnOffline: false,
            offerTimeoutSeconds: 0,
          },
        });
      let connection = 0;
      mock.worker.use(
        http.get('/api/v1/events', () => {
          connection += 1;
          const body =
            connection === 1 ? opening(100, inbox(101)) : opening(0, inbox(1));
          const stream = new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode(body));
              if (connection === 1) controller.close();
            },
          });
          return new HttpResponse(stream, {
            headers: { 'content-type': 'text/event-stream' },
          });
        }),
      );
      const client = new SmsKitClient();
      const heard: string[] = [];
      const stop = client.events.subscribe((e) =>
        heard.push(`${e.type} ${e.id}`),
      );
      await eventually(() =>
        expect(heard).to.deep.equal([
          'inbox.updated 101',
          'events.missed 0',
          'inbox.updated 1',
        ]),
      );
      stop();
    });

    it('closes the connection when the last listener leaves', async () => {
      const stopA = mock.client.events.subscribe(() => {});
      const stopB = mock.client.events.subscribe(() => {});
      await mock.client.events.ready();
      stopA();
      expect(mock.client.events.status).to.equal('live');
      stopB();
      expect(mock.client.events.status).to.equal('idle');
    });
  });
});
