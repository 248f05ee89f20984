import { expect } from '@open-wc/testing';
import {
  postTwilioStatus,
  twilioInboundForm,
} from '../../mock-server/simulator.js';
import { benAnswersJulie } from '../helpers/engine.js';
import { fixture, useMockServer } from '../helpers/mock.js';

const GOLD = '+14155550100';
const JULIE = '+14155550142';

const post = (body: string, type = 'application/x-www-form-urlencoded') =>
  fetch('/api/v1/webhooks/twilio/sms', {
    method: 'POST',
    headers: { 'content-type': type },
    body,
  });

type Change = (form: URLSearchParams) => void;

const addMedia =
  (count: string, url: string): Change =>
  (form) => {
    form.set('NumMedia', count);
    form.set('MediaUrl0', url);
    form.set('MediaContentType0', 'image/jpeg');
  };

const refusals: Array<[string, Change, number, RegExp]> = [
  ['without From', (f) => f.delete('From'), 400, /From/],
  ['without To', (f) => f.delete('To'), 400, /To/],
  [
    'with a From not in E.164',
    (f) => f.set('From', '415-555-0142'),
    400,
    /From: .*E\.164/,
  ],
  [
    'with a To no inbox links',
    (f) => f.set('To', '+14155550199'),
    404,
    /\+14155550199/,
  ],
  [
    'with a body over 1,600 characters',
    (f) => f.set('Body', 'x'.repeat(1601)),
    400,
    /Body/,
  ],
  ['without a MessageSid', (f) => f.delete('MessageSid'), 400, /MessageSid/],
  ['with an empty body and no media', (f) => f.set('Body', '  '), 400, /Body/],
  [
    'with a media URL that is not https',
    addMedia('1', 'http://example.com/a.jpg'),
    400,
    /MediaUrl0/,
  ],
  [
    'whose NumMedia disagrees with the URLs',
    addMedia('0', 'https://example.com/a.jpg'),
    400,
    /NumMedia/,
  ],
  [
    'with a media URL past NumMedia, after a gap',
    (f) => {
      addMedia('1', 'https://example.com/a.jpg')(f);
      f.set('MediaUrl2', 'https://example.com/c.jpg');
    },
    400,
    /NumMedia: says 1 but MediaUrl2/,
  ],
  [
    'from one of our own inbox numbers',
    (f) => f.set('From', GOLD),
    400,
    /From: \+14155550100 is the number of the inbox "Gold Members"/,
  ],
];

describe('POST /webhooks/twilio/sms', () => {
  const mock = useMockServer();

  beforeEach(() => {
    mock.engine.createInbox({ name: 'Gold Members', phoneNumbers: [GOLD] });
  });

  it('takes Twilio’s own inbound SMS and answers empty TwiML', async () => {
    const response = await post(await fixture('twilio-inbound-sms.form'));
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.contain('text/xml');
    expect(await response.text()).to.contain('<Response></Response>');

    const [customer] = mock.engine.findCustomersByPhone(JULIE);
    const [item] = mock.engine.getTimeline(customer!.id).items;
    expect(item?.content).to.deep.include({
      type: 'SMS',
      from: JULIE,
      to: GOLD,
      body: 'Great! Tell me more.',
    });
  });

  it('turns an MMS’s media into attachments, in order', async () => {
    await post(await fixture('twilio-inbound-mms.form'));
    const [customer] = mock.engine.findCustomersByPhone(JULIE);
    const [item] = mock.engine.getTimeline(customer!.id).items;
    if (item?.content.type !== 'SMS') throw new Error('expected an SMS item');
    expect(item.content.body).to.equal('Is this the one on sale?');
    expect(item.content.attachments.map((a) => a.contentType)).to.deep.equal([
      'image/jpeg',
      'image/png',
    ]);
    expect(item.content.attachments[0]!.url).to.match(/ME1{32}$/);
  });

  it('takes an MMS with no body: the media is the message', async () => {
    const form = new URLSearchParams(await fixture('twilio-inbound-mms.form'));
    form.set('Body', '');
    expect((await post(form.toString())).status).to.equal(200);
    const [customer] = mock.engine.findCustomersByPhone(JULIE);
    const [item] = mock.engine.getTimeline(customer!.id).items;
    if (item?.content.type !== 'SMS') throw new Error('expected an SMS item');
    expect(item.content.body).to.equal('');
    expect(item.content.attachments).to.have.length(2);
  });

  it('answers repeats with 200 and stores one message, routed once', async () => {
    const form = await fixture('twilio-inbound-sms.form');
    const responses = await Promise.all([post(form), post(form), post(form)]);
    expect(responses.map((r) => r.status)).to.deep.equal([200, 200, 200]);
    const [customer] = mock.engine.findCustomersByPhone(JULIE);
    const items = mock.engine.getTimeline(customer!.id).items;
    expect(items.filter((i) => i.content.type === 'SMS')).to.have.length(1);
    expect(items.filter((i) => i.content.type === 'ROUTING')).to.have.length(1);
  });

  for (const [what, change, status, message] of refusals) {
    it(`refuses a webhook ${what}, naming the field, storing nothing`, async () => {
      const form = new URLSearchParams(
        await fixture('twilio-inbound-sms.form'),
      );
      change(form);
      const before = mock.engine.events.latestId;
      const response = await post(form.toString());
      expect(response.status).to.equal(status);
      const body = await response.json();
      expect(body.message).to.match(message);
      expect(mock.engine.events.latestId).to.equal(before);
      expect(mock.engine.findCustomersByPhone(JULIE)).to.deep.equal([]);
    });
  }

  it('refuses a JSON body with 415: Twilio posts forms', async () => {
    const response = await post('{"From":"+14155550142"}', 'application/json');
    expect(response.status).to.equal(415);
    expect((await response.json()).message).to.contain('x-www-form-urlencoded');
  });

  it('reads the content type as media types are read, in any case', async () => {
    const form = await fixture('twilio-inbound-sms.form');
    const response = await post(
      form,
      'Application/X-WWW-Form-Urlencoded; charset=UTF-8',
    );
    expect(response.status).to.equal(200);
  });

  it('accepts the simulator’s form, which the demo sends', async () => {
    const form = twilioInboundForm({ from: JULIE, to: GOLD, body: 'Hi' });
    expect((await post(form.toString())).status).to.equal(200);
    expect(mock.engine.findCustomersByPhone(JULIE)).to.have.length(1);
  });
});

describe('POST /webhooks/twilio/status', () => {
  const mock = useMockServer();
  let sid: string;
  let itemId: string;

  /** Twilio's own status callback, for the reply Ben sent. */
  const callback = async (change: Change = () => {}) => {
    const form = new URLSearchParams(
      await fixture('twilio-status-callback.form'),
    );
    form.set('MessageSid', sid);
    form.set('SmsSid', sid);
    change(form);
    return postTwilioStatus(form);
  };
  const delivery = () => {
    const [julie] = mock.engine.findCustomersByPhone(JULIE);
    const item = mock.engine
      .getTimeline(julie!.id)
      .items.find((i) => i.id === itemId)!;
    return item.content.type === 'SMS' ? item.content.delivery : undefined;
  };

  beforeEach(() => {
    const replied = benAnswersJulie(mock.engine);
    itemId = replied.reply.id;
    sid = replied.sid;
  });

  it('takes Twilio’s own status callback and marks the message delivered', async () => {
    const response = await callback();
    expect(response.status).to.equal(204);
    expect(delivery()?.status).to.equal('delivered');
  });

  it('keeps the ErrorCode of an undelivered message', async () => {
    await callback((f) => {
      f.set('MessageStatus', 'undelivered');
      f.set('ErrorCode', '30003');
    });
    expect(delivery()).to.deep.include({
      status: 'undelivered',
      errorCode: '30003',
    });
  });

  const bad: Array<[string, Change, number, RegExp]> = [
    ['without a MessageSid', (f) => f.delete('MessageSid'), 400, /MessageSid/],
    [
      'with a status Twilio does not send',
      (f) => f.set('MessageStatus', 'lost'),
      400,
      /MessageStatus/,
    ],
    [
      'for a message nobody sent',
      (f) => f.set('MessageSid', `SM${'e'.repeat(32)}`),
      404,
      /MessageSid/,
    ],
    [
      'with an ErrorCode that is not a number',
      (f) => {
        f.set('MessageStatus', 'failed');
        f.set('ErrorCode', 'oops');
      },
      400,
      /ErrorCode/,
    ],
  ];
  for (const [name, change, status, message] of bad) {
    it(`refuses one ${name}, changing nothing`, async () => {
      const response = await callback(change);
      expect(response.status).to.equal(status);
      expect(JSON.stringify(await response.json())).to.match(message);
      expect(delivery()?.status).to.equal('queued');
    });
  }
});
