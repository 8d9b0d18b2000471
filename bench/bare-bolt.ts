// The latency and memory baseline: a Bolt app with the same receiver, signing secret and `/dial`
// command as dialbot, that acks and does nothing else. Reads its two settings from the environment
// (it is a bench fixture, not part of the app).
import { App, HTTPReceiver } from '@slack/bolt';

const receiver = new HTTPReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET ?? '', endpoints: '/slack/events' });
const app = new App({ receiver, token: 'xoxb-bare', tokenVerificationEnabled: false, botId: 'B0', botUserId: 'UBOT' });
app.command('/dial', async ({ ack }) => ack());
await receiver.start({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => void receiver.stop().then(() => process.exit(0)));
