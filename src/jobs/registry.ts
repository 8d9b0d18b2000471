// Every scheduled job, by name: the scheduler runs them all, `dialbot run-job <name>` one of them.
import { behindDigestJob } from './behind-digest.js';
import { dailyProgressJob } from './daily-progress.js';
import type { JobDefinition } from './job.js';
import { weeklyBoardJob } from './weekly-board.js';
import { weeklyEvaluationJob } from './weekly-evaluation.js';
import { paceNudgeJob } from './pace-nudge.js';

export const JOBS: readonly JobDefinition[] = [dailyProgressJob, weeklyBoardJob, weeklyEvaluationJob, paceNudgeJob, behindDigestJob];

export const jobNamed = (name: string): JobDefinition | undefined => JOBS.find((job) => job.name === name);
