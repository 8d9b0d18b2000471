import { FUTURE_SKEW_MS, MAX_BATCH_ITEMS, readActivityBatch } from '../../../src/api/activity-batch.js';
import { countsFor } from '../../../src/services/activities/log-api-activities.js';

const now = new Date('2026-12-04T15:00:00Z');
const rules = { maxCountPerEntry: 1000, now };
const item = (extra: Record<string, unknown> = {}) => ({ user: 'U0DANA', kind: 'dial', occurredAt: '2026-12-04T14:00:00Z', externalId: 'c1', ...extra });
const read = (...items: unknown[]) => readActivityBatch({ activities: items }, rules);
const errorOf = (extra: Record<string, unknown>) => {
  const result = read(item(extra));
  if (!result.ok) throw new Error(result.message);
  return result.errors[0]?.error;
};

describe('readActivityBatch', () => {
  it('reads a valid item with its defaults: count 1, no duration or outcome', () => {
    expect(read(item())).toEqual({
      ok: true,
      items: [{ index: 0, user: { slackUserId: 'U0DANA' }, kind: 'dial', count: 1, occurredAt: new Date('2026-12-04T14:00:00Z'), externalId: 'c1', durationSeconds: undefined, outcome: undefined }],
      errors: [],
    });
  });

  it('takes emails (lower-cased), kind aliases, offsets, numeric externalIds and nulls for absent values', () => {
    const result = read(item({ user: ' Dana@Example.COM ', kind: 'Calls', occurredAt: '2026-12-04T09:00:00-05:00', externalId: 17, count: null, durationSeconds: 61.5, outcome: ' Connected ' }));
    expect(result).toMatchObject({
      ok: true,
      items: [{ user: { email: 'dana@example.com' }, kind: 'dial', count: 1, occurredAt: new Date('2026-12-04T14:00:00Z'), externalId: '17', durationSeconds: 61.5, outcome: 'connected' }],
    });
  });

  it('reports every problem of an item at once, by index, echoing a usable externalId', () => {
    const result = read(item(), item({ kind: 'lunch', count: 2.5, externalId: 'c2' }), 'oops', item({ externalId: 'a\nb' }));
    expect(result.ok && result.items.map((i) => i.index)).toEqual([0]);
    expect(result.ok && result.errors).toEqual([
      { index: 1, externalId: 'c2', error: 'kind "lunch" is not one of dial, conversation, presentation, opportunity, close; count "2.5" must be a whole number from 1 to 1000' },
      { index: 2, externalId: undefined, error: 'each activity must be a JSON object' },
      { index: 3, externalId: undefined, error: 'externalId must be 1 to 200 characters, without control characters or line breaks' },
    ]);
  });

  it.each([
    [{ user: null }, 'user is required: a Slack user id (U…) or an email address'],
    [{ user: 'dana' }, 'user "dana" is neither a Slack user id (like U0123ABCD) nor an email address'],
    [{ kind: null }, 'kind is required: one of dial, conversation, presentation, opportunity, close'],
    [{ count: 0 }, 'count "0" must be a whole number from 1 to 1000'],
    [{ count: 1001 }, 'count "1001" must be a whole number from 1 to 1000'],
    [{ count: '3' }, 'count "3" must be a whole number from 1 to 1000'],
    [{ occurredAt: null }, 'occurredAt is required: an ISO-8601 instant with a timezone, like 2026-12-04T14:05:00Z'],
    [{ occurredAt: '2026-12-04 14:00' }, 'occurredAt "2026-12-04 14:00" is not an ISO-8601 instant with a timezone (like 2026-12-04T14:05:00Z)'],
    [{ occurredAt: '2026-12-04T14:00:00' }, 'occurredAt "2026-12-04T14:00:00" is not an ISO-8601 instant with a timezone (like 2026-12-04T14:05:00Z)'],
    [{ externalId: null }, "externalId is required: the phone system's id for this activity (up to 200 characters)"],
    [{ externalId: '' }, 'externalId must be 1 to 200 characters, without control characters or line breaks'],
    [{ externalId: 'x'.repeat(201) }, 'externalId must be 1 to 200 characters, without control characters or line breaks'],
    [{ externalId: 'a\u202Eb' }, 'externalId must be 1 to 200 characters, without control characters or line breaks'],
    [{ durationSeconds: -1 }, 'durationSeconds must not be negative'],
    [{ durationSeconds: 90_000 }, 'durationSeconds is longer than a day'],
    [{ outcome: 'x'.repeat(51) }, 'outcome must be at most 50 characters'],
    [{ outcome: 'connected', kind: 'conversation' }, 'durationSeconds and outcome describe one call: send them with kind "dial" and count 1'],
    [{ durationSeconds: 60, count: 2 }, 'durationSeconds and outcome describe one call: send them with kind "dial" and count 1'],
  ])('refuses %j', (extra, message) => {
    expect(errorOf(extra)).toBe(message);
  });

  it('allows occurredAt a little ahead of the clock, not more', () => {
    expect(errorOf({ occurredAt: new Date(now.getTime() + FUTURE_SKEW_MS).toISOString() })).toBeUndefined();
    expect(errorOf({ occurredAt: new Date(now.getTime() + FUTURE_SKEW_MS + 1000).toISOString() })).toBe(
      'occurredAt "2026-12-04T15:05:01.000Z" is in the future (dialbot\'s clock says 2026-12-04T15:00:00.000Z)',
    );
  });

  it('refuses bodies that are not a batch: 400, or 413 past the item limit', () => {
    for (const body of [null, 'x', [item()], {}, { activities: 'x' }]) expect(readActivityBatch(body, rules)).toMatchObject({ ok: false, status: 400, error: 'invalid_body' });
    expect(readActivityBatch({ activities: [] }, rules)).toMatchObject({ ok: false, status: 400, message: '"activities" is empty: send at least one activity.' });
    expect(readActivityBatch({ activities: Array.from({ length: MAX_BATCH_ITEMS }, () => item()) }, rules).ok).toBe(true);
    expect(readActivityBatch({ activities: Array.from({ length: MAX_BATCH_ITEMS + 1 }, () => item()) }, rules)).toMatchObject({ ok: false, status: 413, error: 'batch_too_large' });
  });
});

describe('countsFor', () => {
  const parsed = (extra: Record<string, unknown>) => {
    const result = read(item(extra));
    if (!result.ok || !result.items[0]) throw new Error('expected a valid item');
    return result.items[0];
  };

  it('adds one conversation to a dial reported connected for at least the threshold', () => {
    expect(countsFor(parsed({ outcome: 'connected', durationSeconds: 60 }), 60)).toEqual({ dial: 1, conversation: 1 });
    expect(countsFor(parsed({ outcome: 'connected', durationSeconds: 59.9 }), 60)).toEqual({ dial: 1 });
    expect(countsFor(parsed({ outcome: 'busy', durationSeconds: 600 }), 60)).toEqual({ dial: 1 });
    expect(countsFor(parsed({ outcome: 'connected' }), 60)).toEqual({ dial: 1 });
    expect(countsFor(parsed({ kind: 'presentation', count: 2 }), 60)).toEqual({ presentation: 2 });
  });
});
