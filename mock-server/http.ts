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

export async function jsonBody(request: Request): Promise<unknown> {
  requireType(request, 'application/json');
  try {
    return await request.json();
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
