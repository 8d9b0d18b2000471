// `dialbot demo`: a fresh in-memory embedded database (never ./data, never DATABASE_URL), the
// schema migrated, the sample team seeded, and what the app would post and show written to
// `outDir`. Returns the summary to print.
import { resolve } from 'node:path';
import { openDatabase } from '../db/client.js';
import { deployMigrations } from '../db/migrate.js';
import { formatLocalDate } from '../lib/time.js';
import { planFromRevenue, SEED_RATIOS } from '../services/goals/plan-from-revenue.js';
import { teamCalendar } from '../services/goals/targets.js';
import { buildDemo } from './build-demo.js';
import { demoMoment, type DemoMoment } from './demo-moment.js';
import { demoSummary } from './demo-summary.js';
import { DEMO_AVERAGE_DEAL, DEMO_MANAGER, DEMO_REPS, DEMO_REVENUE_TARGET, DEMO_SETTINGS, DEMO_TIMEZONE, DEMO_WEEKS } from './demo-team.js';
import { seedDemo, type SeededDemo } from './seed-demo.js';
import { writeDemo } from './write-demo.js';

export const IN_MEMORY_DATABASE = 'pglite://memory://';

export type DemoRun = { summary: string; files: string[]; moment: DemoMoment };

const money = (n: number) => `$${n.toLocaleString('en-US')}`;

function headline(seeded: SeededDemo, moment: DemoMoment): string {
  const { targets } = planFromRevenue({ revenueTarget: DEMO_REVENUE_TARGET, averageDealSize: DEMO_AVERAGE_DEAL, ...SEED_RATIOS });
  const name = (rep: (typeof DEMO_REPS)[number] | undefined) => rep?.displayName ?? 'nobody';
  const ramp = DEMO_REPS.find((r) => r.rampPercent !== undefined);
  return [
    `Sample team “${seeded.team.name}”: ${seeded.reps.length} reps and their manager ${DEMO_MANAGER.displayName}, on the seed’s goal plan`,
    `(${money(DEMO_REVENUE_TARGET)} a month at ${money(DEMO_AVERAGE_DEAL)} a deal: ${targets.dial} dials and ${targets.conversation} conversations a month),`,
    `${DEMO_WEEKS} weeks of activity (${seeded.entries.toLocaleString('en-US')} entries) with ${name(DEMO_REPS.find((r) => r.slidingBehind))} sliding behind,`,
    `${name(DEMO_REPS.find((r) => r.ptoToday))} on PTO and ${name(ramp)} ramping up at ${ramp?.rampPercent ?? 100}% —`,
    `shown as at ${formatLocalDate(moment.date)} ${moment.date.slice(0, 4)}, ${seeded.team.dailyPostTime} ${seeded.team.timezone ?? DEMO_TIMEZONE}.`,
  ].join('\n');
}

export async function runDemo(options: { outDir: string; now: Date }): Promise<DemoRun> {
  const moment = demoMoment(
    options.now,
    { timezone: DEMO_TIMEZONE, dailyPostTime: DEMO_SETTINGS.dailyPostTime, calendar: teamCalendar(DEMO_SETTINGS) },
    DEMO_WEEKS,
  );
  const db = await openDatabase(IN_MEMORY_DATABASE);
  try {
    await deployMigrations(db);
    const seeded = await seedDemo(db.prisma, moment);
    const outputs = await buildDemo(db.prisma, seeded, moment);
    const outDir = resolve(options.outDir);
    const files = writeDemo(outDir, outputs);
    return { summary: demoSummary({ headline: headline(seeded, moment), outDir, outputs }), files, moment };
  } finally {
    await db.close();
  }
}
