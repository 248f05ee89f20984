import { msg } from '@lit/localize';
import { ApiHttpError, ApiNetworkError } from '../sdk/errors.js';

/** What an element says when loading failed, and whether to offer a retry. */
export interface Failure {
  message: string;
  /** False when trying again cannot help: an unknown id, a bad request. */
  retryable: boolean;
}

/** Reads a load's error as a person would want it told. */
export function failureOf(error: unknown): Failure {
  // A lost connection is said in words, not with the URL that failed.
  if (error instanceof ApiNetworkError) {
    return {
      message: msg('The server could not be reached; check the connection.'),
      retryable: true,
    };
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
