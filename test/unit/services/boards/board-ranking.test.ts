import { hasTarget, hitTarget, movementOf, percentOf, rankByScore, scoreOf, shownTarget, streakOf, weekRecord } from '../../../../src/services/boards/board-ranking.js';
import { boardSpan, previousSpan } from '../../../../src/services/boards/board-period.js';

const TRACKED = ['dial', 'conversation'] as const;

describe('scoreOf: share of the rep’s own target', () => {
  it('is the mean over tracked kinds of actual ÷ target', () => {
    // 90 of 80 dials (112.5%) and 20 of 25 conversations (80%) → 96.25%
    expect(scoreOf({ dial: 90, conversation: 20 }, { dial: 80, conversation: 25 }, TRACKED)).toBeCloseTo(0.9625);
  });

  it('caps each kind at 300%, so a flood of dials can’t hide missed conversations', () => {
    expect(scoreOf({ dial: 1000, conversation: 0 }, { dial: 80, conversation: 25 }, TRACKED)).toBeCloseTo(1.5);
    expect(percentOf(scoreOf({ dial: 1000, conversation: 1000 }, { dial: 80, conversation: 25 }, TRACKED)!)).toBe(300);
  });

  it('is fair to part-timers: half the target, half the work, same score', () => {
    const full = scoreOf({ dial: 80, conversation: 24 }, { dial: 80, conversation: 24 }, TRACKED);
    const half = scoreOf({ dial: 40, conversation: 12 }, { dial: 40, conversation: 12 }, TRACKED);
    expect(full).toBe(1);
    expect(half).toBe(1);
  });

  it('measures against the target people see (rounded half up) when it is at least 1', () => {
    expect(shownTarget(79.75)).toBe(80);
    expect(shownTarget(0.4)).toBe(0.4);
    expect(scoreOf({ dial: 80 }, { dial: 79.75 }, ['dial'])).toBe(1);
    expect(hitTarget({ dial: 80, conversation: 27 }, { dial: 79.75, conversation: 26.58 }, TRACKED)).toBe(true);
    expect(hitTarget({ dial: 80, conversation: 26 }, { dial: 79.75, conversation: 26.58 }, TRACKED)).toBe(false);
  });

  it('leaves out kinds without a target, and is null (not ranked) when none has one', () => {
    expect(scoreOf({ dial: 40, conversation: 3 }, { dial: 40, conversation: 0 }, TRACKED)).toBe(1);
    expect(scoreOf({ dial: 40 }, { dial: 0, conversation: 0 }, TRACKED)).toBeNull();
    expect(hasTarget({ dial: 0, conversation: 0 }, TRACKED)).toBe(false);
    expect(hitTarget({ dial: 40 }, { dial: 0, conversation: 0 }, TRACKED)).toBe(false);
  });
});

describe('rankByScore', () => {
  it('ties share a rank (1, 2, 2, 4) and are listed by name', () => {
    const ranked = rankByScore([
      { id: 'a', name: 'zoe', score: 0.5 },
      { id: 'b', name: 'sam', score: 1.2 },
      { id: 'c', name: 'lee', score: 1.2 },
      { id: 'd', name: 'dana', score: 1.4 },
    ]);
    expect(ranked.map((r) => [r.name, r.rank])).toEqual([
      ['dana', 1],
      ['lee', 2],
      ['sam', 2],
      ['zoe', 4],
    ]);
  });

  it('treats floating-point dust as a tie', () => {
    const ranked = rankByScore([
      { id: 'a', name: 'b', score: 0.1 + 0.2 },
      { id: 'b', name: 'a', score: 0.3 },
    ]);
    expect(ranked.map((r) => [r.name, r.rank])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
  });

  it('ranks nobody when there is nobody', () => {
    expect(rankByScore([])).toEqual([]);
  });
});

describe('movementOf', () => {
  it('says up, down, same or new against the previous period', () => {
    expect(movementOf(1, 3)).toEqual({ type: 'up', by: 2 });
    expect(movementOf(3, 2)).toEqual({ type: 'down', by: 1 });
    expect(movementOf(2, 2)).toEqual({ type: 'same' });
    expect(movementOf(2, undefined)).toEqual({ type: 'new' });
  });
});

describe('streakOf', () => {
  it('counts weeks on target in a row, newest first, ending at the first miss', () => {
    expect(streakOf(['hit', 'hit', 'hit', 'miss', 'hit'])).toBe(3);
    expect(streakOf(['miss', 'hit', 'hit'])).toBe(0);
    expect(streakOf([])).toBe(0);
  });

  it('skips weeks without a target (a full week away) without breaking the streak', () => {
    expect(streakOf(['hit', 'no_target', 'hit', 'no_target', 'no_target', 'hit', 'miss', 'hit'])).toBe(3);
    expect(streakOf(['no_target', 'no_target'])).toBe(0);
  });

  it('weekRecord: no target, hit or miss', () => {
    expect(weekRecord({ dial: 10 }, { dial: 0, conversation: 0 }, TRACKED)).toBe('no_target');
    expect(weekRecord({ dial: 80, conversation: 27 }, { dial: 80, conversation: 27 }, TRACKED)).toBe('hit');
    expect(weekRecord({ dial: 300, conversation: 26 }, { dial: 80, conversation: 27 }, TRACKED)).toBe('miss');
  });
});

describe('board periods (team dates)', () => {
  const FRIDAY = '2026-12-04';
  it('today, this week, last week (the full week before) and this month, with stable keys', () => {
    expect(boardSpan('today', FRIDAY)).toEqual({ key: 'day:2026-12-04', days: ['2026-12-04'] });
    expect(boardSpan('week', FRIDAY).days).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(boardSpan('week', FRIDAY).key).toBe('week:2026-11-30');
    expect(boardSpan('last-week', FRIDAY)).toMatchObject({ key: 'week:2026-11-23' });
    expect(boardSpan('last-week', '2026-11-30').days[0]).toBe('2026-11-23'); // on a Monday too
    const month = boardSpan('month', FRIDAY);
    expect([month.key, month.days.length, month.days[0], month.days.at(-1)]).toEqual(['month:2026-12', 31, '2026-12-01', '2026-12-31']);
  });

  it('the previous period of the same kind', () => {
    expect(previousSpan('today', FRIDAY).days).toEqual(['2026-12-03']);
    expect(previousSpan('week', FRIDAY).key).toBe('week:2026-11-23');
    expect(previousSpan('last-week', FRIDAY).key).toBe('week:2026-11-16');
    expect(previousSpan('month', '2026-03-31')).toMatchObject({ key: 'month:2026-02' });
    expect(previousSpan('month', '2026-03-31').days).toHaveLength(28);
  });
});
