import type * as z from 'zod/mini';
import {
  describeProblems,
  parseWith,
  type Problem,
} from '../../src/sdk/validation.js';

/** Why the engine refused a request; the HTTP layer maps it to a status. */
export type EngineErrorKind =
  | 'invalid'
  | 'not_found'
  | 'conflict'
  /** Well formed, but not what its key was first used for. */
  | 'unprocessable';

/**
 * A refusal. The engine checks everything before it changes anything, so a
 * thrown EngineError always leaves the state as it was. Its message leads
 * with the field at fault, when there is one: `To: +1… is not linked…`.
 */
export class EngineError extends Error {
  override name = 'EngineError';
  /** Every field at fault and what was wrong with it; the HTTP body's. */
  readonly problems: Problem[];

  constructor(
    readonly kind: EngineErrorKind,
    /** What was wrong, without the field's name. */
    readonly detail: string,
    /** The request field at fault, when there is one. */
    readonly field?: string,
    /** All that was wrong, when there is more than the first. */
    problems?: Problem[],
  ) {
    const all = problems ?? (field ? [{ path: field, message: detail }] : []);
    super(all.length > 0 ? describeProblems(all) : detail);
    this.problems = all;
  }
}

export const notFound = (what: string, id: string, field?: string) =>
  new EngineError('not_found', `No ${what} has the id "${id}".`, field);

/** Refuses a list that names the same value twice, naming the repeat. */
export function refuseRepeats(
  values: readonly string[],
  field: (index: number) => string,
) {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) {
      const name = field(index);
      throw new EngineError('invalid', `${value} is listed twice.`, name);
    }
    seen.add(value);
  });
}

/**
 * `input` read with a shared request schema, or a refusal naming every
 * field at fault (the first as its `field`). The engine is where request
 * bodies are checked, for the HTTP layer and direct callers alike.
 */
export function checked<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
): z.infer<S> {
  const parsed = parseWith(schema, input);
  if (parsed.ok) return parsed.value;
  const [first] = parsed.problems;
  throw new EngineError(
    'invalid',
    first!.message,
    first!.path || undefined,
    parsed.problems,
  );
}
