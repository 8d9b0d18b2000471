import { LEAD_TEMPLATES, periodHash, recognitionFor } from '../../../../src/services/boards/recognition.js';
import type { BoardRow, TeamBoard } from '../../../../src/services/boards/rank-team.js';

function row(over: Partial<BoardRow> & Pick<BoardRow, 'slackUserId' | 'rank' | 'score'>): BoardRow {
  return {
    memberId: `m-${over.slackUserId}`,
    name: over.slackUserId.toLowerCase(),
    percent: Math.floor(over.score * 100 + 1e-9),
    actual: { dial: 0, conversation: 0 } as BoardRow['actual'],
    target: { dial: 80, conversation: 27 } as BoardRow['target'],
    hitTarget: over.score >= 1,
    movement: { type: 'same' },
    streak: null,
    ...over,
  };
}

type RecognitionBoard = Pick<TeamBoard, 'key' | 'period' | 'complete' | 'rows' | 'trackedKinds'>;

const board = (over: Partial<RecognitionBoard>): RecognitionBoard => ({ key: 'week:2026-11-23', period: 'last-week', complete: true, trackedKinds: ['dial', 'conversation'], rows: [], ...over });

const ROWS = [
  row({ slackUserId: 'UDANA', rank: 1, score: 1.42, actual: { dial: 512, conversation: 61 } as BoardRow['actual'], streak: 1 }),
  row({ slackUserId: 'USAM', rank: 2, score: 1.1, streak: 4 }),
  row({ slackUserId: 'ULEE', rank: 3, score: 1.0, streak: 2 }),
  row({ slackUserId: 'UZOE', rank: 4, score: 0.5, streak: 0 }),
];

describe('recognitionFor', () => {
  it('praises the leader with their share and counts, names everyone on target, and the longest streak', () => {
    const r = recognitionFor(board({ rows: ROWS }));
    expect(periodHash('week:2026-11-23') % LEAD_TEMPLATES.length).toBe(1);
    expect(r.lead).toBe('🥇 Top of the board last week: <@UDANA> at 142% of target — 512 dials, 61 conversations.');
    expect(r.hitTarget).toBe('Everyone who hit target: <@UDANA>, <@USAM> and <@ULEE>.');
    expect(r.streak).toBe('🔥 <@USAM> is on a 4-week streak.');
    expect(r.empty).toBeNull();
  });

  it('is deterministic for a period and varies between weeks', () => {
    const keys = ['week:2026-11-02', 'week:2026-11-09', 'week:2026-11-16', 'week:2026-11-23', 'week:2026-11-30', 'week:2026-12-07', 'week:2026-12-14'];
    const leads = keys.map((key) => recognitionFor(board({ key, rows: ROWS })).lead);
    expect(keys.map((key) => recognitionFor(board({ key, rows: ROWS })).lead)).toEqual(leads);
    expect(new Set(leads).size).toBeGreaterThanOrEqual(3);
    expect(leads[0]).toBe('🚀 <@UDANA> set the pace last week at 142% of target — 512 dials, 61 conversations.');
    expect(leads[2]).toBe('🏆 <@UDANA> led the week at 142% of target — 512 dials, 61 conversations.');
  });

  it('names every leader in a tie, each with their counts; a running week says "is leading" and "Already on target"', () => {
    const tied = [row({ slackUserId: 'UA', rank: 1, score: 1.2 }), row({ slackUserId: 'UB', rank: 1, score: 1.2 }), row({ slackUserId: 'UC', rank: 3, score: 0.4 })];
    const r = recognitionFor(board({ key: 'week:2026-11-16', period: 'week', complete: false, rows: tied }));
    expect(r.lead).toBe('🏆 <@UA> and <@UB> are leading the week so far at 120% of target — <@UA> 0 dials, 0 conversations; <@UB> 0 dials, 0 conversations.');
    expect(r.hitTarget).toBe('Already on target: <@UA> and <@UB>.');
    expect(r.streak).toBeNull();
  });

  it('says so when nothing is logged, and names nobody', () => {
    const r = recognitionFor(board({ period: 'week', complete: false, rows: [row({ slackUserId: 'UA', rank: 1, score: 0 })] }));
    expect(r).toEqual({ lead: null, hitTarget: null, streak: null, empty: 'Nothing logged yet — the first dial takes the top spot.' });
  });
});
