// The flag modal submitted: a reason is required; then the entry is accepted or voided, the manager
// gets a confirmation, the rep is told when their entry is voided, and both App Homes are refreshed.
import type { App } from '@slack/bolt';
import { describeCounts, errorReply } from '../../blocks/activity-replies.js';
import { FLAG_REASON_MAX, type FlagModalMetadata } from '../../blocks/flags.js';
import { CALLBACK, FLAG_MODAL } from '../../blocks/ids.js';
import { FLAG_RESOLUTIONS, resolveFlag } from '../../services/flags/resolve-flag.js';
import type { ListenerDeps } from '../deps.js';
import { messageForFailure } from '../failures.js';
import { memberFor } from '../members.js';
import { publishHome } from '../publish-home.js';
import { noteProblem } from './note-problem.js';

function readMetadata(text: string): FlagModalMetadata | undefined {
  try {
    const parsed = JSON.parse(text) as Partial<FlagModalMetadata>;
    const resolution = FLAG_RESOLUTIONS.find((r) => r === parsed.resolution);
    return typeof parsed.flagId === 'string' && resolution ? { flagId: parsed.flagId, resolution } : undefined;
  } catch {
    return undefined;
  }
}

/** The reason's problem, if any. */
function reasonProblem(reason: string): string | undefined {
  if (reason === '') return 'Give a reason: it is kept with the entry and shown to the rep.';
  return noteProblem(reason, 'reason', FLAG_REASON_MAX);
}

export function registerResolveFlagView(app: App, deps: ListenerDeps): void {
  app.view(CALLBACK.resolveFlag, async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const workspaceId = body.team?.id ?? body.user.team_id;
    const refuse = (message: string) => ack({ response_action: 'errors', errors: { [FLAG_MODAL.reasonBlock]: message } });
    const metadata = readMetadata(view.private_metadata);
    if (!workspaceId || !metadata) return refuse('This form is out of date. Close it and press the button again. Nothing was recorded.');
    const reason = (view.state.values[FLAG_MODAL.reasonBlock]?.[FLAG_MODAL.action]?.value ?? '').trim();
    const problem = reasonProblem(reason);
    if (problem) return refuse(problem);

    const now = deps.clock();
    let acked = false;
    try {
      const actor = await memberFor(deps, client, workspaceId, userId, now);
      const result = await resolveFlag(deps.prisma, { actor, ...metadata, note: reason, now });
      if (!result.ok) {
        return await refuse(result.reason === 'not_found' ? 'That flag is no longer on record. Nothing was recorded.' : 'Only this rep’s managers can accept or void their entries. Nothing was recorded.');
      }
      await ack();
      acked = true;
      const { flag, rep } = result;
      const what = `<@${rep.slackUserId}>’s entry of ${describeCounts(result.counts)}`;
      const confirmation = result.duplicate
        ? `${what} was already ${flag.resolution} by <@${flag.resolvedBy}>: “${flag.resolutionNote}”. Nothing more was changed.`
        : `${flag.resolution === 'voided' ? 'Voided' : 'Accepted'} ${what}: “${reason}”.${flag.resolution === 'voided' ? ' It no longer counts in any total.' : ''}`;
      await client.chat.postMessage({ channel: userId, text: confirmation });
      if (!result.duplicate && flag.resolution === 'voided') {
        await client.chat.postMessage({ channel: rep.slackUserId, text: `<@${userId}> voided your entry of ${describeCounts(result.counts)}: “${reason}”. It no longer counts in your totals.` });
        deps.homeRefresh.request(rep, client);
      }
      await publishHome(deps, client, actor, now);
    } catch (error) {
      const message = messageForFailure(error, deps.logger, { view: CALLBACK.resolveFlag, user: userId });
      if (!acked) return refuse(message);
      await client.chat.postMessage({ channel: userId, ...errorReply(message) }).catch(() => undefined);
    }
  });
}
