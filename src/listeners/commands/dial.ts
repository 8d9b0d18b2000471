// `/dial`: parse the text, ack within Slack's 3 s, then do the work and reply ephemerally.
import type { App } from '@slack/bolt';
import { errorReply, helpReply, undoneReply, type Reply } from '../../blocks/activity-replies.js';
import { describeEntryDate, resolveEntryDate } from '../../services/activities/entry-date.js';
import { undoLastEntry } from '../../services/activities/undo-last-entry.js';
import { activityTotals } from '../../services/progress/activity-totals.js';
import { localDate } from '../../lib/time.js';
import type { ListenerDeps } from '../deps.js';
import { messageForFailure } from '../failures.js';
import { logEntryAndReply } from '../log-entry.js';
import { memberFor } from '../members.js';
import { openLogModal } from '../open-log-modal.js';
import { handleAbsenceCommand } from './dial-absence.js';
import { handleBoardCommand } from './dial-board.js';
import { handleCompareCommand } from './dial-compare.js';
import { handleExportCommand } from './dial-export.js';
import { handleImportCommand } from './dial-import.js';
import { handleWhyCommand } from './dial-why.js';
import type { DialContext } from './dial-context.js';
import { handleGoalCommand } from './dial-goal.js';
import { dialHelpText, parseDialText } from './dial-grammar.js';
import { handleStatsCommand } from './dial-stats.js';
import { handleTeamCommand } from './dial-team.js';

export function registerDialCommand(app: App, deps: ListenerDeps): void {
  app.command('/dial', async ({ command, ack, respond, client }) => {
    const parsed = parseDialText(command.text ?? '', deps.config);
    // Answers that need no database go straight back in the ack.
    if (parsed.type === 'error') return ack({ response_type: 'ephemeral', ...errorReply(parsed.message) });
    if (parsed.type === 'help') return ack({ response_type: 'ephemeral', ...helpReply(dialHelpText(deps.config)) });
    await ack();

    const reply = async (r: Reply) => {
      await respond({ response_type: 'ephemeral', replace_original: false, ...r });
    };
    const requestKey = `slash:${command.team_id}:${command.trigger_id}`;
    try {
      const now = deps.clock();
      const member = await memberFor(deps, client, command.team_id, command.user_id, now);
      const ctx: DialContext = { deps, client, command, member, now, requestKey, reply };
      switch (parsed.type) {
        case 'goal':
          return await handleGoalCommand(ctx);
        case 'team':
          return await handleTeamCommand(ctx, parsed);
        case 'stats':
          return await handleStatsCommand(ctx, parsed.userId);
        case 'absence':
          return await handleAbsenceCommand(ctx, parsed);
        case 'board':
          return await handleBoardCommand(ctx, parsed.period);
        case 'compare':
          return await handleCompareCommand(ctx, parsed.userIds);
        case 'why':
          return await handleWhyCommand(ctx, parsed.userId);
        case 'import':
          return await handleImportCommand(ctx);
        case 'export':
          return await handleExportCommand(ctx, parsed);
        case 'open_modal':
          await openLogModal(deps, client, { member, triggerId: command.trigger_id, channelId: command.channel_id, now });
          return;
        case 'undo': {
          const voided = await undoLastEntry(deps.prisma, {
            workspaceId: member.workspaceId,
            memberId: member.id,
            actorUserId: member.slackUserId,
            requestKey,
            now,
          });
          const totals = await activityTotals(deps.prisma, member.id, member.timezone, now);
          const dateLabel = describeEntryDate(localDate(voided.occurredAt, member.timezone), now, member.timezone);
          await reply(undoneReply({ counts: voided.counts, dateLabel, source: voided.source, totals }));
          deps.homeRefresh.request(member, client);
          return;
        }
        case 'log':
          await reply(
            await logEntryAndReply(deps, {
              member,
              counts: parsed.counts,
              date: resolveEntryDate(parsed.when, now, member.timezone),
              note: parsed.note,
              source: 'slash',
              requestKey,
              now,
              client,
            }),
          );
          return;
      }
    } catch (error) {
      await reply(errorReply(messageForFailure(error, deps.logger, { command: '/dial', user: command.user_id })));
    }
  });
}
