/** Why a lifetime-value computation could not give an answer. */
export type ClvErrorCode =
  | 'BAD_INPUT'
  | 'TOO_FEW_CUSTOMERS'
  | 'NO_REPEAT_PURCHASES'
  | 'FIT_DID_NOT_CONVERGE';

/**
 * The one error the CLV engine throws: a code a caller can branch on and a
 * sentence a user can read. The engine throws this instead of returning NaN.
 */
export class ClvError extends Error {
  readonly code: ClvErrorCode;

  constructor(code: ClvErrorCode, message: string) {
    super(message);
    this.name = 'ClvError';
    this.code = code;
  }
}
