// Child processes under measurement: the real app (`dialbot start`, as operators run it) and the
// bare Bolt app, each in its own process so their RSS and cold start are their own.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sleep } from './stats.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export type Measured = {
  port: number;
  /** Spawn to the first good answer of the readiness URL. */
  readyMs: number;
  rssMiB(): number;
  stop(): Promise<void>;
};

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** Resident set size of a process, from /proc (Linux). */
export function rssMiB(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb === undefined ? Number.NaN : Number(kb) / 1024;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Spawns `node args…` with `env` (plus PATH and HOME) and waits until `readyPath` answers `ready(status)`. */
async function spawnMeasured(args: string[], env: Record<string, string>, port: number, readyPath: string, ready: (status: number) => boolean): Promise<Measured> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}: ${stderr}`);
    const status = await fetch(`http://127.0.0.1:${port}${readyPath}`).then((r) => r.status, () => 0);
    if (ready(status)) break;
    if (Date.now() > deadline) {
      await stopChild(child);
      throw new Error(`${args.join(' ')} not ready after 120 s: ${stderr}`);
    }
    await sleep(10);
  }
  const readyMs = performance.now() - started;
  return { port, readyMs, rssMiB: () => rssMiB(child.pid!), stop: () => stopChild(child) };
}

/** `dialbot start` against `databaseUrl`, Slack calls going to `slackApiUrl`; ready when /readyz says 200. */
export async function startAppProcess(options: { databaseUrl: string; slackApiUrl: string; signingSecret: string; botToken: string }): Promise<Measured> {
  const port = await freePort();
  const env = {
    SLACK_SIGNING_SECRET: options.signingSecret,
    SLACK_BOT_TOKEN: options.botToken,
    SLACK_API_URL: options.slackApiUrl,
    DATABASE_URL: options.databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  return spawnMeasured([join(REPO_ROOT, 'bin/dialbot.js'), 'start'], env, port, '/readyz', (status) => status === 200);
}

/** The bare Bolt app (bench/bare-bolt.ts, same tsx loader as bin/dialbot.js); ready once its server answers at all. */
export async function startBareProcess(options: { signingSecret: string }): Promise<Measured> {
  const port = await freePort();
  const env = { SLACK_SIGNING_SECRET: options.signingSecret, PORT: String(port) };
  return spawnMeasured(['--import', 'tsx', join(REPO_ROOT, 'bench/bare-bolt.ts')], env, port, '/', (status) => status > 0);
}
