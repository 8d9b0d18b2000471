// A post or Home whose chart Slack refuses still goes out, without the picture.
import type { KnownBlock } from '@slack/types';
import { createLogger } from '../../../src/lib/logger.js';
import { sendWithCharts } from '../../../src/slack/upload-chart.js';

const logger = createLogger({ level: 'silent' });
const text: KnownBlock = { type: 'section', text: { type: 'mrkdwn', text: 'numbers' } };
const image: KnownBlock = { type: 'image', slack_file: { id: 'F1' }, alt_text: 'chart' };
const refused = Object.assign(new Error('An API error occurred: invalid_blocks'), { data: { error: 'invalid_blocks' } });

describe('sendWithCharts', () => {
  it('sends again without the images when Slack refuses the blocks', async () => {
    const sent: KnownBlock[][] = [];
    const result = await sendWithCharts([text, image], async (blocks) => {
      sent.push(blocks);
      if (blocks.includes(image)) throw refused;
      return 'ok';
    }, logger);
    expect(result).toBe('ok');
    expect(sent).toEqual([[text, image], [text]]);
  });

  it('rethrows other errors, and a refusal of blocks that hold no image', async () => {
    const other = Object.assign(new Error('channel_not_found'), { data: { error: 'channel_not_found' } });
    await expect(sendWithCharts([text, image], async () => Promise.reject(other), logger)).rejects.toBe(other);
    let calls = 0;
    await expect(sendWithCharts([text], async () => (calls++, Promise.reject(refused)), logger)).rejects.toBe(refused);
    expect(calls).toBe(1);
  });
});
