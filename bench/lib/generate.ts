// Bench data, written in SQL (generate_series) into a migrated schema, in the shapes the app writes:
// one workspace; `teams` teams of equal size, each with a manager (TeamManager) and a team goal
// plan; reps spread over three timezones; activities spread over the 8 weeks before `now` during
// the working day, mostly dials, ~2% voided. Ids are uuid-shaped and derived from a number, so
// every row can name its member without a join.
import { createHash } from 'node:crypto';
import pg from 'pg';

export type DataSize = { teams: number; reps: number; activities: number; zones?: readonly string[] };

export const WORKSPACE_ID = 'TBENCH';
export const ZONES = ['America/New_York', 'America/Chicago', 'Europe/London'] as const;

/** A uuid from a name: what the generated rows use for ids (`${kind}-${n}`). */
const idSql = (expr: string) => `uuid_in(md5(${expr})::cstring)::text`;

export async function generateData(client: pg.Client, size: DataSize, now: Date): Promise<void> {
  const perTeam = Math.ceil(size.reps / size.teams);
  const nowIso = now.toISOString();
  await client.query('BEGIN');
  await client.query(`INSERT INTO "Workspace" (id, name, "updatedAt") VALUES ($1, 'Bench', now())`, [WORKSPACE_ID]);
  await client.query(
    `INSERT INTO "Team" (id, "workspaceId", name, timezone, "isDefault", "updatedAt")
     SELECT ${idSql(`'team-' || t`)}, $1, 'Team ' || t, 'America/New_York', t = 1, now() FROM generate_series(1, $2::int) t`,
    [WORKSPACE_ID, size.teams],
  );
  // Reps 1…reps; rep r is on team 1 + (r - 1) / perTeam. Then one manager per team (not measured).
  await client.query(
    `INSERT INTO "Member" (id, "workspaceId", "slackUserId", "displayName", timezone, role, "teamId", "updatedAt")
     SELECT ${idSql(`'rep-' || r`)}, $1, 'UREP' || r, 'Rep ' || lpad(r::text, 6, '0'), ($4::text[])[1 + r % cardinality($4::text[])], 'rep',
            ${idSql(`'team-' || (1 + (r - 1) / $3::int)`)}, now()
     FROM generate_series(1, $2::int) r`,
    [WORKSPACE_ID, size.reps, perTeam, size.zones ?? ZONES],
  );
  await client.query(
    `INSERT INTO "Member" (id, "workspaceId", "slackUserId", "displayName", timezone, role, "teamId", "updatedAt")
     SELECT ${idSql(`'manager-' || t`)}, $1, 'UMGR' || t, 'Manager ' || t, 'America/New_York', 'manager', ${idSql(`'team-' || t`)}, now()
     FROM generate_series(1, $2::int) t`,
    [WORKSPACE_ID, size.teams],
  );
  await client.query(
    `INSERT INTO "TeamManager" ("teamId", "memberId") SELECT ${idSql(`'team-' || t`)}, ${idSql(`'manager-' || t`)} FROM generate_series(1, $1::int) t`,
    [size.teams],
  );
  // $100k/month at $10k deals, 50% close, 50%, 33%, 33%: the README's example plan.
  await client.query(
    `INSERT INTO "GoalPlan" (id, "teamId", "effectiveFrom", "revenueTarget", "averageDealSize", "closeRate",
       "presentationToOpportunity", "conversationToPresentation", "dialToConversation", "createdBy")
     SELECT ${idSql(`'plan-' || t`)}, ${idSql(`'team-' || t`)}, to_char($2::timestamptz - interval '70 days', 'YYYY-MM-DD'), 100000, 10000, 0.5, 0.5, 0.33, 0.33, 'UMGR' || t
     FROM generate_series(1, $1::int) t`,
    [size.teams, nowIso],
  );
  // Activity a belongs to rep 1 + a % reps, at a random instant of the 56 days before now (08:00–18:00 UTC).
  await client.query(
    `INSERT INTO "Activity" (id, "entryId", "workspaceId", "memberId", kind, count, "occurredAt", "loggedAt", source, "authorUserId", "idempotencyKey", "voidedAt", "voidedBy")
     SELECT ${idSql(`'activity-' || a`)}, ${idSql(`'entry-' || a`)}, $1, ${idSql(`'rep-' || (1 + a % $3::int)`)}, k.kind, k.count, at, at, 'slash', 'UREP' || (1 + a % $3::int),
            'bench-' || a || '#' || k.kind,
            CASE WHEN r.voided THEN r.at + interval '5 minutes' END, CASE WHEN r.voided THEN 'UREP' || (1 + a % $3::int) END
     FROM generate_series(1, $2::int) a,
          LATERAL (SELECT date_trunc('day', $4::timestamp - (random() * 55 + 0 * a)::int * interval '1 day') + interval '8 hours' + random() * interval '10 hours' AS day_at,
                          random() AS roll, random() < 0.02 AS voided) d,
          LATERAL (SELECT CASE WHEN d.day_at > $4::timestamp THEN d.day_at - interval '1 day' ELSE d.day_at END AS at, d.roll, d.voided) r,
          LATERAL (SELECT CASE WHEN r.roll < 0.7 THEN 'dial' WHEN r.roll < 0.9 THEN 'conversation' WHEN r.roll < 0.96 THEN 'presentation' WHEN r.roll < 0.99 THEN 'opportunity' ELSE 'close' END::"ActivityKind" AS kind,
                              CASE WHEN r.roll < 0.7 THEN 1 + (random() * 30)::int ELSE 1 + (random() * 3)::int END AS count) k
`,
    [WORKSPACE_ID, size.activities, size.reps, nowIso.replace('Z', '')],
  );
  await client.query('COMMIT');
  await client.query('ANALYZE');
}

/** The id a generated row got from `name` (e.g. `team-1`): the same uuid as idSql makes. */
export function benchId(name: string): string {
  const hex = createHash('md5').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
