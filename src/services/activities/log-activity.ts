// Stores one entry: a row per kind, all sharing an entry id. A request key (Slack's trigger id,
// the modal's view id) makes retries and double submits store nothing new. Every entry stored is
// then checked for flags (a retry checks again, so a failure between the two heals).
import { randomUUID } from 'node:crypto';
import type { ActivitySource, PrismaClient } from '../../generated/prisma/client.js';
import { KINDS, type Kind, type KindCounts } from '../../lib/kinds.js';
import { isUniqueViolation } from '../../db/errors.js';
import { flagEntries } from '../flags/flag-entry.js';

export type LogActivityInput = {
  workspaceId: string;
  memberId: string;
  counts: KindCounts;
  occurredAt: Date;
  source: ActivitySource;
  authorUserId: string | null;
  note: string | undefined;
  /** Identifies the user's request; the same key twice stores one entry. */
  requestKey: string;
  now: Date;
};

export type LoggedEntry = {
  entryId: string;
  counts: KindCounts;
  occurredAt: Date;
  note: string | null;
  /** True when this request had already been stored (a retry or double submit). */
  duplicate: boolean;
};

const keyFor = (requestKey: string, kind: Kind) => `${requestKey}#${kind}`;

async function findEntry(prisma: PrismaClient, requestKey: string): Promise<LoggedEntry | undefined> {
  const rows = await prisma.activity.findMany({ where: { idempotencyKey: { in: KINDS.map((k) => keyFor(requestKey, k)) } } });
  const first = rows[0];
  if (!first) return undefined;
  const counts: KindCounts = {};
  for (const row of rows) counts[row.kind] = row.count;
  return { entryId: first.entryId, counts, occurredAt: first.occurredAt, note: first.note, duplicate: true };
}

export async function logActivity(prisma: PrismaClient, input: LogActivityInput): Promise<LoggedEntry> {
  const entry = await storeEntry(prisma, input);
  await flagEntries(prisma, [entry.entryId], input.now);
  return entry;
}

async function storeEntry(prisma: PrismaClient, input: LogActivityInput): Promise<LoggedEntry> {
  const previous = await findEntry(prisma, input.requestKey);
  if (previous) return previous;

  const entryId = randomUUID();
  const kinds = KINDS.filter((kind) => (input.counts[kind] ?? 0) > 0);
  try {
    await prisma.$transaction([
      prisma.activity.createMany({
        data: kinds.map((kind) => ({
          entryId,
          workspaceId: input.workspaceId,
          memberId: input.memberId,
          kind,
          count: input.counts[kind]!,
          occurredAt: input.occurredAt,
          loggedAt: input.now,
          source: input.source,
          authorUserId: input.authorUserId,
          note: input.note ?? null,
          idempotencyKey: keyFor(input.requestKey, kind),
        })),
      }),
      prisma.auditEvent.create({
        data: {
          workspaceId: input.workspaceId,
          actorUserId: input.authorUserId,
          action: 'activity.logged',
          subjectType: 'entry',
          subjectId: entryId,
          data: { counts: input.counts, occurredAt: input.occurredAt.toISOString(), source: input.source },
          createdAt: input.now,
        },
      }),
    ]);
  } catch (error) {
    // The same request arrived twice at once: the other one stored it.
    if (isUniqueViolation(error)) {
      const stored = await findEntry(prisma, input.requestKey);
      if (stored) return stored;
    }
    throw error;
  }
  return { entryId, counts: input.counts, occurredAt: input.occurredAt, note: input.note ?? null, duplicate: false };
}
