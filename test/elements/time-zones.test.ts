import { expect, fixture, html } from '@open-wc/testing';
import { seedJulySale, type JulySale } from '../../mock-server/scenario.js';
import '../../src/reply-marker/define.js';
import '../../src/sms-timeline/define.js';
import type { ReplyMarker } from '../../src/reply-marker/reply-marker.js';
import { provideTimeZone } from '../../src/shared/context.js';
import { EngineClock, engineClock } from '../../src/shared/engine-clock.js';
import {
  formatFullTime,
  formatRelative,
  formatTime,
} from '../../src/shared/format.js';
import {
  postTwilioWebhook,
  twilioInboundForm,
} from '../../mock-server/simulator.js';
import type { SmsTimeline } from '../../src/sms-timeline/sms-timeline.js';
import { deep } from '../helpers/elements.js';
import { eventually, useMockServer } from '../helpers/mock.js';

const AT = '2026-07-01T16:20:00.000Z';

const marker = (timeZone = '') =>
  fixture<ReplyMarker>(
    html`<reply-marker
      customer-name="Julie Example"
      campaign-name="July Sale"
      at=${AT}
      time-zone=${timeZone}
    ></reply-marker>`,
  );
const shown = (element: Element) => deep(element, 'time').textContent!.trim();

describe('time zones', () => {
  it('shows times in the time-zone an element names', async () => {
    const tokyo = await marker('Asia/Tokyo');
    expect(shown(tokyo)).to.equal(formatTime(AT, 'Asia/Tokyo'));
    // 16:20 UTC is 01:20 the next day in Tokyo, so the date shows.
    expect(shown(tokyo)).to.contain('Jul 2, 2026');
    expect(shown(await marker('America/Chicago'))).to.contain('11:20');
  });

  it('takes a zone an ancestor provides, which the attribute overrides', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    provideTimeZone(wrapper, 'America/Chicago');
    const inherited = document.createElement('reply-marker');
    inherited.setAttribute('at', AT);
    const own = document.createElement('reply-marker');
    own.setAttribute('at', AT);
    own.setAttribute('time-zone', 'Asia/Tokyo');
    wrapper.append(inherited, own);
    await eventually(() => expect(shown(inherited)).to.contain('11:20'));
    expect(shown(own)).to.contain('Jul 2, 2026');
  });

  it('keeps the browser’s zone, and says why once, for a name it does not know', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const element = await marker('Mars/Olympus_Mons');
      expect(shown(element)).to.equal(formatTime(AT));
      await marker('Mars/Olympus_Mons');
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('"Mars/Olympus_Mons" is not a time zone');
  });

  describe('in a timeline', () => {
    const mock = useMockServer();
    let story: JulySale;
    beforeEach(() => {
      story = seedJulySale(mock.engine);
    });

    it('shows every row, and the updates it renders, in its zone', async () => {
      const element = await fixture<SmsTimeline>(
        html`<sms-timeline
          customer-id=${story.customers.julie}
          time-zone="Asia/Tokyo"
        ></sms-timeline>`,
      );
      await eventually(() => expect(deep(element, '.log')).to.exist);
      // The story is stamped 16:00 UTC, 01:00 the next day in Tokyo: each
      // row's full time (its hover) and each card's says July 2.
      const log = deep(element, '.log');
      const full = [
        ...[...log.querySelectorAll('.message time')].map((t) =>
          t.getAttribute('title'),
        ),
        deep(element, 'reply-marker', 'time').getAttribute('title'),
        deep(element, 'campaign-answer', '[part=stamp] span').getAttribute(
          'title',
        ),
      ];
      expect(full.length).to.be.at.least(3);
      for (const title of full) expect(title).to.contain('Jul 2, 2026');
    });
  });
});

describe('relative times', () => {
  const NOW = new Date('2026-07-01T16:00:00.000Z');
  const ago = (seconds: number) =>
    new Date(NOW.getTime() - seconds * 1000).toISOString();

  it('says how long ago within the week, and nothing past it', () => {
    expect(formatRelative(ago(10), NOW)).to.equal('now');
    expect(formatRelative(ago(5 * 60), NOW)).to.equal('5 minutes ago');
    expect(formatRelative(ago(3 * 3600), NOW)).to.equal('3 hours ago');
    expect(formatRelative(ago(30 * 3600), NOW)).to.equal('yesterday');
    expect(formatRelative(ago(-2 * 3600), NOW)).to.equal('in 2 hours');
    expect(formatRelative(ago(8 * 86400), NOW)).to.equal('');
  });

  it('counts calendar days in the zone, not blocks of 24 hours', () => {
    const late = new Date('2026-07-01T23:30:00.000Z');
    // Early the same day: hours, not "yesterday".
    expect(formatRelative('2026-07-01T01:00:00.000Z', late, 'UTC')).to.equal(
      '22 hours ago',
    );
    // Just after midnight the day before: yesterday, not "2 days ago".
    expect(formatRelative('2026-06-30T00:10:00.000Z', late, 'UTC')).to.equal(
      'yesterday',
    );
    // The same moments, seen from Tokyo (already July 2 there).
    expect(
      formatRelative('2026-07-01T01:00:00.000Z', late, 'Asia/Tokyo'),
    ).to.equal('yesterday');
  });

  it('never goes behind a stamp it has heard, whatever a slow answer says', () => {
    const clock = new EngineClock();
    clock.observe('2026-07-01T16:15:00.000Z');
    // An answer read before that stamp, arriving after it.
    clock.set('2026-07-01T16:00:00.000Z');
    expect(clock.now().getTime()).to.be.at.least(
      Date.parse('2026-07-01T16:15:00.000Z'),
    );
  });

  it('tells its listeners when its time moves on, not for every hearing', () => {
    const clock = new EngineClock();
    clock.set('2026-07-01T16:00:00.000Z');
    let told = 0;
    const stop = clock.subscribe(() => (told += 1));
    try {
      // Another element's hearing, agreeing with what it knows.
      clock.set(clock.now().toISOString());
      expect(told).to.equal(0);
      clock.set('2026-07-01T16:05:00.000Z');
      expect(told).to.equal(1);
    } finally {
      stop();
    }
  });

  it('tells its listeners even when the engine cannot say its time', async () => {
    // A clock of its own: the page's is told by every element on it.
    const clock = new EngineClock();
    let told = 0;
    const stop = clock.subscribe(() => (told += 1));
    try {
      clock.hear(() => Promise.reject(new Error('no GET /clock')));
      await eventually(() => expect(told).to.equal(1));
    } finally {
      stop();
    }
  });

  describe('in a timeline', () => {
    const mock = useMockServer();
    let story: JulySale;
    beforeEach(() => {
      engineClock.reset();
      story = seedJulySale(mock.engine);
    });

    it('measures against the engine’s clock, not the browser’s, with the full time on hover', async () => {
      const element = await fixture<SmsTimeline>(
        html`<sms-timeline
          customer-id=${story.customers.julie}
        ></sms-timeline>`,
      );
      await eventually(() => expect(deep(element, '.message time')).to.exist);
      // The story is stamped months before the browser's today: by the
      // browser's clock it would read as a date.
      await eventually(() =>
        expect(deep(element, '.message time').textContent!.trim()).to.equal(
          'now',
        ),
      );
      const time = deep(element, '.message time');
      expect(time.getAttribute('title')).to.equal(
        formatFullTime(time.getAttribute('datetime')!),
      );
      // Five minutes later by the engine, a text comes in.
      mock.engine.advanceClock(300);
      await postTwilioWebhook(
        twilioInboundForm({
          from: story.phones.julie,
          to: story.numbers.gold,
          body: 'Still there?',
        }),
      );
      await eventually(() =>
        expect(deep(element, '.message time').textContent!.trim()).to.equal(
          '5 minutes ago',
        ),
      );
    });
  });
});
