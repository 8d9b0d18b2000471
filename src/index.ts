// Composition root: config → logger → database (migrated) → Bolt app → HTTP server; and back down.
import { activitiesEndpoint } from './api/activities-endpoint.js';
import { createBoltApp } from './app.js';
import { readAppConfig } from './config/env.js';
import { isDatabaseReady, openDatabase, type Database } from './db/client.js';
import { deployMigrations } from './db/migrate.js';
import { processClaimant } from './jobs/claim.js';
import type { JobDeps } from './jobs/job.js';
import { startScheduler, type Scheduler } from './jobs/scheduler.js';
import { createLogger, type Logger } from './lib/logger.js';
import { systemClock, type Clock } from './lib/time.js';
import { secretBox } from './lib/secret-box.js';
import { botTokensFor } from './slack/bot-tokens.js';
import { sealStoredTokens } from './slack/installation-store.js';
import { closeServer, createHttpServer, listen } from './server.js';

export type Dialbot = {
  port: number;
  db: Database;
  logger: Logger;
  /** What scheduled jobs run with (Bolt's client, this process's clock): `runJob(dialbot.jobs, …)`. */
  jobs: JobDeps;
  /** Stops accepting requests, lets in-flight ones finish, closes Slack and the database. */
  stop(): Promise<void>;
};

export type StartOptions = {
  env?: Record<string, string | undefined>;
  clock?: Clock;
  logger?: Logger;
  /** Run scheduled jobs every minute (default true; tests drive jobs themselves). */
  scheduler?: boolean;
};

/** OAuth bot tokens: sealed if a key is set (those stored before it, now), else a warning. */
async function protectStoredTokens(db: Database, key: Buffer | undefined, logger: Logger): Promise<void> {
  if (!key) {
    logger.warn('TOKEN_ENCRYPTION_KEY is not set: OAuth bot tokens are stored unencrypted in the database');
    return;
  }
  const sealed = await sealStoredTokens(db.prisma, secretBox(key));
  if (sealed > 0) logger.info({ sealed }, 'encrypted bot tokens stored before TOKEN_ENCRYPTION_KEY was set');
}

export async function startDialbot(options: StartOptions = {}): Promise<Dialbot> {
  const config = readAppConfig(options.env);
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const clock = options.clock ?? systemClock;

  const db = await openDatabase(config.databaseUrl);
  try {
    const applied = await deployMigrations(db);
    if (applied.length > 0) logger.info({ applied }, 'database migrated');
    if (config.slack.oauth) await protectStoredTokens(db, config.slack.tokenEncryptionKey, logger);

    const botTokens = botTokensFor(config.slack, db.prisma);
    const { app, httpReceiver, receiverRoutes, homeRefresh, drain, disconnect } = createBoltApp(config, { prisma: db.prisma, config, clock, logger }, botTokens);
    const activities = activitiesEndpoint({
      prisma: db.prisma,
      config,
      clock,
      logger,
      client: app.client,
      botTokens,
      refreshHome: (member) => homeRefresh.request(member, app.client),
    });
    const server = createHttpServer({ receiver: httpReceiver, receiverRoutes, isReady: () => isDatabaseReady(db.prisma), activities, logger });
    const port = await listen(server, config.slack.port, config.slack.host);
    if (!httpReceiver) await app.start(); // Socket Mode: connect the websocket
    const jobs: JobDeps = { prisma: db.prisma, client: app.client, botTokens, logger, clock, defaultTimezone: config.defaultTimezone, claimedBy: processClaimant() };
    const scheduler: Scheduler | undefined = options.scheduler === false ? undefined : startScheduler(jobs);
    logger.info(
      { port, mode: httpReceiver ? 'http' : 'socket', workspaces: config.slack.oauth ? 'oauth' : 'single', database: db.target.kind, slackApiUrl: config.slack.apiUrl },
      'dialbot is ready',
    );

    let stopping: Promise<void> | undefined;
    return {
      port,
      db,
      logger,
      jobs,
      stop() {
        stopping ??= (async () => {
          logger.info('shutting down: draining in-flight requests');
          await scheduler?.stop(); // lets a tick in progress finish its slot
          await closeServer(server);
          await disconnect();
          await drain();
          await db.close();
          logger.info('stopped');
        })();
        return stopping;
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
