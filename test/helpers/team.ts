// Sets a team up the way a manager does: `/dial team`, then submitting the settings modal.
import { CALLBACK, TEAM_MODAL } from '../../src/blocks/ids.js';
import { givenTeamGoal } from './goals.js';
import { slash, startHarness, type Harness, type TestDatabase } from './harness.js';

/** `command`: the `/dial` text that opens the modal (default `team`); `reps`: picked in the form; `values`: more fields (e.g. the review flags), as Slack submits them. */
export async function configureTeam(
  h: Harness,
  options: { manager: string; channel: string; timezone: string; command?: string; name?: string; reps?: string[]; values?: Record<string, Record<string, unknown>> },
): Promise<string> {
  const trigger = `777.${Math.random().toString(36).slice(2)}`;
  await slash(h, options.manager, options.command ?? 'team', { trigger_id: trigger });
  const opened = await h.slack.waitFor('views.open', (c) => c.args.trigger_id === trigger);
  const { teamId } = JSON.parse((opened.args.view as { private_metadata: string }).private_metadata) as { teamId: string };
  const a = TEAM_MODAL.action;
  const res = await h.requester.viewSubmission({
    userId: options.manager,
    callbackId: CALLBACK.teamSettings,
    privateMetadata: JSON.stringify({ teamId }),
    values: {
      [TEAM_MODAL.nameBlock]: { [a]: { type: 'plain_text_input', value: options.name ?? 'Sales' } },
      [TEAM_MODAL.channelBlock]: { [a]: { type: 'conversations_select', selected_conversation: options.channel } },
      [TEAM_MODAL.managersBlock]: { [a]: { type: 'multi_users_select', selected_users: [options.manager] } },
      [TEAM_MODAL.workDaysBlock]: { [a]: { type: 'checkboxes', selected_options: ['1', '2', '3', '4', '5'].map((value) => ({ value, text: { type: 'plain_text', text: value } })) } },
      [TEAM_MODAL.startBlock]: { [a]: { type: 'timepicker', selected_time: '09:00' } },
      [TEAM_MODAL.endBlock]: { [a]: { type: 'timepicker', selected_time: '17:00' } },
      [TEAM_MODAL.timezoneBlock]: { [a]: { type: 'static_select', selected_option: { value: options.timezone } } },
      [TEAM_MODAL.holidaysBlock]: { [a]: { type: 'plain_text_input', value: '' } },
      [TEAM_MODAL.trackedKindsBlock]: { [a]: { type: 'checkboxes', selected_options: ['dial', 'conversation'].map((value) => ({ value, text: { type: 'plain_text', text: value } })) } },
      [TEAM_MODAL.dailyPostBlock]: { [a]: { type: 'checkboxes', selected_options: [{ value: 'on', text: { type: 'plain_text', text: 'Post daily progress' } }] } },
      [TEAM_MODAL.dailyPostTimeBlock]: { [a]: { type: 'timepicker', selected_time: '16:30' } },
      [TEAM_MODAL.weeklyBoardBlock]: { [a]: { type: 'checkboxes', selected_options: [{ value: 'on', text: { type: 'plain_text', text: 'Post the weekly leaderboard' } }] } },
      [TEAM_MODAL.weeklyBoardTimeBlock]: { [a]: { type: 'timepicker', selected_time: '09:00' } },
      ...(options.reps ? { [TEAM_MODAL.repsBlock]: { [a]: { type: 'multi_users_select', selected_users: options.reps } } } : {}),
      ...options.values,
    },
  });
  if (res.status !== 200) throw new Error(`team settings submit answered ${res.status}`);
  await h.slack.waitFor('chat.postMessage', (c) => c.args.channel === options.manager); // the manager's summary DM
  return teamId;
}

/**
 * A team as the ladder tests need it: set up by its manager (an admin in New York) on Sunday
 * 29 Nov 2026 with the seed's goal plan from 1 November, and reps known to Slack by name and zone.
 */
export async function startSalesTeam(
  database: TestDatabase,
  manager: string,
  reps: ReadonlyArray<{ id: string; name: string; tz: string }>,
): Promise<{ h: Harness; teamId: string }> {
  const h = await startHarness({ database, now: '2026-11-29T14:00:00Z' });
  h.slack.setUser({ id: manager, name: 'morgan', tz: 'America/New_York', is_admin: true });
  for (const rep of reps) h.slack.setUser(rep);
  const teamId = await configureTeam(h, { manager, channel: 'C0SALES', timezone: 'America/New_York' });
  await givenTeamGoal(h.prisma, { effectiveFrom: '2026-11-01' });
  return { h, teamId };
}
