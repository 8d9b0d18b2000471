// Multi-workspace install (OAuth v2) through Bolt's installer: `/slack/install` sends the admin to
// Slack's consent screen, `/slack/oauth_redirect` exchanges the code, stores the installation and
// DMs the installer the first steps. The state is signed with SLACK_STATE_SECRET and bound to the
// browser by a cookie (Bolt's defaults), so a forged or replayed redirect installs nothing.
import type { ServerResponse } from 'node:http';
import type { HTTPReceiverOptions, Installation } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { welcomeMessage } from '../blocks/welcome.js';
import type { OAuthConfig } from '../config/env.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Logger } from '../lib/logger.js';
import type { SecretBox } from '../lib/secret-box.js';
import type { Clock } from '../lib/time.js';
import { databaseInstallationStore } from './installation-store.js';

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

/** The bot scopes dialbot asks for: the same list as manifest.yml (a test keeps them equal). */
export const BOT_SCOPES = ['commands', 'chat:write', 'users:read', 'users:read.email', 'files:write', 'files:read', 'im:write', 'channels:join'] as const;

export type OAuthDeps = { prisma: PrismaClient; logger: Logger; clock: Clock; apiUrl: string; client: () => WebClient; box: SecretBox };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(res: ServerResponse, title: string, body: string): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
    `<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;line-height:1.5">${body}</body></html>`);
}

/** The HTTPReceiver options that turn the installer on. */
export function oauthReceiverOptions(oauth: OAuthConfig, deps: OAuthDeps): Partial<HTTPReceiverOptions> {
  // Slack's consent screen lives on the same host as its API (slack.com, slack-gov.com, a test fake).
  const authorizationUrl = new URL('/oauth/v2/authorize', deps.apiUrl).toString();

  const success = async (installation: Installation, res: ServerResponse) => {
    const team = installation.team as { id: string; name?: string };
    const token = installation.bot?.token;
    deps.logger.info({ workspaceId: team.id, installer: installation.user.id }, 'dialbot installed in a workspace');
    // A DM that fails leaves the install in place; the page still says where to start.
    if (token) {
      const message = welcomeMessage(team.name);
      await deps
        .client()
        .chat.postMessage({ token, channel: installation.user.id, text: message.text, blocks: message.blocks, unfurl_links: false })
        .catch((error: unknown) => deps.logger.warn({ err: error, workspaceId: team.id }, 'could not send the installer the first-steps DM'));
    }
    const open = installation.appId ? `https://slack.com/app_redirect?app=${encodeURIComponent(installation.appId)}&team=${encodeURIComponent(team.id)}` : undefined;
    page(res, 'dialbot is installed',
      `<h1>dialbot is installed${team.name ? ` in ${escapeHtml(team.name)}` : ''}</h1>` +
      '<p>Check your direct messages in Slack: dialbot sent you the first steps (create your team, pick its channel, add managers and reps, set a goal).</p>' +
      (open ? `<p><a href="${escapeHtml(open)}">Open dialbot in Slack</a></p>` : ''));
  };

  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: [...BOT_SCOPES],
    installationStore: databaseInstallationStore(deps.prisma, deps.clock, deps.box),
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      // Straight to Slack's consent screen: the admin came here to install.
      directInstall: true,
      authorizationUrl,
      clientOptions: { slackApiUrl: deps.apiUrl },
      callbackOptions: { successAsync: (installation, _options, _req, res) => success(installation as Installation, res) },
    },
  };
}
