// The "Log activity" modal: a number input per kind, the day, an optional note.
import type { View } from '@slack/types';
import { KIND_LABELS, KINDS } from '../lib/kinds.js';
import type { LocalDate } from '../lib/time.js';
import { MAX_NOTE_LENGTH } from '../listeners/commands/dial-grammar.js';
import { CALLBACK, LOG_MODAL } from './ids.js';
import { LIMITS, truncate } from './slack-limits.js';

export type LogModalInput = {
  today: LocalDate;
  earliest: LocalDate;
  maxCount: number;
  /** Where to confirm after submit (the channel `/dial` was typed in), if any. */
  channelId: string | undefined;
};

export type LogModalMetadata = { channelId?: string };

export function buildLogModal(input: LogModalInput): View {
  const metadata: LogModalMetadata = input.channelId ? { channelId: input.channelId } : {};
  return {
    type: 'modal',
    callback_id: CALLBACK.logActivity,
    title: { type: 'plain_text', text: 'Log activity' },
    submit: { type: 'plain_text', text: 'Log it' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: truncate(JSON.stringify(metadata), LIMITS.privateMetadata),
    blocks: [
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: 'Fill in what you did; leave the rest empty. If it’s not logged, it didn’t happen.' }],
      },
      ...KINDS.map((kind) => ({
        type: 'input' as const,
        block_id: LOG_MODAL.kindBlock(kind),
        optional: true,
        label: { type: 'plain_text' as const, text: `${KIND_LABELS[kind].title}` },
        element: {
          type: 'number_input' as const,
          action_id: LOG_MODAL.countAction,
          is_decimal_allowed: false,
          min_value: '1',
          max_value: String(input.maxCount),
          placeholder: { type: 'plain_text' as const, text: '0' },
        },
      })),
      {
        type: 'input',
        block_id: LOG_MODAL.dateBlock,
        label: { type: 'plain_text', text: 'Day' },
        hint: { type: 'plain_text', text: `Today or up to ${input.earliest} (your timezone).` },
        element: { type: 'datepicker', action_id: LOG_MODAL.dateAction, initial_date: input.today },
      },
      {
        type: 'input',
        block_id: LOG_MODAL.noteBlock,
        optional: true,
        label: { type: 'plain_text', text: 'Note' },
        element: {
          type: 'plain_text_input',
          action_id: LOG_MODAL.noteAction,
          multiline: true,
          max_length: MAX_NOTE_LENGTH,
          placeholder: { type: 'plain_text', text: 'e.g. left 4 voicemails, booked a demo with Acme' },
        },
      },
    ],
  };
}
