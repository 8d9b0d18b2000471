// Writes the demo's outputs into a directory (created if need be; files already there with the
// same names are overwritten): each message file as an array of { text, blocks }, each Home as
// its view, and every chart as its PNG. Returns the paths written, in order.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoOutput } from './build-demo.js';

/** What a demo JSON file holds: the messages as posted, or the view as published. */
export function demoJson(output: DemoOutput): unknown {
  return output.content.type === 'messages' ? output.content.messages : output.content.view;
}

export function writeDemo(outDir: string, outputs: readonly DemoOutput[]): string[] {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const write = (file: string, data: string | Buffer) => {
    const path = join(outDir, file);
    writeFileSync(path, data);
    written.push(path);
  };
  for (const output of outputs) {
    write(output.file, `${JSON.stringify(demoJson(output), null, 2)}\n`);
    for (const { file, chart } of output.charts) write(file, chart.png);
  }
  return written;
}
