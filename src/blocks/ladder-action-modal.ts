// The modal a manager fills in after pressing a ladder button: the outcome is fixed by the
// button, the note says what happened (required to excuse a week). Pure.
import type { ModalView } from '@slack/types';
import type { LadderOutcome } from '../services/escalation/record-ladder-action.js';
import { formatLocalDate } from '../lib/time.js';
import { OUTCOME_LABELS } from './escalation.js';
import { CALLBACK, LADDER_MODAL } from './ids.js';
import { LIMITS, truncate } from './slack-limits.js';

export const LADDER_NOTE_MAX = 500;

export type LadderModalMetadata = { evaluationId: string; outcome: LadderOutcome };

export function ladderActionModal(input: LadderModalMetadata & { repUserId: string; week: string }): ModalView {
  const excuse = input.outcome === 'excused';
  return {
    type: 'modal',
    callback_id: CALLBACK.ladderAction,
    private_metadata: JSON.stringify({ evaluationId: input.evaluationId, outcome: input.outcome } satisfies LadderModalMetadata),
    title: { type: 'plain_text', text: truncate(OUTCOME_LABELS[input.outcome], LIMITS.modalTitle) },
    submit: { type: 'plain_text', text: 'Record' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: excuse
            ? `Excuse <@${input.repUserId}>’s week of ${formatLocalDate(input.week)}: it will count as neither a hit nor a miss, and their level is recomputed.`
            : `Record what you did about <@${input.repUserId}>’s week of ${formatLocalDate(input.week)}.`,
        },
      },
      {
        type: 'input',
        block_id: LADDER_MODAL.noteBlock,
        optional: !excuse,
        label: { type: 'plain_text', text: excuse ? 'Why is the week excused?' : 'Note' },
        element: { type: 'plain_text_input', action_id: LADDER_MODAL.action, multiline: true, max_length: LADDER_NOTE_MAX },
      },
    ],
  };
}
