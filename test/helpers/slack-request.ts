/**
 * Sends requests to the app's HTTP receiver signed exactly the way Slack signs them:
 *   x-slack-request-timestamp: <unix seconds>
 *   x-slack-signature: v0=<hex HMAC-SHA256(signingSecret, `v0:${timestamp}:${rawBody}`)>
 */
import { createHmac } from 'node:crypto';

export function signatureFor(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export type SlackResponse = { status: number; text: string; json: unknown };

export type SendOptions = {
  /** Override the signed timestamp (unix seconds), e.g. to test replay protection. */
  timestamp?: number;
  /** Override the signature header entirely, e.g. to test rejection of bad signatures. */
  signature?: string;
  /** Extra headers (applied last, so they can override anything, e.g. `x-slack-retry-num`). */
  headers?: Record<string, string>;
};

export type SlackRequesterOptions = {
  /** e.g. http://127.0.0.1:PORT/slack/events */
  url: string;
  signingSecret: string;
  /** default 'T0001' */
  teamId?: string;
  /** default 'A0001' */
  apiAppId?: string;
  /** Bot user id put in Events API `authorizations`; default 'UBOT' */
  botUserId?: string;
  /** current time in ms; default Date.now */
  now?: () => number;
};

/** Events API envelope types: an `event()` argument with one of these types is sent as the whole body. */
const ENVELOPE_TYPES = new Set(['url_verification', 'event_callback', 'app_rate_limited']);

let counter = 0;
function unique(): number {
  counter += 1;
  return counter;
}

export class SlackRequester {
  readonly url: string;
  readonly signingSecret: string;
  readonly teamId: string;
  readonly apiAppId: string;
  readonly botUserId: string;
  private readonly now: () => number;

  constructor(options: SlackRequesterOptions) {
    this.url = options.url;
    this.signingSecret = options.signingSecret;
    this.teamId = options.teamId ?? 'T0001';
    this.apiAppId = options.apiAppId ?? 'A0001';
    this.botUserId = options.botUserId ?? 'UBOT';
    this.now = options.now ?? Date.now;
  }

  /** Signs `body` and POSTs it with the given content type. */
  async send(body: string, contentType: string, options: SendOptions = {}): Promise<SlackResponse> {
    const timestamp = options.timestamp ?? Math.floor(this.now() / 1000);
    const signature = options.signature ?? signatureFor(this.signingSecret, timestamp, body);
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signature,
        ...options.headers,
      },
      body,
    });
    const text = await response.text();
    let json: unknown;
    if (text.trim() !== '') {
      try {
        json = JSON.parse(text) as unknown;
      } catch {
        json = undefined;
      }
    }
    return { status: response.status, text, json };
  }

  /** A slash command, form-encoded like Slack. The caller must give at least `user_id` and `response_url`. */
  async command(fields: Record<string, string>, options?: SendOptions): Promise<SlackResponse> {
    const userId = fields.user_id;
    if (userId === undefined || fields.response_url === undefined) {
      throw new Error('SlackRequester.command() needs at least user_id and response_url (use FakeSlack.responseUrl())');
    }
    const n = unique();
    const all: Record<string, string> = {
      token: 'verification-token',
      team_id: this.teamId,
      team_domain: 'example',
      channel_id: 'C0001',
      channel_name: 'sales',
      user_id: userId,
      user_name: userId.toLowerCase(),
      command: '/dial',
      text: '',
      api_app_id: this.apiAppId,
      is_enterprise_install: 'false',
      response_url: fields.response_url,
      trigger_id: `123.456.abc${n}`,
      ...fields,
    };
    return this.send(new URLSearchParams(all).toString(), 'application/x-www-form-urlencoded', options);
  }

  /** An interactivity payload (block_actions, view_submission, shortcut, ...), form-encoded as `payload=<JSON>`. */
  interaction(payload: Record<string, unknown>, options?: SendOptions): Promise<SlackResponse> {
    const full: Record<string, unknown> = { ...payload };
    if (full.team === undefined) full.team = { id: this.teamId, domain: 'example' };
    if (full.api_app_id === undefined) full.api_app_id = this.apiAppId;
    const body = new URLSearchParams({ payload: JSON.stringify(full) }).toString();
    return this.send(body, 'application/x-www-form-urlencoded', options);
  }

  /**
   * An Events API request. `event` is wrapped in an `event_callback` envelope, unless its `type` is itself an
   * envelope type (`url_verification`, `event_callback`, `app_rate_limited`), in which case it is sent as-is.
   */
  event(event: Record<string, unknown>, options?: SendOptions): Promise<SlackResponse> {
    let body: Record<string, unknown>;
    if (typeof event.type === 'string' && ENVELOPE_TYPES.has(event.type)) {
      body = event;
    } else {
      const n = unique();
      body = {
        token: 'verification-token',
        team_id: this.teamId,
        api_app_id: this.apiAppId,
        event,
        type: 'event_callback',
        event_id: `Ev${String(n).padStart(8, '0')}`,
        event_time: Math.floor(this.now() / 1000),
        authorizations: [
          { enterprise_id: null, team_id: this.teamId, user_id: this.botUserId, is_bot: true, is_enterprise_install: false },
        ],
        is_ext_shared_channel: false,
      };
    }
    return this.send(JSON.stringify(body), 'application/json', options);
  }

  /** Convenience: a `view_submission` interaction with `state.values` as given. */
  viewSubmission(
    args: {
      userId: string;
      callbackId: string;
      viewId?: string;
      values: Record<string, Record<string, unknown>>;
      privateMetadata?: string;
      hash?: string;
    },
    options?: SendOptions,
  ): Promise<SlackResponse> {
    const n = unique();
    const payload: Record<string, unknown> = {
      type: 'view_submission',
      team: { id: this.teamId, domain: 'example' },
      user: { id: args.userId, username: args.userId.toLowerCase(), name: args.userId.toLowerCase(), team_id: this.teamId },
      api_app_id: this.apiAppId,
      token: 'verification-token',
      trigger_id: `123.456.abc${n}`,
      view: {
        id: args.viewId ?? `VSUB${n}`,
        team_id: this.teamId,
        type: 'modal',
        callback_id: args.callbackId,
        private_metadata: args.privateMetadata ?? '',
        hash: args.hash ?? `1700000000.hash${n}`,
        blocks: [],
        state: { values: args.values },
        app_id: this.apiAppId,
      },
      response_urls: [],
      is_enterprise_install: false,
    };
    return this.interaction(payload, options);
  }
}
