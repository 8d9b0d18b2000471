/**
 * Runs `dialbot` (bin/dialbot.js) as a real child process, the way an operator does.
 *
 * Children get an explicit environment (PATH and HOME from the test process, plus what the test
 * passes) and run in a directory of the test's choosing — normally a fresh temp dir — so that a
 * developer's `.env` or `./data` is never picked up. Every child still running when a test ends can
 * be killed with `killChildren()`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIALBOT_BIN = join(REPO_ROOT, 'bin/dialbot.js');

export type CliResult = {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
};

export type CliOptions = {
  /** Working directory (where `.env` and the default `./data` are looked up). */
  cwd: string;
  /** Variables on top of PATH and HOME. `undefined` values are left out. */
  env?: Record<string, string | undefined>;
  /** Kill the child (SIGKILL) after this long; the result then has `signal: 'SIGKILL'`. */
  timeoutMs?: number;
};

const running = new Set<ChildProcess>();

/** The only environment a child sees: PATH, HOME and what the test gives. */
export function cliEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['PATH', 'HOME'] as const) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  for (const [name, value] of Object.entries(extra)) if (value !== undefined) env[name] = value;
  return env;
}

export type RunningCli = {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has exited and its output is complete. */
  exited: Promise<CliResult>;
};

/** Starts `node bin/dialbot.js ...args` and returns at once. */
export function startCli(args: string[], options: CliOptions): RunningCli {
  const started = Date.now();
  const child = spawn(process.execPath, [DIALBOT_BIN, ...args], {
    cwd: options.cwd,
    env: cliEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
  const exited = new Promise<CliResult>((done, fail) => {
    child.once('error', (error) => {
      clearTimeout(timer);
      running.delete(child);
      fail(error);
    });
    // 'close' (not 'exit'): stdout and stderr have been read to the end.
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      done({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Runs `node bin/dialbot.js ...args` to completion (killed after `timeoutMs`, default 30 s). */
export function runCli(args: string[], options: CliOptions): Promise<CliResult> {
  return startCli(args, { timeoutMs: 30_000, ...options }).exited;
}

/** Kills (SIGKILL) every child started here that is still running, e.g. after a failed test. */
export function killChildren(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** Temp directories that `removeTempDirs()` deletes. */
const tempDirs: string[] = [];

export function tempDir(prefix = 'dialbot-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A TCP port nobody listened on a moment ago (listen on port 0, read it, close). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Polls `url` until it answers `status` (or throws after `timeoutMs`). */
export async function waitForHttp(url: string, status: number, timeoutMs: number, alive: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  for (;;) {
    if (!alive()) throw new Error(`process exited while waiting for ${url} (${last})`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await response.text();
      if (response.status === status) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms (${last})`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
