const CANDIDATES = [',', ';', '\t', '|'];
const SAMPLE_LINES = 20;

/** Delimiter counts per line for the first lines, not counting what is inside quotes. */
function countsPerLine(text: string): Map<string, number[]> {
  const counts = new Map(CANDIDATES.map((candidate) => [candidate, [0]]));
  let quoted = false;
  let lines = 0;
  for (let index = 0; index < text.length && lines < SAMPLE_LINES; index += 1) {
    const character = text[index];
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) {
      if (character === '\r' && text[index + 1] === '\n') index += 1;
      lines += 1;
      for (const perLine of counts.values()) perLine.push(0);
    } else if (!quoted && character !== undefined) {
      const perLine = counts.get(character);
      if (perLine !== undefined) perLine[perLine.length - 1] = (perLine.at(-1) ?? 0) + 1;
    }
  }
  return counts;
}

/**
 * The delimiter that splits the first lines most evenly: the header's count repeated on the rows
 * below. A `;` file (Excel and Outlook where the decimal mark is a comma) still holds commas in
 * its addresses and notes, but not the same number on every line.
 */
export function guessDelimiter(text: string, fallback = ','): string {
  let best = fallback;
  let bestScore = 0;
  for (const [candidate, perLine] of countsPerLine(text)) {
    const lines = perLine.filter((count, index) => count > 0 || index < perLine.length - 1);
    const header = lines[0] ?? 0;
    if (header === 0) continue;
    const steady = lines.filter((count) => count === header).length;
    const score = steady * 1000 + header;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
