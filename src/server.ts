// The HTTP server: Slack's endpoint (HTTP mode), the phone-system webhook, health and readiness
// probes, one log line per request, and a graceful stop that lets in-flight requests finish.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HTTPReceiver } from '@slack/bolt';
import { ACTIVITIES_PATH } from './api/activity-batch.js';
import type { Logger } from './lib/logger.js';

/** Slack payloads are small; anything larger than this is refused before it is read. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export type ServerDeps = {
  receiver: HTTPReceiver | undefined;
  /** What the receiver serves, as `METHOD /path`: Slack's events endpoint; the install routes under OAuth. */
  receiverRoutes: readonly string[];
  isReady: () => Promise<boolean>;
  /** `POST /api/v1/activities` (served in HTTP and Socket Mode alike). */
  activities: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  logger: Logger;
};

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

export function createHttpServer(deps: ServerDeps): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const retry = req.headers['x-slack-retry-num'];
      deps.logger.info(
        { method: req.method, path, status: res.statusCode, durationMs: Math.round(durationMs * 10) / 10, ...(retry ? { slackRetry: Number(retry) } : {}) },
        'request',
      );
    });

    if (req.method === 'GET' && path === '/healthz') return json(res, 200, { ok: true });
    if (req.method === 'GET' && path === '/readyz') {
      deps.isReady().then(
        (ready) => json(res, ready ? 200 : 503, ready ? { ok: true } : { ok: false, error: 'database unreachable' }),
        () => json(res, 503, { ok: false, error: 'database unreachable' }),
      );
      return;
    }
    if (path === ACTIVITIES_PATH) {
      void deps.activities(req, res);
      return;
    }
    if (deps.receiver && deps.receiverRoutes.includes(`${req.method} ${path}`)) {
      if (Number(req.headers['content-length'] ?? 0) > BODY_LIMIT_BYTES) {
        res.setHeader('connection', 'close'); // do not leave the unread body on a kept-alive socket
        return json(res, 413, { ok: false, error: 'request body too large' });
      }
      try {
        deps.receiver.requestListener(req, res);
      } catch (error) {
        deps.logger.error({ err: error, path }, 'could not dispatch request');
        if (!res.headersSent) json(res, 500, { ok: false });
      }
      return;
    }
    json(res, 404, { ok: false, error: 'not found' });
  });
}

export function listen(server: Server, port: number, host: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stops accepting connections and resolves when in-flight requests have finished (or after `graceMs`). */
export function closeServer(server: Server, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, graceMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
