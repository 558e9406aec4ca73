/** One paragraph per line, a blank line between paragraphs, a final newline; nothing for no paragraphs. */
export function render(paragraphs: string[]): string {
  return paragraphs.length === 0 ? '' : paragraphs.join('\n\n') + '\n';
}
