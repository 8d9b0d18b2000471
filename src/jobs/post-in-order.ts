// Posts a run's messages to one channel, in order, each as its own delivery: a resumed run skips
// the parts already sent, and parts are spaced for chat.postMessage's ~1 message/s per channel.
import type { Reply } from '../blocks/activity-replies.js';
import type { JobRun } from '../generated/prisma/client.js';
import { sendWithCharts } from '../slack/upload-chart.js';
import { deliver } from './claim.js';
import type { SlotDeps } from './job.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with how many messages were sent now (parts sent by an earlier attempt not counted). */
export async function postInOrder(deps: SlotDeps, run: JobRun, channel: string, messages: readonly Reply[]): Promise<number> {
  let sent = 0;
  for (const [index, message] of messages.entries()) {
    const result = await deliver(
      deps.prisma,
      run,
      `channel:${channel}:part:${index + 1}`,
      async () => {
        if (sent > 0) await sleep(deps.postIntervalMs ?? 1100);
        const response = await sendWithCharts(
          message.blocks,
          (blocks) => deps.client.chat.postMessage({ token: deps.botToken, channel, text: message.text, blocks, unfurl_links: false }),
          deps.logger,
        );
        return response.ts === undefined ? {} : { ts: response.ts };
      },
      deps.clock,
    );
    if (result.status === 'sent') sent++;
  }
  return sent;
}
