/**
 * Phone numbers and times for people. libphonenumber-js is large, so it is
 * loaded the first time an element asks for it; until it arrives, numbers
 * show as their E.164 text.
 */
import { engineClock } from './engine-clock.js';
import { loadOnce } from './lazy.js';
import { kitLocale } from './locale.js';

type PhoneModule = typeof import('libphonenumber-js/min');

let phones: PhoneModule | undefined;

/**
 * Phone formatting, loaded on first use: resolves when `formatPhone` can
 * use it. Elements draw again with `loadPhoneFormatting.whenLoaded`.
 */
export const loadPhoneFormatting = loadOnce(async () => {
  phones = await import('libphonenumber-js/min');
});

/** The agent's country, from the browser's language, as `US` or `GB`. */
export function agentCountry(): string | undefined {
  const region = new Intl.Locale(navigator.language).maximize().region;
  return region ?? undefined;
}

/**
 * `number` as a person reads it: national form within the agent's country,
 * international otherwise. E.164 text until formatting has loaded, or for
 * a number it cannot parse.
 */
export function formatPhone(number: string, country = agentCountry()): string {
  if (!phones) return number;
  const parsed = phones.parsePhoneNumberFromString(number);
  if (!parsed) return number;
  return parsed.country === country
    ? parsed.formatNational()
    : parsed.formatInternational();
}

/**
 * A customer's name for display. Someone who texted in unannounced is
 * named by their number, which then reads like any other number shown.
 */
export function formatName(name: string): string {
  return /^\+[1-9]\d{6,14}$/.test(name) ? formatPhone(name) : name;
}

const knownZones = new Map<string, boolean>();

/**
 * Whether `zone` is a time zone this browser knows, such as
 * `Europe/Madrid`. Asked on every render, so each answer is kept.
 */
export function isTimeZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat(undefined, { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    knownZones.set(zone, known);
  }
  return known;
}

interface Formats {
  dateTime: Intl.DateTimeFormat;
  relative: Intl.RelativeTimeFormat;
  /** A day as YYYY-MM-DD, for counting calendar days. */
  day: Intl.DateTimeFormat;
}

const formats = new Map<string, Formats>();

/**
 * The formats for `timeZone` (the browser's own when undefined), in the
 * kit's language once one is chosen (`setLocale`), else the browser's.
 */
function formatsFor(timeZone: string | undefined): Formats {
  const locale = kitLocale();
  const key = `${locale ?? ''}|${timeZone ?? ''}`;
  let found = formats.get(key);
  if (!found) {
    found = {
      dateTime: new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone,
      }),
      relative: new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
      day: new Intl.DateTimeFormat('en-CA', { timeZone }),
    };
    formats.set(key, found);
  }
  return found;
}

/** A count for people: in the kit's language, English until one is chosen. */
export function formatNumber(n: number): string {
  return n.toLocaleString(kitLocale() ?? 'en');
}

/** Steps of a relative time: below `under` seconds, counted in `unit`. */
/** Which calendar day `ms` falls on in `timeZone`, as a day count. */
function dayNumber(ms: number, timeZone: string | undefined): number {
  const [year, month, day] = formatsFor(timeZone)
    .day.format(ms)
    .split('-')
    .map(Number);
  return Date.UTC(year!, month! - 1, day!) / 86_400_000;
}

/**
 * How long ago (or how soon) `iso` is from `now`, as "5 minutes ago",
 * "3 hours ago", "yesterday" or "in 2 hours"; '' for a week or more away,
 * which reads better as a date. Within the hour it counts minutes, within
 * the same day hours, and past that calendar days in `timeZone` (the
 * browser's when left out): 23:30 and 01:00 the same day are "22 hours
 * ago", not "yesterday".
 */
export function formatRelative(
  iso: string,
  now: Date,
  timeZone?: string,
): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const seconds = (at - now.getTime()) / 1000;
  const { relative } = formatsFor(undefined);
  // Under a minute reads as "now", either way.
  if (Math.abs(seconds) < 45) return relative.format(0, 'second');
  if (Math.abs(seconds) < 45 * 60) {
    return relative.format(Math.round(seconds / 60), 'minute');
  }
  const days = dayNumber(at, timeZone) - dayNumber(now.getTime(), timeZone);
  if (days === 0) return relative.format(Math.round(seconds / 3600), 'hour');
  if (Math.abs(days) >= 7) return '';
  return relative.format(days, 'day');
}

/**
 * A stamp to show: how long ago by the engine's clock (`now`) within the
 * week, else the date and time in `timeZone` (an IANA name; the browser's
 * own when left out). The full time goes with it: `formatFullTime`.
 */
export function formatTime(
  iso: string,
  timeZone?: string,
  now: Date = engineClock.now(),
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return (
    formatRelative(iso, now, timeZone) ||
    formatsFor(timeZone).dateTime.format(date)
  );
}

/** The full date and time, for a `title` or screen readers. */
export function formatFullTime(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ''
    : formatsFor(timeZone).dateTime.format(date);
}
