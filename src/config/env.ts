// The only reader of process.env. Every setting is parsed once, here, into a typed config.
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { isValidTimezone } from '../lib/time.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optionalText = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s ? s : undefined));

const positiveInt = (fallback: number, max: number) =>
  z
    .string()
    .optional()
    .transform((s) => (s === undefined || s.trim() === '' ? String(fallback) : s.trim()))
    .transform(Number)
    .pipe(z.number().int().min(1).max(max, { error: `must be a whole number from 1 to ${max}` }));

const databaseUrl = optionalText.refine(
  (s) => s === undefined || /^(postgres|postgresql):\/\/.+/.test(s) || /^(file:|pglite:\/\/).+/.test(s),
  { message: 'must start with postgresql:// (a PostgreSQL server), or file: / pglite:// (embedded database)' },
);

/** Settings every command needs (database, logging, time). */
const baseSchema = z.object({
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: optionalText.pipe(z.enum(LOG_LEVELS).optional()).transform((s) => s ?? 'info'),
  DEFAULT_TIMEZONE: optionalText
    .refine((s) => s === undefined || isValidTimezone(s), { message: 'is not an IANA time zone' })
    .transform((s) => s ?? 'UTC'),
  MAX_COUNT_PER_ENTRY: positiveInt(1000, 1_000_000),
  BACKFILL_DAYS: positiveInt(7, 366),
  API_RATE_LIMIT_PER_MINUTE: positiveInt(60, 100_000),
});

/** Settings the Slack app needs on top (start, doctor). */
const slackSchema = z
  .object({
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_BOT_TOKEN: optionalText.refine((s) => s === undefined || s.startsWith('xoxb-'), {
      message: 'must be a bot token starting with xoxb-',
    }),
    SLACK_APP_TOKEN: optionalText.refine((s) => s === undefined || s.startsWith('xapp-'), {
      message: 'must be an app-level token starting with xapp- (it turns on Socket Mode)',
    }),
    SLACK_CLIENT_ID: optionalText,
    SLACK_CLIENT_SECRET: optionalText,
    SLACK_STATE_SECRET: optionalText,
    TOKEN_ENCRYPTION_KEY: optionalText
      .transform((s) => (s === undefined ? undefined : /^[0-9a-f]{64}$/i.test(s) ? Buffer.from(s, 'hex') : Buffer.from(s, 'base64')))
      .refine((key) => key === undefined || key.length === 32, { message: 'must be 32 bytes: 64 hex characters or 44 base64 characters' }),
    SLACK_API_URL: optionalText
      .pipe(z.url({ protocol: /^https?$/ }).optional())
      .transform((s) => {
        const url = s ?? 'https://slack.com/api/';
        return url.endsWith('/') ? url : `${url}/`;
      }),
    PORT: optionalText
      .transform((s) => Number(s ?? '3000'))
      .pipe(z.number({ error: 'must be a whole number from 0 to 65535' }).int().min(0).max(65535)),
    HOST: optionalText,
  })
  .superRefine((env, ctx) => {
    if (!env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'is missing' });
    }
    const oauthNames = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
    const oauthGiven = oauthNames.filter((name) => env[name]);
    if (oauthGiven.length === 0) {
      if (!env.SLACK_BOT_TOKEN) ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'is missing' });
      return;
    }
    // OAuth (many workspaces): all three settings, HTTP mode, and no single bot token beside it.
    for (const name of oauthNames.filter((n) => !env[n])) {
      ctx.addIssue({ code: 'custom', path: [name], message: `is missing: an OAuth install needs ${oauthNames.join(', ')} (${oauthGiven.join(', ')} given)` });
    }
    if (env.SLACK_STATE_SECRET && env.SLACK_STATE_SECRET.length < 16) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_STATE_SECRET'], message: 'must be at least 16 characters' });
    }
    if (env.SLACK_BOT_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_BOT_TOKEN'],
        message: 'must be unset when the OAuth settings are given: a bot token serves one workspace, OAuth installs serve many',
      });
    }
    if (env.SLACK_APP_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_APP_TOKEN'], message: 'must be unset for an OAuth install: installs to many workspaces are served over HTTP' });
    }
    // `when`: run even when a field above is malformed, so the operator sees every problem at once.
  }, { when: () => true });

const HINTS: Record<string, string> = {
  SLACK_SIGNING_SECRET: "copy it from your Slack app's Basic Information → App Credentials → Signing Secret",
  SLACK_BOT_TOKEN:
    'for one workspace: install the app and copy OAuth & Permissions → Bot User OAuth Token (xoxb-…); for many: leave it unset and set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET',
  SLACK_CLIENT_ID: "copy it from your Slack app's Basic Information → App Credentials → Client ID",
  SLACK_CLIENT_SECRET: "copy it from your Slack app's Basic Information → App Credentials → Client Secret",
  SLACK_STATE_SECRET: 'any long random string (e.g. `openssl rand -hex 32`); it signs the OAuth state',
  TOKEN_ENCRYPTION_KEY: 'generate one with `openssl rand -hex 32`, and keep it as safe as the database backups',
  SLACK_APP_TOKEN: 'create one under Basic Information → App-Level Tokens with the connections:write scope, or leave it unset for HTTP mode',
  SLACK_API_URL: 'leave it unset for https://slack.com/api/, or give the full base URL of a proxy or GovSlack',
  DATABASE_URL: 'leave it unset for the embedded database under ./data, or use postgresql://user:pass@host:5432/db',
  PORT: 'use a port number such as 3000',
  LOG_LEVEL: `use one of ${LOG_LEVELS.join(', ')}`,
  DEFAULT_TIMEZONE: 'use an IANA name such as America/New_York or Europe/Berlin',
  MAX_COUNT_PER_ENTRY: 'use a whole number from 1 to 1000000 (default 1000)',
  BACKFILL_DAYS: 'use a whole number of days from 1 to 366 (default 7)',
  API_RATE_LIMIT_PER_MINUTE: 'use a whole number of requests per minute from 1 to 100000 (default 60)',
};

export type BaseConfig = {
  databaseUrl: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  defaultTimezone: string;
  maxCountPerEntry: number;
  backfillDays: number;
  /** Phone-system webhook requests each token may make per minute (per process). */
  apiRateLimitPerMinute: number;
};

/** Many workspaces: each installs the app through `/slack/install`; their tokens live in the database. */
export type OAuthConfig = { clientId: string; clientSecret: string; stateSecret: string };

export type SlackConfig = {
  signingSecret: string | undefined;
  /** One workspace: its bot token. Unset when `oauth` is set. */
  botToken: string | undefined;
  oauth: OAuthConfig | undefined;
  /** Seals the bot tokens OAuth installs store; unset, they are stored as they are. */
  tokenEncryptionKey: Buffer | undefined;
  appToken: string | undefined;
  apiUrl: string;
  port: number;
  host: string | undefined;
};

export type AppConfig = BaseConfig & { slack: SlackConfig };

/** Thrown when settings are missing or malformed; `message` is meant for the operator as is. */
export class ConfigError extends Error {
  readonly code = 'config_invalid';
  constructor(readonly problems: string[]) {
    super(`dialbot cannot start; fix these settings (in .env or the environment):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function parse<S extends z.ZodType>(schema: S, env: Env): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = new Map<string, string>();
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? 'environment');
    if (problems.has(name)) continue;
    const value = env[name];
    const message = issue.code === 'custom' || value !== undefined ? issue.message : 'is missing';
    const described = /^(is|must)\b/.test(message) ? message : `is invalid (${message})`;
    const hint = HINTS[name];
    problems.set(name, `${name} ${described}${hint ? ` — ${hint}` : ''}`);
  }
  throw new ConfigError([...problems.values()]);
}

export function readBaseConfig(env: Env = process.env): BaseConfig {
  const base = parse(baseSchema, env);
  return {
    databaseUrl: base.DATABASE_URL,
    logLevel: base.LOG_LEVEL,
    defaultTimezone: base.DEFAULT_TIMEZONE,
    maxCountPerEntry: base.MAX_COUNT_PER_ENTRY,
    backfillDays: base.BACKFILL_DAYS,
    apiRateLimitPerMinute: base.API_RATE_LIMIT_PER_MINUTE,
  };
}

export function readAppConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  let base: BaseConfig | undefined;
  let slack: z.output<typeof slackSchema> | undefined;
  try {
    base = readBaseConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  try {
    slack = parse(slackSchema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  if (!base || !slack) throw new ConfigError(problems);
  return {
    ...base,
    slack: {
      signingSecret: slack.SLACK_SIGNING_SECRET,
      botToken: slack.SLACK_BOT_TOKEN,
      oauth: slack.SLACK_CLIENT_ID
        ? { clientId: slack.SLACK_CLIENT_ID, clientSecret: slack.SLACK_CLIENT_SECRET as string, stateSecret: slack.SLACK_STATE_SECRET as string }
        : undefined,
      tokenEncryptionKey: slack.TOKEN_ENCRYPTION_KEY,
      appToken: slack.SLACK_APP_TOKEN,
      apiUrl: slack.SLACK_API_URL,
      port: slack.PORT,
      host: slack.HOST,
    },
  };
}

/** Loads `.env` from the working directory into the environment, if there is one (Node's own parser). */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
