// Progress against target as Block Kit: the bar, the numbers people read, the notices.
import type { ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import { loggedReply } from '../../../src/blocks/activity-replies.js';
import { buildRepHome } from '../../../src/blocks/home.js';
import { logProgressBlocks, progressBar, sourcesLine, statsReply, targetLine, paceText } from '../../../src/blocks/progress.js';
import type { KindCounts } from '../../../src/lib/kinds.js';
import { planFromRevenue, SEED_RATIOS } from '../../../src/services/goals/plan-from-revenue.js';
import type { AbsenceSpan, TargetContext } from '../../../src/services/goals/targets.js';
import { composeProgress, type RepProgress } from '../../../src/services/progress/rep-progress.js';

const SEED = planFromRevenue({ revenueTarget: 100_000, averageDealSize: 10_000, ...SEED_RATIOS }).targets;

function context(extra: Partial<TargetContext> = {}): TargetContext {
  return {
    calendar: { workDays: [1, 2, 3, 4, 5], holidays: new Set(), workdayStart: '09:00', workdayEnd: '17:00' },
    teamPlans: [{ effectiveFrom: '2026-11-01', monthly: SEED }],
    repPlans: [],
    absences: [],
    ...extra,
  };
}

/** What repProgress returns for an instant in New York, given the actuals. */
function progressAt(at: string, actual: { day?: KindCounts; week?: KindCounts; month?: KindCounts }, ctx = context()): RepProgress {
  return composeProgress(ctx, 'America/New_York', new Date(at), { day: actual.day ?? {}, week: actual.week ?? {}, month: actual.month ?? {} });
}

// Friday 4 Dec 2026, 13:00 in New York: half of today's working hours are gone.
const FRIDAY_1PM = '2026-12-04T18:00:00Z';
const ACTUAL = { day: { dial: 30, conversation: 8, presentation: 2 }, week: { dial: 65, conversation: 14, presentation: 2 }, month: { dial: 45, conversation: 8, presentation: 2 } };

const texts = (blocks: KnownBlock[]) =>
  blocks.flatMap((b) =>
    b.type === 'section'
      ? [b.text?.text ?? '', ...(b.fields ?? []).map((f) => f.text)]
      : b.type === 'context'
        ? b.elements.map((e) => ('text' in e ? e.text : ''))
        : b.type === 'header'
          ? [b.text.text]
          : [],
  );
const shown = (blocks: KnownBlock[]) => texts(blocks).join('\n');

describe('progressBar', () => {
  it.each([
    [0, 10, '▱▱▱▱▱▱▱▱▱▱ 0%'],
    [42, 100, '▰▰▰▰▱▱▱▱▱▱ 42%'],
    [5, 16, '▰▰▰▱▱▱▱▱▱▱ 31%'],
    [99, 100, '▰▰▰▰▰▰▰▰▰▱ 99%'],
    [100, 100, '▰▰▰▰▰▰▰▰▰▰ 100%'],
    [30, 16, '▰▰▰▰▰▰▰▰▰▰ 187%'],
    [1000, 1, '▰▰▰▰▰▰▰▰▰▰ 100,000%'],
    [-3, 10, '▱▱▱▱▱▱▱▱▱▱ 0%'],
  ])('%d of %d is %s (rounded down, the bar clamped to full)', (actual, target, bar) => {
    expect(progressBar(actual, target)).toBe(bar);
  });

  it('has no bar when there is no target (0, or nothing at all)', () => {
    expect(progressBar(5, 0)).toBe('no target');
    expect(progressBar(0, 0)).toBe('no target');
    expect(progressBar(5, Number.NaN)).toBe('no target');
  });

  it('honours another width', () => {
    expect(progressBar(1, 2, 4)).toBe('▰▰▱▱ 50%');
  });
});

describe('targetLine and paceText', () => {
  it('show whole numbers (targets and due rounded half up), the percentage against the target shown', () => {
    expect(targetLine('dial', { actual: 30, target: 15.652 })).toBe('30 / 16 dials ▰▰▰▰▰▰▰▰▰▰ 187%');
    expect(targetLine('close', { actual: 1, target: 1.49 })).toBe('1 / 1 close ▰▰▰▰▰▰▰▰▰▰ 100%');
    expect(paceText({ actual: 65, due: 71.925 })).toBe('72 due by now · on pace');
    expect(paceText({ actual: 10, due: 71.925 })).toBe('72 due by now · behind');
    expect(paceText({ actual: 0, due: 0 })).toBe('nothing due yet');
  });

  it('never reads “0 / 0” with a bar: a target that shows as 0 says so, a due that shows as 0 says under 1', () => {
    expect(targetLine('close', { actual: 0, target: 0.43 })).toBe('0 closes · target under 1');
    expect(targetLine('close', { actual: 1, target: 0.43 })).toBe('1 close · target under 1');
    expect(targetLine('dial', { actual: 5, target: 0 })).toBe('5 dials · no target');
    expect(paceText({ actual: 0, due: 0.22 })).toBe('under 1 due by now · behind');
    expect(paceText({ actual: 1, due: 0.22 })).toBe('under 1 due by now · ahead');
  });
});

describe('statsReply', () => {
  const progress = progressAt(FRIDAY_1PM, ACTUAL);
  const reply = statsReply(progress, { self: true });
  const text = shown(reply.blocks);

  it('is headed with whose progress and the rep’s today', () => {
    expect(reply.text).toBe('Your progress · Fri 4 Dec');
    expect((reply.blocks[0] as HeaderBlock).text.text).toBe('Your progress · Fri 4 Dec');
  });

  it('shows day, week and month per kind: actual / target, bar, due by now and pace', () => {
    // Day: 360 ÷ 23 = 15.65 dials, half due at 13:00 (7.83).
    expect(text).toContain('*Today* (Fri 4 Dec)\n:telephone_receiver: 30 / 16 dials ▰▰▰▰▰▰▰▰▰▰ 187% · 8 due by now · ahead');
    // Week: Mon 30 Nov at November's 360 ÷ 21, Tue–Fri at December's; due Mon–Thu + half of Fri.
    expect(text).toContain('*This week* (Mon 30 Nov – Sun 6 Dec)\n:telephone_receiver: 65 / 80 dials ▰▰▰▰▰▰▰▰▱▱ 81% · 72 due by now · on pace');
    expect(text).toContain(':speech_balloon: 14 / 27 conversations ▰▰▰▰▰▱▱▱▱▱ 51% · 24 due by now · behind');
    expect(text).toContain('*This month* (December 2026)\n:telephone_receiver: 45 / 360 dials ▰▱▱▱▱▱▱▱▱▱ 12% · 55 due by now · behind');
    // The week and month show all five kinds; today leaves out closes (0.43 shows as 0) as none were logged.
    expect(text).toContain(':dart: 0 / 4 opportunities ▱▱▱▱▱▱▱▱▱▱ 0% · 4 due by now · behind\n:trophy: 0 / 2 closes ▱▱▱▱▱▱▱▱▱▱ 0% · 2 due by now · behind\n*This month*');
    expect(text).toContain(':dart: 0 / 1 opportunity ▱▱▱▱▱▱▱▱▱▱ 0% · under 1 due by now · behind\n*This week*');
    expect(text).toContain(':trophy: 0 / 10 closes ▱▱▱▱▱▱▱▱▱▱ 0% · 2 due by now · behind');
  });

  it('says what today needs for the week, rounded up', () => {
    // Dials 79.75 − 65 = 14.75 → 15; conversations 26.58 − 14 → 13; presentations 8.86 − 2 → 7; opps 4.43 → 5; closes 2.22 → 3.
    expect(text).toContain(':dart: *Need today:* 15 dials, 13 conversations, 7 presentations, 5 opportunities and 3 closes to be on track for the week.');
  });

  it('says when the rep is on track', () => {
    const ahead = progressAt(FRIDAY_1PM, { week: { dial: 100, conversation: 30, presentation: 10, opportunity: 5, close: 3 } });
    expect(shown(statsReply(ahead, { self: true }).blocks)).toContain(':white_check_mark: *Need today:* nothing more, on track for the week.');
  });

  it('without a goal: asks for one, and still shows the actuals for every kind', () => {
    const none = progressAt(FRIDAY_1PM, { day: { dial: 12 }, week: { dial: 40 }, month: { dial: 40 } }, context({ teamPlans: [] }));
    const blocks = statsReply(none, { self: true }).blocks;
    const t = shown(blocks);
    expect(t).toContain('No goal is set yet, so there are no targets. Ask your manager to set one with `/dial goal`.');
    expect(t).toContain('*Today* (Fri 4 Dec)\n:telephone_receiver: 12 dials\n:speech_balloon: 0 conversations\n:bar_chart: 0 presentations\n:dart: 0 opportunities\n:trophy: 0 closes');
    expect(t).toContain('*This week* (Mon 30 Nov – Sun 6 Dec)\n:telephone_receiver: 40 dials');
    expect(t).not.toContain('Need today');
    expect(t).not.toContain('due by now');
  });

  it('names the rep when a manager looks', () => {
    const other = statsReply(progressAt(FRIDAY_1PM, {}, context({ teamPlans: [] })), { self: false, name: 'dana' });
    expect(other.text).toBe('dana’s progress · Fri 4 Dec');
    expect(shown(other.blocks)).toContain('No goal is set for dana yet');
  });

  it('says when today is not a workday', () => {
    const t = shown(statsReply(progressAt('2026-12-05T18:00:00Z', { week: { dial: 80 } }), { self: true }).blocks);
    expect(t).toContain('Today isn’t a workday, so nothing is due today.');
    expect(t).toContain('*Today* (Sat 5 Dec)\n_No target today._\n*This week*');
    const logged = statsReply(progressAt('2026-12-05T18:00:00Z', { day: { dial: 4 } }), { self: true });
    expect(shown(logged.blocks)).toContain('*Today* (Sat 5 Dec)\n:telephone_receiver: 4 dials · no target · nothing due yet · ahead\n*This week*');
  });

  it.each<[AbsenceSpan['kind'], string]>([
    ['pto', 'You’re on PTO today, so nothing is due today.'],
    ['sick', 'You’re off sick today, so nothing is due today.'],
  ])('says when the rep is away today (%s), and what the week is short by so far', (kind, notice) => {
    const ctx = context({ absences: [{ kind, startDate: '2026-12-04', endDate: '2026-12-04', rampPercent: null }] });
    const t = shown(statsReply(progressAt(FRIDAY_1PM, { week: { dial: 60 } }, ctx), { self: true }).blocks);
    expect(t).toContain(notice);
    // Mon–Thu: 17.14 + 3 × 15.65 = 64.10 − 60 → 5.
    expect(t).toContain(':hourglass_flowing_sand: *Short for the week so far:* 5 dials,');
    const other = shown(statsReply(progressAt(FRIDAY_1PM, {}, ctx), { self: false, name: 'dana' }).blocks);
    expect(other).toContain(`dana is ${kind === 'pto' ? 'on PTO' : 'off sick'} today`);
  });

  it('says when the rep is ramping, with the share', () => {
    const ctx = context({ absences: [{ kind: 'ramp', startDate: '2026-12-01', endDate: '2026-12-31', rampPercent: 50 }] });
    const t = shown(statsReply(progressAt(FRIDAY_1PM, {}, ctx), { self: true }).blocks);
    expect(t).toContain('You’re ramping up: today’s targets are 50% of normal.');
    expect(t).toContain(':telephone_receiver: 0 / 8 dials'); // 15.65 ÷ 2 = 7.83
  });

  it('stays within Slack’s limits (≤ 50 blocks, section text ≤ 3000, header ≤ 150)', () => {
    const long = statsReply(progress, { self: false, name: 'N'.repeat(500) });
    for (const r of [reply, long]) {
      expect(r.blocks.length).toBeLessThanOrEqual(50);
      for (const t of texts(r.blocks)) expect(t.length).toBeLessThanOrEqual(3000);
      expect((r.blocks[0] as HeaderBlock).text.text.length).toBeLessThanOrEqual(150);
    }
  });
});

describe('the reply after logging', () => {
  const progress = progressAt(FRIDAY_1PM, ACTUAL);

  it('with a goal: today’s and this week’s actual against target, and need today, instead of the “targets appear” line', () => {
    const reply = loggedReply({ counts: { dial: 30 }, dateLabel: 'today', note: null, totals: { today: ACTUAL.day, week: ACTUAL.week }, duplicate: false, progress });
    expect(reply.text).toBe(':white_check_mark: Logged 30 dials for today.');
    const fields = (reply.blocks[1] as SectionBlock).fields!.map((f) => f.text);
    expect(fields[0]).toBe(
      '*Today*\n:telephone_receiver: 30 / 16 dials ▰▰▰▰▰▰▰▰▰▰ 187%\n:speech_balloon: 8 / 5 conversations ▰▰▰▰▰▰▰▰▰▰ 160%\n' +
        ':bar_chart: 2 / 2 presentations ▰▰▰▰▰▰▰▰▰▰ 100%\n:dart: 0 / 1 opportunity ▱▱▱▱▱▱▱▱▱▱ 0%',
    );
    expect(fields[1]).toContain('*This week*\n:telephone_receiver: 65 / 80 dials ▰▰▰▰▰▰▰▰▱▱ 81%');
    expect(shown(reply.blocks)).toContain(':dart: *Need today:* 15 dials, 13 conversations');
    expect(shown(reply.blocks)).not.toContain('Targets appear here');
    expect((reply.blocks.at(-1) as ContextBlock).elements).toEqual([{ type: 'mrkdwn', text: '`/dial stats` shows your day, week and month with pace. Made a mistake? `/dial undo`' }]);
  });

  it('without a goal: the plain totals and the “targets appear” line, as before', () => {
    const none = progressAt(FRIDAY_1PM, { day: { dial: 12 }, week: { dial: 12 } }, context({ teamPlans: [] }));
    const reply = loggedReply({ counts: { dial: 12 }, dateLabel: 'today', note: null, totals: { today: { dial: 12 }, week: { dial: 12 } }, duplicate: false, progress: none });
    expect((reply.blocks[1] as SectionBlock).fields!.map((f) => f.text)).toEqual(['*Today*\n12 dials', '*This week*\n12 dials']);
    expect(shown(reply.blocks)).toContain('Targets appear here once your manager sets a goal.');
  });

  it('keeps fields within 2000 characters', () => {
    for (const block of logProgressBlocks(progress)) for (const f of (block as SectionBlock).fields ?? []) expect(f.text.length).toBeLessThanOrEqual(2000);
  });
});

describe('App Home', () => {
  it('shows day, week and month progress with need today under the Log button', () => {
    const home = buildRepHome({ displayName: 'Ana', progress: progressAt(FRIDAY_1PM, ACTUAL) });
    const blocks = home.blocks as KnownBlock[];
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Ana’s prospecting' } });
    expect(blocks[1]!.type).toBe('actions');
    const t = shown(blocks);
    expect(t).toContain('*Today* (Fri 4 Dec)\n:telephone_receiver: 30 / 16 dials');
    expect(t).toContain('*This week* (Mon 30 Nov – Sun 6 Dec)');
    expect(t).toContain('*This month* (December 2026)');
    expect(t).toContain('*Need today:* 15 dials');
    expect(blocks.length).toBeLessThanOrEqual(100);
  });
});

describe('sourcesLine', () => {
  it('tells the month’s entries apart by how they came in, in a fixed order', () => {
    expect(sourcesLine({ api: { dial: 80, conversation: 6 }, slash: { dial: 120 }, import: { dial: 40 } })).toBe(
      'This month by source: 120 dials via /dial · 40 dials via CSV import · 80 dials and 6 conversations via phone system',
    );
    expect(sourcesLine({ slash: { dial: 3 }, modal: { conversation: 1 } })).toBe('This month by source: 3 dials via /dial · 1 conversation via the form');
  });

  it('says nothing when every entry was typed one way, or there are none', () => {
    expect(sourcesLine({ slash: { dial: 12 } })).toBeUndefined();
    expect(sourcesLine({ modal: { dial: 12 }, api: { dial: 0 } })).toBeUndefined();
    expect(sourcesLine({})).toBeUndefined();
  });

  it('names a lone phone-system or import source: those are not the rep’s own typing', () => {
    expect(sourcesLine({ api: { dial: 5 } })).toBe('This month by source: 5 dials via phone system');
  });
});
