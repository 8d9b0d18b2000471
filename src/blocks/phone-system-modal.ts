// The phone-system modal (pushed from team settings): when a connected call counts as a
// conversation, the team's API tokens with a Revoke button each, and a label to create one.
// A new token's secret is shown once, in the view that replaces it. Its metadata is the team
// settings modal's (the team id). Pure.
import type { KnownBlock, ModalView } from '@slack/types';
import { ACTIVITIES_PATH } from '../api/activity-batch.js';
import type { ApiTokenSummary, PhoneSystemSettings } from '../services/api-tokens/phone-system-settings.js';
import { CALLBACK, ACTION, PHONE_MODAL } from './ids.js';
import { LIMITS, truncate } from './slack-limits.js';
import type { TeamModalMetadata } from './team-settings-modal.js';

export const MIN_CONNECTED_SECONDS = 1;
export const MAX_CONNECTED_SECONDS = 3600;
export const MAX_TOKEN_LABEL = 50;

const text = (t: string) => ({ type: 'mrkdwn' as const, text: t });
const title = (t: string) => ({ type: 'plain_text' as const, text: truncate(t, LIMITS.modalTitle) });

/** An instant as Slack shows it in each reader's own timezone. */
const when = (instant: Date) => `<!date^${Math.floor(instant.getTime() / 1000)}^{date_short_pretty} {time}|${instant.toISOString()}>`;

function tokenBlock(token: ApiTokenSummary): KnownBlock {
  return {
    type: 'section',
    text: text(
      truncate(`*${token.label}* \`${token.prefix}…\`\nCreated by <@${token.createdBy}> ${when(token.createdAt)} · ${token.lastUsedAt ? `last used ${when(token.lastUsedAt)}` : 'never used'}`, LIMITS.sectionText),
    ),
    accessory: {
      type: 'button',
      action_id: ACTION.revokeApiToken,
      value: token.id,
      style: 'danger',
      text: { type: 'plain_text', text: 'Revoke' },
      confirm: {
        title: { type: 'plain_text', text: 'Revoke this token?' },
        text: { type: 'plain_text', text: truncate(`Requests with “${token.label}” will be refused from now on. This cannot be undone.`, 300) },
        confirm: { type: 'plain_text', text: 'Revoke' },
        deny: { type: 'plain_text', text: 'Keep it' },
        style: 'danger',
      },
    },
  };
}

export function buildPhoneSystemModal(settings: PhoneSystemSettings, notice?: string): ModalView {
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: text(
        `Your phone system can log calls for *${settings.teamName}*’s reps: it sends them to dialbot’s \`POST ${ACTIVITIES_PATH}\` with one of the tokens below (see the README).`,
      ),
    },
    ...(notice ? [{ type: 'context' as const, elements: [text(notice)] }] : []),
    {
      type: 'input',
      block_id: PHONE_MODAL.connectedSecondsBlock,
      label: { type: 'plain_text', text: 'A connected call is a conversation from (seconds)' },
      element: {
        type: 'number_input',
        action_id: PHONE_MODAL.action,
        is_decimal_allowed: false,
        min_value: String(MIN_CONNECTED_SECONDS),
        max_value: String(MAX_CONNECTED_SECONDS),
        initial_value: String(settings.connectedCallSeconds),
      },
      hint: { type: 'plain_text', text: 'A dial the phone system reports as “connected” and at least this long also counts one conversation.' },
    },
    { type: 'header', text: { type: 'plain_text', text: 'API tokens' } },
    ...(settings.tokens.length > 0 ? settings.tokens.map(tokenBlock) : [{ type: 'context' as const, elements: [text('No tokens yet.')] }]),
    settings.canCreate
      ? {
          type: 'input',
          block_id: PHONE_MODAL.tokenLabelBlock,
          optional: true,
          label: { type: 'plain_text', text: 'New token' },
          element: { type: 'plain_text_input', action_id: PHONE_MODAL.action, max_length: MAX_TOKEN_LABEL, placeholder: { type: 'plain_text', text: 'e.g. Aircall' } },
          hint: { type: 'plain_text', text: 'Name it after the system that will use it. Saving creates it and shows it once.' },
        }
      : { type: 'context', elements: [text('The team has as many tokens as it may: revoke one to create another.')] },
  ];
  return {
    type: 'modal',
    callback_id: CALLBACK.phoneSystem,
    private_metadata: JSON.stringify({ teamId: settings.teamId } satisfies TeamModalMetadata),
    title: title('Phone system'),
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Back' },
    blocks,
  };
}

/** Replaces the phone-system modal once a token is created: the only time its secret is shown. */
export function tokenCreatedModal(input: { teamName: string; label: string; secret: string }): ModalView {
  return {
    type: 'modal',
    title: title('Token created'),
    close: { type: 'plain_text', text: 'Done' },
    blocks: [
      { type: 'section', text: text(`:key: *${input.label}* can now log activity for *${input.teamName}*. Copy the token into your phone system:`) },
      { type: 'section', text: text(`\`\`\`${input.secret}\`\`\``) },
      {
        type: 'context',
        elements: [text(`It is shown only this once: dialbot keeps a fingerprint of it, not the token. Send it as \`Authorization: Bearer <token>\` to \`POST ${ACTIVITIES_PATH}\`.`)],
      },
    ],
  };
}

/** A message in place of a modal (a refusal, or a token whose secret was already shown). */
export function phoneNoticeModal(message: string): ModalView {
  return { type: 'modal', title: title('Phone system'), close: { type: 'plain_text', text: 'Close' }, blocks: [{ type: 'section', text: text(message) }] };
}
