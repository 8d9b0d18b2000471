// App Home "Mute today's nudge": no behind-pace nudge for the rep today (their own date), then the
// Home is republished to say so. Pressing it twice is harmless.
import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTION } from '../../blocks/ids.js';
import { localDate } from '../../lib/time.js';
import type { ListenerDeps } from '../deps.js';
import { memberFor } from '../members.js';
import { publishHome } from '../publish-home.js';

export function registerMuteNudgeAction(app: App, deps: ListenerDeps): void {
  app.action<BlockButtonAction>(ACTION.muteNudge, async ({ ack, body, client }) => {
    await ack();
    const workspaceId = body.team?.id ?? body.user.team_id;
    if (!workspaceId) return;
    const now = deps.clock();
    const member = await memberFor(deps, client, workspaceId, body.user.id, now);
    const date = localDate(now, member.timezone);
    await deps.prisma.nudgeMute.upsert({ where: { memberId_date: { memberId: member.id, date } }, create: { memberId: member.id, date, createdAt: now }, update: {} });
    await publishHome(deps, client, member, now);
  });
}
