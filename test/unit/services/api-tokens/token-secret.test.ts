import { createHash } from 'node:crypto';
import { hashToken, MAX_TOKEN_LENGTH, newTokenSecret, tokenPrefix } from '../../../../src/services/api-tokens/token-secret.js';

describe('API token secrets', () => {
  it('are dbt_ and 43 base64url characters (32 random bytes), each different', () => {
    const tokens = Array.from({ length: 50 }, newTokenSecret);
    for (const token of tokens) expect(token).toMatch(/^dbt_[A-Za-z0-9_-]{43}$/);
    expect(new Set(tokens).size).toBe(50);
    expect(tokens[0]!.length).toBeLessThan(MAX_TOKEN_LENGTH);
  });

  it('are kept as a SHA-256 hex digest, shown by a 10-character prefix', () => {
    const token = 'dbt_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    expect(hashToken(token)).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hashToken(token)).not.toBe(hashToken(`${token}x`));
    expect(tokenPrefix(token)).toBe('dbt_abcdef');
  });
});
