// The ladder as a pure function over a sequence of weeks: misses climb, hits reset, PTO and
// excused weeks pause; and the verdict on a week at the threshold's edges.
import { addDays } from '../../../../src/lib/time.js';
import { climbLadder, evaluateWeek, levelAfter, weeksBehindLevel, type LadderWeek, type WeekVerdict } from '../../../../src/services/escalation/ladder.js';

const weeks = (...verdicts: WeekVerdict[]): LadderWeek[] =>
  verdicts.map((verdict, i) => ({ week: addDays('2026-11-02', 7 * i), verdict }));

describe('climbLadder', () => {
  it('miss, miss, hit, miss: 1, 2, back to 0, then 1', () => {
    expect(climbLadder(weeks('miss', 'miss', 'hit', 'miss')).map((s) => [s.level, s.change])).toEqual([
      [1, 'up'],
      [2, 'up'],
      [0, 'reset'],
      [1, 'up'],
    ]);
  });

  it('stops at level 3: a fourth miss keeps the consequence in force', () => {
    expect(climbLadder(weeks('miss', 'miss', 'miss', 'miss')).map((s) => [s.level, s.change])).toEqual([
      [1, 'up'],
      [2, 'up'],
      [3, 'up'],
      [3, 'none'],
    ]);
  });

  it('a PTO week in between pauses the ladder: neither a miss nor a reset', () => {
    expect(climbLadder(weeks('miss', 'paused', 'miss')).map((s) => s.level)).toEqual([1, 1, 2]);
    expect(levelAfter(weeks('miss', 'miss', 'paused', 'paused', 'miss'))).toBe(3);
  });

  it('an excused week counts as neither, so excusing a miss lowers the level', () => {
    expect(levelAfter(weeks('miss', 'miss', 'miss'))).toBe(3);
    expect(levelAfter(weeks('miss', 'excused', 'miss'))).toBe(2);
    expect(levelAfter(weeks('excused'))).toBe(0);
  });

  it('starts at 0 with no weeks; a hit from 0 is no change', () => {
    expect(levelAfter([])).toBe(0);
    expect(climbLadder(weeks('hit'))).toEqual([{ week: '2026-11-02', verdict: 'hit', level: 0, change: 'none' }]);
  });

  it('names the misses that led to the current level, skipping paused and excused weeks', () => {
    const history = weeks('miss', 'hit', 'miss', 'paused', 'excused', 'miss');
    expect(weeksBehindLevel(history).map((w) => w.week)).toEqual(['2026-11-16', '2026-12-07']);
    expect(weeksBehindLevel(weeks('miss', 'hit'))).toEqual([]);
  });
});

describe('evaluateWeek', () => {
  const kinds = ['dial', 'conversation'] as const;
  const target = { dial: 80, conversation: 27 };

  it('is a hit at exactly the threshold and a miss just below it, on any escalated kind', () => {
    expect(evaluateWeek({ dial: 80, conversation: 27 }, target, kinds, 1).verdict).toBe('hit');
    expect(evaluateWeek({ dial: 80, conversation: 26 }, target, kinds, 1).verdict).toBe('miss');
    expect(evaluateWeek({ dial: 79, conversation: 40 }, target, kinds, 1).verdict).toBe('miss');
    // A 90% threshold: 72 of 80 dials is enough, 71 is not.
    expect(evaluateWeek({ dial: 72, conversation: 25 }, target, kinds, 0.9).verdict).toBe('hit');
    expect(evaluateWeek({ dial: 71, conversation: 25 }, target, kinds, 0.9).verdict).toBe('miss');
  });

  it('holds prorated (fractional) targets to the same rule', () => {
    // Monday at November's rate, four days at December's: 360/21 + 4 × 360/23 = 79.75 dials.
    const prorated = { dial: 360 / 21 + (4 * 360) / 23, conversation: 120 / 21 + (4 * 120) / 23 };
    expect(evaluateWeek({ dial: 80, conversation: 27 }, prorated, kinds, 1).verdict).toBe('hit');
    expect(evaluateWeek({ dial: 79, conversation: 27 }, prorated, kinds, 1).verdict).toBe('miss');
  });

  it('reports each kind’s actual, target and share', () => {
    expect(evaluateWeek({ dial: 40 }, target, kinds, 1).kinds).toEqual([
      { kind: 'dial', actual: 40, target: 80, share: 0.5, missed: true },
      { kind: 'conversation', actual: 0, target: 27, share: 0, missed: true },
    ]);
  });

  it('pauses a week with no target (full PTO, no goal), and leaves out kinds with none', () => {
    expect(evaluateWeek({ dial: 5 }, { dial: 0, conversation: 0 }, kinds, 1)).toEqual({ verdict: 'paused', kinds: [] });
    expect(evaluateWeek({ dial: 50 }, { dial: 40, conversation: 0 }, kinds, 1)).toEqual({
      verdict: 'hit',
      kinds: [{ kind: 'dial', actual: 50, target: 40, share: 1.25, missed: false }],
    });
  });

  it('judges each week by its own targets when the plan changes mid-sequence', () => {
    const before = evaluateWeek({ dial: 70, conversation: 25 }, { dial: 60, conversation: 20 }, kinds, 1);
    const after = evaluateWeek({ dial: 70, conversation: 25 }, { dial: 90, conversation: 30 }, kinds, 1);
    expect([before.verdict, after.verdict]).toEqual(['hit', 'miss']);
    expect(levelAfter([{ week: '2026-11-02', verdict: before.verdict }, { week: '2026-11-09', verdict: after.verdict }])).toBe(1);
  });
});
