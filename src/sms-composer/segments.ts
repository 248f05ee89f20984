/**
 * How a reply will travel: its length against the API's limit, and the
 * segments and encoding carriers bill it as, counted by Twilio's own
 * sms-segments-calculator.
 *
 * The counter (with its grapheme splitter) is a third of the composer's
 * weight, so it loads when a composer first connects; until it arrives
 * the line under the box gives the length alone.
 */
import { msg, str } from '@lit/localize';
import { MAX_BODY_LENGTH } from '../sdk/schemas.js';
import { formatNumber } from '../shared/format.js';
import { loadOnce } from '../shared/lazy.js';

type Counter = typeof import('sms-segments-calculator').SegmentedMessage;

let SegmentedMessage: Counter | undefined;

/** The segment counter, loaded on first use: resolves when `measure` counts. */
export const loadSegmentCounter = loadOnce(async () => {
  // The package is CommonJS: its default export is the whole module, the
  // one form every bundler and the test server read the same way.
  const module = await import('sms-segments-calculator');
  SegmentedMessage = module.default.SegmentedMessage;
});

export interface ReplySize {
  /** Characters (code points), as the API's limit counts them. */
  length: number;
  tooLong: boolean;
  /** Whether segments and encoding were counted (the counter has loaded). */
  counted: boolean;
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
  /** The characters outside GSM-7 that made it UCS-2, each once. */
  unicode: string[];
}

export function measure(text: string): ReplySize {
  const length = [...text].length;
  const tooLong = length > MAX_BODY_LENGTH;
  // The counter's cost grows faster than the text: a pasted book would
  // freeze the page. A reply too long to send is not counted in segments.
  if (tooLong || !SegmentedMessage) {
    return {
      length,
      tooLong,
      counted: false,
      segments: 0,
      encoding: 'GSM-7',
      unicode: [],
    };
  }
  const message = new SegmentedMessage(text, 'auto');
  return {
    length,
    tooLong,
    counted: true,
    segments: text ? message.segmentsCount : 0,
    encoding: message.getEncodingName() === 'UCS-2' ? 'UCS-2' : 'GSM-7',
    unicode: [...new Set(message.getNonGsmCharacters().flatMap(culprits))],
  };
}

/**
 * The code points of `grapheme` outside GSM-7: the counter names whole
 * letters as the reader sees them, so "é" written as e and an accent
 * would blame the e.
 */
function culprits(grapheme: string): string[] {
  const points = [...grapheme];
  if (points.length === 1) return points;
  const outside = points.filter(
    (point) =>
      new SegmentedMessage!(point, 'auto').getEncodingName() === 'UCS-2',
  );
  return outside.length > 0 ? outside : [grapheme];
}

/** A character as the agent can see it: invisible ones by their code. */
function shown(char: string): string {
  if (/^[\p{L}\p{N}\p{P}\p{S}]+$/u.test(char)) return `“${char}”`;
  const code = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  if (/^\p{M}$/u.test(char)) return msg(str`U+${code} (a combining mark)`);
  return msg(str`U+${code} (an invisible or spacing character)`);
}

const characters = (n: number) =>
  n === 1
    ? msg(str`${formatNumber(n)} character`)
    : msg(str`${formatNumber(n)} characters`);

const segmentCount = (n: number) =>
  n === 1
    ? msg(str`${formatNumber(n)} segment`)
    : msg(str`${formatNumber(n)} segments`);

/** The size in words, for the line under the reply box. */
export function describeSize(size: ReplySize): string {
  if (size.tooLong) {
    const over = size.length - MAX_BODY_LENGTH;
    return msg(
      str`${characters(size.length)}: ${characters(over)} over the ${formatNumber(MAX_BODY_LENGTH)} limit. Shorten it to send.`,
    );
  }
  if (!size.counted) return characters(size.length);
  const base = `${characters(size.length)} · ${segmentCount(size.segments)} · ${size.encoding}`;
  if (size.encoding === 'GSM-7') return base;
  const [first, ...rest] = size.unicode;
  const char = shown(first!);
  if (rest.length === 0) return msg(str`${base}, because of ${char}`);
  const others =
    rest.length === 1
      ? msg(str`${formatNumber(rest.length)} other`)
      : msg(str`${formatNumber(rest.length)} others`);
  return msg(str`${base}, because of ${char} and ${others}`);
}
