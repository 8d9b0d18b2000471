// Recognising database errors by Prisma's stable codes rather than by message text.
import { Prisma } from '../generated/prisma/client.js';

/** A unique constraint said no (Prisma P2002): someone stored the same thing first. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/**
 * Runs `fn` again once if it lost a race on a unique constraint: the retry then finds the row the
 * other request created (first-use upserts of workspaces, teams and members).
 */
export async function retryOnConflict<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return fn();
  }
}
