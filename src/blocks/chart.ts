// An uploaded chart as an image block (Slack shows files the app uploaded by their id).
import type { ImageBlock } from '@slack/types';
import { LIMITS, truncate } from './slack-limits.js';

export type ChartImage = { fileId: string; title: string; altText: string };

export function chartBlock(image: ChartImage, blockId?: string): ImageBlock {
  return {
    type: 'image',
    ...(blockId !== undefined ? { block_id: blockId } : {}),
    slack_file: { id: image.fileId },
    alt_text: truncate(image.altText, LIMITS.imageAltText),
    title: { type: 'plain_text', text: truncate(image.title, LIMITS.imageTitle) },
  };
}
