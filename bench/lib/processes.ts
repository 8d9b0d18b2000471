// Child processes under measurement: the real app (`dialbot start`, as operators run it) and the
// bare Bolt app, each in its own process so their RSS and cold start are their own.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliEnv, DIALBOT_BIN, freePort, REPO_ROOT } from '../../test/helpers/cli.js';
import { sleep } from './stats.js';

export type Measured = {
  port: number;
  /** Spawn to the first good answer of the readiness URL. */
  readyMs: number;
  rssMiB(): number;
  /** CPU time (user + system) the process has used so far. */
  cpuSeconds(): number;
  stop(): Promise<void>;
};

/** Resident set size of a process, from /proc (Linux). */
export function rssMiB(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb === undefined ? Number.NaN : Number(kb) / 1024;
}

/** User + system CPU seconds of a process, from /proc (Linux; clock ticks are 100 a second there). */
export function cpuSeconds(pid: number): number {
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Spawns `node args…` with only `env` (plus PATH and HOME) and waits until `readyPath` answers `ready(status)`. */
async function spawnMeasured(args: string[], env: Record<string, string>, port: number, readyPath: string, ready: (status: number) => boolean): Promise<Measured> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: cliEnv(env), stdio: ['ignore', 'ignore', 'pipe'] });
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
  return { port, readyMs, rssMiB: () => rssMiB(child.pid!), cpuSeconds: () => cpuSeconds(child.pid!), stop: () => stopChild(child) };
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
  return spawnMeasured([DIALBOT_BIN, 'start'], env, port, '/readyz', (status) => status === 200);
}

/** The bare Bolt app (bench/bare-bolt.ts, same tsx loader as bin/dialbot.js); ready once its server answers at all. */
export async function startBareProcess(options: { signingSecret: string }): Promise<Measured> {
  const port = await freePort();
  const env = { SLACK_SIGNING_SECRET: options.signingSecret, PORT: String(port) };
  return spawnMeasured(['--import', 'tsx', join(REPO_ROOT, 'bench/bare-bolt.ts')], env, port, '/', (status) => status > 0);
}
