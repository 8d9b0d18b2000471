// The funnel's kinds, in order, with the words people use for them.
import type { ActivityKind } from '../generated/prisma/enums.js';

export type Kind = ActivityKind;

/** dial → conversation → presentation → opportunity → close. */
export const KINDS: readonly Kind[] = ['dial', 'conversation', 'presentation', 'opportunity', 'close'];

export const KIND_LABELS: Record<Kind, { one: string; many: string; title: string; emoji: string }> = {
  dial: { one: 'dial', many: 'dials', title: 'Dials', emoji: ':telephone_receiver:' },
  conversation: { one: 'conversation', many: 'conversations', title: 'Conversations', emoji: ':speech_balloon:' },
  presentation: { one: 'presentation', many: 'presentations', title: 'Presentations', emoji: ':bar_chart:' },
  opportunity: { one: 'opportunity', many: 'opportunities', title: 'Opportunities', emoji: ':dart:' },
  close: { one: 'close', many: 'closes', title: 'Closes', emoji: ':trophy:' },
};

const ALIASES: Record<Kind, readonly string[]> = {
  dial: ['dial', 'dials', 'd', 'call', 'calls'],
  conversation: ['conversation', 'conversations', 'convo', 'convos', 'c', 'talk', 'talks'],
  presentation: ['presentation', 'presentations', 'meeting', 'meetings', 'demo', 'demos', 'p'],
  opportunity: ['opportunity', 'opportunities', 'opp', 'opps', 'o'],
  close: ['close', 'closes', 'closed', 'won', 'deal', 'deals'],
};

const BY_ALIAS = new Map<string, Kind>(KINDS.flatMap((kind) => ALIASES[kind].map((alias) => [alias, kind] as const)));

/** The kind a word names (case-insensitive), or undefined. */
export function kindFromWord(word: string): Kind | undefined {
  return BY_ALIAS.get(word.toLowerCase());
}

export function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}

/** "1 dial", "12 dials". */
export function formatCount(kind: Kind, count: number): string {
  const label = KIND_LABELS[kind];
  return `${count.toLocaleString('en-US')} ${count === 1 ? label.one : label.many}`;
}

/** Counts per kind; kinds with nothing are absent. */
export type KindCounts = Partial<Record<Kind, number>>;
