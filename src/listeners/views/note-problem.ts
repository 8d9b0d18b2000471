// A manager's free-text note in a modal (a flag's reason, a ladder action's note): what is wrong
// with it, said the same way in every modal that takes one.
import { hasControlCharacters } from '../../lib/text.js';

/** The note's problem (too long, control characters), if any; `noun` names it to the manager. */
export function noteProblem(note: string, noun: string, max: number): string | undefined {
  if (note.length > max) return `Keep the ${noun} to ${max} characters (it has ${note.length}).`;
  if (hasControlCharacters(note)) return `The ${noun} has invisible control characters; retype it.`;
  return undefined;
}
