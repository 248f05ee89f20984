/**
 * Phone numbers and times for people. libphonenumber-js is large, so it is
 * loaded the first time an element asks for it; until it arrives, numbers
 * show as their E.164 text.
 */
type PhoneModule = typeof import('libphonenumber-js/min');

let phones: PhoneModule | undefined;
let loading: Promise<PhoneModule> | undefined;

/** Loads phone formatting once; resolves when `formatPhone` can use it. */
export function loadPhoneFormatting(): Promise<void> {
  loading ??= import('libphonenumber-js/min').then(
    (module) => (phones = module),
  );
  return loading.then(() => undefined);
}

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

/** Whether `zone` is a time zone this browser knows, such as `Europe/Madrid`. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

interface Formats {
  time: Intl.DateTimeFormat;
  dateTime: Intl.DateTimeFormat;
  day: Intl.DateTimeFormat;
}

const formats = new Map<string, Formats>();

/** The formats for `timeZone` (the browser's own when undefined). */
function formatsFor(timeZone: string | undefined): Formats {
  const key = timeZone ?? '';
  let found = formats.get(key);
  if (!found) {
    found = {
      time: new Intl.DateTimeFormat(undefined, {
        timeStyle: 'short',
        timeZone,
      }),
      dateTime: new Intl.DateTimeFormat(undefined, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone,
      }),
      day: new Intl.DateTimeFormat('en-CA', { timeZone }),
    };
    formats.set(key, found);
  }
  return found;
}

/**
 * The time alone for today, the date and time otherwise, in `timeZone`
 * (an IANA name; the browser's own when left out).
 */
export function formatTime(
  iso: string,
  timeZone?: string,
  now = new Date(),
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const f = formatsFor(timeZone);
  const sameDay = f.day.format(date) === f.day.format(now);
  return (sameDay ? f.time : f.dateTime).format(date);
}

/** The full date and time, for a `title` or screen readers. */
export function formatFullTime(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ''
    : formatsFor(timeZone).dateTime.format(date);
}
