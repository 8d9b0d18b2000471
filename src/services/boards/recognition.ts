// Recognition on a board: "recognise top performers vocally, often". The leader (rank 1, everyone
// tied for it), everyone who hit target, and the longest streak, in words a manager would post.
// The wording varies from period to period but is fixed for a period: the template is picked by
// a hash of the period's key, so a re-posted board reads the same. Pure.
import { formatCount, type Kind } from '../../lib/kinds.js';
import type { BoardPeriod, BoardRow, TeamBoard } from './rank-team.js';

export const mention = (slackUserId: string): string => `<@${slackUserId}>`;

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * FNV-1a with a final avalanche (MurmurHash3's fmix32), 32 bits: a small stable hash, so a period
 * always gets the same template while consecutive weeks (keys differing in one digit) don't.
 */
export function periodHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
  hash ^= hash >>> 16;
  return hash >>> 0;
}

type Wording = { leaders: string; led: string; span: string; spanOn: string; pct: string; counts: string };

export const LEAD_TEMPLATES: ReadonlyArray<(w: Wording) => string> = [
  (w) => `🏆 ${w.leaders} ${w.led} ${w.span} at ${w.pct}% of target — ${w.counts}.`,
  (w) => `🥇 Top of the board ${w.spanOn}: ${w.leaders} at ${w.pct}% of target — ${w.counts}.`,
  (w) => `👏 Big shout-out to ${w.leaders}: ${w.pct}% of target ${w.spanOn} — ${w.counts}.`,
  (w) => `🚀 ${w.leaders} set the pace ${w.spanOn} at ${w.pct}% of target — ${w.counts}.`,
];

const SPANS: Record<BoardPeriod, { span: string; spanOn: string }> = {
  today: { span: 'the day', spanOn: 'today' },
  week: { span: 'the week so far', spanOn: 'this week so far' },
  'last-week': { span: 'the week', spanOn: 'last week' },
  month: { span: 'the month so far', spanOn: 'this month so far' },
};

function countsOf(row: BoardRow, kinds: readonly Kind[]): string {
  return kinds.map((k) => formatCount(k, row.actual[k] ?? 0)).join(', ');
}

export type Recognition = {
  /** Praise for the leader(s); null when nobody has a score above 0 yet. */
  lead: string | null;
  /** Everyone at or above 100% of target; null when nobody is. */
  hitTarget: string | null;
  /** The longest streak on the board (2 weeks or more), week boards only. */
  streak: string | null;
  /** When nobody has anything yet. */
  empty: string | null;
};

export function recognitionFor(board: Pick<TeamBoard, 'key' | 'period' | 'complete' | 'rows' | 'trackedKinds'>): Recognition {
  const { span, spanOn } = SPANS[board.period];
  const leaders = board.rows.filter((r) => r.rank === 1 && r.score > 0);
  let lead: string | null = null;
  if (leaders.length > 0) {
    const many = leaders.length > 1;
    const template = LEAD_TEMPLATES[periodHash(board.key) % LEAD_TEMPLATES.length]!;
    lead = template({
      leaders: joinNames(leaders.map((r) => mention(r.slackUserId))),
      led: board.complete ? 'led' : many ? 'are leading' : 'is leading',
      span,
      spanOn,
      pct: leaders[0]!.percent.toLocaleString('en-US'),
      counts: many ? leaders.map((r) => `${mention(r.slackUserId)} ${countsOf(r, board.trackedKinds)}`).join('; ') : countsOf(leaders[0]!, board.trackedKinds),
    });
  }
  const hitters = board.rows.filter((r) => r.hitTarget).map((r) => mention(r.slackUserId));
  const hitTarget = hitters.length === 0 ? null : `${board.complete ? 'Everyone who hit target' : 'Already on target'}: ${joinNames(hitters)}.`;

  let streak: string | null = null;
  const longest = Math.max(0, ...board.rows.map((r) => r.streak ?? 0));
  if (longest >= 2) {
    const streakers = board.rows.filter((r) => r.streak === longest).map((r) => mention(r.slackUserId));
    streak = streakers.length === 1 ? `🔥 ${streakers[0]} is on a ${longest}-week streak.` : `🔥 ${joinNames(streakers)} are on ${longest}-week streaks.`;
  }
  const empty = lead ? null : board.complete ? `Nothing was logged ${spanOn}.` : 'Nothing logged yet — the first dial takes the top spot.';
  return { lead, hitTarget, streak, empty };
}
