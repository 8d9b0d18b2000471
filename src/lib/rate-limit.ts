// A token bucket per key: `perMinute` requests a minute, in bursts of up to `perMinute`. State is
// in this process's memory: with several replicas behind a load balancer a key may get up to
// `perMinute` per replica.
import type { Clock } from './time.js';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type RateLimiter = {
  /** Spends one request of `key`'s budget, or says how long until one is available. */
  take(key: string): RateDecision;
};

export function tokenBucket(perMinute: number, clock: Clock): RateLimiter {
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const now = clock().getTime();
      const bucket = buckets.get(key) ?? { tokens: perMinute, at: now };
      // A clock set back (tests, NTP) refills nothing rather than draining.
      bucket.tokens = Math.min(perMinute, bucket.tokens + Math.max(0, now - bucket.at) * perMs);
      bucket.at = now;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
  };
}
