// Turns an error into what the user should read: their own mistake verbatim, ours as a short apology.
import { Prisma } from '../generated/prisma/client.js';
import { isUserError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';

/** The database could not be reached (connection refused, timed out, pool exhausted…). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError && ['P1001', 'P1002', 'P1008', 'P1017', 'P2024'].includes(error.code)) return true;
  const text = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}` : '';
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|DatabaseNotReachable|connection timeout/i.test(text);
}

export function messageForFailure(error: unknown, logger: Logger, context: Record<string, unknown>): string {
  if (isUserError(error)) return error.message;
  if (isDatabaseUnavailable(error)) {
    logger.error({ err: error, ...context }, 'database unavailable');
    return 'dialbot is temporarily unavailable (it can’t reach its database), so nothing was logged. Please try again in a minute.';
  }
  logger.error({ err: error, ...context }, 'request failed');
  return 'Something went wrong on dialbot’s side and your request may not have been saved. Check `/dial` totals before trying again; the error has been logged for your admin.';
}
