// What a `/dial` subcommand handler gets: the caller as a member, the clock reading, a way to reply.
import type { SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Member } from '../../generated/prisma/client.js';
import type { Reply } from '../../blocks/activity-replies.js';
import type { ListenerDeps } from '../deps.js';

export type DialContext = {
  deps: ListenerDeps;
  client: WebClient;
  command: SlashCommand;
  /** The caller. */
  member: Member;
  now: Date;
  /** Identifies this request (retries carry the same key). */
  requestKey: string;
  /** Ephemeral reply to the caller. */
  reply(reply: Reply): Promise<void>;
};
