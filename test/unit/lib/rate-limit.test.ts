import { tokenBucket } from '../../../src/lib/rate-limit.js';

/** A clock the test moves: `at` milliseconds after a fixed instant. */
function manualClock() {
  let at = 0;
  const start = Date.parse('2026-12-04T15:00:00Z');
  return { clock: () => new Date(start + at), advance: (ms: number) => (at += ms), set: (ms: number) => (at = ms) };
}

describe('tokenBucket', () => {
  it('allows a burst of perMinute, then refuses with the seconds until the next request is allowed', () => {
    const { clock } = manualClock();
    const limiter = tokenBucket(3, clock);
    expect([1, 2, 3].map(() => limiter.take('t1'))).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }]);
    // 3 a minute: one every 20 s.
    expect(limiter.take('t1')).toEqual({ allowed: false, retryAfterSeconds: 20 });
  });

  it('refills at perMinute ÷ 60 per second, never above perMinute', () => {
    const { clock, advance } = manualClock();
    const limiter = tokenBucket(60, clock);
    for (let i = 0; i < 60; i++) expect(limiter.take('t1').allowed).toBe(true);
    expect(limiter.take('t1')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    advance(500);
    expect(limiter.take('t1')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    advance(1000);
    expect(limiter.take('t1').allowed).toBe(true);
    expect(limiter.take('t1').allowed).toBe(false);
    advance(60 * 60_000); // an hour idle refills one minute's worth, no more
    for (let i = 0; i < 60; i++) expect(limiter.take('t1').allowed).toBe(true);
    expect(limiter.take('t1').allowed).toBe(false);
  });

  it('keeps one budget per key', () => {
    const { clock } = manualClock();
    const limiter = tokenBucket(1, clock);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('refills nothing when the clock goes back, and never asks to wait under a second', () => {
    const { clock, set } = manualClock();
    const limiter = tokenBucket(6000, clock);
    set(10_000);
    for (let i = 0; i < 6000; i++) limiter.take('t1');
    set(0);
    expect(limiter.take('t1')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });
});
