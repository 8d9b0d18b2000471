// `POST /api/v1/activities`: a phone system logs its reps' activity with a team's API token.
// Checked in order, cheapest first: the bearer token (401), the token's rate (429 + Retry-After),
// the body's size (413, before it is read when Content-Length says so), JSON and shape (400),
// then every item on its own: valid items are stored, bad ones reported by index.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebClient } from '@slack/web-api';
import type { BaseConfig } from '../config/env.js';
import type { Member, PrismaClient } from '../generated/prisma/client.js';
import type { Logger } from '../lib/logger.js';
import { tokenBucket } from '../lib/rate-limit.js';
import type { Clock } from '../lib/time.js';
import type { BotTokens } from '../slack/bot-tokens.js';
import { isDatabaseUnavailable } from '../listeners/failures.js';
import { authenticateApiToken } from '../services/api-tokens/authenticate-api-token.js';
import { logApiActivities, type EmailDirectory } from '../services/activities/log-api-activities.js';
import { ACTIVITIES_PATH, MAX_BATCH_BYTES, readActivityBatch, type BatchError } from './activity-batch.js';

export type ActivitiesEndpointDeps = {
  prisma: PrismaClient;
  config: Pick<BaseConfig, 'maxCountPerEntry' | 'backfillDays' | 'apiRateLimitPerMinute'>;
  clock: Clock;
  logger: Logger;
  /** Bolt's client and each workspace's bot token, which its calls carry (emails → Slack users). */
  client: WebClient;
  botTokens: BotTokens;
  /** Asks for a member's App Home to be republished (debounced). */
  refreshHome(member: Member): void;
};

type ErrorCode = 'missing_token' | 'invalid_token' | 'rate_limited' | 'body_too_large' | 'invalid_json' | BatchError | 'method_not_allowed' | 'unavailable' | 'internal_error';

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

function refuse(res: ServerResponse, status: number, error: ErrorCode, message: string, headers: Record<string, string> = {}): void {
  reply(res, status, { ok: false, error, message }, headers);
}

/** The body, or undefined once it passes `limit` bytes (the rest is drained, never kept). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        resolve(undefined);
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

export function activitiesEndpoint(deps: ActivitiesEndpointDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const limiter = tokenBucket(deps.config.apiRateLimitPerMinute, deps.clock);
  const tooLarge = (res: ServerResponse) => {
    // Do not leave an unread body on a kept-alive socket.
    refuse(res, 413, 'body_too_large', `The body is larger than ${MAX_BATCH_BYTES} bytes; send fewer activities per request.`, { connection: 'close' });
  };

  const emailDirectory = (botToken: string | undefined): EmailDirectory => async (email) => {
    // Uninstalled from the workspace: nobody can be looked up (the item says so).
    if (botToken === undefined) return null;
    try {
      const { user } = await deps.client.users.lookupByEmail({ token: botToken, email });
      return user?.id ?? null;
    } catch (error) {
      if ((error as { data?: { error?: string } }).data?.error === 'users_not_found') return null;
      deps.logger.warn({ err: error }, 'users.lookupByEmail failed');
      throw error;
    }
  };

  return async (req, res) => {
    if (req.method !== 'POST') return refuse(res, 405, 'method_not_allowed', `Use POST ${ACTIVITIES_PATH}.`, { allow: 'POST' });
    const secret = bearerToken(req);
    const unauthorized = { 'www-authenticate': 'Bearer' };
    if (!secret) return refuse(res, 401, 'missing_token', 'Send the team’s API token as `Authorization: Bearer <token>`.', unauthorized);
    try {
      const now = deps.clock();
      const token = await authenticateApiToken(deps.prisma, secret, now);
      if (!token) return refuse(res, 401, 'invalid_token', 'The API token is unknown or was revoked. A manager can create one with `/dial team` → Phone system.', unauthorized);

      const rate = limiter.take(token.id);
      if (!rate.allowed) {
        const wait = String(rate.retryAfterSeconds);
        return refuse(res, 429, 'rate_limited', `Too many requests with this token; retry after ${wait} s.`, { 'retry-after': wait });
      }
      if (Number(req.headers['content-length'] ?? 0) > MAX_BATCH_BYTES) return tooLarge(res);
      const raw = await readBody(req, MAX_BATCH_BYTES);
      if (!raw) return tooLarge(res);

      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return refuse(res, 400, 'invalid_json', 'The body is not valid JSON.');
      }
      const batch = readActivityBatch(body, { maxCountPerEntry: deps.config.maxCountPerEntry, now });
      if (!batch.ok) return refuse(res, batch.status, batch.error, batch.message, batch.status === 413 ? { connection: 'close' } : {});

      const { results, updated } = await logApiActivities(deps.prisma, {
        token,
        items: batch.items,
        invalid: batch.errors,
        userIdForEmail: emailDirectory(await deps.botTokens(token.workspaceId)),
        backfillDays: deps.config.backfillDays,
        now,
      });
      for (const member of updated) deps.refreshHome(member);
      const count = (status: string) => results.filter((r) => r.status === status).length;
      const summary = { accepted: count('stored'), duplicates: count('duplicate'), rejected: count('rejected') };
      deps.logger.info({ apiToken: token.id, teamId: token.teamId, ...summary }, 'phone-system batch received');
      reply(res, 200, { ok: true, ...summary, results });
    } catch (error) {
      const unavailable = isDatabaseUnavailable(error);
      deps.logger.error({ err: error, path: ACTIVITIES_PATH }, unavailable ? 'database unavailable' : 'phone-system batch failed');
      if (res.headersSent) return;
      // Stored items are keyed by externalId, so sending the same batch again is safe.
      if (unavailable) refuse(res, 503, 'unavailable', 'dialbot cannot reach its database; send the batch again in a minute.', { 'retry-after': '60' });
      else refuse(res, 500, 'internal_error', 'Something went wrong on dialbot’s side; send the batch again (items already stored are not stored twice).');
    }
  };
}
