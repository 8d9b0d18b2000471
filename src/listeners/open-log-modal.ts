// Opens the "Log activity" modal for a member (from `/dial` or the App Home button).
import type { WebClient } from '@slack/web-api';
import type { Member } from '../generated/prisma/client.js';
import { buildLogModal } from '../blocks/log-modal.js';
import { addDays, localDate } from '../lib/time.js';
import type { ListenerDeps } from './deps.js';

export async function openLogModal(
  deps: ListenerDeps,
  client: WebClient,
  args: { member: Member; triggerId: string; channelId: string | undefined; now: Date },
): Promise<void> {
  const today = localDate(args.now, args.member.timezone);
  await client.views.open({
    trigger_id: args.triggerId,
    view: buildLogModal({
      today,
      earliest: addDays(today, -deps.config.backfillDays),
      maxCount: deps.config.maxCountPerEntry,
      channelId: args.channelId,
    }),
  });
}
