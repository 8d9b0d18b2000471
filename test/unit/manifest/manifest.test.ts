// manifest.yml must create a working app in one step: the command, events and interactivity
// pointing at /slack/events, and every scope the code's Slack calls need.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BOT_SCOPES, REDIRECT_PATH } from '../../../src/slack/oauth.js';

type Manifest = {
  features: { app_home: { home_tab_enabled: boolean }; bot_user: { display_name: string }; slash_commands: Array<{ command: string; url: string; usage_hint: string }> };
  oauth_config: { redirect_urls: string[]; scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
};

const root = join(import.meta.dirname ?? __dirname, '../../..');
const manifest = parse(readFileSync(join(root, 'manifest.yml'), 'utf8')) as Manifest;

/** The bot scope each Web API method dialbot calls needs (https://api.slack.com/methods). */
const SCOPE_FOR_METHOD: Record<string, string | null> = {
  'users.info': 'users:read',
  'users.lookupByEmail': 'users:read.email',
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'conversations.open': 'im:write',
  'views.open': null,
  'views.publish': null,
  'views.update': null,
  'views.push': null,
  'auth.test': null,
  'files.uploadV2': 'files:write',
  'files.info': 'files:read',
  'conversations.join': 'channels:join',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'generated') return [];
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('manifest.yml', () => {
  it('declares /dial, App Home, events and interactivity, all on /slack/events', () => {
    const dial = manifest.features.slash_commands.find((c) => c.command === '/dial');
    expect(dial?.url).toMatch(/^https:\/\/.+\/slack\/events$/);
    expect(manifest.settings.event_subscriptions.request_url).toBe(dial?.url);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: dial?.url });
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_home_opened');
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.bot_user.display_name).toBe('dialbot');
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it('lets the app be installed to many workspaces: the redirect URL, the same scopes as the installer asks, uninstall events', () => {
    expect(manifest.oauth_config.redirect_urls).toEqual([expect.stringMatching(new RegExp(`^https://.+${REDIRECT_PATH}$`))]);
    expect([...BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_uninstalled', 'tokens_revoked']));
  });

  it('asks for the scope of every Web API method the code calls, and no unused one', () => {
    const called = new Set<string>();
    for (const file of sourceFiles(join(root, 'src'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/client(?:\(\))?\s*\.\s*([a-z]+)\s*\.\s*([a-zA-Z0-9]+)\s*\(/g)) {
        called.add(`${match[1]}.${match[2]}`);
      }
    }
    expect(called.size).toBeGreaterThan(3);
    for (const method of called) expect(Object.keys(SCOPE_FOR_METHOD)).toContain(method);
    const needed = new Set([...called].map((m) => SCOPE_FOR_METHOD[m]).filter((s): s is string => Boolean(s)));
    needed.add('commands');
    expect(new Set(manifest.oauth_config.scopes.bot)).toEqual(needed);
  });
});
