// Every scheduled job, by name: the scheduler runs them all, `dialbot run-job <name>` one of them.
import { dailyProgressJob } from './daily-progress.js';
import type { JobDefinition } from './job.js';
import { weeklyBoardJob } from './weekly-board.js';

export const JOBS: readonly JobDefinition[] = [dailyProgressJob, weeklyBoardJob];

export const jobNamed = (name: string): JobDefinition | undefined => JOBS.find((job) => job.name === name);
