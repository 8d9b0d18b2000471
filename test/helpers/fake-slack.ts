/**
 * A fake Slack Web API served by a real `node:http` server on 127.0.0.1 (random port).
 *
 * Point the app's WebClient at it with `slackApiUrl: fake.apiUrl`. Every request is recorded in
 * `fake.calls` (in arrival order) and answered the way Slack would answer it (HTTP 200, `{ ok: true, ... }`),
 * unless a failure was queued with `failNext`.
 *
 * Socket Mode: `apps.connections.open` (with an `xapp-` token) answers `fake.socketUrl`, a WebSocket endpoint on
 * the same server. It greets every client with `hello`; `sendEnvelope` pushes an envelope and resolves with the
 * client's ack (also recorded as a `socket_ack` call). The WebSocket side is a minimal RFC 6455 server written
 * here (the `ws` package is not installed): text frames, fragments, ping/pong and the close handshake.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

export type RecordedCall = { method: string; args: Record<string, unknown>; token: string | undefined; at: number };

export type FakeUser = {
  id: string;
  name?: string;
  real_name?: string;
  email?: string;
  tz?: string;
  tz_offset?: number;
  is_admin?: boolean;
  is_owner?: boolean;
  is_bot?: boolean;
  deleted?: boolean;
  /** The user's workspace (default: the fake's own team). A token of another workspace can't see them. */
  team_id?: string;
};

/** A workspace the app is installed into through OAuth: what `oauth.v2.access` hands back. */
export type FakeInstall = { teamId: string; teamName: string; installerUserId: string; botToken: string; botUserId: string; appId?: string; enterprise?: boolean };

/** The OAuth credentials the fake accepts in `oauth.v2.access`. */
export const FAKE_OAUTH_CLIENT = { clientId: '1111.2222', clientSecret: 'fake-client-secret-0123456789' } as const;

/** A file a user uploaded, as files.info and a file_input's view_submission state show it. */
export type FakeFile = {
  id: string;
  name: string;
  title: string;
  filetype: string;
  mimetype: string;
  pretty_type: string;
  size: number;
  url_private: string;
  url_private_download: string;
};

/** A rate tier for one method: `limit` calls per fixed window of `windowMs` (Slack's tiers are per minute). */
export type RateLimit = { limit: number; windowMs: number };

export type FakeFailure = { status?: number; error?: string; retryAfter?: number; times?: number };

type QueuedFailure = { status: number; error: string | undefined; retryAfter: number | undefined; remaining: number };

type Waiter = {
  method: string;
  predicate: ((c: RecordedCall) => boolean) | undefined;
  resolve: (c: RecordedCall) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
};

type Reply = { status?: number; headers?: Record<string, string>; body: Record<string, unknown> };

/** What a Socket Mode client sent back for an envelope. */
export type SocketAck = { envelope_id: string; payload?: unknown };

export type SocketEnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

/** One WebSocket connection accepted on `/socket`. */
type SocketClient = {
  socket: Duplex;
  buffer: Buffer;
  /** Opcode and data of a fragmented message in progress. */
  fragments: { opcode: number; parts: Buffer[] } | undefined;
  helloSent: boolean;
  closeSent: boolean;
};

type PendingAck = { resolve: (ack: SocketAck) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };

type ConnectWaiter = { resolve: () => void; reject: (e: Error) => void; timer: NodeJS.Timeout };

const SOCKET_PATH = '/socket';
/** Where files users upload are downloaded from (Slack's `url_private_download`). */
const USER_FILES_PATH = '/files-pri/';
const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OP_CONTINUATION = 0x0;
const OP_TEXT = 0x1;
const OP_BINARY = 0x2;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;
const OP_PONG = 0xa;

/** A single unmasked, final server frame. */
function encodeFrame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  let header: Buffer;
  if (length < 126) {
    header = Buffer.alloc(2);
    header.writeUInt8(length, 1);
  } else if (length < 65536) {
    header = Buffer.alloc(4);
    header.writeUInt8(126, 1);
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.alloc(10);
    header.writeUInt8(127, 1);
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  header.writeUInt8(0x80 | opcode, 0);
  return Buffer.concat([header, payload]);
}

type DecodedFrame = { fin: boolean; opcode: number; masked: boolean; payload: Buffer; size: number };

/** Reads one frame off the front of `buffer`; `undefined` until the whole frame has arrived. */
function decodeFrame(buffer: Buffer): DecodedFrame | undefined {
  if (buffer.length < 2) return undefined;
  const first = buffer.readUInt8(0);
  const second = buffer.readUInt8(1);
  const masked = (second & 0x80) !== 0;
  let length = second & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return undefined;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return undefined;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  const maskOffset = offset;
  if (masked) offset += 4;
  if (buffer.length < offset + length) return undefined;
  const payload = Buffer.from(buffer.subarray(offset, offset + length));
  if (masked) {
    for (let i = 0; i < payload.length; i++) payload.writeUInt8(payload.readUInt8(i) ^ buffer.readUInt8(maskOffset + (i % 4)), i);
  }
  return { fin: (first & 0x80) !== 0, opcode: first & 0x0f, masked, payload, size: offset + length };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON-decode a form value that looks like JSON (`[...]` / `{...}`); keep the string if it isn't valid JSON. */
function maybeJson(value: string): unknown {
  const trimmed = value.trimStart();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

function parseForm(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) out[key] = maybeJson(value);
  return out;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

type MultipartPart = { name: string | undefined; filename: string | undefined; data: Buffer };

/** Minimal multipart/form-data parser (enough for what fetch + FormData produce). */
function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (boundary === undefined) return [];
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const afterDelimiter = start + delimiter.length;
    // "--" right after the delimiter marks the end of the body.
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
    const headerStart = afterDelimiter + 2; // skip CRLF
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    if (headerEnd === -1) break;
    const next = body.indexOf(delimiter, headerEnd + 4);
    if (next === -1) break;
    const headers = body.subarray(headerStart, headerEnd).toString('utf8');
    const data = body.subarray(headerEnd + 4, next - 2); // strip CRLF preceding the next delimiter
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    parts.push({
      name: /\bname="([^"]*)"/i.exec(disposition)?.[1],
      filename: /\bfilename="([^"]*)"/i.exec(disposition)?.[1],
      data: Buffer.from(data),
    });
    start = next;
  }
  return parts;
}

export class FakeSlack {
  readonly baseUrl: string;
  readonly apiUrl: string;
  /** What `apps.connections.open` answers: the fake's Socket Mode WebSocket endpoint. */
  readonly socketUrl: string;
  readonly calls: RecordedCall[] = [];
  /** Bytes received at `/upload/<file_id>` (files.uploadV2 step 2), keyed by file id. */
  readonly uploads: Map<string, Buffer> = new Map();
  /** Files whose upload was completed (files.completeUploadExternal): the only ones blocks may show. */
  readonly completedFiles: Map<string, { title: unknown }> = new Map();
  readonly botUserId: string;
  readonly teamId: string;

  private readonly server: Server;
  private readonly users = new Map<string, FakeUser>();
  private readonly delays = new Map<string, number>();
  private readonly failures = new Map<string, QueuedFailure[]>();
  private waiters: Waiter[] = [];
  private tsCounter = 0;
  private viewCounter = 0;
  private fileCounter = 0;
  private responseCounter = 0;
  private stopped = false;
  private readonly socketClients = new Set<SocketClient>();
  private readonly pendingAcks = new Map<string, PendingAck>();
  private connectWaiters: ConnectWaiter[] = [];

  private constructor(server: Server, port: number, botUserId: string, teamId: string) {
    this.server = server;
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.apiUrl = `${this.baseUrl}/api/`;
    this.socketUrl = `ws://127.0.0.1:${port}${SOCKET_PATH}`;
    this.botUserId = botUserId;
    this.teamId = teamId;
  }

  // --- Many workspaces: OAuth codes, per-token workspaces, revoked tokens ---
  private readonly installs = new Map<string, FakeInstall>(); // by bot token
  private readonly codes = new Map<string, FakeInstall>();
  private readonly revokedTokens = new Set<string>();
  private codeCounter = 0;

  /** The code Slack's consent screen would hand back after an admin approved `install`; good once. */
  issueOAuthCode(install: FakeInstall): string {
    this.codeCounter += 1;
    const code = `code-${this.codeCounter}`;
    this.codes.set(code, install);
    return code;
  }

  /** Every later call with `token` fails with `token_revoked` (the app was uninstalled). */
  revokeToken(token: string): void {
    this.revokedTokens.add(token);
  }

  private exchangeCode(args: Record<string, unknown>): Record<string, unknown> {
    if (args.client_id !== FAKE_OAUTH_CLIENT.clientId || args.client_secret !== FAKE_OAUTH_CLIENT.clientSecret) return { ok: false, error: 'invalid_client_id' };
    const install = this.codes.get(String(args.code));
    if (install === undefined) return { ok: false, error: 'invalid_code' };
    this.codes.delete(String(args.code));
    this.installs.set(install.botToken, install);
    return {
      ok: true,
      access_token: install.botToken,
      token_type: 'bot',
      scope: 'commands,chat:write,users:read,users:read.email,files:write,files:read,im:write,channels:join',
      bot_user_id: install.botUserId,
      app_id: install.appId ?? 'A0DIALBOT',
      team: { id: install.teamId, name: install.teamName },
      enterprise: install.enterprise ? { id: 'E0001', name: 'Org' } : null,
      is_enterprise_install: install.enterprise ?? false,
      authed_user: { id: install.installerUserId },
    };
  }

  /** The workspace a token belongs to: an OAuth install's, or the fake's own team. */
  private workspaceOf(token: string | undefined): { teamId: string; teamName: string; botUserId: string } {
    const install = token === undefined ? undefined : this.installs.get(token);
    return install ?? { teamId: this.teamId, teamName: 'Example', botUserId: this.botUserId };
  }

  static async start(options: { botUserId?: string; teamId?: string } = {}): Promise<FakeSlack> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const port = (server.address() as AddressInfo).port;
    const fake = new FakeSlack(server, port, options.botUserId ?? 'UBOT', options.teamId ?? 'T0001');
    server.on('request', (req, res) => {
      fake.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        }
        res.end(JSON.stringify({ ok: false, error: 'fake_slack_internal_error', detail: String(error) }));
      });
    });
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => fake.upgrade(req, socket, head));
    return fake;
  }

  setUser(user: FakeUser): void {
    this.users.set(user.id, { ...user });
  }

  /** A fresh, unique URL to use as a slash command's / interaction's `response_url`. */
  responseUrl(): string {
    this.responseCounter += 1;
    return `${this.baseUrl}/response/${this.responseCounter}`;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  waitFor(method: string, predicate?: (c: RecordedCall) => boolean, timeoutMs = 15_000): Promise<RecordedCall> {
    const existing = this.calls.find((c) => matches(c, method, predicate));
    if (existing !== undefined) return Promise.resolve(existing);
    return new Promise<RecordedCall>((resolve, reject) => {
      const waiter: Waiter = {
        method,
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          const seen = this.calls.map((c) => c.method);
          const sameMethod = this.callsTo(method).length;
          reject(
            new Error(
              `FakeSlack.waitFor('${method}') timed out after ${timeoutMs}ms` +
                (predicate !== undefined ? ` (${sameMethod} call(s) to ${method} did not match the predicate)` : '') +
                `. Methods seen: ${seen.length > 0 ? seen.join(', ') : '(none)'}`,
            ),
          );
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  failNext(method: string, failure: FakeFailure): void {
    const queue = this.failures.get(method) ?? [];
    queue.push({
      status: failure.status ?? 200,
      error: failure.error,
      retryAfter: failure.retryAfter,
      remaining: failure.times ?? 1,
    });
    this.failures.set(method, queue);
  }

  /** Clears recorded calls, delays and queued failures. Users and uploaded files are kept. */
  reset(): void {
    // Uploaded files stay, like users: Slack keeps them, and blocks may show them again.
    this.calls.length = 0;
    this.failures.clear();
    this.delays.clear();
    this.limits.clear();
    this.refused.clear();
  }

  /** Answers every later call to `method` (or 'response_url') only after `ms`, until reset(). */
  delay(method: string, ms: number): void {
    this.delays.set(method, ms);
  }

  private async wait(method: string): Promise<void> {
    const ms = this.delays.get(method);
    if (ms) await new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** Socket Mode clients currently connected (greeted with `hello` and not yet closed). */
  get socketConnections(): number {
    return [...this.socketClients].filter((c) => c.helloSent).length;
  }

  /** Resolves once a Socket Mode client is connected and has been sent `hello`. */
  socketConnected(timeoutMs = 15_000): Promise<void> {
    if (this.socketConnections > 0) return Promise.resolve();
    if (this.stopped) return Promise.reject(new Error('FakeSlack is stopped'));
    return new Promise<void>((resolve, reject) => {
      const waiter: ConnectWaiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.connectWaiters = this.connectWaiters.filter((w) => w !== waiter);
          const opened = this.callsTo('apps.connections.open').length;
          reject(new Error(`FakeSlack.socketConnected() timed out after ${timeoutMs}ms (apps.connections.open called ${opened} time(s))`));
        }, timeoutMs),
      };
      this.connectWaiters.push(waiter);
    });
  }

  /**
   * Sends a Socket Mode envelope to the most recently connected client and resolves with its ack
   * (`{ envelope_id, payload? }`); rejects if no client is connected or no ack comes within 5 s.
   */
  sendEnvelope(type: SocketEnvelopeType, payload: Record<string, unknown>): Promise<SocketAck> {
    const client = [...this.socketClients].filter((c) => c.helloSent && !c.closeSent).pop();
    if (client === undefined) return Promise.reject(new Error(`FakeSlack.sendEnvelope('${type}'): no Socket Mode client is connected`));
    const envelopeId = randomUUID();
    const acked = new Promise<SocketAck>((resolve, reject) => {
      this.pendingAcks.set(envelopeId, {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.pendingAcks.delete(envelopeId);
          reject(new Error(`FakeSlack.sendEnvelope('${type}'): no ack for envelope ${envelopeId} within 5000ms`));
        }, 5000),
      });
    });
    this.sendText(client, { envelope_id: envelopeId, type, payload, accepts_response_payload: true, retry_attempt: 0, retry_reason: '' });
    return acked;
  }

  // ── Files users upload (a modal's file_input): `addFile`, files.info, and the download ──────────

  /** Files added with `addFile`, by id, with their bytes. */
  private readonly userFiles = new Map<string, { file: FakeFile; content: Buffer }>();

  /**
   * A file as if a user uploaded it through a file_input: returns the file object Slack puts in
   * the view_submission state. `size` overrides the size files.info reports (the bytes stay).
   */
  addFile(input: { name: string; content: string | Buffer; filetype?: string; mimetype?: string; size?: number }): FakeFile {
    this.fileCounter += 1;
    const id = `FU${this.fileCounter}`;
    const content = Buffer.from(input.content);
    const url = `${this.baseUrl}${USER_FILES_PATH}${id}/${encodeURIComponent(input.name)}`;
    const file: FakeFile = {
      id,
      name: input.name,
      title: input.name,
      filetype: input.filetype ?? 'csv',
      mimetype: input.mimetype ?? 'text/csv',
      pretty_type: (input.filetype ?? 'csv').toUpperCase(),
      size: input.size ?? content.length,
      url_private: url,
      url_private_download: `${url}?download`,
    };
    this.userFiles.set(id, { file, content });
    return { ...file };
  }

  /** Changes a file's bytes (Slack files do not change; a test of "the file changed" needs it). */
  replaceFileContent(id: string, content: string | Buffer): void {
    const entry = this.userFiles.get(id);
    if (!entry) throw new Error(`FakeSlack.replaceFileContent: no file ${id}`);
    this.userFiles.set(id, { file: { ...entry.file, size: Buffer.byteLength(content) }, content: Buffer.from(content) });
  }

  private fileInfo(id: string | undefined): Record<string, unknown> {
    const entry = id === undefined ? undefined : this.userFiles.get(id);
    return entry ? { ok: true, file: entry.file } : { ok: false, error: 'file_not_found' };
  }

  /** The download, recorded as `file_download`: like Slack, a request without a valid token gets the sign-in page. */
  private serveFile(path: string, bearer: string | undefined, res: ServerResponse): void {
    const id = decodeURIComponent(path.slice(USER_FILES_PATH.length).split('/')[0] ?? '');
    this.record('file_download', { file_id: id }, bearer);
    const failure = this.takeFailure('file_download');
    if (failure !== undefined) return this.send(res, failure);
    const entry = this.userFiles.get(id);
    if (!entry) return this.send(res, { status: 404, body: { ok: false, error: 'file_not_found' } });
    if (bearer === undefined || !bearer.startsWith('xoxb-')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><body>Sign in to Slack</body></html>');
      return;
    }
    res.writeHead(200, { 'content-type': entry.file.mimetype, 'content-length': String(entry.content.length) });
    res.end(entry.content);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.reject(new Error(`FakeSlack stopped while waiting for '${w.method}'`));
    }
    this.waiters = [];
    for (const w of this.connectWaiters) {
      clearTimeout(w.timer);
      w.reject(new Error('FakeSlack stopped while waiting for a Socket Mode connection'));
    }
    this.connectWaiters = [];
    for (const [id, pending] of this.pendingAcks) {
      clearTimeout(pending.timer);
      pending.reject(new Error(`FakeSlack stopped while waiting for the ack of envelope ${id}`));
    }
    this.pendingAcks.clear();
    // Upgraded sockets still count as the server's connections: close them or server.close() never finishes.
    for (const client of this.socketClients) {
      if (!client.closeSent && client.socket.writable) {
        client.closeSent = true;
        const going = Buffer.alloc(2);
        going.writeUInt16BE(1001, 0);
        client.socket.write(encodeFrame(OP_CLOSE, going));
      }
      client.socket.destroy();
    }
    this.socketClients.clear();
    await new Promise<void>((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.server.closeAllConnections();
    });
  }

  // ---------------------------------------------------------------------------------------------

  /** The WebSocket handshake for `/socket`; anything else is refused. */
  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(req.url ?? '/', this.baseUrl).pathname;
    const key = req.headers['sec-websocket-key'];
    const isWebSocket = String(req.headers.upgrade ?? '').toLowerCase() === 'websocket';
    if (this.stopped || path !== SOCKET_PATH || !isWebSocket || typeof key !== 'string' || req.headers['sec-websocket-version'] !== '13') {
      socket.end(`HTTP/1.1 ${path === SOCKET_PATH ? '400 Bad Request' : '404 Not Found'}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
      return;
    }
    const accept = createHash('sha1').update(key + WS_GUID).digest('base64');
    socket.write(
      ['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${accept}`, '', ''].join('\r\n'),
    );
    const client: SocketClient = { socket, buffer: Buffer.alloc(0), fragments: undefined, helloSent: false, closeSent: false };
    this.socketClients.add(client);
    socket.on('data', (chunk: Buffer) => this.onSocketData(client, chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.socketClients.delete(client));
    if (head.length > 0) this.onSocketData(client, head);

    this.sendText(client, { type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A0001' } });
    client.helloSent = true;
    const waiters = this.connectWaiters;
    this.connectWaiters = [];
    for (const w of waiters) {
      clearTimeout(w.timer);
      w.resolve();
    }
  }

  private sendText(client: SocketClient, message: unknown): void {
    if (client.closeSent || !client.socket.writable) return;
    client.socket.write(encodeFrame(OP_TEXT, Buffer.from(JSON.stringify(message), 'utf8')));
  }

  private onSocketData(client: SocketClient, chunk: Buffer): void {
    client.buffer = client.buffer.length === 0 ? chunk : Buffer.concat([client.buffer, chunk]);
    for (;;) {
      const frame = decodeFrame(client.buffer);
      if (frame === undefined) return;
      client.buffer = client.buffer.subarray(frame.size);
      if (!frame.masked) {
        // RFC 6455 §5.1: a server must close the connection on an unmasked client frame.
        client.socket.destroy();
        return;
      }
      switch (frame.opcode) {
        case OP_PING:
          if (!client.closeSent) client.socket.write(encodeFrame(OP_PONG, frame.payload));
          break;
        case OP_PONG:
          break;
        case OP_CLOSE:
          // Complete the close handshake: echo the status code, then end the TCP connection.
          if (!client.closeSent) {
            client.closeSent = true;
            client.socket.write(encodeFrame(OP_CLOSE, frame.payload.subarray(0, 2)));
          }
          client.socket.end();
          return;
        case OP_TEXT:
        case OP_BINARY:
        case OP_CONTINUATION: {
          const fragments = frame.opcode === OP_CONTINUATION ? client.fragments : { opcode: frame.opcode, parts: [] };
          if (fragments === undefined) {
            client.socket.destroy();
            return;
          }
          fragments.parts.push(frame.payload);
          client.fragments = frame.fin ? undefined : fragments;
          if (frame.fin && fragments.opcode === OP_TEXT) this.onSocketMessage(Buffer.concat(fragments.parts).toString('utf8'));
          break;
        }
        default:
          client.socket.destroy();
          return;
      }
    }
  }

  /** A text message from a Socket Mode client: an ack (`{ envelope_id, payload? }`) or anything else. */
  private onSocketMessage(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text) as unknown;
    } catch {
      this.record('socket_message', { _raw: text }, undefined);
      return;
    }
    if (!isRecord(message) || typeof message.envelope_id !== 'string') {
      this.record('socket_message', isRecord(message) ? message : { _body: message }, undefined);
      return;
    }
    this.record('socket_ack', message, undefined);
    const ack: SocketAck = { envelope_id: message.envelope_id, ...('payload' in message ? { payload: message.payload } : {}) };
    const pending = this.pendingAcks.get(ack.envelope_id);
    if (pending === undefined) return;
    this.pendingAcks.delete(ack.envelope_id);
    clearTimeout(pending.timer);
    pending.resolve(ack);
  }

  private record(method: string, args: Record<string, unknown>, token: string | undefined): RecordedCall {
    const call: RecordedCall = { method, args, token, at: Date.now() };
    this.calls.push(call);
    const remaining: Waiter[] = [];
    for (const w of this.waiters) {
      if (matches(call, w.method, w.predicate)) {
        clearTimeout(w.timer);
        w.resolve(call);
      } else {
        remaining.push(w);
      }
    }
    this.waiters = remaining;
    return call;
  }

  // --- Rate tiers: per-method limits per fixed window, answered like Slack (429 + Retry-After) ---
  private readonly limits = new Map<string, RateLimit & { windowStart: number; used: number }>();
  private readonly refused = new Set<RecordedCall>();

  /** From now on, at most `limit` calls to `method` per window of `windowMs`; the rest get 429 with Retry-After. */
  setRateLimit(method: string, limit: RateLimit): void {
    this.limits.set(method, { ...limit, windowStart: Date.now(), used: 0 });
  }

  /** Calls to `method` that Slack would have acted on: recorded and not refused with a 429. */
  acceptedCalls(method: string): RecordedCall[] {
    return this.callsTo(method).filter((c) => !this.refused.has(c));
  }

  private rateLimit(method: string, call: RecordedCall): Reply | undefined {
    const limit = this.limits.get(method);
    if (limit === undefined) return undefined;
    const now = Date.now();
    if (now - limit.windowStart >= limit.windowMs) {
      limit.windowStart = now - ((now - limit.windowStart) % limit.windowMs);
      limit.used = 0;
    }
    if (limit.used < limit.limit) {
      limit.used += 1;
      return undefined;
    }
    this.refused.add(call);
    const retryAfter = Math.max(1, Math.ceil((limit.windowStart + limit.windowMs - now) / 1000));
    return { status: 429, headers: { 'retry-after': String(retryAfter) }, body: { ok: false, error: 'ratelimited' } };
  }

  /** Takes one queued failure for `method`, if any. */
  private takeFailure(method: string): Reply | undefined {
    const queue = this.failures.get(method);
    const head = queue?.[0];
    if (queue === undefined || head === undefined) return undefined;
    head.remaining -= 1;
    if (head.remaining <= 0) queue.shift();
    if (queue.length === 0) this.failures.delete(method);
    if (head.status === 429) {
      return {
        status: 429,
        headers: { 'retry-after': String(head.retryAfter ?? 1) },
        body: { ok: false, error: head.error ?? 'ratelimited' },
      };
    }
    return { status: head.status, body: { ok: false, error: head.error ?? 'internal_error' } };
  }

  private send(res: ServerResponse, reply: Reply): void {
    const text = JSON.stringify(reply.body);
    res.writeHead(reply.status ?? 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
      ...reply.headers,
    });
    res.end(text);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', this.baseUrl);
    const path = url.pathname;
    const contentType = String(req.headers['content-type'] ?? '').toLowerCase();
    const auth = req.headers.authorization;
    const bearer = typeof auth === 'string' && /^bearer\s+/i.test(auth) ? auth.replace(/^bearer\s+/i, '').trim() : undefined;

    if (path.startsWith('/api/')) {
      const method = decodeURIComponent(path.slice('/api/'.length));
      const args: Record<string, unknown> = {};
      for (const [key, value] of url.searchParams) args[key] = maybeJson(value);
      Object.assign(args, this.parseBody(raw, contentType));
      const token = bearer ?? (typeof args.token === 'string' ? args.token : undefined);
      const call = this.record(method, args, token);
      await this.wait(method);
      const limited = this.rateLimit(method, call);
      if (limited !== undefined) return this.send(res, limited);
      const failure = this.takeFailure(method);
      if (failure !== undefined) return this.send(res, failure);
      // The code exchange is the one call made without a token.
      if (method === 'oauth.v2.access') return this.send(res, { body: this.exchangeCode(args) });
      if (token !== undefined && this.revokedTokens.has(token)) return this.send(res, { body: { ok: false, error: 'token_revoked' } });
      if (method === 'apps.connections.open') {
        // Socket Mode: only an app-level token opens a connection.
        if (token === undefined || !token.startsWith('xapp-')) return this.send(res, { body: { ok: false, error: 'invalid_auth' } });
        return this.send(res, { body: { ok: true, url: this.socketUrl } });
      }
      if (token === undefined || !(token.startsWith('xoxb-') || token.startsWith('xoxp-'))) {
        return this.send(res, { body: { ok: false, error: 'invalid_auth' } });
      }
      const refused = this.refuseUnknownFiles(method === 'views.publish' && isRecord(args.view) ? args.view.blocks : args.blocks);
      if (refused !== undefined) return this.send(res, { body: refused });
      return this.send(res, { body: this.answer(method, args, token) });
    }

    if (path.startsWith('/response/')) {
      const parsed = this.parseBody(raw, contentType.includes('urlencoded') ? contentType : 'application/json');
      this.record('response_url', { ...parsed, _path: path }, bearer);
      await this.wait('response_url');
      const failure = this.takeFailure('response_url');
      if (failure !== undefined) return this.send(res, failure);
      const refused = this.refuseUnknownFiles(parsed.blocks);
      if (refused !== undefined) return this.send(res, { body: refused });
      return this.send(res, { body: { ok: true } });
    }

    if (path.startsWith(USER_FILES_PATH)) return this.serveFile(path, bearer, res);

    if (path.startsWith('/upload/')) {
      const fileId = decodeURIComponent(path.slice('/upload/'.length));
      let bytes = raw;
      if (contentType.startsWith('multipart/form-data')) {
        const parts = parseMultipart(raw, String(req.headers['content-type']));
        const filePart = parts.find((p) => p.filename !== undefined) ?? parts[0];
        if (filePart !== undefined) bytes = filePart.data;
      }
      this.record('upload', { file_id: fileId, bytes: bytes.length }, bearer);
      const failure = this.takeFailure('upload');
      if (failure !== undefined) return this.send(res, failure);
      this.uploads.set(fileId, bytes);
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`OK - ${bytes.length}`);
      return;
    }

    this.record('unknown', { _path: path, _httpMethod: req.method, ...this.parseBody(raw, contentType) }, bearer);
    return this.send(res, { status: 404, body: { ok: false, error: 'unknown_path', path } });
  }

  /** Like Slack: an image block may only show a file whose upload was completed. */
  private refuseUnknownFiles(blocks: unknown): Record<string, unknown> | undefined {
    if (!Array.isArray(blocks)) return undefined;
    const index = blocks.findIndex((b) => isRecord(b) && isRecord(b.slack_file) && !this.completedFiles.has(String(b.slack_file.id)));
    if (index === -1) return undefined;
    return { ok: false, error: 'invalid_blocks', errors: [`invalid slack file [json-pointer:/blocks/${index}/slack_file]`] };
  }

  private parseBody(raw: Buffer, contentType: string): Record<string, unknown> {
    const text = raw.toString('utf8');
    if (text.trim() === '') return {};
    if (contentType.includes('application/json')) {
      try {
        const parsed = JSON.parse(text) as unknown;
        return isRecord(parsed) ? parsed : { _body: parsed };
      } catch {
        return { _raw: text };
      }
    }
    if (contentType.startsWith('multipart/form-data')) {
      const out: Record<string, unknown> = {};
      for (const part of parseMultipart(raw, contentType)) {
        if (part.name === undefined) continue;
        out[part.name] = part.filename !== undefined ? part.data : maybeJson(part.data.toString('utf8'));
      }
      return out;
    }
    return parseForm(text);
  }

  private nextTs(): string {
    this.tsCounter += 1;
    const micros = this.tsCounter * 100;
    const seconds = 1_700_000_000 + Math.floor(micros / 1_000_000);
    return `${seconds}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }

  private userInfo(user: FakeUser): Record<string, unknown> {
    const name = user.name ?? user.id.toLowerCase();
    const realName = user.real_name ?? name;
    const tz = user.tz ?? 'America/New_York';
    return {
      id: user.id,
      team_id: user.team_id ?? this.teamId,
      name,
      real_name: realName,
      deleted: user.deleted ?? false,
      is_bot: user.is_bot ?? false,
      is_admin: user.is_admin ?? false,
      is_owner: user.is_owner ?? false,
      tz,
      tz_label: tz,
      tz_offset: user.tz_offset ?? -18000,
      profile: {
        real_name: realName,
        display_name: name,
        ...(user.email !== undefined ? { email: user.email } : {}),
      },
    };
  }

  private answer(method: string, args: Record<string, unknown>, token: string | undefined): Record<string, unknown> {
    const str = (key: string): string | undefined => {
      const v = args[key];
      return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
    };
    switch (method) {
      case 'auth.test': {
        const workspace = this.workspaceOf(token);
        return {
          ok: true,
          url: 'https://example.slack.com/',
          team: workspace.teamName,
          user: 'dialbot',
          team_id: workspace.teamId,
          user_id: workspace.botUserId,
          bot_id: 'B0001',
          is_enterprise_install: false,
        };
      }
      case 'users.info': {
        const user = this.users.get(str('user') ?? '');
        const visible = user !== undefined && (user.team_id ?? this.teamId) === this.workspaceOf(token).teamId;
        return user === undefined || !visible ? { ok: false, error: 'user_not_found' } : { ok: true, user: this.userInfo(user) };
      }
      case 'users.lookupByEmail': {
        const email = (str('email') ?? '').toLowerCase();
        const user = [...this.users.values()].find((u) => u.email !== undefined && u.email.toLowerCase() === email);
        return user === undefined ? { ok: false, error: 'users_not_found' } : { ok: true, user: this.userInfo(user) };
      }
      case 'chat.postMessage': {
        const ts = this.nextTs();
        return { ok: true, channel: args.channel, ts, message: { text: args.text, blocks: args.blocks, ts } };
      }
      case 'chat.postEphemeral': {
        const ts = this.nextTs();
        return { ok: true, channel: args.channel, ts, message_ts: ts, message: { text: args.text, blocks: args.blocks } };
      }
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'views.open':
      case 'views.push':
      case 'views.update':
      case 'views.publish': {
        const view = isRecord(args.view) ? args.view : {};
        let id = method === 'views.update' ? str('view_id') : undefined;
        if (id === undefined) {
          this.viewCounter += 1;
          id = `V${this.viewCounter}`;
        }
        return { ok: true, view: { ...view, id } };
      }
      case 'conversations.open': {
        const users = str('users');
        return { ok: true, channel: { id: users !== undefined ? `D${users}` : (str('channel') ?? 'D0000') } };
      }
      case 'conversations.join':
      case 'conversations.info':
        return { ok: true, channel: { id: args.channel, name: 'sales', is_member: true } };
      case 'files.info':
        return this.fileInfo(str('file'));
      case 'files.getUploadURLExternal': {
        this.fileCounter += 1;
        const fileId = `F${this.fileCounter}`;
        return { ok: true, upload_url: `${this.baseUrl}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        const files = Array.isArray(args.files) ? args.files : [];
        for (const f of files) if (isRecord(f) && this.uploads.has(String(f.id))) this.completedFiles.set(String(f.id), { title: f.title });
        return {
          ok: true,
          files: files.map((f) => (isRecord(f) ? { id: f.id, title: f.title } : { id: f })),
        };
      }
      default:
        return { ok: true };
    }
  }
}

function matches(call: RecordedCall, method: string, predicate: ((c: RecordedCall) => boolean) | undefined): boolean {
  if (call.method !== method) return false;
  if (predicate === undefined) return true;
  try {
    return predicate(call);
  } catch {
    return false;
  }
}
