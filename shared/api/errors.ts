import { z } from 'zod';

/**
 * STORAGE: the data file could not be written (disk full, read-only); BUSY:
 * another program held the data file too long. Both say in `message` what to do.
 */
export const ErrorCode = z.enum(['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'STORAGE', 'BUSY', 'INTERNAL']);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** A field the user must fix: `path` names it as in the input (`emails.0.value`). */
export const FieldProblem = z.object({ path: z.string(), message: z.string() });
export type FieldProblem = z.infer<typeof FieldProblem>;

/** The one error shape every transport returns. Messages are written for the user. */
export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.unknown().optional(),
});
export type ApiError = z.infer<typeof ApiError>;

/** Thrown by services for failures the user can act on; anything else becomes INTERNAL. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toApiError(): ApiError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** The HTTP status each error code maps to on the browser-mode bridge. */
export const httpStatusFor: Record<ErrorCode, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STORAGE: 507,
  BUSY: 503,
  INTERNAL: 500,
};

export function isApiError(value: unknown): value is ApiError {
  return ApiError.safeParse(value).success;
}
