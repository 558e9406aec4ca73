/** One paragraph per line, a blank line between paragraphs, a final newline; nothing for no paragraphs. */
export function render(paragraphs: string[]): string {
  return paragraphs.length === 0 ? '' : paragraphs.join('\n\n') + '\n';
}

/** The JSON form of one result: `source` first, then the result's fields; pretty for one input, one line each for JSON Lines. */
export function renderJson(source: string, result: object, pretty = false): string {
  // Paragraph line ranges serve reports; the JSON keeps its documented shape.
  const { paragraphLines: _lines, ...rest } = result as { paragraphLines?: unknown };
  return JSON.stringify({ source, ...rest }, null, pretty ? 2 : undefined) + '\n';
}
