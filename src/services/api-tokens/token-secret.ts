// API token secrets: `dbt_` and 32 random bytes (base64url). Only a SHA-256 of the token is
// stored, and a short prefix that tells tokens apart in lists.
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'dbt_';
const PREFIX_LENGTH = TOKEN_PREFIX.length + 6;
/** Longer than any token dialbot makes: a longer header is refused before it is hashed. */
export const MAX_TOKEN_LENGTH = 100;

export function newTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function tokenPrefix(token: string): string {
  return token.slice(0, PREFIX_LENGTH);
}
