// The ladder action modal submitted: a note (required to excuse), then the outcome is recorded
// for the week; the manager gets a confirmation, and the rep is told when their week is excused.
import type { App } from '@slack/bolt';
import { errorReply } from '../../blocks/activity-replies.js';
import { OUTCOME_LABELS } from '../../blocks/escalation.js';
import { CALLBACK, LADDER_MODAL } from '../../blocks/ids.js';
import { LADDER_NOTE_MAX, type LadderModalMetadata } from '../../blocks/ladder-action-modal.js';
import { formatLocalDate } from '../../lib/time.js';
import { ladderStanding } from '../../services/escalation/ladder-standing.js';
import { LADDER_OUTCOMES, recordLadderAction } from '../../services/escalation/record-ladder-action.js';
import type { ListenerDeps } from '../deps.js';
import { messageForFailure } from '../failures.js';
import { memberFor } from '../members.js';
import { noteProblem } from './note-problem.js';

function readMetadata(text: string): LadderModalMetadata | undefined {
  try {
    const parsed = JSON.parse(text) as Partial<LadderModalMetadata>;
    const outcome = LADDER_OUTCOMES.find((o) => o === parsed.outcome);
    return typeof parsed.evaluationId === 'string' && outcome ? { evaluationId: parsed.evaluationId, outcome } : undefined;
  } catch {
    return undefined;
  }
}

export function registerLadderActionView(app: App, deps: ListenerDeps): void {
  app.view(CALLBACK.ladderAction, async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const workspaceId = body.team?.id ?? body.user.team_id;
    const refuse = (message: string) => ack({ response_action: 'errors', errors: { [LADDER_MODAL.noteBlock]: message } });
    const metadata = readMetadata(view.private_metadata);
    if (!workspaceId || !metadata) return refuse('This form is out of date. Close it and press the button again. Nothing was recorded.');
    const note = (view.state.values[LADDER_MODAL.noteBlock]?.[LADDER_MODAL.action]?.value ?? '').trim();
    if (metadata.outcome === 'excused' && note === '') return refuse('Say why the week is excused: the rep and their record will show it.');
    const problem = noteProblem(note, 'note', LADDER_NOTE_MAX);
    if (problem) return refuse(problem);

    const now = deps.clock();
    let acked = false;
    try {
      const actor = await memberFor(deps, client, workspaceId, userId, now);
      const result = await recordLadderAction(deps.prisma, { actor, ...metadata, note, requestKey: `view:${workspaceId}:${view.id}`, now });
      if (!result.ok) {
        return await refuse(result.reason === 'not_found' ? 'That week is no longer on record. Nothing was recorded.' : 'Only this rep’s managers can record this. Nothing was recorded.');
      }
      await ack();
      acked = true;
      if (result.duplicate) return;
      const week = formatLocalDate(result.evaluation.week);
      const rep = result.rep.slackUserId;
      const standing = await ladderStanding(deps.prisma, result.rep);
      const level = standing.level === 0 ? 'They’re back on track.' : `They’re now at level ${standing.level}.`;
      const confirmation = `Recorded for <@${rep}>’s week of ${week}: *${OUTCOME_LABELS[metadata.outcome]}*${note ? ` — “${note}”` : ''}.${metadata.outcome === 'excused' ? ` ${level}` : ''}`;
      await client.chat.postMessage({ channel: userId, text: confirmation });
      if (metadata.outcome === 'excused') {
        const yours = standing.level === 0 ? 'You’re back on track.' : `You’re now at level ${standing.level}.`;
        await client.chat.postMessage({ channel: rep, text: `<@${userId}> excused your week of ${week}: “${note}”. It no longer counts against you. ${yours}` });
      }
    } catch (error) {
      const message = messageForFailure(error, deps.logger, { view: CALLBACK.ladderAction, user: userId });
      if (!acked) return refuse(message);
      await client.chat.postMessage({ channel: userId, ...errorReply(message) }).catch(() => undefined);
    }
  });
}
