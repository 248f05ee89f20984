import { expect } from '@open-wc/testing';
import {
  postTwilioWebhook,
  twilioInboundForm,
} from '../../mock-server/simulator.js';
import { useMockServer } from '../helpers/mock.js';
import { readUntil } from '../helpers/streams.js';
import { GOLD, INVISIBLE, JULIE } from '../helpers/engine.js';

const call = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
};

describe('the HTTP API', () => {
  const mock = useMockServer();
  let inboxId: string;
  let agentId: string;

  beforeEach(async () => {
    inboxId = (
      await call('POST', '/inboxes', { name: 'Gold', phoneNumbers: [GOLD] })
    ).body.id;
    agentId = (
      await call('POST', '/agents', {
        name: 'Ben',
        inboxIds: [inboxId],
        capacity: 2,
        status: 'AVAILABLE',
      })
    ).body.id;
  });

  describe('refusals name the field and change nothing', () => {
    const cases: Array<[string, string, string, unknown, number, RegExp]> = [
      [
        'a capacity of 0',
        'POST',
        '/agents',
        { name: 'A', inboxIds: [], capacity: 0 },
        400,
        /capacity/,
      ],
      [
        'a fractional capacity',
        'POST',
        '/agents',
        { name: 'A', inboxIds: [], capacity: 1.5 },
        400,
        /capacity/,
      ],
      [
        'an unknown status',
        'POST',
        '/agents',
        { name: 'A', inboxIds: [], capacity: 1, status: 'BUSY' },
        400,
        /status/,
      ],
      [
        'an unknown inbox id',
        'POST',
        '/agents',
        { name: 'A', inboxIds: ['inb_404'], capacity: 1 },
        404,
        /inb_404/,
      ],
      [
        'a number not in E.164',
        'POST',
        '/inboxes',
        { name: 'B', phoneNumbers: ['4155550100'] },
        400,
        /phoneNumbers\.0: .*E\.164/,
      ],
      [
        'a number another inbox has',
        'POST',
        '/inboxes',
        { name: 'B', phoneNumbers: [GOLD] },
        409,
        /already linked/,
      ],
      [
        'an inbox without numbers',
        'POST',
        '/inboxes',
        { name: 'B', phoneNumbers: [] },
        400,
        /phoneNumbers/,
      ],
      [
        'a blank name',
        'POST',
        '/inboxes',
        { name: '  ', phoneNumbers: ['+14155550300'] },
        400,
        /name/,
      ],
      [
        'a campaign from an unlinked number',
        'POST',
        '/campaigns',
        {
          name: 'C',
          from: '+14155550300',
          answer: { name: 'A', body: 'Hi' },
          recipients: [{ name: 'J', phoneNumber: JULIE }],
        },
        404,
        /from: \+14155550300/,
      ],
      [
        'a campaign body over 1,600 characters',
        'POST',
        '/campaigns',
        {
          name: 'C',
          from: GOLD,
          answer: { name: 'A', body: 'x'.repeat(1601) },
          recipients: [{ name: 'J', phoneNumber: JULIE }],
        },
        400,
        /answer\.body/,
      ],
      [
        'a recipient listed twice',
        'POST',
        '/campaigns',
        {
          name: 'C',
          from: GOLD,
          answer: { name: 'A', body: 'Hi' },
          recipients: [
            { name: 'J', phoneNumber: JULIE },
            { name: 'K', phoneNumber: JULIE },
          ],
        },
        400,
        /recipients\.1\.phoneNumber/,
      ],
      [
        'an empty agent patch',
        'PATCH',
        '/agents/AGENT',
        {},
        400,
        /status, capacity or maxCapacity/,
      ],
      [
        'an unknown agent',
        'PATCH',
        '/agents/agt_404',
        { status: 'AWAY' },
        404,
        /agt_404/,
      ],
      [
        'a conversation status other than CLOSED',
        'PATCH',
        '/conversations/cnv_404',
        { status: 'OPEN' },
        400,
        /status/,
      ],
      [
        'an unknown conversation',
        'PATCH',
        '/conversations/cnv_404',
        { status: 'CLOSED' },
        404,
        /cnv_404/,
      ],
      [
        'a customer lookup without E.164',
        'GET',
        '/customers?phone=555',
        undefined,
        400,
        /phone/,
      ],
      [
        'a timeline of an unknown customer',
        'GET',
        '/customers/cus_404/timeline',
        undefined,
        404,
        /cus_404/,
      ],
      [
        'a page size of 0',
        'GET',
        '/customers/cus_404/timeline?limit=0',
        undefined,
        400,
        /limit/,
      ],
      [
        'a queue of an unknown inbox',
        'GET',
        '/inboxes/inb_404/queue',
        undefined,
        404,
        /inb_404/,
      ],
      [
        'conversations without customerId',
        'GET',
        '/conversations',
        undefined,
        400,
        /customerId/,
      ],
      [
        'an answer of only white space',
        'POST',
        '/campaigns',
        {
          name: 'C',
          from: GOLD,
          answer: { name: 'A', body: '   ' },
          recipients: [{ name: 'J', phoneNumber: JULIE }],
        },
        400,
        /answer\.body: expected some text/,
      ],
      [
        'a recipient who is an inbox number',
        'POST',
        '/campaigns',
        {
          name: 'C',
          from: GOLD,
          answer: { name: 'A', body: 'Hi' },
          recipients: [{ name: 'J', phoneNumber: GOLD }],
        },
        400,
        /recipients\.0\.phoneNumber: .*inbox "Gold"/,
      ],
      [
        'an unknown inbox id, naming where',
        'POST',
        '/agents',
        { name: 'A', inboxIds: ['INBOX', 'nope'], capacity: 1 },
        404,
        /^inboxIds\.1: No inbox has the id "nope"/,
      ],
      [
        'a misspelled inbox setting',
        'PATCH',
        '/inboxes/INBOX',
        { polcy: 'ROUND_ROBIN' },
        400,
        /^polcy: unknown field/,
      ],
      [
        'an agent field that cannot change',
        'PATCH',
        '/agents/AGENT',
        { name: 'Benjamin' },
        400,
        /^name: unknown field/,
      ],
      [
        'an unknown field beside known ones',
        'POST',
        '/agents',
        { name: 'A', inboxIds: [], capacity: 1, team: 'Gold' },
        400,
        /^team: unknown field/,
      ],
      [
        'an unknown field in a recipient',
        'POST',
        '/campaigns',
        {
          name: 'C',
          from: GOLD,
          answer: { name: 'A', body: 'Hi' },
          recipients: [{ name: 'J', phoneNumber: JULIE, phone: JULIE }],
        },
        400,
        /^recipients\.0\.phone: unknown field/,
      ],
      [
        'an inbox listed twice for one agent',
        'POST',
        '/agents',
        { name: 'A', inboxIds: ['INBOX', 'INBOX'], capacity: 1 },
        400,
        /^inboxIds\.1: .*listed twice/,
      ],
      [
        'an endpoint that does not exist',
        'GET',
        '/teams',
        undefined,
        404,
        /There is no GET \/api\/v1\/teams/,
      ],
      [
        'a path past a known one',
        'GET',
        '/customers/cus_1/timeline/x',
        undefined,
        404,
        /There is no GET/,
      ],
    ];
    /** Puts this test's ids where a case says AGENT or INBOX. */
    const withIds = <T>(value: T): T =>
      value === undefined
        ? value
        : JSON.parse(
            JSON.stringify(value)
              .replaceAll('"AGENT"', JSON.stringify(agentId))
              .replaceAll('"INBOX"', JSON.stringify(inboxId)),
          );
    for (const [what, method, path, body, status, message] of cases) {
      it(`refuses ${what} with ${status}`, async () => {
        const before = mock.engine.events.latestId;
        const response = await call(
          method,
          path.replace('AGENT', agentId).replace('INBOX', inboxId),
          withIds(body),
        );
        expect(response.status).to.equal(status);
        expect(response.body.message).to.match(message);
        expect(mock.engine.events.latestId).to.equal(before);
      });
    }

    it('refuses an inbox on a customer’s own phone, whose texts then still arrive', async () => {
      await postTwilioWebhook(
        twilioInboundForm({ from: JULIE, to: GOLD, body: 'Hi' }),
      );
      const before = mock.engine.events.latestId;
      const hijack = await call('POST', '/inboxes', {
        name: 'Hijack',
        phoneNumbers: ['+14155550300', JULIE],
      });
      expect(hijack.status).to.equal(409);
      expect(hijack.body.message).to.match(
        /^phoneNumbers\.1: \+14155550142 is the phone of the customer/,
      );
      expect(mock.engine.events.latestId).to.equal(before);
      const again = await postTwilioWebhook(
        twilioInboundForm({ from: JULIE, to: GOLD, body: 'Still me' }),
      );
      expect(again.status).to.equal(200);
      const [julie] = mock.engine.findCustomersByPhone(JULIE);
      const bodies = mock.engine
        .getTimeline(julie!.id)
        .items.map((i) => (i.content.type === 'SMS' ? i.content.body : ''));
      expect(bodies).to.include('Still me');
    });

    it('refuses broken text (a lone surrogate) and text of accents alone', async () => {
      const before = mock.engine.events.latestId;
      const broken = await call('POST', '/inboxes', {
        name: 'ab\ud800cd',
        phoneNumbers: ['+14155550300'],
      });
      expect(broken.status).to.equal(400);
      expect(broken.body.message).to.match(/^name: .*lone surrogate/);
      const accents = await call('POST', '/inboxes', {
        name: '\u0301\u0301',
        phoneNumbers: ['+14155550300'],
      });
      expect(accents.status).to.equal(400);
      expect(accents.body.problems[0].path).to.equal('name');
      expect(mock.engine.events.latestId).to.equal(before);
      // An accent on a letter is a name, of course.
      const fine = await call('POST', '/inboxes', {
        name: 'Cafe\u0301',
        phoneNumbers: ['+14155550300'],
      });
      expect(fine.status).to.equal(201);
    });

    it('names a field once: problems carry the path apart from the message', async () => {
      const response = await call('POST', '/inboxes', {
        name: 'B',
        phoneNumbers: [GOLD],
      });
      expect(response.body.problems).to.deep.equal([
        {
          path: 'phoneNumbers.0',
          message: `${GOLD} is already linked to the inbox "Gold" (${inboxId}).`,
        },
      ]);
    });

    it('names every field at fault in one 400, and stores nothing', async () => {
      const before = mock.engine.events.latestId;
      const response = await call('POST', '/agents', {
        name: '',
        inboxIds: [inboxId],
        capacity: -1,
      });
      expect(response.status).to.equal(400);
      const paths = response.body.problems.map((p: { path: string }) => p.path);
      // Each field once: an empty name is one problem, not two.
      expect(paths).to.deep.equal(['name', 'capacity']);
      expect(response.body.message).to.match(/^name: .*; capacity: /);
      expect(mock.engine.events.latestId).to.equal(before);
    });

    it('refuses JSON sent as another type with 415', async () => {
      const response = await fetch('/api/v1/inboxes', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ name: 'B', phoneNumbers: ['+14155550300'] }),
      });
      expect(response.status).to.equal(415);
      expect((await response.json()).problems[0].path).to.equal('Content-Type');
    });

    it('refuses a body that is not JSON', async () => {
      const response = await fetch('/api/v1/inboxes', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name": ',
      });
      expect(response.status).to.equal(400);
      expect((await response.json()).message).to.contain('JSON');
    });
  });

  describe('inbox settings and the clock', () => {
    it('refuses a negative sticky window and a non-boolean requeue, naming each', async () => {
      for (const [body, path] of [
        [{ stickyMinutes: -1 }, 'stickyMinutes'],
        [{ requeueOnOffline: 'yes' }, 'requeueOnOffline'],
        [{ policy: 'RANDOM' }, 'policy'],
      ] as const) {
        const response = await call('PATCH', `/inboxes/${inboxId}`, body);
        expect(response.status, path).to.equal(400);
        expect(response.body.problems[0].path).to.equal(path);
      }
    });

    it('refuses a body over a megabyte with 413, changing nothing', async () => {
      const before = (await call('GET', '/clock')).body.now;
      const response = await fetch('/api/v1/clock', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{${' '.repeat(1024 * 1024)}"advanceSeconds": 60}`,
      });
      expect(response.status).to.equal(413);
      expect((await response.json()).message).to.match(
        /^The body is more than the 1048576 bytes/,
      );
      expect((await call('GET', '/clock')).body.now).to.equal(before);
    });

    it('tells the engine’s time with GET /clock', async () => {
      const now = await call('GET', '/clock');
      expect(now.status).to.equal(200);
      expect(now.body.now).to.equal(mock.clock.now().toISOString());
    });

    it('moves the clock on with POST /clock, and never back', async () => {
      const before = mock.clock.now().getTime();
      const moved = await call('POST', '/clock', { advanceSeconds: 120 });
      expect(moved.status).to.equal(200);
      expect(Date.parse(moved.body.now) - before).to.equal(120_000);
      const back = await call('POST', '/clock', { advanceSeconds: -5 });
      expect(back.status).to.equal(400);
      expect(back.body.problems[0].path).to.equal('advanceSeconds');
    });
  });

  describe('offers', () => {
    it('offers, then assigns on accept; a second answer is 409', async () => {
      await call('PATCH', `/inboxes/${inboxId}`, { offerTimeoutSeconds: 30 });
      await postTwilioWebhook(
        twilioInboundForm({ from: JULIE, to: GOLD, body: 'Hi' }),
      );
      const queue = (await call('GET', `/inboxes/${inboxId}/queue`)).body;
      expect(queue.offers).to.have.length(1);
      expect(queue.offers[0]).to.include({
        agentId,
        customerName: JULIE,
        secondsLeft: 30,
      });
      const accepted = await call(
        'POST',
        `/offers/${queue.offers[0].id}/accept`,
      );
      expect(accepted.status).to.equal(200);
      expect(accepted.body.status).to.equal('ACCEPTED');
      const again = await call('POST', `/offers/${queue.offers[0].id}/decline`);
      expect(again.status).to.equal(409);
      expect(again.body.message).to.contain('no longer pending');
      expect(
        (await call('GET', `/agents/${agentId}`)).body.openConversations,
      ).to.equal(1);
    });

    it('refuses a timeout past an hour, naming it', async () => {
      const response = await call('PATCH', `/inboxes/${inboxId}`, {
        offerTimeoutSeconds: 3601,
      });
      expect(response.status).to.equal(400);
      expect(response.body.problems[0].path).to.equal('offerTimeoutSeconds');
    });

    it('answers an unknown offer with 404', async () => {
      expect((await call('POST', '/offers/ofr_404/accept')).status).to.equal(
        404,
      );
    });
  });

  describe('capacity levels', () => {
    it('refuses a maxCapacity below capacity, naming it', async () => {
      const response = await call('POST', '/agents', {
        name: 'A',
        inboxIds: [],
        capacity: 3,
        maxCapacity: 2,
      });
      expect(response.status).to.equal(400);
      expect(response.body.problems[0].path).to.equal('maxCapacity');
    });

    it('says which to change when a patch would put capacity above maxCapacity', async () => {
      await call('PATCH', `/agents/${agentId}`, {
        capacity: 2,
        maxCapacity: 3,
      });
      const lower = await call('PATCH', `/agents/${agentId}`, {
        maxCapacity: 1,
      });
      expect(lower.status).to.equal(400);
      expect(lower.body.message).to.equal(
        'maxCapacity: 1 is below capacity 2; lower capacity with it.',
      );
      const raise = await call('PATCH', `/agents/${agentId}`, { capacity: 4 });
      expect(raise.body.message).to.equal(
        'capacity: 4 is above maxCapacity 3; raise maxCapacity with it.',
      );
    });

    it('gives the next conversation to an agent who asks, up to maxCapacity', async () => {
      await call('PATCH', `/agents/${agentId}`, {
        capacity: 1,
        maxCapacity: 2,
      });
      await postTwilioWebhook(
        twilioInboundForm({ from: JULIE, to: GOLD, body: 'Hi' }),
      );
      await postTwilioWebhook(
        twilioInboundForm({ from: '+14155550143', to: GOLD, body: 'Me too' }),
      );
      const taken = await call('POST', `/agents/${agentId}/next`);
      expect(taken.status).to.equal(200);
      expect(taken.body.agentId).to.equal(agentId);
      const again = await call('POST', `/agents/${agentId}/next`);
      expect(again.status).to.equal(409);
      expect((await call('GET', `/agents/${agentId}`)).body).to.include({
        openConversations: 2,
        capacity: 1,
        maxCapacity: 2,
      });
    });
  });

  describe('campaigns', () => {
    it('sends at once and marks the customer’s first reply as a response', async () => {
      const campaign = (
        await call('POST', '/campaigns', {
          name: 'July Sale',
          from: GOLD,
          answer: { name: 'Early access', body: 'Our sale starts Friday.' },
          recipients: [{ name: 'Julie Example', phoneNumber: JULIE }],
        })
      ).body;
      expect(campaign.recipients[0].phoneNumber).to.equal(JULIE);
      const customerId = campaign.recipients[0].customerId;
      expect(
        (await call('GET', `/customers/${customerId}`)).body.name,
      ).to.equal('Julie Example');

      await postTwilioWebhook(
        twilioInboundForm({ from: JULIE, to: GOLD, body: 'Great!' }),
      );
      await postTwilioWebhook(
        twilioInboundForm({ from: JULIE, to: GOLD, body: 'And?' }),
      );
      const { items } = (await call('GET', `/customers/${customerId}/timeline`))
        .body;
      const sms = items.filter(
        (i: { content: { type: string } }) => i.content.type === 'SMS',
      );
      expect(sms[0].content.campaign).to.deep.equal({
        id: campaign.id,
        name: 'July Sale',
        answerName: 'Early access',
      });
      expect(sms[0].conversationId).to.equal(null);
      expect(sms[1].content.inResponseTo).to.deep.equal({
        campaignId: campaign.id,
        itemId: sms[0].id,
      });
      expect(sms[2].content.inResponseTo).to.equal(undefined);
    });

    it('sends at the rate given, reports counts, and stops', async () => {
      const recipients = ['+14155550301', '+14155550302', '+14155550303'].map(
        (phoneNumber, i) => ({ name: `C${i}`, phoneNumber }),
      );
      const created = (
        await call('POST', '/campaigns', {
          name: 'Slow',
          from: GOLD,
          answer: { name: 'A', body: 'Hi' },
          recipients,
          ratePerFiveMinutes: 1,
        })
      ).body;
      expect(created).to.deep.include({
        status: 'IN_PROGRESS',
        ratePerFiveMinutes: 1,
      });
      expect(created.counts).to.deep.equal({ sent: 1, skipped: 0, pending: 2 });
      const stopped = await call('POST', `/campaigns/${created.id}/stop`);
      expect(stopped.body.status).to.equal('STOPPED');
      expect(
        (await call('POST', `/campaigns/${created.id}/stop`)).status,
      ).to.equal(409);
    });

    it('refuses a rate of 0 and a sendAt that is not a time, naming each', async () => {
      for (const [extra, path] of [
        [{ ratePerFiveMinutes: 0 }, 'ratePerFiveMinutes'],
        [{ sendAt: 'tomorrow' }, 'sendAt'],
      ] as const) {
        const response = await call('POST', '/campaigns', {
          name: 'C',
          from: GOLD,
          answer: { name: 'A', body: 'Hi' },
          recipients: [{ name: 'J', phoneNumber: JULIE }],
          ...extra,
        });
        expect(response.status, path).to.equal(400);
        expect(response.body.problems[0].path).to.equal(path);
      }
    });

    it('finds an existing customer by number rather than making another', async () => {
      await postTwilioWebhook(
        twilioInboundForm({ from: JULIE, to: GOLD, body: 'Hi' }),
      );
      const campaign = (
        await call('POST', '/campaigns', {
          name: 'C',
          from: GOLD,
          answer: { name: 'A', body: 'Hello' },
          recipients: [{ name: 'Julie Example', phoneNumber: JULIE }],
        })
      ).body;
      const found = (
        await call('GET', `/customers?phone=${encodeURIComponent(JULIE)}`)
      ).body;
      expect(found).to.have.length(1);
      expect(found[0].id).to.equal(campaign.recipients[0].customerId);
    });
  });

  describe('conversations', () => {
    async function julieConversation() {
      await postTwilioWebhook(
        twilioInboundForm({ from: JULIE, to: GOLD, body: 'Hi' }),
      );
      const [customer] = (
        await call('GET', `/customers?phone=${encodeURIComponent(JULIE)}`)
      ).body;
      const [conversation] = (
        await call('GET', `/conversations?customerId=${customer.id}`)
      ).body;
      return conversation;
    }

    it('sends an agent reply from the inbox number to the customer', async () => {
      const conversation = await julieConversation();
      const reply = await call(
        'POST',
        `/conversations/${conversation.id}/messages`,
        {
          agentId,
          body: 'Happy to help!',
        },
      );
      expect(reply.status).to.equal(201);
      expect(reply.body.initiator).to.deep.equal({
        type: 'AGENT',
        id: agentId,
      });
      expect(reply.body.content).to.deep.include({ from: GOLD, to: JULIE });
    });

    it('stores a reply sent again with its Idempotency-Key once', async () => {
      const conversation = await julieConversation();
      const send = (body: string, key: string) =>
        fetch(`/api/v1/conversations/${conversation.id}/messages`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': key,
          },
          body: JSON.stringify({ agentId, body }),
        });
      const first = await send('Happy to help!', 'reply-1');
      const again = await send('Happy to help!', 'reply-1');
      expect([first.status, again.status]).to.deep.equal([201, 201]);
      const item = await first.json();
      expect((await again.json()).id).to.equal(item.id);
      const timeline = await call(
        'GET',
        `/customers/${conversation.customerId}/timeline`,
      );
      const replies = timeline.body.items.filter(
        (i: { initiator: { type: string } }) => i.initiator.type === 'AGENT',
      );
      expect(replies).to.have.length(1);

      const reused = await send('Something else', 'reply-1');
      expect(reused.status).to.equal(422);
      expect((await reused.json()).problems[0].path).to.equal(
        'Idempotency-Key',
      );
      const bad = await send('Hi', 'k'.repeat(256));
      expect(bad.status).to.equal(400);
      expect((await bad.json()).problems[0].path).to.equal('Idempotency-Key');
      // Sent twice, a header reads as its values joined by ", ".
      const twice = await send('Hi', 'reply-2, reply-2');
      expect((await twice.json()).message).to.equal(
        'Idempotency-Key: expected one Idempotency-Key header, not several',
      );
    });

    it('refuses a reply from an agent who does not hold the conversation', async () => {
      const conversation = await julieConversation();
      const other = (
        await call('POST', '/agents', {
          name: 'Amara',
          inboxIds: [inboxId],
          capacity: 1,
        })
      ).body;
      const reply = await call(
        'POST',
        `/conversations/${conversation.id}/messages`,
        {
          agentId: other.id,
          body: 'Hi',
        },
      );
      expect(reply.status).to.equal(409);
      expect(reply.body.message).to.contain(other.id);
    });

    it('refuses a reply to a customer who texted STOP, with 409', async () => {
      const conversation = await julieConversation();
      await postTwilioWebhook(
        twilioInboundForm({ from: JULIE, to: GOLD, body: 'STOP' }),
      );
      const reply = await call(
        'POST',
        `/conversations/${conversation.id}/messages`,
        { agentId, body: 'Wait!' },
      );
      expect(reply.status).to.equal(409);
      expect(reply.body.message).to.contain('opted out');
      const customer = (
        await call('GET', `/customers/${conversation.customerId}`)
      ).body;
      expect(customer.phones[0].smsPreference).to.equal('OFF');
    });

    it('refuses a blank reply and one over 1,600 characters', async () => {
      const conversation = await julieConversation();
      for (const body of ['   ', ...INVISIBLE, 'x'.repeat(1601)]) {
        const reply = await call(
          'POST',
          `/conversations/${conversation.id}/messages`,
          {
            agentId,
            body,
          },
        );
        expect(reply.status).to.equal(400);
        expect(reply.body.problems[0].path).to.equal('body');
      }
    });

    it('closes a conversation and frees the agent’s capacity', async () => {
      const conversation = await julieConversation();
      expect(
        (await call('GET', `/agents/${agentId}`)).body.openConversations,
      ).to.equal(1);
      const closed = await call('PATCH', `/conversations/${conversation.id}`, {
        status: 'CLOSED',
      });
      expect(closed.body.status).to.equal('CLOSED');
      expect(
        (await call('GET', `/agents/${agentId}`)).body.openConversations,
      ).to.equal(0);
    });

    it('shows the queue with names, in order', async () => {
      await call('PATCH', `/agents/${agentId}`, { status: 'AWAY' });
      await postTwilioWebhook(
        twilioInboundForm({ from: JULIE, to: GOLD, body: 'Hi' }),
      );
      const queue = (await call('GET', `/inboxes/${inboxId}/queue`)).body;
      expect(queue.inbox.id).to.equal(inboxId);
      expect(
        queue.waiting.map((w: { customerName: string }) => w.customerName),
      ).to.deep.equal([JULIE]);
      expect(queue.agents[0].status).to.equal('AWAY');
      expect(queue.assignments).to.deep.equal([]);
    });
  });

  describe('timeline paging', () => {
    it('pages back in time, oldest first within a page', async () => {
      for (let i = 0; i < 5; i++) {
        mock.clock.advance(1000);
        await postTwilioWebhook(
          twilioInboundForm({ from: JULIE, to: GOLD, body: `Message ${i}` }),
        );
      }
      const [customer] = mock.engine.findCustomersByPhone(JULIE);
      const base = `/customers/${customer!.id}/timeline`;
      const first = (await call('GET', `${base}?limit=3`)).body;
      const second = (
        await call('GET', `${base}?limit=3&before=${first.nextCursor}`)
      ).body;
      const bodies = (page: { items: Array<{ content: { body?: string } }> }) =>
        page.items.map((i) => i.content.body ?? 'routing');
      // The routing line follows the first message.
      expect(bodies(first)).to.deep.equal([
        'Message 2',
        'Message 3',
        'Message 4',
      ]);
      expect(bodies(second)).to.deep.equal([
        'Message 0',
        'routing',
        'Message 1',
      ]);
      expect(second.nextCursor).to.equal(null);
    });
  });

  describe('GET /events', () => {
    it('sends what a reconnecting client missed after Last-Event-ID', async () => {
      const last = mock.engine.events.latestId;
      await call('PATCH', `/agents/${agentId}`, { status: 'AWAY' });
      await call('PATCH', `/agents/${agentId}`, { status: 'AVAILABLE' });
      const controller = new AbortController();
      const response = await fetch('/api/v1/events', {
        headers: { 'last-event-id': String(last), accept: 'text/event-stream' },
        signal: controller.signal,
      });
      expect(response.headers.get('content-type')).to.contain(
        'text/event-stream',
      );
      const reader = response
        .body!.pipeThrough(new TextDecoderStream())
        .getReader();
      const text = await readUntil(
        reader,
        (t) => (t.match(/^data: /gm) ?? []).length >= 3,
      );
      controller.abort();
      const ids = [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
      // It opens with where it starts, then what was missed.
      expect(ids).to.deep.equal([last, last + 1, last + 2]);
      expect(text).to.match(/^id: \d+\nevent: stream\.opened\n/m);
      expect(text).to.contain('event: agent.updated');
    });

    it('opens where the engine is when a client names an id it never reached', async () => {
      // A client of a server that restarted with a fresh state names an
      // id from before; the stream says where this engine really is, so
      // the client knows what it heard no longer holds.
      const latest = mock.engine.events.latestId;
      const controller = new AbortController();
      const response = await fetch('/api/v1/events', {
        headers: { 'last-event-id': String(latest + 500) },
        signal: controller.signal,
      });
      const reader = response
        .body!.pipeThrough(new TextDecoderStream())
        .getReader();
      const text = await readUntil(reader, (t) => t.includes('stream.opened'));
      controller.abort();
      expect(text).to.contain(`data: {"after":${latest}}`);
    });

    it('empties the engine on POST /reset', async () => {
      expect((await call('POST', '/reset')).status).to.equal(204);
      expect((await call('GET', '/inboxes')).body).to.deep.equal([]);
    });
  });
});
