// pino JSON logs. The app logs to stdout; CLI commands log to stderr so stdout carries only results.
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Keys that could carry credentials are censored wherever they appear in a log object. */
const REDACT = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'clientSecret',
  'stateSecret',
  'tokenEncryptionKey',
  'authorization',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.clientSecret',
  '*.stateSecret',
  '*.tokenEncryptionKey',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
];

export function createLogger(options: { level: string; destination?: 'stdout' | 'stderr' | DestinationStream }): Logger {
  const destination =
    typeof options.destination === 'object'
      ? options.destination
      : // Synchronous writes: a line logged just before process.exit is never lost.
        pino.destination({ fd: options.destination === 'stderr' ? 2 : 1, sync: true });
  return pino(
    {
      name: 'dialbot',
      level: options.level,
      redact: { paths: REDACT, censor: '[redacted]' },
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
