// Refreshes a rep's App Home after they log, debounced: a burst of entries publishes once, a few
// seconds after the last. Timers are per process; a refresh lost to a restart only means the tab
// updates the next time it is opened.
import type { WebClient } from '@slack/web-api';
import type { Member } from '../generated/prisma/client.js';
import type { Logger } from '../lib/logger.js';

export const HOME_REFRESH_DELAY_MS = 3000;

export type HomeRefresh = {
  /** Asks for `member`'s Home to be republished soon (coalesced with other requests for them). */
  request(member: Member, client: WebClient): void;
  /** Cancels pending refreshes (shutdown). */
  stop(): void;
};

export function debouncedHomeRefresh(
  publish: (member: Member, client: WebClient) => Promise<void>,
  logger: Logger,
  delayMs = HOME_REFRESH_DELAY_MS,
): HomeRefresh {
  const pending = new Map<string, NodeJS.Timeout>();
  return {
    request(member, client) {
      const key = member.id;
      clearTimeout(pending.get(key));
      const timer = setTimeout(() => {
        pending.delete(key);
        publish(member, client).catch((error: unknown) => logger.warn({ err: error, member: member.slackUserId }, 'App Home refresh failed'));
      }, delayMs);
      timer.unref();
      pending.set(key, timer);
    },
    stop() {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}
