// Exactly-once slots against a real (embedded) database: claim, done, busy, stale takeover, and
// deliveries that skip what was sent and resume what was not.
import { openDatabase, type Database } from '../../../src/db/client.js';
import { deployMigrations } from '../../../src/db/migrate.js';
import { hostname } from 'node:os';
import { spawnSync } from 'node:child_process';
import { ClaimLostError, claimSlot, deliver, finishRun, isDeadLocalClaimant, releaseRun } from '../../../src/jobs/claim.js';

const T0 = new Date('2026-12-04T21:30:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describe('claimSlot and deliver', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase('pglite://memory://');
    await deployMigrations(db);
  }, 60_000);
  afterAll(() => db.close());

  const claim = (slot: string, claimedBy: string, now: Date, leaseMs?: number) =>
    claimSlot(db.prisma, { slot, job: 'daily-progress', teamId: null, claimedBy, now, ...(leaseMs === undefined ? {} : { leaseMs }) });

  it('claims a new slot once; a second claimant is busy while the lease holds; a finished slot is done', async () => {
    const first = await claim('s:new', 'a:1', T0);
    expect(first).toMatchObject({ status: 'claimed', takeover: false, run: { slot: 's:new', claimedBy: 'a:1', finishedAt: null } });
    expect(await claim('s:new', 'b:2', minutes(4))).toEqual({ status: 'busy' });
    if (first.status !== 'claimed') throw new Error('unreachable');
    await finishRun(db.prisma, first.run, minutes(1));
    expect(await claim('s:new', 'b:2', minutes(60))).toEqual({ status: 'done' });
    expect(await db.prisma.jobRun.count({ where: { slot: 's:new' } })).toBe(1);
  });

  it('takes over a claim older than the lease (default 5 minutes), once', async () => {
    await claim('s:stale', 'a:1', T0);
    expect(await claim('s:stale', 'b:2', minutes(5))).toEqual({ status: 'busy' }); // exactly the lease: not yet
    const [b, c] = await Promise.all([claim('s:stale', 'b:2', minutes(11)), claim('s:stale', 'c:3', minutes(11))]);
    const winners = [b, c].filter((r) => r.status === 'claimed');
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({ takeover: true });
    const row = await db.prisma.jobRun.findUniqueOrThrow({ where: { slot: 's:stale' } });
    expect(row.claimedAt).toEqual(minutes(11));
    expect(['b:2', 'c:3']).toContain(row.claimedBy);
    // A shorter lease is honoured.
    await claim('s:short', 'a:1', T0);
    expect(await claim('s:short', 'b:2', minutes(2), 60_000)).toMatchObject({ status: 'claimed', takeover: true });
  });

  it('takes over at once the claim of a process of this host that has exited, but not of a live one', async () => {
    const exited = spawnSync(process.execPath, ['-e', '0']).pid;
    const dead = `${hostname()}:${exited}`;
    expect(isDeadLocalClaimant(dead)).toBe(true);
    expect(isDeadLocalClaimant(`${hostname()}:${process.ppid}`)).toBe(false); // alive
    expect(isDeadLocalClaimant(`other-host:${exited}`)).toBe(false); // can't tell: wait for the lease
    await claim('s:dead', dead, T0);
    expect(await claim('s:dead', 'b:2', minutes(1))).toMatchObject({ status: 'claimed', takeover: true, run: { claimedBy: 'b:2' } });
    await claim('s:alive', `${hostname()}:${process.ppid}`, T0);
    expect(await claim('s:alive', 'b:2', minutes(1))).toEqual({ status: 'busy' });
  });

  it('deliver renews the lease, and a run that lost its claim sends nothing more', async () => {
    const first = await claim('s:lost', 'a:1', T0);
    if (first.status !== 'claimed') throw new Error('unreachable');
    await deliver(db.prisma, first.run, 'dm:U1', async () => ({ ts: '1.1' }), () => minutes(4));
    // Renewed at minute 4: still busy for another claimant at minute 8.
    expect(await claim('s:lost', 'b:2', minutes(8))).toEqual({ status: 'busy' });
    expect(await claim('s:lost', 'b:2', minutes(10))).toMatchObject({ status: 'claimed', takeover: true });
    const sends: string[] = [];
    await expect(deliver(db.prisma, first.run, 'dm:U2', async () => (sends.push('U2'), { ts: '2.1' }), () => minutes(11))).rejects.toBeInstanceOf(ClaimLostError);
    expect(sends).toEqual([]);
    expect(await db.prisma.delivery.count({ where: { recipient: 'dm:U2' } })).toBe(0);
  });

  it('a released claim (after a failed run) may be taken over at once', async () => {
    const first = await claim('s:released', 'a:1', T0);
    if (first.status !== 'claimed') throw new Error('unreachable');
    await releaseRun(db.prisma, first.run);
    expect(await claim('s:released', 'b:2', minutes(1))).toMatchObject({ status: 'claimed', takeover: true });
  });

  it('deliver sends once per recipient, records ts, stores an error and resumes after it', async () => {
    const claimed = await claim('s:deliver', 'a:1', T0);
    if (claimed.status !== 'claimed') throw new Error('unreachable');
    const run = claimed.run;
    const sent: string[] = [];
    const send = (ts: string) => async () => {
      sent.push(ts);
      return { ts };
    };
    expect(await deliver(db.prisma, run, 'channel:C1:part:1', send('1.1'), () => T0)).toEqual({ status: 'sent', ts: '1.1' });
    expect(await deliver(db.prisma, run, 'channel:C1:part:1', send('1.2'))).toEqual({ status: 'already_sent', ts: '1.1' });

    const boom = Object.assign(new Error('An API error occurred: channel_not_found'), { data: { error: 'channel_not_found' } });
    await expect(deliver(db.prisma, run, 'channel:C1:part:2', async () => Promise.reject(boom))).rejects.toBe(boom);
    const failed = await db.prisma.delivery.findUniqueOrThrow({ where: { jobRunId_recipient: { jobRunId: run.id, recipient: 'channel:C1:part:2' } } });
    expect(failed).toMatchObject({ sentAt: null, messageTs: null, error: 'channel_not_found' });

    expect(await deliver(db.prisma, run, 'channel:C1:part:2', send('2.1'), () => minutes(1))).toEqual({ status: 'sent', ts: '2.1' });
    expect(sent).toEqual(['1.1', '2.1']);
    const rows = await db.prisma.delivery.findMany({ where: { jobRunId: run.id }, orderBy: { recipient: 'asc' } });
    expect(rows.map((r) => [r.recipient, r.sentAt?.toISOString(), r.messageTs, r.error])).toEqual([
      ['channel:C1:part:1', T0.toISOString(), '1.1', null],
      ['channel:C1:part:2', minutes(1).toISOString(), '2.1', null],
    ]);
  });
});
