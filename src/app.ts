// Builds the Bolt App: HTTP (one signed endpoint) or Socket Mode, one workspace's bot token,
// every Slack call through Bolt's own WebClient (its retries and rate-limit queue included).
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, type Authorize, type Logger as BoltLogger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { AppConfig } from './config/env.js';
import type { Logger } from './lib/logger.js';
import type { ListenerDeps } from './listeners/deps.js';
import { registerListeners } from './listeners/index.js';

export const EVENTS_PATH = '/slack/events';

/** Bolt's logger interface over pino, so every log line is JSON. */
function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  const join = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
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

export type BoltParts = { app: App; httpReceiver: HTTPReceiver | undefined };

export function createBoltApp(config: AppConfig, deps: ListenerDeps): BoltParts {
  const logger = boltLogger(deps.logger);
  const clientOptions = { slackApiUrl: config.slack.apiUrl };
  // Bolt's own client, reached lazily because the App does not exist yet.
  const authorize = singleTokenAuthorize(() => app.client, config.slack.botToken);

  let httpReceiver: HTTPReceiver | undefined;
  let receiver: HTTPReceiver | SocketModeReceiver;
  if (config.slack.appToken) {
    receiver = new SocketModeReceiver({ appToken: config.slack.appToken, logger, installerOptions: { clientOptions } });
  } else {
    httpReceiver = new HTTPReceiver({
      signingSecret: config.slack.signingSecret as string,
      endpoints: EVENTS_PATH,
      logger,
      // Slack payloads are small; refuse anything larger than Slack would ever send.
      bodyLimit: 1024 * 1024,
    });
    receiver = httpReceiver;
  }

  const app = new App({ receiver, authorize, logger, clientOptions });
  app.error(async (error) => {
    deps.logger.error({ err: error.original ?? error, code: error.code }, 'unhandled error in a listener');
  });
  registerListeners(app, deps);
  return { app, httpReceiver };
}
