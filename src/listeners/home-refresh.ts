// Refreshes a rep's App Home after they log, debounced: a burst of entries publishes once, a few
// seconds after the last. At most MAX_CONCURRENT refreshes run at once, so a whole team logging
// in the same minute queues in the background instead of crowding out commands. Timers are per
// process; a refresh lost to a restart only means the tab updates the next time it is opened.
import type { WebClient } from '@slack/web-api';
import type { Member } from '../generated/prisma/client.js';
import type { Logger } from '../lib/logger.js';

export const HOME_REFRESH_DELAY_MS = 3000;
const MAX_CONCURRENT = 2;

export type HomeRefresh = {
  /** Asks for `member`'s Home to be republished soon (coalesced with other requests for them). */
  request(member: Member, client: WebClient): void;
  /** Cancels waiting refreshes and resolves when those already publishing are done (shutdown). */
  stop(): Promise<void>;
};

export function debouncedHomeRefresh(
  publish: (member: Member, client: WebClient) => Promise<void>,
  logger: Logger,
  delayMs = HOME_REFRESH_DELAY_MS,
): HomeRefresh {
  const pending = new Map<string, NodeJS.Timeout>();
  // Waiting refreshes by member, oldest first: a member already waiting is not queued twice.
  const queue = new Map<string, () => Promise<void>>();
  const running = new Set<Promise<void>>();
  let stopped = false;
  const next = () => {
    for (const [key, work] of queue) {
      if (stopped || running.size >= MAX_CONCURRENT) return;
      queue.delete(key);
      const done: Promise<void> = work().finally(() => {
        running.delete(done);
        next();
      });
      running.add(done);
    }
  };
  return {
    request(member, client) {
      const key = member.id;
      clearTimeout(pending.get(key));
      const timer = setTimeout(() => {
        pending.delete(key);
        if (!queue.has(key)) queue.set(key, () => publish(member, client).catch((error: unknown) => logger.warn({ err: error, member: member.slackUserId }, 'App Home refresh failed')));
        next();
      }, delayMs);
      timer.unref();
      pending.set(key, timer);
    },
    async stop() {
      stopped = true;
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
      queue.clear();
      await Promise.allSettled([...running]);
    },
  };
}
