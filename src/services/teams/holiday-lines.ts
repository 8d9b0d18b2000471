// The team's holidays as a manager types them: one per line, "2026-12-25 Christmas Day".
// Pure: text in, holidays or per-line errors out (each naming its line number).
import { hasControlCharacters } from '../../lib/text.js';
import { parseLocalDate, type LocalDate } from '../../lib/time.js';

export const MAX_HOLIDAYS = 100;
export const MAX_HOLIDAY_NAME = 80;
export const DEFAULT_HOLIDAY_NAME = 'Holiday';

export type HolidayLine = { date: LocalDate; name: string };
/** `line` is 1-based; null for a problem with the list as a whole. */
export type HolidayLineError = { line: number | null; message: string };

const EXAMPLE = '“2026-12-25 Christmas Day”';

// A date, then an optional separator (":", ",", a dash) or spaces, then the name.
const LINE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[\s:,\u2013\u2014-])[\s:,\u2013\u2014-]*(.*)$/;

function quote(text: string): string {
  const chars = Array.from(text);
  return `“${chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : text}”`;
}

export function parseHolidayLines(text: string): { holidays: HolidayLine[]; errors: HolidayLineError[] } {
  const holidays: HolidayLine[] = [];
  const errors: HolidayLineError[] = [];
  const seen = new Map<LocalDate, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '') return;
    const fail = (message: string) => errors.push({ line, message: `Line ${line}: ${message}` });
    if (hasControlCharacters(trimmed)) return fail('contains control characters; retype it without them.');
    const match = LINE.exec(trimmed);
    if (!match) return fail(`start with the date as YYYY-MM-DD, then the name, e.g. ${EXAMPLE}.`);
    const typed = `${match[1]}-${match[2]}-${match[3]}`;
    const date = parseLocalDate(`${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`);
    if (!date) return fail(`${quote(typed)} isn’t a real date.`);
    const name = match[4]!.trim().normalize('NFC') || DEFAULT_HOLIDAY_NAME;
    if (Array.from(name).length > MAX_HOLIDAY_NAME) return fail(`keep the name to ${MAX_HOLIDAY_NAME} characters.`);
    const first = seen.get(date);
    if (first !== undefined) return fail(`${date} is already on line ${first}; give each date once.`);
    seen.set(date, line);
    holidays.push({ date, name });
  });
  if (holidays.length > MAX_HOLIDAYS) {
    errors.unshift({ line: null, message: `At most ${MAX_HOLIDAYS} holidays; this list has ${holidays.length}. Remove past ones.` });
  }
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { holidays, errors };
}

/** The text the modal shows for stored holidays, one per line, earliest first. */
export function formatHolidayLines(holidays: readonly HolidayLine[]): string {
  return [...holidays]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((h) => `${h.date} ${h.name}`)
    .join('\n');
}
