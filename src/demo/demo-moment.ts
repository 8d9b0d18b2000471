// When the demo is set: the daily progress post's time on today's date in the team's timezone if
// today is a workday, else on the last workday before it. The post, the board (last week from
// there) and both App Homes are all shown as at that instant; the history runs up to it. Pure.
import { addDays, instantAt, localDate, weekOf, type LocalDate } from '../lib/time.js';
import { isWorkday, type TeamCalendar } from '../services/goals/targets.js';

export type DemoMoment = {
  /** The instant everything is shown as at. */
  at: Date;
  /** Its date in the team's timezone (a workday). */
  date: LocalDate;
  /** The first day of history: the Monday (week start) `weeks - 1` weeks before the date's week. */
  firstDay: LocalDate;
};

export function demoMoment(now: Date, team: { timezone: string; dailyPostTime: string; calendar: TeamCalendar }, weeks: number): DemoMoment {
  let date = localDate(now, team.timezone);
  // A team works at least one day a week: two weeks back always finds one.
  for (let back = 0; back < 14 && !isWorkday(date, team.calendar); back++) date = addDays(date, -1);
  if (!isWorkday(date, team.calendar)) throw new RangeError('the demo team has no workday');
  return { at: instantAt(date, team.dailyPostTime, team.timezone), date, firstDay: addDays(weekOf(date)[0]!, -7 * (weeks - 1)) };
}
