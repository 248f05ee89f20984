/**
 * The HTTP plumbing the handlers share: refusals with the fields at fault,
 * body parsing with the shared schemas, and the one wrapper that turns
 * anything thrown into the right 4xx.
 */
import { HttpResponse, type HttpResponseResolver } from 'msw';
import type * as z from 'zod/mini';
import {
  describeProblems,
  parseWith,
  type Problem,
} from '../src/sdk/validation.js';
import { EngineError } from './engine/errors.js';

/** The body of every refusal: a sentence, and the fields at fault. */
export interface ErrorBody {
  message: string;
  problems: Problem[];
}

/** A request refused before it reaches the engine. */
export class BadRequest extends Error {
  constructor(
    readonly problems: Problem[],
    readonly status = 400,
  ) {
    super(describeProblems(problems));
  }
}

/** Refuses a body that is not of `type` (compared as media types are). */
export function requireType(request: Request, type: string, why = ''): void {
  const sent = request.headers.get('content-type') ?? '';
  if (sent.split(';')[0]!.trim().toLowerCase() === type) return;
  const message = `expected ${type}${why}, not "${sent || 'nothing'}"`;
  throw new BadRequest([{ path: 'Content-Type', message }], 415);
}

const STATUS = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
} as const;

export function refusal(
  status: number,
  message: string,
  problems: Problem[] = [],
) {
  return HttpResponse.json<ErrorBody>({ message, problems }, { status });
}

/** Runs `resolve`, answering a refusal for anything it throws. */
export function guarded(resolve: HttpResponseResolver): HttpResponseResolver {
  return async (info) => {
    try {
      return await resolve(info);
    } catch (error) {
      if (error instanceof BadRequest) {
        return refusal(error.status, error.message, error.problems);
      }
      if (error instanceof EngineError) {
        return refusal(STATUS[error.kind], error.message, error.problems);
      }
      throw error;
    }
  };
}

/** The most of a request body the API reads: a megabyte. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The 413 for a body past `MAX_BODY_BYTES`, of `size` bytes if known. */
export function tooLarge(size?: number): BadRequest {
  const body = size === undefined ? 'The body' : `A body of ${size} bytes`;
  const message = `${body} is more than the ${MAX_BODY_BYTES} bytes this API takes`;
  return new BadRequest([{ path: '', message }], 413);
}

/**
 * The body as text, read up to `MAX_BODY_BYTES` however it is sent (a
 * chunked body has no length to check first); past that, a 413.
 */
export async function bodyText(request: Request): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // The rest is left unread. (Cancelling would close the connection in
    // server mode before the 413 could be sent.)
    if (size > MAX_BODY_BYTES) {
      reader.releaseLock();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

export async function jsonBody(request: Request): Promise<unknown> {
  requireType(request, 'application/json');
  const text = await bodyText(request);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadRequest([
      { path: '', message: 'expected a JSON request body' },
    ]);
  }
}

export function parsed<S extends z.ZodMiniType>(
  schema: S,
  data: unknown,
): z.infer<S> {
  const result = parseWith(schema, data);
  if (!result.ok) throw new BadRequest(result.problems);
  return result.value;
}

/** A path parameter as the one string it is. */
export const param = (value: string | readonly string[] | undefined) =>
  String(value);
