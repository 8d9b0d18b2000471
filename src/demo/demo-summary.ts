// What `dialbot demo` prints: the sample team in a sentence, then one line per file written (a
// chart's line says which JSON it goes with and where) and, under each JSON, a Block Kit Builder
// link that opens it as Slack draws it. Pure.
import type { DemoOutput } from './build-demo.js';

export const BLOCK_KIT_BUILDER = 'https://app.slack.com/block-kit-builder/#';

/** A Block Kit Builder link showing `payload` ({ blocks } for a message, { type: 'home', blocks } for a Home). */
export function blockKitBuilderLink(payload: unknown): string {
  return `${BLOCK_KIT_BUILDER}${encodeURIComponent(JSON.stringify(payload))}`;
}

/** The Builder payloads of an output: one per message, or the Home view. */
export function builderPayloads(output: DemoOutput): unknown[] {
  return output.content.type === 'messages'
    ? output.content.messages.map((m) => ({ blocks: m.blocks }))
    : [{ type: 'home', blocks: output.content.view.blocks }];
}

export type DemoSummaryInput = {
  /** One sentence about the sample team and the instant shown. */
  headline: string;
  /** The directory as the user should read it. */
  outDir: string;
  outputs: readonly DemoOutput[];
};

export function demoSummary(input: DemoSummaryInput): string {
  const files = input.outputs.flatMap((o) => [o.file, ...o.charts.map((c) => c.file)]);
  const width = Math.max(...files.map((f) => f.length)) + 2;
  const lines = [input.headline, '', `Wrote ${files.length} files to ${input.outDir}:`];
  for (const output of input.outputs) {
    const payloads = builderPayloads(output);
    const count = output.content.type === 'messages' ? ` (${payloads.length} ${payloads.length === 1 ? 'message' : 'messages'})` : '';
    lines.push(`  ${output.file.padEnd(width)}${output.title}${count}`);
    payloads.forEach((payload, i) => {
      const which = payloads.length > 1 ? ` (message ${i + 1} of ${payloads.length})` : '';
      lines.push(`      Block Kit Builder${which}: ${blockKitBuilderLink(payload)}`);
    });
    for (const chart of output.charts) lines.push(`  ${chart.file.padEnd(width)}the chart for ${output.file}, shown ${chart.placement} (${chart.chart.width}×${chart.chart.height})`);
  }
  lines.push(
    '',
    'The JSON leaves the charts out: Slack shows a chart by the file id of an upload, so each PNG sits',
    'next to the JSON it belongs in. Open a Block Kit Builder link (signed in to Slack) to see the JSON as Slack draws it.',
  );
  return lines.join('\n');
}
