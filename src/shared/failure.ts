import { msg } from '@lit/localize';
import { ApiHttpError, ApiNetworkError, ApiParseError } from '../sdk/errors.js';

/** What an element says when something failed, and whether to offer a retry. */
export interface Failure {
  /**
   * Read at render: the kit's own words come out in the language of the
   * moment, even after a switch. The server's own words are as it sent them.
   */
  readonly message: string;
  /** False when trying again cannot help: an unknown id, a bad request. */
  readonly retryable: boolean;
  /**
   * 'network' when the server could not be reached at all; 'interrupted'
   * when the page went away before the answer came.
   */
  readonly reason?: 'network' | 'interrupted';
}

/** A failure the kit words itself; `say` is asked each time it is shown. */
export const kitFailure = (say: () => string, retryable: boolean): Failure => ({
  get message() {
    return say();
  },
  retryable,
});

// A lost connection is said in words, not with the URL that failed.
const unreachable: Failure = {
  get message() {
    return msg('The server could not be reached; check the connection.');
  },
  retryable: true,
  reason: 'network',
};

/** A reply still sending when its page went away. */
export const interrupted: Failure = {
  get message() {
    return msg(
      'The page closed before the server answered; Try again sends it once.',
    );
  },
  retryable: true,
  reason: 'interrupted',
};

/**
 * A failure as it comes back from storage (JSON keeps what it said, not
 * how to say it): one the kit words is worded again.
 */
export const revivedFailure = (stored: Failure): Failure =>
  stored.reason === 'network'
    ? unreachable
    : stored.reason === 'interrupted'
      ? interrupted
      : stored;

/** Reads an error as a person would want it told. */
export function failureOf(error: unknown): Failure {
  if (error instanceof ApiNetworkError) return unreachable;
  // An answer that is not this API's (often a page where the API should
  // be): the agent is told so in words, the developer gets the detail.
  if (error instanceof ApiParseError) {
    console.error(error);
    return kitFailure(
      () =>
        msg(
          'The server’s answer could not be read: is the API at the address this page uses?',
        ),
      true,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  const refused =
    error instanceof ApiHttpError &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 408 &&
    error.status !== 429;
  return { message, retryable: !refused };
}
