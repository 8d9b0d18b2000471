// Slack's limits, in one place; builders truncate instead of failing.
export const LIMITS = {
  /** Blocks in one message (a modal or App Home view takes 100). */
  messageBlocks: 50,
  sectionText: 3000,
  /** One of a section's (at most 10) fields. */
  fieldText: 2000,
  headerText: 150,
  modalTitle: 24,
  privateMetadata: 3000,
  messageText: 3900,
  plainTextInput: 3000,
  imageAltText: 2000,
  imageTitle: 2000,
} as const;

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Don't end on the first half of a surrogate pair (an emoji cut in half renders as "�").
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 2)) ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}
