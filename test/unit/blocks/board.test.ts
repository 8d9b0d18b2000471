import { boardMessages, boardReply, MAX_BLOCKS_PER_MESSAGE, rowText } from '../../../src/blocks/board.js';
import type { BoardRow, TeamBoard } from '../../../src/services/boards/rank-team.js';

const KINDS = ['dial', 'conversation'] as const;

function rep(i: number, over: Partial<BoardRow> = {}): BoardRow {
  return {
    memberId: `m${i}`,
    slackUserId: `U${String(i).padStart(4, '0')}`,
    name: `rep ${i}`,
    rank: i,
    score: 2 - i / 100,
    percent: Math.floor((2 - i / 100) * 100),
    actual: { dial: 100 + i, conversation: 30 } as BoardRow['actual'],
    target: { dial: 79.75, conversation: 26.58 } as BoardRow['target'],
    hitTarget: i < 100,
    movement: { type: 'same' },
    streak: 2,
    ...over,
  };
}

function board(rows: BoardRow[], over: Partial<TeamBoard> = {}): TeamBoard {
  return {
    teamId: 't1',
    teamName: 'Sales',
    period: 'last-week',
    key: 'week:2026-11-23',
    timezone: 'America/New_York',
    today: '2026-12-04',
    from: '2026-11-23',
    to: '2026-11-29',
    complete: true,
    trackedKinds: [...KINDS],
    rows,
    noTarget: [{ memberId: 'mx', slackUserId: 'UPTO', name: 'pat', actual: { dial: 0, conversation: 0 } as BoardRow['actual'], reason: 'pto' }],
    ...over,
  };
}

const texts = (blocks: unknown[]) => JSON.stringify(blocks);

describe('board builder', () => {
  it('a row: rank, mention, score, counts against target as shown, movement, streak', () => {
    expect(rowText(rep(2, { percent: 142, movement: { type: 'up', by: 2 }, streak: 4 }), KINDS)).toBe(
      '*2.* <@U0002> · *142%* ✅ · 102 / 80 dials · 30 / 27 conversations · ▲2 · 🔥 4 wks',
    );
    expect(rowText(rep(3, { hitTarget: false, percent: 61, movement: { type: 'down', by: 1 }, streak: null }), KINDS)).toBe(
      '*3.* <@U0003> · *61%* · 103 / 80 dials · 30 / 27 conversations · ▼1',
    );
    expect(rowText(rep(4, { movement: { type: 'new' }, streak: 0 }), KINDS)).toContain(' · new');
    expect(rowText(rep(4, { movement: { type: 'same' }, streak: 1 }), KINDS)).toMatch(/ · = · 🔥 1 wk$/);
  });

  it('a small board is one message: header, how it is scored, recognition, rows, who had no target', () => {
    const [message, ...rest] = boardMessages(board([rep(1), rep(2)]));
    expect(rest).toEqual([]);
    expect(message!.text).toBe('Sales board · Last week (Mon 23 Nov – Sun 29 Nov)');
    const blocks = message!.blocks as Array<Record<string, any>>;
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: ':trophy: Sales board · Last week (Mon 23 Nov – Sun 29 Nov)', emoji: true } });
    expect(texts(blocks)).toContain('the mean over dials and conversations, each capped at 300%');
    expect(blocks[2]!.text.text).toContain('Everyone who hit target: <@U0001> and <@U0002>.');
    expect(blocks.at(-1)!.text.text).toBe('*No target this period:* <@UPTO> (on PTO)');
  });

  it('120 reps: three messages of at most 50 blocks, every rep once, the no-target list last', () => {
    const rows = Array.from({ length: 120 }, (_, i) => rep(i + 1));
    const messages = boardMessages(board(rows));
    expect(messages).toHaveLength(3);
    for (const m of messages) expect(m.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS_PER_MESSAGE);
    const all = messages.map((m) => texts(m.blocks)).join('\n');
    for (const r of rows) expect(all.split(`<@${r.slackUserId}> · `).length - 1).toBe(1);
    expect(texts(messages[2]!.blocks)).toContain('continued (3 of 3)');
    expect(texts(messages[2]!.blocks)).toContain('No target this period');
    expect(texts(messages[0]!.blocks)).not.toContain('No target this period');
    expect(messages.map((m) => m.text)).toEqual([
      'Sales board · Last week (Mon 23 Nov – Sun 29 Nov)',
      'Sales board · Last week (Mon 23 Nov – Sun 29 Nov) (2 of 3)',
      'Sales board · Last week (Mon 23 Nov – Sun 29 Nov) (3 of 3)',
    ]);
  });

  it('the ephemeral answer is the first message with "and N more", and the no-target list', () => {
    const reply = boardReply(board(Array.from({ length: 120 }, (_, i) => rep(i + 1))));
    expect(reply.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS_PER_MESSAGE);
    const t = texts(reply.blocks);
    expect(t).toContain('<@U0040> · ');
    expect(t).not.toContain('<@U0041> · ');
    expect(t).toContain('…and 80 more.');
    expect(t).toContain('No target this period');
  });

  it('keeps the header within 150 characters and every text within its limit', () => {
    const long = board([rep(1, { slackUserId: 'U1' })], { teamName: 'x'.repeat(400) });
    const [message] = boardMessages(long);
    const header = message!.blocks[0] as { text: { text: string } };
    expect(header.text.text.length).toBeLessThanOrEqual(150);
    const manyAway = board([], { noTarget: Array.from({ length: 400 }, (_, i) => ({ memberId: `a${i}`, slackUserId: `UAWAY${i}`, name: `a${i}`, actual: { dial: 0 } as BoardRow['actual'], reason: 'no_goal' as const })) });
    for (const block of boardMessages(manyAway)[0]!.blocks as Array<Record<string, any>>) {
      if (block.type === 'section') expect(block.text.text.length).toBeLessThanOrEqual(3000);
    }
    expect(texts(boardMessages(manyAway)[0]!.blocks)).toContain('No one has a target this period.');
  });
});
