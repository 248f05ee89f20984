/**
 * What the SDK rejects with. Each failure has its own class so a host can
 * tell a refusal from a broken server from a lost network.
 */
import type { Problem } from './validation.js';

export class SmsKitError extends Error {
  override name = 'SmsKitError';
}

/** The server answered with an HTTP error status. */
export class ApiHttpError extends SmsKitError {
  override name = 'ApiHttpError';

  constructor(
    readonly status: number,
    message: string,
    /** The fields the server named, when it named any. */
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

/** The server answered, but not with the shape the API promises. */
export class ApiParseError extends SmsKitError {
  override name = 'ApiParseError';

  constructor(
    readonly url: string,
    readonly problems: Problem[],
  ) {
    const first = problems[0];
    const where = first?.path ? ` at ${first.path}` : '';
    super(
      `Unexpected response from ${url}${where}: ${first?.message ?? 'not JSON'}`,
    );
  }
}

/** The request never got an answer: offline, refused, or aborted. */
export class ApiNetworkError extends SmsKitError {
  override name = 'ApiNetworkError';

  constructor(
    readonly url: string,
    options?: ErrorOptions,
  ) {
    super(`Could not reach ${url}`, options);
  }
}
