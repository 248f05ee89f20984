import { en } from 'zod/locales';
import type * as z from 'zod/mini';

/** One thing wrong with a value: where, and what was expected. */
export interface Problem {
  /** Dotted path to the field, such as `recipients.0.phoneNumber`. */
  path: string;
  message: string;
}

export type Parsed<T> =
  { ok: true; value: T } | { ok: false; problems: Problem[] };

const localeError = en().localeError;

/**
 * Parses `data` with `schema`, reporting problems in English whatever the
 * host page configured for zod (the mini build ships no messages of its
 * own, and configuring zod globally would reach into the host's zod).
 */
export function parseWith<S extends z.ZodMiniType>(
  schema: S,
  data: unknown,
): Parsed<z.infer<S>> {
  const result = schema.safeParse(data, { error: localeError });
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.flatMap((issue) => {
      const path = issue.path.map(String);
      // Each field it does not know is a problem of its own, at that field.
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({
          path: [...path, key].join('.'),
          message: 'unknown field',
        }));
      }
      return [{ path: path.join('.'), message: issue.message }];
    }),
  };
}

/** `"field: what was wrong; other: …"`, for error messages. */
export function describeProblems(problems: Problem[]): string {
  return problems
    .map(({ path, message }) => (path ? `${path}: ${message}` : message))
    .join('; ');
}
