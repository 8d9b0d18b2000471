import { randomBytes } from 'node:crypto';
import { isSealed, secretBox } from '../../../src/lib/secret-box.js';

describe('secretBox', () => {
  const key = randomBytes(32);
  const token = 'xoxb-1234-5678-abcdefghijkl';

  it('seals a secret so it can be opened with the key only, differently every time', () => {
    const box = secretBox(key);
    const a = box.seal(token);
    const b = box.seal(token);
    expect(isSealed(a)).toBe(true);
    expect(a).not.toContain('abcdefghijkl');
    expect(a).not.toBe(b); // a fresh IV each time
    expect(box.open(a)).toBe(token);
    expect(box.open(b)).toBe(token);
  });

  it('refuses a sealed value without the key, with another key, or tampered with', () => {
    const sealed = secretBox(key).seal(token);
    expect(() => secretBox(undefined).open(sealed)).toThrow('TOKEN_ENCRYPTION_KEY is not set');
    expect(() => secretBox(randomBytes(32)).open(sealed)).toThrow('not the key it was sealed with');
    const [prefix, iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0]! ^= 1;
    expect(() => secretBox(key).open([prefix, iv, tag, flipped.toString('base64url')].join('.'))).toThrow('not the key it was sealed with');
    expect(() => secretBox(key).open('v1.onlyonepart')).toThrow('malformed');
  });

  it('stores as is without a key, and reads values stored before a key was set', () => {
    expect(secretBox(undefined).seal(token)).toBe(token);
    expect(secretBox(key).open(token)).toBe(token);
    expect(isSealed(token)).toBe(false);
  });
});
