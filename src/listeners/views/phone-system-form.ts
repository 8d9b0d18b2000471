// Reads the phone-system modal's state: the connected-call threshold and an optional label for a
// new token, or field errors keyed by block id. Pure; a submission can be forged, so check all.
import { z } from 'zod';
import { PHONE_MODAL } from '../../blocks/ids.js';
import { MAX_CONNECTED_SECONDS, MAX_TOKEN_LABEL, MIN_CONNECTED_SECONDS } from '../../blocks/phone-system-modal.js';
import { hasControlCharacters } from '../../lib/text.js';

type StateValues = Record<string, Record<string, { value?: string | null } | undefined> | undefined>;

export type PhoneForm = { connectedCallSeconds: number; tokenLabel: string | undefined };
export type PhoneFormResult = { ok: true; form: PhoneForm } | { ok: false; errors: Record<string, string> };

const formSchema = z.object({
  [PHONE_MODAL.connectedSecondsBlock]: z
    .string()
    .nullish()
    .transform((s) => (s ?? '').trim())
    .refine(
      (s) => /^\d{1,4}$/.test(s) && Number(s) >= MIN_CONNECTED_SECONDS && Number(s) <= MAX_CONNECTED_SECONDS,
      `Use a whole number of seconds from ${MIN_CONNECTED_SECONDS} to ${MAX_CONNECTED_SECONDS}, e.g. 60.`,
    )
    .transform(Number),
  [PHONE_MODAL.tokenLabelBlock]: z
    .string()
    .nullish()
    .transform((s) => (s ?? '').trim().normalize('NFC'))
    .superRefine((s, ctx) => {
      if (Array.from(s).length > MAX_TOKEN_LABEL) ctx.addIssue({ code: 'custom', message: `Keep the name to ${MAX_TOKEN_LABEL} characters.` });
      else if (hasControlCharacters(s)) ctx.addIssue({ code: 'custom', message: 'The name contains control characters; retype it without them.' });
    })
    .transform((s) => s || undefined),
});

export function readPhoneForm(values: StateValues): PhoneFormResult {
  const value = (block: string) => values[block]?.[PHONE_MODAL.action]?.value;
  const parsed = formSchema.safeParse({
    [PHONE_MODAL.connectedSecondsBlock]: value(PHONE_MODAL.connectedSecondsBlock),
    [PHONE_MODAL.tokenLabelBlock]: value(PHONE_MODAL.tokenLabelBlock),
  });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return { ok: false, errors };
  }
  return { ok: true, form: { connectedCallSeconds: parsed.data[PHONE_MODAL.connectedSecondsBlock], tokenLabel: parsed.data[PHONE_MODAL.tokenLabelBlock] } };
}
