import { expect } from '@open-wc/testing';
import { seedJulySale, type JulySale } from '../../mock-server/scenario.js';
import { Outbox, outbox } from '../../src/shared/outbox.js';
import {
  answerLost,
  gatewayBusy,
  heldRequest,
  useMockServer,
} from '../helpers/mock.js';
import { warnings } from '../helpers/warnings.js';

describe('the outbox', () => {
  const mock = useMockServer();
  let story: JulySale;
  let conversationId: string;
  const replies = () =>
    mock.engine
      .getTimeline(story.customers.julie, 200)
      .items.filter((i) => i.initiator.type === 'AGENT');

  beforeEach(() => {
    outbox.clear();
    sessionStorage.clear();
    story = seedJulySale(mock.engine);
    conversationId = mock.engine
      .listConversations(story.customers.julie)
      .find((c) => c.status === 'OPEN')!.id;
  });

  /** Replies held where they are until `release()`; `arrived` when one comes. */
  const held = () => {
    const hold = heldRequest('post', '/api/v1/conversations/:id/messages');
    mock.worker.use(hold.handler);
    return hold;
  };

  const bodies = () =>
    replies().map((i) => (i.content.type === 'SMS' ? i.content.body : ''));

  it('keeps a reply still sending when the page goes away, to send again once', async () => {
    const hold = held();
    void new Outbox().send(
      mock.client,
      conversationId,
      story.agents.ben,
      'In flight',
    );
    await hold.arrived;
    // The next page reads what this one kept.
    const later = new Outbox();
    const [kept] = later.repliesIn(conversationId);
    expect(kept).to.include({ body: 'In flight', status: 'failed' });
    expect(kept!.failure!.message).to.equal(
      'The page closed before the server answered; Try again sends it once.',
    );
    // The first try gets through after all, late; the retry too.
    hold.release();
    expect((await later.retry(mock.client, kept!.localId)).status).to.equal(
      'sent',
    );
    expect(bodies()).to.deep.equal(['In flight']);
  });

  it('passes over what it cannot read in storage, and reads the rest', async () => {
    const key = `sms-kit-failed:${conversationId}`;
    const good = {
      localId: 'local_1',
      conversationId,
      agentId: story.agents.ben,
      body: 'Kept',
      status: 'failed',
      sentAt: new Date().toISOString(),
      failure: { message: 'Busy', retryable: true },
    };
    const warned = await warnings(() => {
      for (const text of ['{truncated', '{"a":1}', 'null', '[1,"x",null]']) {
        sessionStorage.setItem(key, text);
        expect(new Outbox().repliesIn(conversationId), text).to.deep.equal([]);
      }
      sessionStorage.setItem(key, JSON.stringify([7, good, { body: 3 }]));
      expect(
        new Outbox().repliesIn(conversationId).map((r) => r.body),
      ).to.deep.equal(['Kept']);
    });
    // Each entry it passed over is named, for whoever looks.
    expect(warned).to.have.length(5);
    expect(warned[0]![0]).to.contain(`sessionStorage "${key}"`);
  });

  it('gives replies kept by older kits ids of their own, so Try again sends the right one', async () => {
    // Older kits counted ids from 1 on each page: two can share one.
    const old = (body: string, conversation: string) => ({
      localId: 'local_1',
      conversationId: conversation,
      agentId: story.agents.ben,
      body,
      status: 'failed',
      sentAt: new Date().toISOString(),
      failure: { message: 'Busy', retryable: true },
    });
    sessionStorage.setItem(
      `sms-kit-failed:${conversationId}`,
      JSON.stringify([
        old('First', conversationId),
        old('Second', conversationId),
      ]),
    );
    const later = new Outbox();
    const [first, second] = later.repliesIn(conversationId);
    expect(first!.localId).not.to.equal(second!.localId);
    await later.retry(mock.client, first!.localId);
    expect(
      later.repliesIn(conversationId).map((r) => [r.body, r.status]),
    ).to.deep.equal([
      ['First', 'sent'],
      ['Second', 'failed'],
    ]);
  });

  it('lets nothing out of date come back when storage is full', async () => {
    mock.worker.use(gatewayBusy());
    const send = (body: string) =>
      outbox.send(mock.client, conversationId, story.agents.ben, body);
    const a = await send('a');
    await send('c');
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    let warned: unknown[][];
    try {
      // Dismissing 'a' writes ['c'], which storage will not take.
      warned = await warnings(() => outbox.dismiss(a.localId));
    } finally {
      Storage.prototype.setItem = setItem;
    }
    // What was stored ('a' with 'c') went: 'a' does not come back.
    expect(
      new Outbox().repliesIn(conversationId).map((r) => r.body),
    ).to.deep.equal([]);
    // Said once a page; nothing before in this file filled storage.
    expect(warned).to.have.length(1);
    expect(warned[0]![0]).to.match(/sessionStorage is full or blocked/);
  });

  it('gives replies ids of their own across a reload', async () => {
    mock.worker.use(gatewayBusy());
    const before = await new Outbox().send(
      mock.client,
      conversationId,
      story.agents.ben,
      'One',
    );
    // The next page reads the failed reply back, then sends its own.
    const after = new Outbox();
    const next = await after.send(
      mock.client,
      conversationId,
      story.agents.ben,
      'Two',
    );
    expect(next.localId).not.to.equal(before.localId);
    expect(after.repliesIn(conversationId).map((r) => r.body)).to.deep.equal([
      'One',
      'Two',
    ]);
  });

  it('forgets what it kept for conversations an API that started again no longer has', () => {
    sessionStorage.setItem('sms-kit-draft:cnv_keep', 'Stays');
    sessionStorage.setItem('sms-kit-draft:cnv_gone', 'Goes');
    sessionStorage.setItem('sms-kit-failed:cnv_gone', '[]');
    sessionStorage.setItem('another-app', 'untouched');
    outbox.setDraft('cnv_memory', 'Goes too');
    outbox.forget((id) => id === 'cnv_keep');
    expect(Object.keys(sessionStorage).sort()).to.deep.equal([
      'another-app',
      'sms-kit-draft:cnv_keep',
    ]);
    expect(outbox.draft('cnv_memory')).to.equal('');
    expect(outbox.draft('cnv_keep')).to.equal('Stays');
  });

  /** `body` sent as Ben's reply: stored, then its answer lost on the way. */
  const sendAnswerLost = (body: string) => {
    mock.worker.use(answerLost(mock.engine));
    return outbox.send(mock.client, conversationId, story.agents.ben, body);
  };

  it('stores a reply once when its answer was lost and it is sent again', async () => {
    const failed = await sendAnswerLost('Lost on the way');
    expect(failed.status).to.equal('failed');
    await outbox.retry(mock.client, failed.localId);
    expect(new Outbox().repliesIn(conversationId)).to.deep.equal([]);
    expect(bodies()).to.deep.equal(['Lost on the way']);
  });

  it('marks a failed reply sent when the item made from it is heard', async () => {
    const reply = await sendAnswerLost('Lost answer');
    expect(reply.status).to.equal('failed');
    const [item] = replies();
    outbox.settle(item!);
    const [settled] = outbox.repliesIn(conversationId);
    expect(settled).to.include({ status: 'sent' });
    expect(settled!.item!.id).to.equal(item!.id);
    // Nothing is left to send again after a reload.
    expect(new Outbox().repliesIn(conversationId)).to.deep.equal([]);
  });

  it('keeps a reply sent that was heard before its own answer failed', async () => {
    // The timeline hears the item before the answer is lost.
    mock.worker.use(answerLost(mock.engine, (item) => outbox.settle(item)));
    const reply = await outbox.send(
      mock.client,
      conversationId,
      story.agents.ben,
      'Heard first',
    );
    expect(reply.status).to.equal('sent');
    expect(outbox.repliesIn(conversationId)[0]).to.include({ status: 'sent' });
  });
});
