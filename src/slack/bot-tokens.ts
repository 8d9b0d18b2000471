// Which bot token a workspace's calls carry: the one configured token (single workspace), or the
// token its OAuth installation stored. Jobs and the HTTP API use this; listeners get theirs from Bolt.
import type { PrismaClient } from '../generated/prisma/client.js';
import { secretBox, type SecretBox } from '../lib/secret-box.js';

/** The workspace's bot token, or undefined when the app is not installed there. */
export type BotTokens = (workspaceId: string) => Promise<string | undefined>;

/** The token source for a configuration: the one bot token if set, else the OAuth installations. */
export const botTokensFor = (slack: { botToken: string | undefined; tokenEncryptionKey: Buffer | undefined }, prisma: PrismaClient): BotTokens =>
  slack.botToken === undefined ? installedBotTokens(prisma, secretBox(slack.tokenEncryptionKey)) : singleBotToken(slack.botToken);

const singleBotToken =
  (token: string): BotTokens =>
  async () =>
    token;

const installedBotTokens =
  (prisma: PrismaClient, box: SecretBox): BotTokens =>
  async (workspaceId) => {
    const stored = (await prisma.installation.findUnique({ where: { workspaceId }, select: { botToken: true } }))?.botToken;
    return stored === undefined ? undefined : box.open(stored);
  };
