// Secrets kept in the database (OAuth bot tokens) sealed with AES-256-GCM under a key from the
// environment: a copy of the database or a backup alone does not give away a workspace's token.
// Values written before a key was set stay readable as they are.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'v1.';

/** Whether a stored value is sealed (else it was stored before a key was set). */
export const isSealed = (stored: string): boolean => stored.startsWith(PREFIX);

export type SecretBox = {
  /** What to store for `secret`: sealed when there is a key, else as is. */
  seal(secret: string): string;
  /** The secret behind a stored value. Throws when it is sealed and the key is missing or wrong. */
  open(stored: string): string;
};

/** `key`: 32 bytes (from TOKEN_ENCRYPTION_KEY), or undefined to store secrets as they are. */
export function secretBox(key: Buffer | undefined): SecretBox {
  return {
    seal(secret) {
      if (!key) return secret;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return PREFIX + [iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64url')).join('.');
    },
    open(stored) {
      if (!isSealed(stored)) return stored;
      if (!key) throw new Error('a stored token is encrypted and TOKEN_ENCRYPTION_KEY is not set');
      const [iv, tag, sealed] = stored.slice(PREFIX.length).split('.').map((part) => Buffer.from(part, 'base64url'));
      if (!iv || !tag || !sealed) throw new Error('a stored token is malformed');
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
      } catch {
        throw new Error('a stored token cannot be decrypted: TOKEN_ENCRYPTION_KEY is not the key it was sealed with');
      }
    },
  };
}
