// The daily progress post as Block Kit: numbers per rep, pace, team total, who is ahead, people off
// today, and the split into messages of at most 50 blocks.
import type { HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import { dailyProgressMessages, isAtOrAbovePace, type DailyRep } from '../../../src/blocks/daily-progress.js';
import { KINDS, type Kind } from '../../../src/lib/kinds.js';
import type { KindProgress, PeriodProgress } from '../../../src/services/progress/pace.js';

const kp = (actual: number, target: number, due: number): KindProgress => ({ actual, target, due, pace: due > 0 ? actual / due : null });
const period = (values: Partial<Record<Kind, KindProgress>>): PeriodProgress =>
  Object.fromEntries(KINDS.map((k) => [k, values[k] ?? kp(0, 0, 0)])) as PeriodProgress;

function rep(name: string, day: Partial<Record<Kind, KindProgress>>, week: Partial<Record<Kind, KindProgress>>, extra: Partial<DailyRep['progress']> = {}): DailyRep {
  return { name, progress: { isWorkday: true, attendanceToday: 1, absenceToday: null, day: period(day), week: period(week), ...extra } };
}

const text = (block: KnownBlock) => ((block as SectionBlock).text?.text ?? '') as string;
const KINDS2: Kind[] = ['dial', 'conversation'];

// dana: 20 of 16 dials today, 70 of 80 this week with 72 due (on pace); 5 of 5 convos, 25 of 26 (24 due).
const DANA = rep('dana', { dial: kp(20, 16, 16), conversation: kp(5, 5.2, 5.2) }, { dial: kp(70, 80, 72), conversation: kp(25, 26, 24) });
// sam: behind on dials this week.
const SAM = rep('sam', { dial: kp(2, 16, 16), conversation: kp(1, 5.2, 5.2) }, { dial: kp(30, 80, 72), conversation: kp(20, 26, 24) });
// lee: on PTO today; the week so far has a smaller target.
const LEE = rep('lee <admin>', { dial: kp(0, 0, 0), conversation: kp(0, 0, 0) }, { dial: kp(40, 64, 64), conversation: kp(10, 21, 21) }, { attendanceToday: 0, absenceToday: 'pto' });

describe('daily progress post', () => {
  it('shows each rep’s today and week against target with pace, the team total and who is ahead', () => {
    const [message, ...more] = dailyProgressMessages({ teamName: 'Sales', date: '2026-12-04', kinds: KINDS2, reps: [DANA, SAM, LEE] });
    expect(more).toHaveLength(0);
    expect(message!.text).toBe('Daily progress · Sales · Fri 4 Dec');
    const blocks = message!.blocks;
    expect((blocks[0] as HeaderBlock).text.text).toBe('Daily progress · Sales · Fri 4 Dec');
    expect(text(blocks[1]!)).toBe(
      [
        '*Team total* (3 reps, 1 off today)',
        ':telephone_receiver: Today 22 / 32 dials ▰▰▰▰▰▰▱▱▱▱ 68% · Week 140 / 224 dials ▰▰▰▰▰▰▱▱▱▱ 62% · 208 due by now · behind',
        ':speech_balloon: Today 6 / 10 conversations ▰▰▰▰▰▰▱▱▱▱ 60% · Week 55 / 73 conversations ▰▰▰▰▰▰▰▱▱▱ 75% · 69 due by now · behind',
      ].join('\n'),
    );
    expect(text(blocks[2]!)).toBe(':rocket: *At or above pace:* dana');
    expect(text(blocks[3]!)).toBe(
      [
        '*dana*',
        ':telephone_receiver: Today 20 / 16 dials ▰▰▰▰▰▰▰▰▰▰ 125% · Week 70 / 80 dials ▰▰▰▰▰▰▰▰▱▱ 87% · 72 due by now · on pace',
        ':speech_balloon: Today 5 / 5 conversations ▰▰▰▰▰▰▰▰▰▰ 100% · Week 25 / 26 conversations ▰▰▰▰▰▰▰▰▰▱ 96% · 24 due by now · on pace',
      ].join('\n'),
    );
    expect(text(blocks[4]!)).toContain('*sam*\n:telephone_receiver: Today 2 / 16 dials ▰▱▱▱▱▱▱▱▱▱ 12% · Week 30 / 80 dials ▰▰▰▱▱▱▱▱▱▱ 37% · 72 due by now · behind');
    // Off today: named as such, the week shown without a verdict; names are escaped for mrkdwn.
    expect(text(blocks[5]!)).toBe(
      ['*lee &lt;admin&gt;* · :palm_tree: off today (PTO)', ':telephone_receiver: Week 40 / 64 dials ▰▰▰▰▰▰▱▱▱▱ 62%', ':speech_balloon: Week 10 / 21 conversations ▰▰▰▰▱▱▱▱▱▱ 47%'].join('\n'),
    );
    expect(text(blocks[5]!)).not.toContain('behind');
    expect(blocks[6]!.type).toBe('context');
    expect(blocks).toHaveLength(7);
  });

  it('only tracked kinds appear; nobody ahead says so', () => {
    const [message] = dailyProgressMessages({ teamName: 'Sales', date: '2026-12-04', kinds: ['dial'], reps: [SAM] });
    const all = message!.blocks.map(text).join('\n');
    expect(all).not.toContain('conversation');
    expect(all).toContain(':rocket: _Nobody is at or above pace yet._');
  });

  it('someone off today, or with nothing due, is not counted as ahead', () => {
    expect(isAtOrAbovePace(LEE, KINDS2)).toBe(false);
    expect(isAtOrAbovePace(rep('new', {}, {}), KINDS2)).toBe(false);
    expect(isAtOrAbovePace(DANA, KINDS2)).toBe(true);
    expect(isAtOrAbovePace(rep('weekend', {}, { dial: kp(5, 0, 0) }, { isWorkday: false }), KINDS2)).toBe(false);
  });

  it('splits 120 reps into 3 messages of at most 50 blocks, every rep once, in order', () => {
    const reps = Array.from({ length: 120 }, (_, i) => rep(`rep${String(i).padStart(3, '0')}`, { dial: kp(i, 16, 8) }, { dial: kp(i, 80, 72) }));
    const messages = dailyProgressMessages({ teamName: 'Sales', date: '2026-12-04', kinds: KINDS2, reps });
    expect(messages).toHaveLength(3);
    for (const m of messages) expect(m.blocks.length).toBeLessThanOrEqual(50);
    expect(messages.map((m) => m.text)).toEqual([
      'Daily progress · Sales · Fri 4 Dec (1/3)',
      'Daily progress · Sales · Fri 4 Dec (2/3)',
      'Daily progress · Sales · Fri 4 Dec (3/3)',
    ]);
    const names = messages.flatMap((m) => m.blocks.map(text).map((t) => /^\*(rep\d+)\*/.exec(t)?.[1]).filter(Boolean));
    expect(names).toEqual(reps.map((r) => r.name));
    // The team total counts all 120, on the first message only.
    expect(text(messages[0]!.blocks[1]!)).toMatch(/^\*Team total\* \(120 reps\)/);
    expect(messages.slice(1).every((m) => m.blocks.every((b) => !text(b).includes('Team total')))).toBe(true);
  });

  it('a team with no reps still gets one message saying so', () => {
    const messages = dailyProgressMessages({ teamName: 'Sales', date: '2026-12-04', kinds: KINDS2, reps: [] });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.blocks.map(text)).toContain('_No reps on this team yet._');
  });
});
