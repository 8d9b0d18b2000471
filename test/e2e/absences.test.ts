// Absences end to end: `/dial pto|sick|ramp …` and their `cancel` forms as signed slash commands,
// the ephemeral reply read off the fake Slack (with how the targets moved), rows read off the DB.
//
// Expected targets are worked out here from first principles: the seed's plan is 360 dials, 120
// conversations, 40 presentations, 20 opportunities and 10 closes a month, in force from Tue 1 Dec
// 2026; December 2026 has 23 Mon–Fri workdays, so each workday carries 1/23 of the month. A week
// or month target is the sum of its days' targets; days away count zero, ramp days their share.
import { KIND_LABELS, KINDS, type Kind } from '../../src/lib/kinds.js';
import { givenTeamGoal } from '../helpers/goals.js';
import { slash, startHarness, testDatabases, visibleText, type Harness } from '../helpers/harness.js';

const REP = 'U0REP1';
const BOSS = 'U0BOSS'; // a workspace admin: manages every team
const PEER = 'U0PEER'; // another rep
const NEWBIE = 'U0NEW';

const MONTHLY: Record<Kind, number> = { dial: 360, conversation: 120, presentation: 40, opportunity: 20, close: 10 };
const DEC_WORKDAYS = 23;

/** "360 → 266 dials, …" for a window that had `before` and now has `after` full workdays' worth of December targets. */
function change(before: number, after: number, workdaysInMonth = DEC_WORKDAYS): string {
  return KINDS.map((k) => {
    const from = Math.round((MONTHLY[k] * before) / workdaysInMonth);
    const to = Math.round((MONTHLY[k] * after) / workdaysInMonth);
    return `${from} → ${to} ${to === 1 ? KIND_LABELS[k].one : KIND_LABELS[k].many}`;
  }).join(', ');
}

describe.each(testDatabases())('absences on %s', (database) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ database, now: '2026-12-04T15:00:00Z' }); // Friday 4 Dec, 10:00 in New York
    h.slack.setUser({ id: REP, name: 'dana', tz: 'America/New_York' });
    h.slack.setUser({ id: BOSS, name: 'morgan', tz: 'America/Chicago', is_admin: true });
    h.slack.setUser({ id: PEER, name: 'sam', tz: 'America/New_York' });
    h.slack.setUser({ id: NEWBIE, name: 'alex', tz: 'America/New_York' });
  });
  afterAll(() => h.stop());
  beforeEach(async () => {
    await h.reset('2026-12-04T15:00:00Z');
  });

  const say = async (user: string, text: string, fields: Record<string, string> = {}) => {
    const message = await (await slash(h, user, text, fields)).reply();
    return { text: String(message.text), shown: visibleText(message), message };
  };
  const withGoal = () => givenTeamGoal(h.prisma, { effectiveFrom: '2026-12-01' });
  const absences = () => h.prisma.absence.findMany({ orderBy: [{ startDate: 'asc' }, { endDate: 'asc' }, { createdAt: 'asc' }], include: { member: true } });
  const active = async () => (await absences()).filter((a) => a.cancelledAt === null).map((a) => [a.kind, a.startDate, a.endDate]);

  it('records PTO for the caller and shows how this month’s targets and that week’s change', async () => {
    await withGoal();
    const { text, shown, message } = await say(REP, 'pto 2026-12-24 2026-12-31');
    expect(message.response_type).toBe('ephemeral');
    // Thu 24, Fri 25, Mon 28 – Thu 31 Dec: 6 workdays.
    expect(text).toBe(':palm_tree: PTO recorded for Thu 24 Dec – Thu 31 Dec (6 workdays).');
    // December: 23 workdays → 17 left. 360 × 17/23 = 266.1, 120 × 17/23 = 88.7, 40 × 17/23 = 29.6, 20 × 17/23 = 14.8, 10 × 17/23 = 7.4.
    expect(shown).toContain('This month: 360 → 266 dials, 120 → 89 conversations, 40 → 30 presentations, 20 → 15 opportunities, 10 → 7 closes');
    // Not this week (Mon 30 Nov – Sun 6 Dec): the week it starts in, Mon 21 – Fri 25 Dec, loses Thu and Fri.
    expect(shown).toContain('Week of Mon 21 Dec: 78 → 47 dials, 26 → 16 conversations, 9 → 5 presentations, 4 → 3 opportunities, 2 → 1 close');
    expect(shown).toContain(`Week of Mon 21 Dec: ${change(5, 3)}`);
    expect(shown).toContain('`/dial pto cancel 2026-12-24 2026-12-31`');

    const rows = await absences();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'pto', startDate: '2026-12-24', endDate: '2026-12-31', rampPercent: null, createdBy: REP, cancelledAt: null });
    expect(rows[0]!.member.slackUserId).toBe(REP);
    const audit = await h.prisma.auditEvent.findMany({ where: { action: 'absence.recorded' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: REP, subjectType: 'member', subjectId: rows[0]!.memberId });
    expect(audit[0]!.requestKey).toMatch(/^slash:T0001:/);
    expect(audit[0]!.data).toMatchObject({ absence: { id: rows[0]!.id, kind: 'pto', startDate: '2026-12-24', endDate: '2026-12-31' }, merged: [] });
  });

  it('without a goal, records the days and says they will lower targets once a goal exists', async () => {
    const { text, shown } = await say(REP, 'pto tomorrow');
    expect(text).toBe(':palm_tree: PTO recorded for Sat 5 Dec (not a workday).');
    expect(shown).toContain('No goal is set yet, so targets don’t change now; these days are recorded and will lower your targets once a goal exists.');
    expect(await active()).toEqual([['pto', '2026-12-05', '2026-12-05']]);
  });

  it('records one day for a single date, and sick leave for today or yesterday in the rep’s timezone', async () => {
    await withGoal();
    const sick = await say(REP, 'sick');
    expect(sick.text).toBe(':face_with_thermometer: Sick leave recorded for today (1 workday).');
    // This week (Mon 30 Nov – Sun 6 Dec) counts Tue 1 – Fri 4 Dec under the plan (it starts on 1 Dec): 4 days → 3.
    expect(sick.shown).toContain(`This month: ${change(23, 22)}`);
    expect(sick.shown).toContain(`This week: ${change(4, 3)}`);

    const yesterday = await say(REP, 'sick yesterday');
    expect(yesterday.text).toBe(':face_with_thermometer: Sick leave recorded for yesterday (1 workday).');
    expect(yesterday.shown).toContain(`This week: ${change(3, 2)}`);
    // Thursday and Friday touch: one sick leave now covers both.
    expect(yesterday.shown).toContain('It joins the sick leave already recorded for today: Sick leave now covers Thu 3 Dec – Fri 4 Dec.');
    expect(await active()).toEqual([['sick', '2026-12-03', '2026-12-04']]);

    // Already Saturday in UTC, still Friday in New York: "today" is the rep's day. PTO may overlap sick leave.
    h.clock.set('2026-12-05T04:30:00Z'); // 23:30 Friday in New York
    const late = await say(REP, 'pto today');
    expect(late.text).toBe(':palm_tree: PTO recorded for today (1 workday).');
    expect(await active()).toEqual([
      ['sick', '2026-12-03', '2026-12-04'],
      ['pto', '2026-12-04', '2026-12-04'],
    ]);
  });

  it('merges PTO that overlaps PTO already recorded, and refuses days already covered', async () => {
    await withGoal();
    await say(REP, 'pto 2026-12-21 2026-12-23');
    h.clock.advance(60_000);
    const merged = await say(REP, 'pto 2026-12-23 2026-12-31');
    // Wed 23 – Thu 31 Dec: 23, 24, 25, 28, 29, 30, 31.
    expect(merged.text).toBe(':palm_tree: PTO recorded for Wed 23 Dec – Thu 31 Dec (7 workdays).');
    expect(merged.shown).toContain('It joins the PTO already recorded for Mon 21 Dec – Wed 23 Dec: PTO now covers Mon 21 Dec – Thu 31 Dec.');
    // 3 days were already off (20 left); now 9 are (14 left).
    expect(merged.shown).toContain(`This month: ${change(20, 14)}`);
    const rows = await absences();
    expect(rows.map((r) => [r.startDate, r.endDate, r.cancelledAt === null, r.cancelledBy])).toEqual([
      ['2026-12-21', '2026-12-23', false, REP],
      ['2026-12-21', '2026-12-31', true, null],
    ]);

    const covered = await say(REP, 'pto 2026-12-24');
    expect(covered.text).toBe(':warning: PTO is already recorded for Mon 21 Dec – Thu 31 Dec, which covers those days. Nothing changed.');
    expect(await h.prisma.absence.count()).toBe(2);
    expect(await h.prisma.auditEvent.count({ where: { action: 'absence.recorded' } })).toBe(2);
  });

  it('cancels PTO in full: the row is kept, marked cancelled, and the targets come back', async () => {
    await withGoal();
    await say(REP, 'pto 2026-12-24 2026-12-31');
    h.clock.set('2026-12-04T16:00:00Z');
    const { text, shown } = await say(REP, 'pto cancel 2026-12-24 2026-12-31');
    expect(text).toBe(':leftwards_arrow_with_hook: PTO cancelled for Thu 24 Dec – Thu 31 Dec (6 workdays back on target).');
    expect(shown).toContain(`This month: ${change(17, 23)}`);
    expect(shown).toContain(`Week of Mon 21 Dec: ${change(3, 5)}`);
    expect(shown).not.toContain('Still recorded');

    const rows = await absences();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ startDate: '2026-12-24', endDate: '2026-12-31', cancelledBy: REP });
    expect(rows[0]!.cancelledAt?.toISOString()).toBe('2026-12-04T16:00:00.000Z');
    const audit = await h.prisma.auditEvent.findFirstOrThrow({ where: { action: 'absence.cancelled' } });
    expect(audit).toMatchObject({ actorUserId: REP, subjectId: rows[0]!.memberId });
    expect(audit.data).toMatchObject({ cancelled: [{ id: rows[0]!.id }], freed: [{ startDate: '2026-12-24', endDate: '2026-12-31' }], kept: [] });
  });

  it('cancels part of an absence by splitting it: the days outside the range stay as new rows', async () => {
    await withGoal();
    await say(REP, 'pto 2026-12-21 2026-12-31'); // 9 workdays
    const { text, shown } = await say(REP, 'pto cancel 2026-12-24 2026-12-25');
    expect(text).toBe(':leftwards_arrow_with_hook: PTO cancelled for Thu 24 Dec – Fri 25 Dec (2 workdays back on target).');
    expect(shown).toContain('Still recorded: Mon 21 Dec – Wed 23 Dec and Sat 26 Dec – Thu 31 Dec.');
    expect(shown).toContain(`This month: ${change(14, 16)}`);
    expect(shown).toContain(`Week of Mon 21 Dec: ${change(0, 2)}`);

    const rows = await absences();
    expect(rows.map((r) => [r.startDate, r.endDate, r.cancelledAt === null ? 'active' : 'cancelled', r.createdBy])).toEqual([
      ['2026-12-21', '2026-12-23', 'active', REP],
      ['2026-12-21', '2026-12-31', 'cancelled', REP],
      ['2026-12-26', '2026-12-31', 'active', REP],
    ]);
    // A cancel at the edge trims; one that touches nothing says so and stores nothing.
    await say(REP, 'pto cancel 2026-12-21');
    expect(await active()).toEqual([
      ['pto', '2026-12-22', '2026-12-23'],
      ['pto', '2026-12-26', '2026-12-31'],
    ]);
    const nothing = await say(REP, 'pto cancel 2026-12-24 2026-12-25');
    expect(nothing.text).toBe(':warning: No PTO is recorded for Thu 24 Dec – Fri 25 Dec, so there is nothing to cancel.');
    expect(await h.prisma.auditEvent.count({ where: { action: 'absence.cancelled' } })).toBe(2);
    // Sick leave is not PTO: `/dial sick cancel` is needed for it.
    await say(REP, 'sick');
    const wrongKind = await say(REP, 'pto cancel today');
    expect(wrongKind.text).toBe(':warning: No PTO is recorded for today, so there is nothing to cancel.');
    const sickCancel = await say(REP, 'sick cancel');
    expect(sickCancel.text).toBe(':leftwards_arrow_with_hook: Sick leave cancelled for today (1 workday back on target).');
  });

  it('lets a manager (a workspace admin) record and cancel PTO for a rep', async () => {
    await withGoal();
    const { text, shown } = await say(BOSS, `pto <@${REP}|dana> 2026-12-24 2026-12-31`);
    expect(text).toBe(`:palm_tree: PTO recorded for <@${REP}>: Thu 24 Dec – Thu 31 Dec (6 workdays).`);
    expect(shown).toContain(`*<@${REP}>’s targets*`);
    expect(shown).toContain(`This month: ${change(23, 17)}`);
    const [row] = await absences();
    expect(row!.member.slackUserId).toBe(REP);
    expect(row!.createdBy).toBe(BOSS);
    expect((await h.prisma.auditEvent.findFirstOrThrow({ where: { action: 'absence.recorded' } })).actorUserId).toBe(BOSS);

    const cancel = await say(BOSS, `pto cancel <@${REP}> 2026-12-31`);
    expect(cancel.text).toBe(`:leftwards_arrow_with_hook: PTO cancelled for <@${REP}>: Thu 31 Dec (1 workday back on target).`);
    expect(await active()).toEqual([['pto', '2026-12-24', '2026-12-30']]);
    expect((await absences()).find((a) => a.cancelledAt)!.cancelledBy).toBe(BOSS);
  });

  it('refuses a rep recording or cancelling for someone else, and stores nothing', async () => {
    const { text } = await say(PEER, `pto <@${REP}> 2026-12-24 2026-12-31`);
    expect(text).toBe(`:warning: Only <@${REP}>’s manager can record PTO for them. For your own, leave out the mention, e.g. \`/dial pto 2026-12-24\`.`);
    const cancel = await say(PEER, `sick cancel <@${REP}> today`);
    expect(cancel.text).toBe(`:warning: Only <@${REP}>’s manager can cancel sick leave for them. For your own, leave out the mention, e.g. \`/dial sick cancel 2026-12-24\`.`);
    expect(await h.prisma.absence.count()).toBe(0);
    expect(await h.prisma.auditEvent.count()).toBe(0);
    // The mentioned user was not even looked up.
    expect(await h.prisma.member.count({ where: { slackUserId: REP } })).toBe(0);
    expect(h.slack.callsTo('users.info').map((c) => c.args.user)).not.toContain(REP);
  });

  it('lets a manager set a ramp period for a rep (targets scale by the share); reps cannot', async () => {
    await withGoal();
    const refused = await say(PEER, `ramp <@${NEWBIE}> 50% 2026-12-01 2026-12-31`);
    expect(refused.text).toBe(':warning: Only a manager can set or cancel a ramp period, for a rep on a team they manage.');
    expect(await h.prisma.absence.count()).toBe(0);

    const { text, shown } = await say(BOSS, `ramp <@${NEWBIE}|alex> 50% 2026-12-01 2026-12-31`);
    expect(text).toBe(`:seedling: Ramp recorded for <@${NEWBIE}>: 50% of normal targets on Tue 1 Dec – Thu 31 Dec (23 workdays).`);
    expect(shown).toContain('This month: 360 → 180 dials, 120 → 60 conversations, 40 → 20 presentations, 20 → 10 opportunities, 10 → 5 closes');
    // This week: Tue 1 – Fri 4 Dec, each at half.
    expect(shown).toContain(`This week: ${change(4, 2)}`);
    const [row] = await absences();
    expect(row).toMatchObject({ kind: 'ramp', rampPercent: 50, startDate: '2026-12-01', endDate: '2026-12-31', createdBy: BOSS });
    expect(row!.member.slackUserId).toBe(NEWBIE);

    const clash = await say(BOSS, `ramp <@${NEWBIE}> 75% 2026-12-14 2026-12-18`);
    expect(clash.text).toContain(':warning: A ramp at 50% is already recorded for Tue 1 Dec – Thu 31 Dec. Cancel those days first');
    expect(await h.prisma.absence.count()).toBe(1);
  });

  it.each([
    ['pto 2026-12-31 2026-12-24', ':warning: The last day (Thu 24 Dec) is before the first (Thu 31 Dec). Give the first day, then the last.'],
    ['pto 2026-12-01 2027-12-04', ':warning: That’s 369 days; one absence covers at most 366. Record it in parts.'],
    ['sick 2026-11-30', ':warning: Mon 30 Nov is in a past month. Absences can be changed back to the start of this month (Tue 1 Dec) only; earlier months are closed.'],
    ['pto cancel 2026-11-20 2026-12-02', ':warning: Fri 20 Nov is in a past month. Absences can be changed back to the start of this month (Tue 1 Dec) only; earlier months are closed.'],
    ['pto 2027-12-05', ':warning: Sun 5 Dec 2027 is more than a year ahead. Absences can be recorded up to Sat 4 Dec 2027.'],
  ])('`/dial %s` gets a specific message and stores nothing', async (text, expected) => {
    const reply = await say(REP, text);
    expect(reply.text).toBe(expected);
    expect(await h.prisma.absence.count()).toBe(0);
    expect(await h.prisma.auditEvent.count()).toBe(0);
  });

  it('accepts the past within this month (to fix records) and up to a year ahead', async () => {
    expect((await say(REP, 'sick 2026-12-01')).text).toBe(':face_with_thermometer: Sick leave recorded for Tue 1 Dec (1 workday).');
    expect((await say(REP, 'pto 2027-12-04')).text).toBe(':palm_tree: PTO recorded for Sat 4 Dec 2027 (not a workday).');
    expect(await h.prisma.absence.count()).toBe(2);
  });

  it('records once when Slack retries the same command, or it arrives twice at once', async () => {
    const fields = { trigger_id: '999.888.pto-retry' };
    const first = await say(REP, 'pto 2026-12-24 2026-12-31', fields);
    expect(first.text).toBe(':palm_tree: PTO recorded for Thu 24 Dec – Thu 31 Dec (6 workdays).');
    const retry = await slash(h, REP, 'pto 2026-12-24 2026-12-31', fields);
    await h.requester.command(
      { user_id: REP, text: 'pto 2026-12-24 2026-12-31', response_url: retry.responseUrl, ...fields },
      { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } },
    );
    expect((await retry.reply()).text).toBe(':repeat: Already recorded: PTO for Thu 24 Dec – Thu 31 Dec. Nothing new was stored.');
    expect(await h.prisma.absence.count()).toBe(1);
    expect(await h.prisma.auditEvent.count({ where: { action: 'absence.recorded' } })).toBe(1);

    const race = { trigger_id: '999.888.cancel-race' };
    const [a, b] = await Promise.all([slash(h, REP, 'pto cancel 2026-12-25', race), slash(h, REP, 'pto cancel 2026-12-25', race)]);
    const texts = (await Promise.all([a.reply(), b.reply()])).map((m) => String(m.text));
    for (const t of texts) expect(t).toMatch(/^:(leftwards_arrow_with_hook: PTO cancelled|repeat: Already cancelled: PTO) for Fri 25 Dec/);
    expect(await active()).toEqual([
      ['pto', '2026-12-24', '2026-12-24'],
      ['pto', '2026-12-26', '2026-12-31'],
    ]);
    expect(await h.prisma.auditEvent.count({ where: { action: 'absence.cancelled' } })).toBe(1);
  });
});
