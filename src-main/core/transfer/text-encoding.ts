import type { TextEncoding } from '../../../shared/transfer/transfer.schemas.ts';

export type DecodedText = { text: string; encoding: TextEncoding };

function byteOrderMark(bytes: Uint8Array): { encoding: TextEncoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * A UTF-16 file without a byte order mark: most of its ASCII characters have a zero byte beside
 * them, which no UTF-8 or Windows-1252 contact file has.
 */
function unmarkedUtf16(bytes: Uint8Array): TextEncoding | null {
  const sample = Math.min(bytes.length - (bytes.length % 2), 2000);
  if (sample < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample; index += 2) {
    if (bytes[index] === 0) evenZeros += 1;
    if (bytes[index + 1] === 0) oddZeros += 1;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function decodeAs(bytes: Uint8Array, encoding: TextEncoding): string {
  // Strings never hold NUL for us: a stray zero byte would end text in other programs.
  return new TextDecoder(encoding).decode(bytes).replaceAll('\0', '');
}

/**
 * The file's text and how it was written: the byte order mark decides; without one, text that is
 * valid UTF-8 (or nearly: see mostlyUtf8) is UTF-8 and anything else is Windows-1252 (Outlook's and
 * Excel's "CSV" on Windows).
 * Windows-1252 through TextDecoder, not Buffer's latin1, which turns € into \x80.
 */
export function decodeText(bytes: Uint8Array, chosen?: TextEncoding): DecodedText {
  const mark = byteOrderMark(bytes);
  if (chosen !== undefined) {
    const skip = mark !== null && mark.encoding === chosen ? mark.length : 0;
    return { text: decodeAs(bytes.subarray(skip), chosen), encoding: chosen };
  }
  if (mark !== null) return { text: decodeAs(bytes.subarray(mark.length), mark.encoding), encoding: mark.encoding };
  const utf16 = unmarkedUtf16(bytes);
  if (utf16 !== null) return { text: decodeAs(bytes, utf16), encoding: utf16 };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replaceAll('\0', ''), encoding: 'utf-8' };
  } catch {
    const lenient = decodeAs(bytes, 'utf-8');
    if (mostlyUtf8(lenient)) return { text: lenient, encoding: 'utf-8' };
    return { text: decodeAs(bytes, 'windows-1252'), encoding: 'windows-1252' };
  }
}

/**
 * A UTF-8 file with a damaged byte or two is still UTF-8: read as Windows-1252, every accented
 * letter in it would turn to "Ã©". Windows-1252 text almost never holds a valid UTF-8 sequence.
 */
function mostlyUtf8(text: string): boolean {
  let valid = 0;
  let invalid = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0xfffd) invalid += 1;
    else if (code > 0x7f) valid += 1;
  }
  return valid > 0 && valid >= invalid;
}
