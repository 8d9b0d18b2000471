// Stores a phone system's batch for the team its token belongs to: each item's user (a Slack id,
// or an email looked up once per batch) must be on that team, its day within the backfill window
// in the rep's zone; a dial reported connected for long enough also counts a conversation. Each
// item is one entry keyed by the team and its externalId, so a replayed item stores nothing new.
import type { ApiToken, Member, PrismaClient } from '../../generated/prisma/client.js';
import { isUserError } from '../../lib/errors.js';
import type { KindCounts } from '../../lib/kinds.js';
import { localDate } from '../../lib/time.js';
import { CONNECTED, type BatchItem, type BatchUser, type ItemError } from '../../api/activity-batch.js';
import { checkEntryDate } from './entry-date.js';
import { logActivity } from './log-activity.js';

export const API_ACTIVITIES_RECEIVED = 'api.activities_received';

export type ApiItemResult =
  | { index: number; externalId: string; status: 'stored' | 'duplicate'; entryId: string }
  | { index: number; externalId: string | undefined; status: 'rejected'; error: string };

/** Slack's directory by email: the user id, null when no user has it; throws when Slack could not say. */
export type EmailDirectory = (email: string) => Promise<string | null>;

export type LogApiActivitiesInput = {
  token: ApiToken;
  items: readonly BatchItem[];
  /** Items already refused by validation; reported in index order with the rest. */
  invalid: readonly ItemError[];
  userIdForEmail: EmailDirectory;
  backfillDays: number;
  now: Date;
};

export type LoggedApiBatch = {
  results: ApiItemResult[];
  /** Members who got a new entry (their App Home is out of date). */
  updated: Member[];
};

class ItemRejected extends Error {}

/** The request key of an item: per team, so two teams' phone systems cannot collide. */
export const apiRequestKey = (teamId: string, externalId: string) => `api:${teamId}:${externalId}`;

export function countsFor(item: BatchItem, connectedCallSeconds: number): KindCounts {
  const counts: KindCounts = { [item.kind]: item.count };
  if (item.kind === 'dial' && item.outcome === CONNECTED && (item.durationSeconds ?? 0) >= connectedCallSeconds) counts.conversation = 1;
  return counts;
}

export async function logApiActivities(prisma: PrismaClient, input: LogApiActivitiesInput): Promise<LoggedApiBatch> {
  const { token, now } = input;
  const team = await prisma.team.findUniqueOrThrow({ where: { id: token.teamId }, select: { name: true, connectedCallSeconds: true } });
  // One lookup per distinct email or user id per batch.
  const emails = new Map<string, Promise<string | null>>();
  const members = new Map<string, Promise<Member | null>>();

  const memberFor = async (user: BatchUser): Promise<Member> => {
    let slackUserId: string | null;
    if ('email' in user) {
      if (!emails.has(user.email)) emails.set(user.email, input.userIdForEmail(user.email));
      try {
        slackUserId = await emails.get(user.email)!;
      } catch {
        throw new ItemRejected(`Slack could not look up ${user.email} just now; send this item again`);
      }
      if (slackUserId === null) throw new ItemRejected(`no Slack user has the email ${user.email}`);
    } else {
      slackUserId = user.slackUserId;
    }
    const id = slackUserId;
    if (!members.has(id)) members.set(id, prisma.member.findUnique({ where: { workspaceId_slackUserId: { workspaceId: token.workspaceId, slackUserId: id } } }));
    const member = await members.get(id)!;
    const named = 'email' in user ? `${user.email} (${id})` : id;
    if (!member || member.teamId !== token.teamId) throw new ItemRejected(`user ${named} is not on the team “${team.name}” this token logs for`);
    return member;
  };

  const results: ApiItemResult[] = input.invalid.map((e) => ({ index: e.index, externalId: e.externalId, status: 'rejected', error: e.error }));
  const updated = new Map<string, Member>();
  for (const item of input.items) {
    try {
      const member = await memberFor(item.user);
      // A little ahead of our clock is allowed (validation bounds it); the entry is stored as now.
      const occurredAt = item.occurredAt.getTime() > now.getTime() ? now : item.occurredAt;
      checkEntryDate(localDate(occurredAt, member.timezone), now, member.timezone, input.backfillDays);
      const entry = await logActivity(prisma, {
        workspaceId: token.workspaceId,
        memberId: member.id,
        counts: countsFor(item, team.connectedCallSeconds),
        occurredAt,
        source: 'api',
        authorUserId: null,
        note: undefined,
        requestKey: apiRequestKey(token.teamId, item.externalId),
        now,
      });
      if (!entry.duplicate) updated.set(member.id, member);
      results.push({ index: item.index, externalId: item.externalId, status: entry.duplicate ? 'duplicate' : 'stored', entryId: entry.entryId });
    } catch (error) {
      // The only user error left to meet is the backfill window's.
      const message = error instanceof ItemRejected ? error.message : isUserError(error) ? `occurredAt: ${error.message}` : undefined;
      if (message === undefined) throw error;
      results.push({ index: item.index, externalId: item.externalId, status: 'rejected', error: message });
    }
  }
  results.sort((a, b) => a.index - b.index);

  const stored = results.flatMap((r) => (r.status === 'stored' ? [r.entryId] : []));
  if (stored.length > 0) {
    // Which token logged which entries (entries themselves have no author).
    await prisma.auditEvent.create({
      data: {
        workspaceId: token.workspaceId,
        action: API_ACTIVITIES_RECEIVED,
        subjectType: 'api_token',
        subjectId: token.id,
        data: { teamId: token.teamId, entryIds: stored, duplicates: results.filter((r) => r.status === 'duplicate').length, rejected: results.filter((r) => r.status === 'rejected').length },
        createdAt: now,
      },
    });
  }
  return { results, updated: [...updated.values()] };
}
