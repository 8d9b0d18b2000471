// Puts a rendered chart in Slack: files.uploadV2 without a channel (the file stays private to the
// app and is shown by id in image blocks), once per distinct picture — the same PNG is found by
// its hash and not uploaded again. A chart is never worth failing a post or a Home for: any error
// is logged and the caller carries on without it.
import { createHash } from 'node:crypto';
import type { FilesCompleteUploadExternalResponse, WebAPICallResult, WebClient } from '@slack/web-api';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Chart } from '../charts/render.js';
import type { ChartImage } from '../blocks/chart.js';
import { isUniqueViolation } from '../db/errors.js';
import type { Logger } from '../lib/logger.js';

export type UploadChartDeps = { prisma: PrismaClient; client: WebClient; logger: Logger; token?: string };

export async function uploadChart(deps: UploadChartDeps, workspaceId: string, chart: Chart): Promise<ChartImage | undefined> {
  const sha256 = createHash('sha256').update(chart.png).digest('hex');
  const image = (fileId: string): ChartImage => ({ fileId, title: chart.title, altText: chart.altText });
  try {
    const known = await deps.prisma.chartUpload.findUnique({ where: { workspaceId_sha256: { workspaceId, sha256 } } });
    if (known) return image(known.fileId);
    // The method's declared result is generic; filesUploadV2 documents this shape.
    const result = (await deps.client.files.uploadV2({
      ...(deps.token !== undefined ? { token: deps.token } : {}),
      file: chart.png,
      filename: chart.filename,
      title: chart.title,
      alt_text: chart.altText.slice(0, 1000),
    })) as WebAPICallResult & { files?: FilesCompleteUploadExternalResponse[] };
    const fileId = (result.files ?? []).flatMap((completion) => completion.files ?? []).find((f) => f.id !== undefined)?.id;
    if (fileId === undefined) throw new Error('files.uploadV2 returned no file id');
    await deps.prisma.chartUpload.create({ data: { workspaceId, sha256, fileId } }).catch((error: unknown) => {
      // Another process uploaded the same picture meanwhile: either file shows it.
      if (!isUniqueViolation(error)) throw error;
    });
    return image(fileId);
  } catch (error) {
    deps.logger.warn({ err: error, chart: chart.filename }, 'chart upload failed; showing no chart');
    return undefined;
  }
}

const isImageBlock = (block: { type: string }) => block.type === 'image';

/** Whether Slack refused blocks (e.g. an image it has not finished processing). */
const refusedBlocks = (error: unknown) => (error as { data?: { error?: string } }).data?.error === 'invalid_blocks';

/**
 * Sends `blocks` with `send`; if Slack refuses them and they hold images, sends them once more
 * without the images — the numbers matter more than the picture.
 */
export async function sendWithCharts<B extends { type: string }, R>(blocks: B[], send: (blocks: B[]) => Promise<R>, logger: Logger): Promise<R> {
  try {
    return await send(blocks);
  } catch (error) {
    if (!refusedBlocks(error) || !blocks.some(isImageBlock)) throw error;
    logger.warn({ err: error }, 'Slack refused the chart images; sending without them');
    return send(blocks.filter((b) => !isImageBlock(b)));
  }
}
