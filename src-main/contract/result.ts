/**
 * The envelope every channel answers with. Nothing throws across the boundary: a handler's failure
 * becomes an error value with a stable code the renderer translates, plus an English message for logs.
 */
export const errorCodes = [
  'invalid_input',
  'not_found',
  'unknown_channel',
  'db_damaged',
  'db_too_new',
  'unauthorized',
  'forbidden_origin',
  'too_large',
  'wrong_passphrase',
  'sync_unreachable',
  /** A roundtable hub refused the hub key from its code (an old code, or another laptop's hub). */
  'wrong_hub_code',
  /** A hub needs an enrolment key from its operator to take a new initiative, and none was given. */
  'enrolment_key_needed',
  /** The hub did not issue that enrolment key. */
  'enrolment_key_wrong',
  /** The enrolment key has registered all the initiatives it was issued for. */
  'enrolment_key_used',
  /** Putting a new initiative on the hub under a sync id it already holds for another passphrase. */
  'sync_id_taken',
  /** The initiative's storage on the hub is full. */
  'hub_quota_full',
  'rate_limited',
  'internal',
  'export_failed',
  /** The disk (or the user's quota) is full: nothing was saved by this request, nothing before it lost. */
  'disk_full',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ApiIssue {
  path: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  issues?: ApiIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, issues?: ApiIssue[]): Result<never> {
  return issues ? { ok: false, error: { code, message, issues } } : { ok: false, error: { code, message } };
}

/** Thrown inside main by handlers and the store; turned into a Result at the boundary. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
