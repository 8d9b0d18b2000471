// The phone-system webhook's contract: where it is, its limits, and the reading of its body,
// `{ "activities": [ … ] }`, into items to store and errors per item (by index). Pure: no clock,
// no I/O. A body that is not such an object is one batch error; a bad item never stops the others.
import { z } from 'zod';
import { KINDS, kindFromWord, type Kind } from '../lib/kinds.js';
import { hasControlCharacters } from '../lib/text.js';
import { parseInstant } from '../lib/time.js';

export const ACTIVITIES_PATH = '/api/v1/activities';
export const MAX_BATCH_ITEMS = 500;
/** Bodies larger than this are refused with 413 (500 items fit with room to spare). */
export const MAX_BATCH_BYTES = 1024 * 1024;
export const MAX_EXTERNAL_ID = 200;
const MAX_OUTCOME = 50;
const MAX_EMAIL = 254;
/** A call longer than a day is a clock or unit mistake. */
const MAX_DURATION_SECONDS = 86_400;
/** How far ahead of dialbot's clock occurredAt may be (the phone system's clock may run fast). */
export const FUTURE_SKEW_MS = 5 * 60_000;
/** The outcome that makes a long enough dial a conversation too. */
export const CONNECTED = 'connected';

export type BatchUser = { slackUserId: string } | { email: string };

export type BatchItem = {
  index: number;
  user: BatchUser;
  kind: Kind;
  count: number;
  occurredAt: Date;
  externalId: string;
  durationSeconds: number | undefined;
  /** Lower-cased. */
  outcome: string | undefined;
};

export type ItemError = { index: number; externalId: string | undefined; error: string };

export type BatchError = 'invalid_body' | 'batch_too_large';

export type BatchReading =
  | { ok: true; items: BatchItem[]; errors: ItemError[] }
  | { ok: false; status: 400 | 413; error: BatchError; message: string };

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const show = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
};

/** Absent and null are the same: phone systems often send `null` for "no value". */
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

const isExternalId = (text: string) => text.trim() !== '' && text.length <= MAX_EXTERNAL_ID && !hasControlCharacters(text) && !/[\t\r\n]/.test(text);

function itemSchema(rules: { maxCountPerEntry: number; now: Date }) {
  const max = rules.maxCountPerEntry;
  return z
    .object({
      user: z.string({ error: 'user is required: a Slack user id (U…) or an email address' }).transform((text, ctx): BatchUser => {
        const user = text.trim();
        if (SLACK_USER_ID.test(user)) return { slackUserId: user };
        if (user.length <= MAX_EMAIL && EMAIL.test(user)) return { email: user.toLowerCase() };
        ctx.addIssue({ code: 'custom', message: `user ${show(text)} is neither a Slack user id (like U0123ABCD) nor an email address` });
        return z.NEVER;
      }),
      kind: z.string({ error: `kind is required: one of ${KINDS.join(', ')}` }).transform((text, ctx) => {
        const kind = kindFromWord(text.trim());
        if (kind) return kind;
        ctx.addIssue({ code: 'custom', message: `kind ${show(text)} is not one of ${KINDS.join(', ')}` });
        return z.NEVER;
      }),
      count: optional(
        z
          .number({ error: (issue) => `count ${show(issue.input)} must be a whole number from 1 to ${max}` })
          .refine((n) => Number.isInteger(n) && n >= 1 && n <= max, { error: (issue) => `count ${show(issue.input)} must be a whole number from 1 to ${max}` }),
      ).transform((n) => n ?? 1),
      occurredAt: z.string({ error: 'occurredAt is required: an ISO-8601 instant with a timezone, like 2026-12-04T14:05:00Z' }).transform((text, ctx) => {
        const instant = parseInstant(text.trim());
        if (!instant) {
          ctx.addIssue({ code: 'custom', message: `occurredAt ${show(text)} is not an ISO-8601 instant with a timezone (like 2026-12-04T14:05:00Z)` });
          return z.NEVER;
        }
        if (instant.getTime() > rules.now.getTime() + FUTURE_SKEW_MS) {
          ctx.addIssue({ code: 'custom', message: `occurredAt ${show(text)} is in the future (dialbot's clock says ${rules.now.toISOString()})` });
          return z.NEVER;
        }
        return instant;
      }),
      externalId: z
        .union([z.string(), z.number().int().nonnegative()], { error: `externalId is required: the phone system's id for this activity (up to ${MAX_EXTERNAL_ID} characters)` })
        .transform(String)
        .refine(isExternalId, { error: `externalId must be 1 to ${MAX_EXTERNAL_ID} characters, without control characters or line breaks` }),
      durationSeconds: optional(
        z.number({ error: 'durationSeconds must be a number of seconds' }).min(0, 'durationSeconds must not be negative').max(MAX_DURATION_SECONDS, 'durationSeconds is longer than a day'),
      ),
      outcome: optional(
        z
          .string({ error: 'outcome must be text, e.g. "connected"' })
          .max(MAX_OUTCOME, `outcome must be at most ${MAX_OUTCOME} characters`)
          .refine((s) => !hasControlCharacters(s), 'outcome contains control characters')
          .transform((s) => s.trim().toLowerCase()),
      ),
    })
    .superRefine((item, ctx) => {
      // Duration and outcome describe one call: the connected-call rule needs both to mean that.
      if ((item.durationSeconds !== undefined || item.outcome !== undefined) && (item.kind !== 'dial' || item.count !== 1)) {
        ctx.addIssue({ code: 'custom', message: 'durationSeconds and outcome describe one call: send them with kind "dial" and count 1' });
      }
    });
}

/** The item's externalId as sent, when it is one that can be echoed back. */
function echoedExternalId(raw: unknown): string | undefined {
  if (raw === null || typeof raw !== 'object' || !('externalId' in raw)) return undefined;
  const id = (raw as { externalId: unknown }).externalId;
  const text = typeof id === 'number' && Number.isInteger(id) ? String(id) : id;
  return typeof text === 'string' && isExternalId(text) ? text : undefined;
}

export function readActivityBatch(body: unknown, rules: { maxCountPerEntry: number; now: Date }): BatchReading {
  const activities = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as { activities?: unknown }).activities : undefined;
  if (!Array.isArray(activities)) {
    return { ok: false, status: 400, error: 'invalid_body', message: 'The body must be a JSON object with an "activities" array: {"activities": [{"user": …, "kind": …, …}]}.' };
  }
  if (activities.length === 0) return { ok: false, status: 400, error: 'invalid_body', message: '"activities" is empty: send at least one activity.' };
  if (activities.length > MAX_BATCH_ITEMS) {
    return { ok: false, status: 413, error: 'batch_too_large', message: `${activities.length} activities in one request; send at most ${MAX_BATCH_ITEMS} per request.` };
  }
  const schema = itemSchema(rules);
  const items: BatchItem[] = [];
  const errors: ItemError[] = [];
  activities.forEach((raw: unknown, index) => {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      errors.push({ index, externalId: undefined, error: 'each activity must be a JSON object' });
      return;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) items.push({ index, ...parsed.data });
    else errors.push({ index, externalId: echoedExternalId(raw), error: parsed.error.issues.map((issue) => issue.message).join('; ') });
  });
  return { ok: true, items, errors };
}
