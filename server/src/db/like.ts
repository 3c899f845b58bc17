/** A LIKE/ILIKE pattern matching `text` literally anywhere (`%` and `_` escaped). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
