// Shared by `/dial` and the modal: store an entry for a member and build the reply they see.
import type { WebClient } from '@slack/web-api';
import type { ActivitySource, Member } from '../generated/prisma/client.js';
import type { KindCounts } from '../lib/kinds.js';
import type { LocalDate } from '../lib/time.js';
import { loggedReply, type Reply } from '../blocks/activity-replies.js';
import { checkEntryDate, describeEntryDate, occurredAtFor } from '../services/activities/entry-date.js';
import { logActivity } from '../services/activities/log-activity.js';
import { repProgress } from '../services/progress/rep-progress.js';
import { actualCounts } from '../blocks/progress.js';
import type { ListenerDeps } from './deps.js';

export type EntryRequest = {
  member: Member;
  counts: KindCounts;
  date: LocalDate;
  note: string | undefined;
  source: ActivitySource;
  requestKey: string;
  now: Date;
  /** Slack client of the request: the rep's App Home is refreshed through it. */
  client: WebClient;
};

export async function logEntryAndReply(deps: ListenerDeps, request: EntryRequest): Promise<Reply> {
  const { member, now } = request;
  checkEntryDate(request.date, now, member.timezone, deps.config.backfillDays);
  const entry = await logActivity(deps.prisma, {
    workspaceId: member.workspaceId,
    memberId: member.id,
    counts: request.counts,
    occurredAt: occurredAtFor(request.date, now, member.timezone),
    source: request.source,
    authorUserId: member.slackUserId,
    note: request.note,
    requestKey: request.requestKey,
    now,
  });
  deps.logger.info({ entryId: entry.entryId, member: member.slackUserId, duplicate: entry.duplicate, source: request.source }, 'activity logged');
  if (!entry.duplicate) deps.homeRefresh.request(member, request.client);
  // Today's and this week's progress against target (plain totals until a goal is set).
  const progress = await repProgress(deps.prisma, member, now);
  return loggedReply({
    counts: entry.counts,
    dateLabel: describeEntryDate(request.date, now, member.timezone),
    note: entry.note,
    totals: { today: actualCounts(progress.day), week: actualCounts(progress.week) },
    duplicate: entry.duplicate,
    progress,
  });
}
