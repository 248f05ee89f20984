/**
 * How a reply will travel: its length against the API's limit, and the
 * segments and encoding carriers bill it as, counted by Twilio's own
 * sms-segments-calculator.
 */
// The package is CommonJS: its default export is the whole module, the
// one form every bundler and the test server read the same way.
import segmentsCalculator from 'sms-segments-calculator';
import { MAX_BODY_LENGTH } from '../sdk/schemas.js';

const { SegmentedMessage } = segmentsCalculator;
export interface ReplySize {
  /** UTF-16 code units, as the API's limit counts them. */
  length: number;
  tooLong: boolean;
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
  /** The characters outside GSM-7 that made it UCS-2, each once. */
  unicode: string[];
}

export function measure(text: string): ReplySize {
  const message = new SegmentedMessage(text, 'auto');
  return {
    length: text.length,
    tooLong: text.length > MAX_BODY_LENGTH,
    segments: text ? message.segmentsCount : 0,
    encoding: message.getEncodingName() === 'UCS-2' ? 'UCS-2' : 'GSM-7',
    unicode: [...new Set(message.getNonGsmCharacters())],
  };
}

/** The size in words, for the line under the reply box. */
export function describeSize(size: ReplySize): string {
  const count = (n: number, one: string) =>
    `${n.toLocaleString('en')} ${one}${n === 1 ? '' : 's'}`;
  if (size.tooLong) {
    const over = size.length - MAX_BODY_LENGTH;
    return `${count(size.length, 'character')}: ${count(over, 'character')} over the ${MAX_BODY_LENGTH.toLocaleString('en')} limit. Shorten it to send.`;
  }
  const base = `${count(size.length, 'character')} · ${count(size.segments, 'segment')} · ${size.encoding}`;
  if (size.encoding === 'GSM-7') return base;
  const [first, ...rest] = size.unicode;
  const more = rest.length > 0 ? ` and ${count(rest.length, 'other')}` : '';
  return `${base}, because of “${first}”${more}`;
}
