// Reads a CSV file a user uploaded to Slack (a modal's file_input): its details from files.info,
// then its bytes from url_private_download with the bot token (scope files:read). Every way it can
// go wrong — not CSV, too big, gone, unreadable, not UTF-8 — comes back as a message for the user.
import { createHash } from 'node:crypto';
import type { WebClient } from '@slack/web-api';

/** Files up to this size can be imported (Slack's file_input takes up to 10 MB). */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 10_000;

export type UploadedCsv =
  | { ok: true; fileId: string; name: string; text: string; sha256: string }
  | { ok: false; message: string };

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/**
 * The bot token goes only over HTTPS, or to the origin the Web API itself is reached at (a local
 * proxy or test server): never in clear text to anywhere else.
 */
function mayCarryToken(url: URL, apiUrl: string): boolean {
  return url.protocol === 'https:' || url.origin === new URL(apiUrl).origin;
}

/** The body, or undefined as soon as it grows past `maxBytes`. */
async function readLimited(response: Response, maxBytes: number): Promise<Buffer | undefined> {
  if (!response.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function readUploadedCsv(client: WebClient, token: string, fileId: string, maxBytes = MAX_CSV_BYTES): Promise<UploadedCsv> {
  let file;
  try {
    ({ file } = await client.files.info({ file: fileId }));
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error ?? 'unreachable';
    return { ok: false, message: `Slack could not find the uploaded file (${code}). Upload it again.` };
  }
  const name = file?.name ?? fileId;
  if (file?.filetype !== 'csv' && file?.mimetype !== 'text/csv') {
    return { ok: false, message: `“${name}” is not a CSV file${file?.pretty_type ? ` (Slack reads it as ${file.pretty_type})` : ''}. Save your sheet as CSV (comma-separated values) and upload that.` };
  }
  if (file.size !== undefined && file.size > maxBytes) {
    return { ok: false, message: `“${name}” is ${megabytes(file.size)}; files up to ${megabytes(maxBytes)} can be imported. Split it and import each part.` };
  }
  const url = URL.canParse(file.url_private_download ?? '') ? new URL(file.url_private_download!) : undefined;
  if (!url || !mayCarryToken(url, client.slackApiUrl)) return { ok: false, message: `Slack gave no safe download link for “${name}”. Upload it again.` };

  let bytes: Buffer | undefined;
  try {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    // Without files:read Slack answers with its sign-in page instead of the file.
    if (!response.ok || /text\/html/i.test(response.headers.get('content-type') ?? '')) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, message: `Slack would not hand over “${name}” (HTTP ${response.status}). Try again; if it keeps failing, ask your admin to reinstall dialbot with the files:read scope.` };
    }
    bytes = await readLimited(response, maxBytes);
  } catch {
    return { ok: false, message: `Downloading “${name}” from Slack failed or took too long. Try again.` };
  }
  if (!bytes) return { ok: false, message: `“${name}” is over ${megabytes(maxBytes)}, the most that can be imported. Split it and import each part.` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: `“${name}” is not UTF-8 text. Export it again as “CSV UTF-8” and upload that.` };
  }
  return { ok: true, fileId, name, text, sha256: createHash('sha256').update(bytes).digest('hex') };
}
