// Text rules shared by every way activity comes in (slash command, modal, CSV).

// C0/C1 control characters other than tab, CR and LF, and Unicode bidi overrides (which can
// make a stored note read differently from what was typed).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}
