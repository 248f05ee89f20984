import { expect } from '@open-wc/testing';
import { http } from 'msw';
import { seedJulySale, type JulySale } from '../../mock-server/scenario.js';
import { Outbox, outbox } from '../../src/shared/outbox.js';
import { answerLost, gatewayBusy, useMockServer } from '../helpers/mock.js';

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

  /** The next reply is never answered; resolves when it has arrived. */
  const neverAnswered = () => {
    let arrive = () => {};
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    mock.worker.use(
      http.post(
        '/api/v1/conversations/:id/messages',
        () => {
          arrive();
          return new Promise<never>(() => {});
        },
        { once: true },
      ),
    );
    return arrived;
  };

  it('keeps a reply still sending when the page goes away, to send again once', async () => {
    const arrived = neverAnswered();
    void new Outbox().send(
      mock.client,
      conversationId,
      story.agents.ben,
      'In flight',
    );
    await arrived;
    // The next page reads what this one kept.
    const later = new Outbox();
    const [kept] = later.repliesIn(conversationId);
    expect(kept).to.include({ body: 'In flight', status: 'failed' });
    expect(kept!.failure!.message).to.equal(
      'The page closed before the server answered; Try again sends it once.',
    );
    expect((await later.retry(mock.client, kept!.localId)).status).to.equal(
      'sent',
    );
    expect(
      replies().map((i) => i.content.type === 'SMS' && i.content.body),
    ).to.deep.equal(['In flight']);
  });

  it('passes over what it cannot read in storage, and reads the rest', () => {
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
    const warned: unknown[] = [];
    const warn = console.warn;
    console.warn = (message: unknown) => warned.push(message);
    try {
      for (const text of ['{truncated', '{"a":1}', 'null', '[1,"x",null]']) {
        sessionStorage.setItem(key, text);
        expect(new Outbox().repliesIn(conversationId), text).to.deep.equal([]);
      }
      sessionStorage.setItem(key, JSON.stringify([7, good, { body: 3 }]));
      expect(
        new Outbox().repliesIn(conversationId).map((r) => r.body),
      ).to.deep.equal(['Kept']);
    } finally {
      console.warn = warn;
    }
    // Each entry it passed over is named, for whoever looks.
    expect(warned).to.have.length(5);
    expect(warned[0]).to.contain(`sessionStorage "${key}"`);
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
    const a = await outbox.send(
      mock.client,
      conversationId,
      story.agents.ben,
      'a',
    );
    const setItem = Storage.prototype.setItem;
    const warn = console.warn;
    const warned: unknown[] = [];
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    console.warn = (message: unknown) => warned.push(message);
    try {
      // 'b' is on its way (and can be kept nowhere) when 'a' goes.
      const arrived = neverAnswered();
      void outbox.send(mock.client, conversationId, story.agents.ben, 'b');
      outbox.dismiss(a.localId);
      // Held where it is, so it reaches no later test's handlers.
      await arrived;
    } finally {
      Storage.prototype.setItem = setItem;
      console.warn = warn;
    }
    // 'a' was dismissed: it does not come back after a reload.
    expect(
      new Outbox().repliesIn(conversationId).map((r) => r.body),
    ).to.deep.equal([]);
    expect(warned).to.have.length(1);
    expect(warned[0]).to.match(/sessionStorage is full or blocked/);
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
    expect(replies()).to.have.length(1);
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
