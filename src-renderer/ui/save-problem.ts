import { z } from 'zod';
import { FieldProblem } from '../../shared/api/errors.ts';
import { apiErrorOf } from '../api/client.ts';

const ValidationDetails = z.object({ fields: z.array(FieldProblem) });

/** Why a save did not land: messages by field (the input's top-level name), or one message for the form. */
export type SaveProblem = { fields: Record<string, string> } | { message: string };

export function saveProblemOf(thrown: unknown): SaveProblem {
  const error = apiErrorOf(thrown);
  const details = ValidationDetails.safeParse(error.details);
  if (error.code === 'VALIDATION' && details.success && details.data.fields.length > 0) {
    const fields: Record<string, string> = {};
    for (const problem of details.data.fields) {
      const field = problem.path.split('.')[0] ?? problem.path;
      fields[field] ??= problem.message;
    }
    return { fields };
  }
  return { message: error.message };
}

/**
 * Where a refused save's messages go on a form: each beside the form field the
 * core's field maps to (`fieldOf`), the rest together in one message (null if none).
 */
export function placeSaveProblem<Field extends string>(
  problem: SaveProblem,
  fieldOf: Readonly<Record<string, Field>>,
): { errors: Partial<Record<Field, string>>; message: string | null } {
  if ('message' in problem) return { errors: {}, message: problem.message };
  const errors: Partial<Record<Field, string>> = {};
  const unplaced: string[] = [];
  for (const [field, text] of Object.entries(problem.fields)) {
    const own = fieldOf[field];
    if (own) errors[own] = text;
    else unplaced.push(text);
  }
  return { errors, message: unplaced.length > 0 ? unplaced.join(' ') : null };
}
