// Reads the "Log activity" modal's state into an entry, or into field errors keyed by block id.
// Pure: Slack checks the inputs in the browser, but a submission can be forged, so check again.
import { z } from 'zod';
import { LOG_MODAL } from '../../blocks/ids.js';
import { KIND_LABELS, KINDS, type KindCounts } from '../../lib/kinds.js';
import { hasControlCharacters } from '../../lib/text.js';
import { parseLocalDate, type LocalDate } from '../../lib/time.js';
import { UserError } from '../../lib/errors.js';
import { checkEntryDate } from '../../services/activities/entry-date.js';
import { MAX_NOTE_LENGTH } from '../commands/dial-grammar.js';

type StateValues = Record<string, Record<string, { value?: string | null; selected_date?: string | null } | undefined> | undefined>;

export type LogForm = { counts: KindCounts; date: LocalDate; note: string | undefined };
export type FormResult = { ok: true; form: LogForm } | { ok: false; errors: Record<string, string> };

const metadataSchema = z.object({ channelId: z.string().regex(/^[CDG][A-Z0-9]+$/).optional() }).catch({});

/** The channel to confirm in, from the modal's private_metadata (ignored when malformed). */
export function modalChannel(privateMetadata: string | undefined): string | undefined {
  try {
    return metadataSchema.parse(JSON.parse(privateMetadata || '{}')).channelId;
  } catch {
    return undefined;
  }
}

export function readLogForm(
  values: StateValues,
  rules: { maxCountPerEntry: number; backfillDays: number; now: Date; timezone: string },
): FormResult {
  const errors: Record<string, string> = {};
  const counts: KindCounts = {};
  for (const kind of KINDS) {
    const block = LOG_MODAL.kindBlock(kind);
    const raw = values[block]?.[LOG_MODAL.countAction]?.value?.trim();
    if (!raw) continue;
    const label = KIND_LABELS[kind].many;
    if (!/^\d+$/.test(raw)) errors[block] = `Enter ${label} as a whole number, e.g. 12.`;
    else if (Number(raw) === 0) continue; // 0 means "none of these": nothing to store for this kind
    else if (Number(raw) > rules.maxCountPerEntry) errors[block] = `At most ${rules.maxCountPerEntry.toLocaleString('en-US')} ${label} per entry.`;
    else counts[kind] = Number(raw);
  }
  if (Object.keys(errors).length === 0 && Object.keys(counts).length === 0) {
    errors[LOG_MODAL.kindBlock('dial')] = 'Enter at least one count to log.';
  }

  const rawDate = values[LOG_MODAL.dateBlock]?.[LOG_MODAL.dateAction]?.selected_date ?? '';
  const date = parseLocalDate(rawDate);
  if (!date) {
    errors[LOG_MODAL.dateBlock] = 'Pick the day this happened.';
  } else {
    try {
      checkEntryDate(date, rules.now, rules.timezone, rules.backfillDays);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      errors[LOG_MODAL.dateBlock] = error.message;
    }
  }

  const note = values[LOG_MODAL.noteBlock]?.[LOG_MODAL.noteAction]?.value?.trim() || undefined;
  if (note && note.length > MAX_NOTE_LENGTH) errors[LOG_MODAL.noteBlock] = `Keep the note under ${MAX_NOTE_LENGTH} characters (it has ${note.length}).`;
  else if (note && hasControlCharacters(note)) errors[LOG_MODAL.noteBlock] = 'The note contains control characters; retype it without them.';

  if (Object.keys(errors).length > 0 || !date) return { ok: false, errors };
  return { ok: true, form: { counts, date, note: note?.normalize('NFC') } };
}
