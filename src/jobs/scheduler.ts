// One node-cron task, every minute: for each job and team whose slot is due (its time today has
// passed in the team's zone) and not done, claim and run it. A process that was down at post time
// still posts when it comes back the same day; the claim makes sure no slot runs twice.
import cron from 'node-cron';
import type { JobDefinition, JobDeps } from './job.js';
import { JOBS } from './registry.js';
import { loadTeams, runTeamSlots } from './run-job.js';

export type Scheduler = {
  /** One pass over every job and team at `now` (what each minute's tick does). Never throws. */
  tick(now: Date): Promise<void>;
  /** Stops the cron task and waits for a tick in progress to finish. */
  stop(): Promise<void>;
};

export function startScheduler(deps: JobDeps, jobs: readonly JobDefinition[] = JOBS): Scheduler {
  const logger = deps.logger.child({ component: 'scheduler' });
  let stopped = false;
  let running: Promise<void> | undefined;

  async function tick(now: Date): Promise<void> {
    try {
      const teams = await loadTeams(deps);
      for (const job of jobs) {
        for (const team of teams) {
          if (stopped) return;
          try {
            for (const result of await runTeamSlots(deps, job, team, now)) {
              if (result.status === 'sent') logger.info({ job: job.name, ...result }, 'job slot sent');
              else if (result.status === 'busy') logger.debug({ job: job.name, ...result }, 'job slot claimed elsewhere');
            }
          } catch (error) {
            // One team's failure (Slack down, channel archived) neither stops the others nor the process.
            logger.error({ err: error, job: job.name, teamId: team.id }, 'job slot failed; it is retried on the next tick');
          }
        }
      }
    } catch (error) {
      logger.error({ err: error }, 'scheduler tick failed');
    }
  }

  const task = cron.schedule(
    '* * * * *',
    () => {
      if (stopped) return;
      const work = tick(deps.clock());
      running = work;
      return work.finally(() => {
        if (running === work) running = undefined;
      });
    },
    { name: 'dialbot-scheduler', noOverlap: true },
  );

  return {
    tick,
    async stop() {
      stopped = true;
      await task.stop();
      await running;
      await task.destroy();
    },
  };
}
