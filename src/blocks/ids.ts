// Every callback_id, block_id and action_id dialbot uses, in one place.
import type { Kind } from '../lib/kinds.js';

export const CALLBACK = {
  logActivity: 'log_activity',
} as const;

export const ACTION = {
  openLogModal: 'open_log_modal',
} as const;

/** Inputs of the "Log activity" modal: one block per kind, then the date and the note. */
export const LOG_MODAL = {
  kindBlock: (kind: Kind) => `count_${kind}`,
  countAction: 'count',
  dateBlock: 'date',
  dateAction: 'date',
  noteBlock: 'note',
  noteAction: 'note',
} as const;
