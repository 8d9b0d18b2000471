import { ConfigError, readAppConfig, readBaseConfig } from '../../../src/config/env.js';

type Env = Record<string, string | undefined>;

const SECRET = 'supersecret-signing-value';
const TOKEN = 'xoxb-111-222-tokenvalue';
const VALID: Env = { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: TOKEN };

/** The ConfigError readAppConfig throws for `env`. */
function configError(env: Env, read: (env: Env) => unknown = readAppConfig): ConfigError {
  try {
    read(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('readAppConfig', () => {
  it('fills in defaults', () => {
    expect(readAppConfig(VALID)).toEqual({
      databaseUrl: undefined,
      logLevel: 'info',
      defaultTimezone: 'UTC',
      maxCountPerEntry: 1000,
      backfillDays: 7,
      apiRateLimitPerMinute: 60,
      slack: {
        signingSecret: SECRET,
        botToken: TOKEN,
        oauth: undefined,
        appToken: undefined,
        apiUrl: 'https://slack.com/api/',
        port: 3000,
        host: undefined,
      },
    });
  });

  it('reads every setting given', () => {
    const config = readAppConfig({
      ...VALID,
      SLACK_APP_TOKEN: 'xapp-1-abc',
      SLACK_API_URL: 'http://127.0.0.1:4000/api/',
      DATABASE_URL: 'postgresql://dialbot:pw@db:5432/dialbot',
      PORT: '8080',
      HOST: '0.0.0.0',
      LOG_LEVEL: 'debug',
      DEFAULT_TIMEZONE: 'Europe/Berlin',
      MAX_COUNT_PER_ENTRY: '500',
      BACKFILL_DAYS: '30',
      API_RATE_LIMIT_PER_MINUTE: '120',
    });
    expect(config).toEqual({
      databaseUrl: 'postgresql://dialbot:pw@db:5432/dialbot',
      logLevel: 'debug',
      defaultTimezone: 'Europe/Berlin',
      maxCountPerEntry: 500,
      backfillDays: 30,
      apiRateLimitPerMinute: 120,
      slack: {
        signingSecret: SECRET,
        botToken: TOKEN,
        oauth: undefined,
        appToken: 'xapp-1-abc',
        apiUrl: 'http://127.0.0.1:4000/api/',
        port: 8080,
        host: '0.0.0.0',
      },
    });
  });

  it('adds the trailing slash SLACK_API_URL needs', () => {
    expect(readAppConfig({ ...VALID, SLACK_API_URL: 'http://localhost:9999/api' }).slack.apiUrl).toBe('http://localhost:9999/api/');
    expect(readAppConfig({ ...VALID, SLACK_API_URL: 'https://slack-gov.com/api/' }).slack.apiUrl).toBe('https://slack-gov.com/api/');
  });

  it('accepts the embedded database URLs', () => {
    expect(readAppConfig({ ...VALID, DATABASE_URL: 'file:./data/db' }).databaseUrl).toBe('file:./data/db');
    expect(readAppConfig({ ...VALID, DATABASE_URL: 'pglite://memory://' }).databaseUrl).toBe('pglite://memory://');
    expect(readAppConfig({ ...VALID, DATABASE_URL: 'postgres://h/db' }).databaseUrl).toBe('postgres://h/db');
  });

  it('names both missing Slack credentials in one error, with a hint each', () => {
    const error = configError({});
    expect(error.problems).toEqual([
      "SLACK_SIGNING_SECRET is missing — copy it from your Slack app's Basic Information → App Credentials → Signing Secret",
      'SLACK_BOT_TOKEN is missing — for one workspace: install the app and copy OAuth & Permissions → Bot User OAuth Token (xoxb-…); for many: leave it unset and set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET',
    ]);
    expect(error.message).toBe(
      'dialbot cannot start; fix these settings (in .env or the environment):\n' +
        "  - SLACK_SIGNING_SECRET is missing — copy it from your Slack app's Basic Information → App Credentials → Signing Secret\n" +
        '  - SLACK_BOT_TOKEN is missing — for one workspace: install the app and copy OAuth & Permissions → Bot User OAuth Token (xoxb-…); for many: leave it unset and set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET',
    );
    expect(error.name).toBe('ConfigError');
    expect(error.code).toBe('config_invalid');
  });

  it('reports missing credentials together with malformed settings', () => {
    const error = configError({ PORT: 'abc', LOG_LEVEL: 'loud' });
    const names = error.problems.map((problem) => problem.split(' ')[0]);
    expect(names).toEqual(expect.arrayContaining(['PORT', 'LOG_LEVEL', 'SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN']));
    expect(names).toHaveLength(4);
  });

  it('Socket Mode makes the signing secret optional', () => {
    const config = readAppConfig({ SLACK_BOT_TOKEN: TOKEN, SLACK_APP_TOKEN: 'xapp-1-A1-abc' });
    expect(config.slack.signingSecret).toBeUndefined();
    expect(config.slack.appToken).toBe('xapp-1-A1-abc');
    // The bot token is still needed.
    expect(configError({ SLACK_APP_TOKEN: 'xapp-1-A1-abc' }).problems).toEqual([
      'SLACK_BOT_TOKEN is missing — for one workspace: install the app and copy OAuth & Permissions → Bot User OAuth Token (xoxb-…); for many: leave it unset and set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET',
    ]);
  });

  const malformed: [string, string, string][] = [
    ['PORT', 'abc', 'PORT must be a whole number from 0 to 65535 — use a port number such as 3000'],
    ['PORT', '70000', 'PORT must be a whole number from 0 to 65535 — use a port number such as 3000'],
    ['PORT', '30.5', 'PORT must be a whole number from 0 to 65535 — use a port number such as 3000'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL is invalid ('],
    ['DEFAULT_TIMEZONE', 'Mars/Base', 'DEFAULT_TIMEZONE is not an IANA time zone — use an IANA name such as America/New_York or Europe/Berlin'],
    ['SLACK_BOT_TOKEN', 'xoxp-123-user-token', 'SLACK_BOT_TOKEN must be a bot token starting with xoxb- — '],
    ['SLACK_APP_TOKEN', 'abc', 'SLACK_APP_TOKEN must be an app-level token starting with xapp- (it turns on Socket Mode) — '],
    ['DATABASE_URL', 'mysql://x', 'DATABASE_URL must start with postgresql:// (a PostgreSQL server), or file: / pglite:// (embedded database) — '],
    ['SLACK_API_URL', 'ftp://x', 'SLACK_API_URL is invalid (Invalid URL) — leave it unset for https://slack.com/api/'],
    ['SLACK_API_URL', 'not a url', 'SLACK_API_URL is invalid (Invalid URL)'],
    ['MAX_COUNT_PER_ENTRY', '0', 'MAX_COUNT_PER_ENTRY is invalid ('],
    ['MAX_COUNT_PER_ENTRY', 'abc', 'MAX_COUNT_PER_ENTRY is invalid ('],
    ['MAX_COUNT_PER_ENTRY', '2000000', 'MAX_COUNT_PER_ENTRY must be a whole number from 1 to 1000000'],
    ['BACKFILL_DAYS', '400', 'BACKFILL_DAYS must be a whole number from 1 to 366 — use a whole number of days from 1 to 366 (default 7)'],
    ['BACKFILL_DAYS', '1.5', 'BACKFILL_DAYS is invalid ('],
  ];

  it.each(malformed)('%s=%j is named as the one problem', (name, value, expected) => {
    const error = configError({ ...VALID, [name]: value });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]!.startsWith(expected)).toBe(true);
    expect(error.message).toContain(`  - ${name} `);
  });

  it('gives the hint for each malformed numeric setting', () => {
    expect(configError({ ...VALID, MAX_COUNT_PER_ENTRY: '0' }).problems[0]).toMatch(/ — use a whole number from 1 to 1000000 \(default 1000\)$/);
    expect(configError({ ...VALID, LOG_LEVEL: 'loud' }).problems[0]).toMatch(/ — use one of fatal, error, warn, info, debug, trace, silent$/);
  });

  it('never repeats secret values in the message', () => {
    const env = {
      SLACK_SIGNING_SECRET: 'supersecret',
      SLACK_BOT_TOKEN: 'xoxp-hunter2-usertoken',
      SLACK_APP_TOKEN: 'appsecret-not-xapp',
      SLACK_CLIENT_SECRET: 'clientsecret',
      DATABASE_URL: 'mysql://root:dbpassword@db/x',
      SLACK_API_URL: 'ftp://user:apipassword@proxy',
      PORT: 'abc',
    };
    const error = configError(env);
    expect(error.problems.map((problem) => problem.split(' ')[0])).toEqual(
      expect.arrayContaining(['PORT', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'DATABASE_URL', 'SLACK_API_URL']),
    );
    for (const secret of ['supersecret', 'hunter2', 'appsecret', 'clientsecret', 'dbpassword', 'apipassword']) {
      expect(error.message).not.toContain(secret);
      expect(error.problems.join('\n')).not.toContain(secret);
    }
  });

  it('treats empty and blank strings as unset', () => {
    const config = readAppConfig({
      ...VALID,
      PORT: '',
      LOG_LEVEL: ' ',
      DEFAULT_TIMEZONE: '',
      MAX_COUNT_PER_ENTRY: '',
      BACKFILL_DAYS: '  ',
      SLACK_API_URL: '',
      SLACK_APP_TOKEN: '',
      DATABASE_URL: '',
      HOST: '',
    });
    expect(config).toEqual(readAppConfig(VALID));
    expect(configError({ SLACK_SIGNING_SECRET: '', SLACK_BOT_TOKEN: '   ' }).problems.map((p) => p.split(' ').slice(0, 3).join(' '))).toEqual([
      'SLACK_SIGNING_SECRET is missing',
      'SLACK_BOT_TOKEN is missing',
    ]);
  });

  it('trims surrounding whitespace from values', () => {
    const config = readAppConfig({ SLACK_SIGNING_SECRET: ` ${SECRET}\n`, SLACK_BOT_TOKEN: ` ${TOKEN} `, PORT: ' 8080 ' });
    expect(config.slack.signingSecret).toBe(SECRET);
    expect(config.slack.botToken).toBe(TOKEN);
    expect(config.slack.port).toBe(8080);
  });

  describe('OAuth installs to many workspaces', () => {
    const OAUTH: Env = { SLACK_SIGNING_SECRET: SECRET, SLACK_CLIENT_ID: '111.222', SLACK_CLIENT_SECRET: 'client-secret-value', SLACK_STATE_SECRET: 'state-secret-0123456789' };

    it('reads the three settings, with no bot token', () => {
      const { slack } = readAppConfig(OAUTH);
      expect(slack.botToken).toBeUndefined();
      expect(slack.oauth).toEqual({ clientId: '111.222', clientSecret: 'client-secret-value', stateSecret: 'state-secret-0123456789' });
    });

    it('names each missing OAuth setting when only some are given', () => {
      const error = configError({ SLACK_SIGNING_SECRET: SECRET, SLACK_CLIENT_ID: '111.222' });
      expect(error.problems.map((p) => p.split(' ')[0])).toEqual(['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET']);
      expect(error.problems[0]).toMatch(/^SLACK_CLIENT_SECRET is missing: an OAuth install needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET \(SLACK_CLIENT_ID given\)/);
    });

    it('refuses a bot token or Socket Mode beside OAuth, and a short state secret', () => {
      const error = configError({ ...OAUTH, SLACK_BOT_TOKEN: TOKEN, SLACK_APP_TOKEN: 'xapp-1-abc', SLACK_STATE_SECRET: 'short' });
      expect(error.problems.map((p) => p.split(' ').slice(0, 4).join(' '))).toEqual([
        'SLACK_STATE_SECRET must be at',
        'SLACK_BOT_TOKEN must be unset',
        'SLACK_APP_TOKEN must be unset',
      ]);
    });

    it('reads TOKEN_ENCRYPTION_KEY as 32 bytes in hex or base64, and refuses any other length without echoing it', () => {
      const hex = 'ab'.repeat(32);
      expect(readAppConfig({ ...OAUTH, TOKEN_ENCRYPTION_KEY: hex }).slack.tokenEncryptionKey).toEqual(Buffer.from(hex, 'hex'));
      const base64 = Buffer.alloc(32, 7).toString('base64');
      expect(readAppConfig({ ...OAUTH, TOKEN_ENCRYPTION_KEY: base64 }).slack.tokenEncryptionKey).toEqual(Buffer.alloc(32, 7));
      const error = configError({ ...OAUTH, TOKEN_ENCRYPTION_KEY: 'too-short-secret' });
      expect(error.problems).toEqual([expect.stringMatching(/^TOKEN_ENCRYPTION_KEY must be 32 bytes: 64 hex characters or 44 base64 characters — generate one with `openssl rand -hex 32`/)]);
      expect(error.message).not.toContain('too-short-secret');
    });

    it('asks for a bot token or the OAuth settings when neither is given', () => {
      expect(configError({ SLACK_SIGNING_SECRET: SECRET }).problems).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN is missing — for one workspace: .* for many: leave it unset and set SLACK_CLIENT_ID/)]);
    });
  });
});

describe('readBaseConfig', () => {
  it('needs no Slack settings', () => {
    expect(readBaseConfig({})).toEqual({
      databaseUrl: undefined,
      logLevel: 'info',
      defaultTimezone: 'UTC',
      maxCountPerEntry: 1000,
      backfillDays: 7,
      apiRateLimitPerMinute: 60,
    });
  });

  it('ignores bad Slack settings but reports its own', () => {
    expect(readBaseConfig({ PORT: 'abc', SLACK_BOT_TOKEN: 'nope' }).logLevel).toBe('info');
    const error = configError({ LOG_LEVEL: 'loud', DEFAULT_TIMEZONE: 'Mars/Base', PORT: 'abc' }, readBaseConfig);
    expect(error.problems.map((problem) => problem.split(' ')[0])).toEqual(['LOG_LEVEL', 'DEFAULT_TIMEZONE']);
  });
});
