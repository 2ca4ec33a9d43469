import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src-main/core/transfer/text-encoding.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16be = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le').swap16());

describe('decoding an import file', () => {
  it('follows the byte order mark: UTF-8, UTF-16LE and UTF-16BE, without keeping the mark', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x41, 0xc3, 0xa9))).toEqual({ text: 'Aé', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...utf16le('Émile €')]))).toEqual({ text: 'Émile €', encoding: 'utf-16le' });
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...utf16be('Émile €')]))).toEqual({ text: 'Émile €', encoding: 'utf-16be' });
  });

  it('reads valid UTF-8 without a mark as UTF-8, and anything else as Windows-1252 (€ is 0x80 there, not a control character)', () => {
    expect(decodeText(new TextEncoder().encode('Zoë, 12 €'))).toEqual({ text: 'Zoë, 12 €', encoding: 'utf-8' });
    expect(decodeText(bytes(0x5a, 0x6f, 0xeb, 0x20, 0x80))).toEqual({ text: 'Zoë €', encoding: 'windows-1252' });
  });

  it('keeps a UTF-8 file with one damaged byte as UTF-8, so one bad byte does not turn every "é" into "Ã©"', () => {
    const damaged = new Uint8Array([...new TextEncoder().encode('Émile,Zoë\n'), 0xff, ...new TextEncoder().encode('\nRenée\n')]);
    expect(decodeText(damaged)).toEqual({ text: 'Émile,Zoë\n\uFFFD\nRenée\n', encoding: 'utf-8' });
  });

  it('recognizes UTF-16 without a mark by its zero bytes', () => {
    expect(decodeText(utf16le('Name,Email\r\nAda,ada@example.com'))).toEqual({ text: 'Name,Email\r\nAda,ada@example.com', encoding: 'utf-16le' });
    expect(decodeText(utf16be('Name,Email\r\nAda,ada@example.com')).encoding).toBe('utf-16be');
  });

  it('uses the encoding the user chose, and drops NUL characters', () => {
    expect(decodeText(new TextEncoder().encode('Zoë'), 'windows-1252')).toEqual({ text: 'ZoÃ«', encoding: 'windows-1252' });
    expect(decodeText(bytes(0x41, 0x00, 0x42)).text).toBe('AB');
  });
});
