import { expect } from '@open-wc/testing';
import { EventLog } from '../../mock-server/engine/event-log.js';
import { openEventStream } from '../../mock-server/event-stream.js';
import { readUntil } from '../helpers/streams.js';

/** A log of `count` inbox events, keeping `keep`. */
function logOf(count: number, keep: number): EventLog {
  const log = new EventLog(keep);
  for (let i = 1; i <= count; i++) {
    log.append({
      type: 'inbox.updated',
      data: {
        id: `inb_${i}`,
        name: `Inbox ${i}`,
        phoneNumbers: [],
        policy: 'MOST_AVAILABLE',
        stickyMinutes: 15,
        requeueOnOffline: false,
        offerTimeoutSeconds: 0,
      },
    });
  }
  return log;
}

describe('the event log', () => {
  it('replays what a reconnecting client missed while it is kept', () => {
    const log = logOf(10, 5);
    expect(log.since(7).map((e) => e.id)).to.deep.equal([8, 9, 10]);
    expect(log.since(5).map((e) => e.id)).to.deep.equal([6, 7, 8, 9, 10]);
    expect(log.since(10)).to.deep.equal([]);
  });

  it('keeps only the latest events, however many come', () => {
    const log = logOf(1_000, 5);
    expect(log.since(995).map((e) => e.id)).to.deep.equal([
      996, 997, 998, 999, 1000,
    ]);
    expect(log.latestId).to.equal(1_000);
  });

  it('tells a client that missed more than is kept, before the rest', () => {
    const log = logOf(10, 5);
    const [missed, ...rest] = log.since(2);
    expect(missed).to.deep.equal({
      id: 5,
      type: 'events.missed',
      data: { from: 3, to: 5 },
    });
    expect(rest.map((e) => e.id)).to.deep.equal([6, 7, 8, 9, 10]);
  });

  it('sends the missed notice on the stream, with its id, so the client moves on', async () => {
    const log = logOf(10, 5);
    const abort = new AbortController();
    const reader = openEventStream(log, 1, abort.signal).getReader();
    const text = await readUntil(reader, (t) => t.includes('id: 10\n'));
    abort.abort();
    expect(text).to.contain('id: 5\nevent: events.missed\n');
    expect(text.indexOf('events.missed')).to.be.below(text.indexOf('id: 6\n'));
  });

  it('refuses to keep no events, naming the setting', () => {
    expect(() => new EventLog(0)).to.throw(/keepEvents/);
  });
});
