// Installs to many workspaces: Bolt's OAuth installer against the fake Slack (`oauth.v2.access`),
// two workspaces served by one process whose data never mixes, and uninstall clean-up.
import { ACTION, CALLBACK } from '../../src/blocks/ids.js';
import { runJob } from '../../src/jobs/run-job.js';
import { createApiToken } from '../../src/services/api-tokens/create-api-token.js';
import { secretBox } from '../../src/lib/secret-box.js';
import { sealStoredTokens } from '../../src/slack/installation-store.js';
import { BOT_SCOPES } from '../../src/slack/oauth.js';
import { FAKE_OAUTH_CLIENT, type FakeInstall } from '../helpers/fake-slack.js';
import { eventually, SIGNING_SECRET, startHarness, testDatabases, visibleText, type Harness } from '../helpers/harness.js';
import { SlackRequester } from '../helpers/slack-request.js';

const STATE_SECRET = 'state-secret-0123456789abcdef';
const TOKEN_KEY = 'a3'.repeat(32);
const ACME: FakeInstall = { teamId: 'TACME', teamName: 'Acme', installerUserId: 'UACMEADMIN', botToken: 'xoxb-acme-secret-token-1', botUserId: 'UACMEBOT' };
const GLOBEX: FakeInstall = { teamId: 'TGLOBEX', teamName: 'Globex', installerUserId: 'UGLXADMIN', botToken: 'xoxb-globex-secret-token-2', botUserId: 'UGLXBOT' };
const ACME_REP = 'UACMEREP';
const GLOBEX_REP = 'UGLXREP';

describe.each(testDatabases())('OAuth installs to many workspaces on %s', (database) => {
  let h: Harness;
  let base: string;
  const requesters = new Map<string, SlackRequester>();

  beforeAll(async () => {
    h = await startHarness({
      database,
      env: { SLACK_BOT_TOKEN: '', SLACK_CLIENT_ID: FAKE_OAUTH_CLIENT.clientId, SLACK_CLIENT_SECRET: FAKE_OAUTH_CLIENT.clientSecret, SLACK_STATE_SECRET: STATE_SECRET, TOKEN_ENCRYPTION_KEY: TOKEN_KEY },
    });
    base = `http://127.0.0.1:${h.dialbot.port}`;
    for (const w of [ACME, GLOBEX]) {
      requesters.set(w.teamId, new SlackRequester({ url: `${base}/slack/events`, signingSecret: SIGNING_SECRET, teamId: w.teamId, botUserId: w.botUserId }));
      h.slack.setUser({ id: w.installerUserId, team_id: w.teamId, is_admin: true, tz: 'America/New_York' });
    }
    h.slack.setUser({ id: ACME_REP, team_id: ACME.teamId, tz: 'America/New_York' });
    h.slack.setUser({ id: GLOBEX_REP, team_id: GLOBEX.teamId, tz: 'Europe/London' });
  });
  beforeEach(() => h.reset());
  afterAll(() => h.stop());

  /** The admin's browser: /slack/install (state cookie set, sent to Slack), then Slack's redirect back with a code. */
  async function install(w: FakeInstall, options: { cookie?: boolean; state?: string } = {}): Promise<Response> {
    const start = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const location = new URL(start.headers.get('location') as string);
    const state = location.searchParams.get('state') as string;
    const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect(cookie).toBe(`slack-app-oauth-state=${state}`);
    const code = h.slack.issueOAuthCode(w);
    return fetch(`${base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(options.state ?? state)}`, {
      headers: options.cookie === false ? {} : { cookie },
    });
  }

  async function slashIn(w: FakeInstall, userId: string, text: string): Promise<string> {
    const responseUrl = h.slack.responseUrl();
    const ack = await requesters.get(w.teamId)!.command({ user_id: userId, text, response_url: responseUrl });
    expect(ack.status).toBe(200);
    const path = new URL(responseUrl).pathname;
    return visibleText((await h.slack.waitFor('response_url', (c) => c.args._path === path)).args);
  }

  it('sends the admin to Slack’s consent screen with dialbot’s client id and scopes', async () => {
    const start = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    const location = new URL(start.headers.get('location') as string);
    expect(`${location.origin}${location.pathname}`).toBe(`${h.slack.baseUrl}/oauth/v2/authorize`);
    expect(location.searchParams.get('client_id')).toBe(FAKE_OAUTH_CLIENT.clientId);
    expect(location.searchParams.get('scope')).toBe(BOT_SCOPES.join(','));
  });

  it('stores the installation, thanks the admin and DMs them the first steps', async () => {
    const page = await install(ACME);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('dialbot is installed in Acme');

    const exchange = h.slack.callsTo('oauth.v2.access');
    expect(exchange).toHaveLength(1);
    expect(exchange[0]!.args).toMatchObject({ client_id: FAKE_OAUTH_CLIENT.clientId, code: 'code-1' });
    const [stored] = await h.prisma.installation.findMany();
    // Sealed with TOKEN_ENCRYPTION_KEY: the database alone does not give the token away.
    expect(stored?.botToken).toMatch(/^v1\./);
    expect(stored?.botToken).not.toContain(ACME.botToken.slice(5));
    expect(secretBox(Buffer.from(TOKEN_KEY, 'hex')).open(stored!.botToken)).toBe(ACME.botToken);
    expect([stored]).toEqual([
      expect.objectContaining({ workspaceId: ACME.teamId, botUserId: ACME.botUserId, installerUserId: ACME.installerUserId, botScopes: [...BOT_SCOPES] }),
    ]);
    expect(await h.prisma.workspace.findUnique({ where: { id: ACME.teamId } })).toMatchObject({ name: 'Acme' });
    expect(await h.prisma.auditEvent.findMany({ select: { action: true, workspaceId: true, actorUserId: true } })).toEqual([
      { action: 'app.installed', workspaceId: ACME.teamId, actorUserId: ACME.installerUserId },
    ]);

    const dm = await h.slack.waitFor('chat.postMessage', (c) => c.args.channel === ACME.installerUserId);
    expect(dm.token).toBe(ACME.botToken);
    const text = visibleText(dm.args);
    for (const step of ['Create your team', '/dial team new Sales', 'Pick its channel', 'Add managers and reps', '/dial goal', '/dial 12']) expect(text).toContain(step);

    // "Set up your team" opens the settings of the team the installer (an admin) manages.
    const blocks = (dm.args.blocks as Array<{ type: string; elements?: Array<{ action_id?: string }> }>) ?? [];
    expect(blocks.find((b) => b.type === 'actions')?.elements?.[0]?.action_id).toBe(ACTION.openTeamSettings);
    await requesters.get(ACME.teamId)!.interaction({
      type: 'block_actions',
      user: { id: ACME.installerUserId, team_id: ACME.teamId },
      trigger_id: 'trig.setup',
      actions: [{ type: 'button', action_id: ACTION.openTeamSettings, block_id: 'b', action_ts: '1' }],
      channel: { id: `D${ACME.installerUserId}` },
      response_url: h.slack.responseUrl(),
    });
    const opened = await h.slack.waitFor('views.open', (c) => c.args.trigger_id === 'trig.setup');
    expect(opened.token).toBe(ACME.botToken);
    expect((opened.args.view as { callback_id: string }).callback_id).toBe(CALLBACK.teamSettings);
    // The token is stored, never logged; nor are the app's own secrets.
    for (const secret of [ACME.botToken, FAKE_OAUTH_CLIENT.clientSecret, STATE_SECRET, TOKEN_KEY]) expect(h.rawLogs()).not.toContain(secret);
  });

  it('tells someone who manages no team, pressing “Set up your team”, who can', async () => {
    await install(ACME);
    const responseUrl = h.slack.responseUrl();
    await requesters.get(ACME.teamId)!.interaction({
      type: 'block_actions',
      user: { id: ACME_REP, team_id: ACME.teamId },
      trigger_id: 'trig.rep',
      actions: [{ type: 'button', action_id: ACTION.openTeamSettings, block_id: 'b', action_ts: '1' }],
      response_url: responseUrl,
    });
    const reply = await h.slack.waitFor('response_url', (c) => c.args._path === new URL(responseUrl).pathname);
    expect(String(reply.args.text)).toMatch(/^:warning: Only a workspace admin can change .* settings until it has managers/);
    expect(h.slack.callsTo('views.open')).toHaveLength(0);
  });

  it('installs nothing from a redirect without the browser’s state cookie, or with a forged state', async () => {
    for (const attempt of [{ cookie: false }, { state: 'forged-state' }]) {
      const page = await install(ACME, attempt);
      expect(page.status).toBeGreaterThanOrEqual(400);
      expect(await page.text()).not.toContain('dialbot is installed');
    }
    expect(h.slack.callsTo('oauth.v2.access')).toHaveLength(0);
    expect(await h.prisma.installation.count()).toBe(0);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('refuses a code Slack does not honour, and shows the admin it failed', async () => {
    const start = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    const state = new URL(start.headers.get('location') as string).searchParams.get('state') as string;
    const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const page = await fetch(`${base}/slack/oauth_redirect?code=never-issued&state=${encodeURIComponent(state)}`, { headers: { cookie } });
    expect(page.status).toBeGreaterThanOrEqual(400);
    expect(await h.prisma.installation.count()).toBe(0);
  });

  it('serves two workspaces from one process, each with its own token, and their data never mixes', async () => {
    await install(ACME);
    await install(GLOBEX);

    expect(await slashIn(ACME, ACME_REP, '12')).toMatch(/12 dials/);
    expect(await slashIn(GLOBEX, GLOBEX_REP, '5')).toMatch(/5 dials/);
    // Every Slack call for a workspace carried that workspace's token.
    for (const [w, rep] of [[ACME, ACME_REP], [GLOBEX, GLOBEX_REP]] as const) {
      const lookups = h.slack.callsTo('users.info').filter((c) => c.args.user === rep);
      expect(lookups.length).toBeGreaterThan(0);
      expect(lookups.every((c) => c.token === w.botToken)).toBe(true);
    }
    const stored = await h.prisma.activity.findMany({ include: { member: true }, orderBy: { count: 'asc' } });
    expect(stored.map((a) => [a.workspaceId, a.member.slackUserId, a.count])).toEqual([
      [GLOBEX.teamId, GLOBEX_REP, 5],
      [ACME.teamId, ACME_REP, 12],
    ]);

    // Globex's admin can't reach Acme's rep, nor Acme's team, nor see Acme on Globex's board.
    expect(await slashIn(GLOBEX, GLOBEX.installerUserId, `stats <@${ACME_REP}|acmerep>`)).toContain(`<@${ACME_REP}> isn’t in this Slack workspace.`);
    // Creating a team opens its settings.
    await requesters.get(ACME.teamId)!.command({ user_id: ACME.installerUserId, text: 'team new Acme Hunters', response_url: h.slack.responseUrl() });
    expect((await h.slack.waitFor('views.open')).token).toBe(ACME.botToken);
    expect(await slashIn(GLOBEX, GLOBEX.installerUserId, 'team Acme Hunters')).toContain('There is no team called “Acme Hunters”');
    const board = await slashIn(GLOBEX, GLOBEX_REP, 'board');
    expect(board).not.toContain(ACME_REP);
    expect(await h.prisma.member.count({ where: { workspaceId: GLOBEX.teamId, slackUserId: ACME_REP } })).toBe(0);
    expect(await h.prisma.team.findMany({ where: { name: 'Acme Hunters' }, select: { workspaceId: true } })).toEqual([{ workspaceId: ACME.teamId }]);
  });

  it('encrypts tokens stored before the key was set, once, and serves their workspace with them', async () => {
    await h.prisma.workspace.create({ data: { id: ACME.teamId, name: 'Acme' } });
    await h.prisma.installation.create({
      data: { workspaceId: ACME.teamId, botToken: ACME.botToken, botUserId: ACME.botUserId, botScopes: ['commands'], installerUserId: ACME.installerUserId, installedAt: new Date() },
    });
    const box = secretBox(Buffer.from(TOKEN_KEY, 'hex'));
    expect(await sealStoredTokens(h.prisma, box)).toBe(1);
    expect(await sealStoredTokens(h.prisma, box)).toBe(0);
    const { botToken } = await h.prisma.installation.findUniqueOrThrow({ where: { workspaceId: ACME.teamId } });
    expect(botToken).toMatch(/^v1\./);
    expect(await slashIn(ACME, ACME_REP, '3')).toMatch(/3 dials/);
    expect(h.slack.callsTo('users.info').every((c) => c.token === ACME.botToken)).toBe(true);
  });

  it('looks reps up for the phone-system webhook with their own workspace’s token', async () => {
    await install(ACME);
    await install(GLOBEX);
    h.slack.setUser({ id: ACME_REP, team_id: ACME.teamId, tz: 'America/New_York', email: 'rep@acme.example' });
    await slashIn(ACME, ACME_REP, '1');
    const admin = await h.prisma.member.findFirstOrThrow({ where: { workspaceId: ACME.teamId, slackUserId: ACME_REP } });
    const created = await createApiToken(h.prisma, { creator: { ...admin, isWorkspaceAdmin: true }, teamId: admin.teamId!, label: 'Dialer', requestKey: 'test:token', now: h.clock.now() });
    const res = await fetch(`${base}/api/v1/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${created.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ activities: [{ user: 'rep@acme.example', kind: 'dial', occurredAt: h.clock.now().toISOString(), externalId: 'call-1' }] }),
    });
    expect(await res.json()).toMatchObject({ ok: true, accepted: 1 });
    expect(h.slack.callsTo('users.lookupByEmail').map((c) => c.token)).toEqual([ACME.botToken]);
    // The rep's Home is refreshed with Acme's token too.
    await eventually(() => expect(h.slack.callsTo('views.publish').filter((c) => c.args.user_id === ACME_REP).map((c) => c.token)).toContain(ACME.botToken));
  });

  it('ignores requests from a workspace that never installed dialbot', async () => {
    await install(ACME);
    const stranger = new SlackRequester({ url: `${base}/slack/events`, signingSecret: SIGNING_SECRET, teamId: 'TSTRANGER' });
    const responseUrl = h.slack.responseUrl();
    await stranger.command({ user_id: ACME_REP, text: '12', response_url: responseUrl });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.slack.callsTo('response_url')).toHaveLength(0);
    expect(await h.prisma.activity.count()).toBe(0);
    expect(await h.prisma.member.count({ where: { workspaceId: 'TSTRANGER' } })).toBe(0);
  });

  it('deletes the token on uninstall or revocation, skips the workspace’s posts, and resumes on reinstall', async () => {
    await install(ACME);
    await install(GLOBEX);
    await slashIn(ACME, ACME_REP, '12');
    const acmeTeam = await h.prisma.team.findFirstOrThrow({ where: { workspaceId: ACME.teamId } });
    await h.prisma.team.update({ where: { id: acmeTeam.id }, data: { channelId: 'CACME' } });

    h.slack.revokeToken(ACME.botToken);
    const uninstalled = await requesters.get(ACME.teamId)!.event({ type: 'app_uninstalled' });
    expect(uninstalled.status).toBe(200);
    await eventually(async () => expect(await h.prisma.installation.findMany({ select: { workspaceId: true } })).toEqual([{ workspaceId: GLOBEX.teamId }]));
    expect(await h.prisma.auditEvent.count({ where: { action: 'app.uninstalled', workspaceId: ACME.teamId } })).toBe(1);
    // The workspace's data stays: an export still has it, and a reinstall picks it up.
    expect(await h.prisma.activity.count({ where: { workspaceId: ACME.teamId } })).toBe(1);

    const posting = await runJob(h.dialbot.jobs, 'daily-progress', { teamId: acmeTeam.id, at: new Date('2026-12-04T16:30:00Z') });
    expect(posting.slots).toEqual([expect.objectContaining({ status: 'skipped', reason: 'dialbot is not installed in this workspace' })]);
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'CACME')).toHaveLength(0);

    // Globex's admin revokes the bot token: the same clean-up.
    await requesters.get(GLOBEX.teamId)!.event({ type: 'tokens_revoked', tokens: { bot: [GLOBEX.botUserId] } });
    await eventually(async () => expect(await h.prisma.installation.count()).toBe(0));
    expect(await h.prisma.auditEvent.count({ where: { action: 'app.bot_token_revoked', workspaceId: GLOBEX.teamId } })).toBe(1);

    const reinstalled: FakeInstall = { ...ACME, botToken: 'xoxb-acme-secret-token-3' };
    await install(reinstalled);
    const resumed = await runJob(h.dialbot.jobs, 'daily-progress', { teamId: acmeTeam.id, at: new Date('2026-12-04T16:31:00Z') });
    expect(resumed.slots).toEqual([expect.objectContaining({ status: 'sent', messages: 1 })]);
    const post = h.slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'CACME');
    expect(post?.token).toBe(reinstalled.botToken);
    expect(h.rawLogs()).not.toContain(reinstalled.botToken);
  });
});

describe('single-token mode', () => {
  it('serves no install routes', async () => {
    const h = await startHarness({ database: testDatabases()[0]! });
    try {
      for (const path of ['/slack/install', '/slack/oauth_redirect?code=x&state=y']) expect((await fetch(`http://127.0.0.1:${h.dialbot.port}${path}`)).status).toBe(404);
    } finally {
      await h.stop();
    }
  });
});
