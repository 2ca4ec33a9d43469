/** One server-sent event as `GET /api/events` writes it. */
export type StreamMessage = { name: string; data: string };

/**
 * Splits a text/event-stream into messages. Chunks may end anywhere, even in the
 * middle of a line, so unfinished text waits for the next chunk.
 */
export function createEventStreamParser(onMessage: (message: StreamMessage) => void): (chunk: string) => void {
  let buffer = '';
  return (chunk) => {
    buffer += chunk.replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') name = value;
        if (field === 'data') data.push(value);
      }
      if (data.length > 0) onMessage({ name, data: data.join('\n') });
    }
  };
}
