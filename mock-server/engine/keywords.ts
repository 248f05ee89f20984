/**
 * The SMS keywords carriers and Twilio honour: a body that is exactly one
 * of them, in any case, with surrounding white space and trailing
 * punctuation ignored. A keyword inside a longer message is not one.
 */
import type { KeywordKind } from '../../src/sdk/schemas.js';

const KEYWORDS: Record<string, KeywordKind> = {
  STOP: 'OPT_OUT',
  STOPALL: 'OPT_OUT',
  UNSUBSCRIBE: 'OPT_OUT',
  CANCEL: 'OPT_OUT',
  END: 'OPT_OUT',
  QUIT: 'OPT_OUT',
  REVOKE: 'OPT_OUT',
  OPTOUT: 'OPT_OUT',
  START: 'OPT_IN',
  YES: 'OPT_IN',
  UNSTOP: 'OPT_IN',
  HELP: 'HELP',
  INFO: 'HELP',
};

/** The keyword `body` is, and what it asks for; undefined for any other. */
export function smsKeyword(
  body: string,
): { kind: KeywordKind; keyword: string } | undefined {
  const bare = body
    .trim()
    .replace(/[.!?,;:]+$/u, '')
    .trim();
  // Latin letters only: toUpperCase would turn other letters (ſ, ﬆ) into
  // ASCII and make a keyword of what the customer did not send.
  if (!/^[A-Za-z]+$/.test(bare)) return undefined;
  const word = bare.toUpperCase();
  const kind = Object.hasOwn(KEYWORDS, word) ? KEYWORDS[word] : undefined;
  return kind && { kind, keyword: word };
}
