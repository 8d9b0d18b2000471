// The debounced App Home refresh: a burst per member publishes once, at most two publish at a
// time, and stop() waits for those publishing.
import type { WebClient } from '@slack/web-api';
import type { Member } from '../../../src/generated/prisma/client.js';
import { debouncedHomeRefresh } from '../../../src/listeners/home-refresh.js';
import { createLogger } from '../../../src/lib/logger.js';

const member = (id: string) => ({ id, slackUserId: `U${id}` }) as Member;
const client = {} as WebClient;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('debouncedHomeRefresh', () => {
  it('coalesces a member’s burst, runs at most two publishes at once, and stop() waits for them', async () => {
    const started: string[] = [];
    const finished: string[] = [];
    let concurrent = 0;
    let peak = 0;
    const release: Array<() => void> = [];
    const refresh = debouncedHomeRefresh(
      async (m) => {
        started.push(m.id);
        peak = Math.max(peak, ++concurrent);
        await new Promise<void>((resolve) => release.push(resolve));
        concurrent--;
        finished.push(m.id);
      },
      createLogger({ level: 'silent' }),
      5,
    );
    for (const id of ['a', 'b', 'a', 'c', 'd', 'a']) refresh.request(member(id), client);
    await sleep(30);
    expect(started).toEqual(['b', 'c']); // a was asked again last, so its timer fired last
    release.shift()!();
    await sleep(5);
    expect(started).toEqual(['b', 'c', 'd']);
    const stopping = refresh.stop();
    let stopped = false;
    void stopping.then(() => (stopped = true));
    await sleep(5);
    expect(stopped).toBe(false); // c and d are still publishing
    release.splice(0).forEach((r) => r());
    await stopping;
    expect(finished.sort()).toEqual(['b', 'c', 'd']);
    expect(started).not.toContain('a'); // queued when stop() came: dropped
    expect(peak).toBe(2);
  });
});
