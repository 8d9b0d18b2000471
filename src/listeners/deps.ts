// What every listener may use. Listeners stay thin: parse, authorise, call a service, render, reply.
import type { AppConfig } from '../config/env.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Clock } from '../lib/time.js';
import type { Logger } from '../lib/logger.js';
import type { HomeRefresh } from './home-refresh.js';

export type ListenerDeps = {
  prisma: PrismaClient;
  config: AppConfig;
  clock: Clock;
  logger: Logger;
  /** Republishes a rep's App Home after they log (debounced). */
  homeRefresh: HomeRefresh;
};
