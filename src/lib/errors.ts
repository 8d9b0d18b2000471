// Errors a user can cause carry a stable code and a message written for that user.

export type UserErrorCode =
  | 'invalid_input'
  | 'out_of_window'
  | 'too_large'
  | 'nothing_to_undo'
  | 'forbidden'
  | 'unavailable';

/** A problem with what the user asked for: shown to them as is, nothing is stored. */
export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
    /** Modal block the problem belongs to, when it came from a modal field. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
