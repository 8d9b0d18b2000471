// Builds the Bolt App: HTTP (one signed endpoint) or Socket Mode; one workspace's bot token, or
// OAuth installs to many workspaces (HTTP only); every Slack call through Bolt's own WebClient
// (its retries and rate-limit queue included).
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, type Authorize, type Logger as BoltLogger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { AppConfig } from './config/env.js';
import type { Logger } from './lib/logger.js';
import type { ListenerDeps } from './listeners/deps.js';
import { debouncedHomeRefresh, type HomeRefresh } from './listeners/home-refresh.js';
import { registerListeners } from './listeners/index.js';
import { publishHome } from './listeners/publish-home.js';
import { BODY_LIMIT_BYTES } from './server.js';
import { secretBox } from './lib/secret-box.js';
import type { BotTokens } from './slack/bot-tokens.js';
import { INSTALL_PATH, oauthReceiverOptions, REDIRECT_PATH } from './slack/oauth.js';

export const EVENTS_PATH = '/slack/events';

/**
 * Credentials as they appear in the Web API client's debug lines (request bodies, headers): Slack
 * tokens, and the OAuth client secret sent to `oauth.v2.access`.
 */
const CREDENTIALS = [/\b(xox[a-z]-|xapp-)[\w-]+/g, /("client_secret"\s*:\s*")[^"]*/g, /(client_secret=)[^&\s"]*/g];

export function scrubCredentials(line: string): string {
  return CREDENTIALS.reduce((text, pattern) => text.replace(pattern, '$1[redacted]'), line);
}

/** Bolt's logger interface over pino, so every log line is JSON (and carries no credential). */
function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  const join = (msg: unknown[]) => scrubCredentials(msg.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' '));
  return {
    debug: (...msg) => child.debug(join(msg)),
    info: (...msg) => child.info(join(msg)),
    warn: (...msg) => child.warn(join(msg)),
    error: (...msg) => child.error(join(msg)),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}

/**
 * Single-workspace authorisation: `auth.test` once, cached on success and retried on failure
 * (Bolt's built-in version would cache a failure from start-up forever).
 */
function singleTokenAuthorize(client: () => WebClient, botToken: string): Authorize<boolean> {
  let identity: Promise<{ botId?: string; botUserId?: string; teamId?: string }> | undefined;
  return async () => {
    identity ??= client()
      .auth
      .test({ token: botToken })
      .then((r) => ({ botId: r.bot_id, botUserId: r.user_id, teamId: r.team_id }))
      .catch((error: unknown) => {
        identity = undefined;
        throw error;
      });
    return { botToken, ...(await identity) };
  };
}

export type BoltParts = {
  app: App;
  httpReceiver: HTTPReceiver | undefined;
  /** What the HTTP receiver serves, as `METHOD /path`: Slack's events endpoint, and the install routes under OAuth. */
  receiverRoutes: string[];
  /** Republishes App Homes after entries are logged; outside a Slack request, pass `app.client`. */
  homeRefresh: HomeRefresh;
  /** Cancels pending App Home refreshes; closes the Socket Mode connection (if any) and resolves once it is closed. */
  disconnect(): Promise<void>;
  /** Resolves when every listener already running has finished (work after ack included), or after `graceMs`. */
  drain(graceMs?: number): Promise<void>;
};

/** `botTokens`: each workspace's token, for Home refreshes outside a Slack request (the jobs' source too). */
export function createBoltApp(config: AppConfig, base: Omit<ListenerDeps, 'homeRefresh'>, botTokens: BotTokens): BoltParts {
  // The member is read again when the refresh runs: seconds later their team or profile may have changed.
  // The workspace's bot token goes with every call: Bolt's own client (used outside requests) holds none.
  const homeRefresh = debouncedHomeRefresh(async (member, client) => {
    const current = await base.prisma.member.findUnique({ where: { id: member.id } });
    const token = current ? await botTokens(current.workspaceId) : undefined;
    if (current && token) await publishHome(deps, client, current, base.clock(), 'week', token);
  }, base.logger);
  const deps: ListenerDeps = { ...base, homeRefresh };
  const logger = boltLogger(deps.logger);
  const clientOptions = { slackApiUrl: config.slack.apiUrl };
  const { botToken, oauth } = config.slack;
  // Bolt's own client, reached lazily because the App does not exist yet.
  const client = () => app.client;

  let httpReceiver: HTTPReceiver | undefined;
  let socketReceiver: SocketModeReceiver | undefined;
  let receiver: HTTPReceiver | SocketModeReceiver;
  if (config.slack.appToken) {
    // A copy: the Socket Mode client writes its own retry policy into the options it is given.
    socketReceiver = new SocketModeReceiver({ appToken: config.slack.appToken, logger, installerOptions: { clientOptions: { ...clientOptions } } });
    receiver = socketReceiver;
  } else {
    httpReceiver = new HTTPReceiver({
      signingSecret: config.slack.signingSecret as string,
      endpoints: EVENTS_PATH,
      logger,
      bodyLimit: BODY_LIMIT_BYTES,
      ...(oauth ? oauthReceiverOptions(oauth, { prisma: deps.prisma, logger: deps.logger, clock: deps.clock, apiUrl: config.slack.apiUrl, client, box: secretBox(config.slack.tokenEncryptionKey) }) : {}),
    });
    receiver = httpReceiver;
  }

  // Under OAuth, Bolt authorises each request with the installer's store; else with the one token.
  const app = new App({ receiver, logger, clientOptions, ...(botToken ? { authorize: singleTokenAuthorize(client, botToken) } : {}) });

  // Listeners keep working after they ack (replies, DMs); shutdown waits for them.
  const inFlight = new Set<Promise<void>>();
  app.use(async ({ next }) => {
    const work = next();
    inFlight.add(work);
    try {
      await work;
    } finally {
      inFlight.delete(work);
    }
  });

  app.error(async (error) => {
    deps.logger.error({ err: error.original ?? error, code: error.code }, 'unhandled error in a listener');
  });
  registerListeners(app, deps);
  return {
    app,
    httpReceiver,
    receiverRoutes: [`POST ${EVENTS_PATH}`, ...(oauth ? [`GET ${INSTALL_PATH}`, `GET ${REDIRECT_PATH}`] : [])],
    homeRefresh,
    async disconnect() {
      await homeRefresh.stop();
      if (!socketReceiver) return;
      // Bolt's stop() returns before the socket is closed; wait for the client to say so.
      const closed = new Promise<void>((resolve) => {
        socketReceiver.client.once('disconnected', () => resolve());
        setTimeout(resolve, 5000).unref();
      });
      await app.stop();
      await closed;
    },
    drain: async (graceMs = 20_000) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          if (inFlight.size > 0) deps.logger.warn({ inFlight: inFlight.size }, 'shutdown grace period over; abandoning unfinished work');
          resolve();
        }, graceMs);
      });
      await Promise.race([Promise.allSettled([...inFlight]), timeout]);
      clearTimeout(timer);
    },
  };
}
