// Flagged entries as people read them: why each was flagged in plain words, the entry behind it
// (what, for when, logged when and how, by whom), and for managers Accept / Void buttons opening
// a modal that asks for the reason. Pure.
import type { KnownBlock, ModalView } from '@slack/types';
import type { FlagResolution } from '../generated/prisma/client.js';
import { KIND_LABELS } from '../lib/kinds.js';
import { roundHalfUp } from '../lib/numbers.js';
import { formatLocalDate, localClockTime, localDate } from '../lib/time.js';
import { isPerCall, type Finding } from '../services/flags/flag-rules.js';
import { SHOWN_FLAGS, type FlaggedEntry, type OpenFlags } from '../services/flags/open-flags.js';
import { describeCounts, SOURCE_LABELS } from './activity-replies.js';
import { ACTION, CALLBACK, FLAG_MODAL } from './ids.js';
import { LIMITS, truncate } from './slack-limits.js';

export const FLAG_REASON_MAX = 500;

export type FlagModalMetadata = { flagId: string; resolution: FlagResolution };

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** 45 → "45 minutes", 150 → "2 hours 30 minutes". */
export function describeMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [...(hours > 0 ? [plural(hours, 'hour', 'hours')] : []), ...(rest > 0 || hours === 0 ? [plural(rest, 'minute', 'minutes')] : [])];
  return parts.join(' ');
}

/** "Logged 5 days after it happened", "212 dials for Thu 3 Dec in 1 hour of working time (more than 10 a minute)", … */
export function findingText(finding: Finding): string {
  switch (finding.reason) {
    case 'late':
      return `Logged ${plural(finding.detail.days, 'day', 'days')} after it happened (the team allows ${plural(finding.detail.limit, 'day', 'days')})`;
    case 'burst': {
      const d = finding.detail;
      return d.per === 'call'
        ? `${plural(d.dials, 'call', 'calls')} within one minute (more than ${d.limit} a minute)`
        : `${plural(d.dials, 'dial', 'dials')} for ${formatLocalDate(d.day)} in ${describeMinutes(d.minutes)} of working time (more than ${d.limit} a minute)`;
    }
    case 'large': {
      const d = finding.detail;
      const ratio = d.count / d.dailyTarget;
      const times = ratio >= 10 ? roundHalfUp(ratio).toLocaleString('en-US') : String(roundHalfUp(ratio, 1));
      const target = d.dailyTarget < 1 ? 'under 1' : roundHalfUp(d.dailyTarget).toLocaleString('en-US');
      return `Entry of ${plural(d.count, KIND_LABELS[d.kind].one, KIND_LABELS[d.kind].many)} is ${times}× the daily target (${target})`;
    }
  }
}

/** "400 dials · for Mon 1 Dec · logged Sat 6 Dec 10:05 via /dial", in the rep's timezone. */
export function entryText(flag: Pick<FlaggedEntry, 'entry' | 'rep'>): string {
  const { entry, rep } = flag;
  const zone = rep.timezone;
  const at = (instant: Date) => `${formatLocalDate(localDate(instant, zone))} ${localClockTime(instant, zone)}`;
  const when = isPerCall(entry.source) ? at(entry.occurredAt) : formatLocalDate(localDate(entry.occurredAt, zone));
  const by = entry.authorUserId && entry.authorUserId !== rep.slackUserId ? ` by <@${entry.authorUserId}>` : '';
  const note = entry.note ? `\n> ${truncate(entry.note.replace(/\s+/g, ' '), 200)}` : '';
  return `${describeCounts(entry.counts)} · for ${when} · logged ${at(entry.loggedAt)} ${SOURCE_LABELS[entry.source]}${by}${note}`;
}

const button = (flagId: string, resolution: FlagResolution) => ({
  type: 'button' as const,
  action_id: `${ACTION.resolveFlag}_${resolution}`,
  value: flagId,
  text: { type: 'plain_text' as const, text: resolution === 'accepted' ? 'Accept' : 'Void' },
  ...(resolution === 'accepted' ? { style: 'primary' as const } : { style: 'danger' as const }),
});

/**
 * Open flags under a header: for a manager each names the rep and carries Accept / Void; for the
 * rep themself, read only. Nothing when there are none.
 */
export function flagBlocks(open: OpenFlags, viewer: 'manager' | 'rep'): KnownBlock[] {
  if (open.total === 0) return [];
  const review = viewer === 'manager';
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: review ? `Needs review (${open.total})` : `Flagged for review (${open.total})` } },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: review
            ? 'Entries logged late, faster than anyone can dial, or far above target. *Accept* keeps an entry; *Void* takes it out of every total. Either needs a reason, and is recorded.'
            : 'Your manager will accept or void these entries. Until then they count as logged.',
        },
      ],
    },
  ];
  for (const flag of open.flags.slice(0, SHOWN_FLAGS)) {
    const who = review ? `*<@${flag.rep.slackUserId}>* · ` : '';
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(`${who}:triangular_flag_on_post: ${findingText(flag.finding)}\n${entryText(flag)}`, LIMITS.sectionText) } });
    if (review) blocks.push({ type: 'actions', elements: [button(flag.flagId, 'accepted'), button(flag.flagId, 'voided')] });
  }
  const more = open.total - Math.min(open.flags.length, SHOWN_FLAGS);
  if (more > 0) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: review ? `…and ${more} more. \`/dial stats @rep\` shows a rep’s own.` : `…and ${more} more.` }],
    });
  }
  return blocks;
}

/** The modal asking why a flagged entry is accepted or voided. */
export function flagResolutionModal(flag: FlaggedEntry, resolution: FlagResolution): ModalView {
  const accept = resolution === 'accepted';
  const effect = accept
    ? 'It stays in every total and leaves the review list.'
    : 'It is taken out of every total; its rows stay in the record, marked voided.';
  return {
    type: 'modal',
    callback_id: CALLBACK.resolveFlag,
    private_metadata: JSON.stringify({ flagId: flag.flagId, resolution } satisfies FlagModalMetadata),
    title: { type: 'plain_text', text: accept ? 'Accept entry' : 'Void entry' },
    submit: { type: 'plain_text', text: accept ? 'Accept' : 'Void' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: truncate(`${accept ? 'Accept' : 'Void'} <@${flag.rep.slackUserId}>’s entry: ${entryText(flag)}\n_${findingText(flag.finding)}._\n${effect}`, LIMITS.sectionText),
        },
      },
      {
        type: 'input',
        block_id: FLAG_MODAL.reasonBlock,
        label: { type: 'plain_text', text: accept ? 'Why does it stand?' : 'Why is it voided?' },
        element: { type: 'plain_text_input', action_id: FLAG_MODAL.action, multiline: true, max_length: FLAG_REASON_MAX },
      },
    ],
  };
}
