// Slack's limits, in one place; builders truncate instead of failing.
export const LIMITS = {
  sectionText: 3000,
  headerText: 150,
  modalTitle: 24,
  privateMetadata: 3000,
  messageText: 3900,
  plainTextInput: 3000,
} as const;

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
