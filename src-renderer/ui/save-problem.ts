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
