/** Bytes to text for CSV files, which arrive in whatever encoding the spreadsheet saved them in. */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Lines read as Windows-1252 in a file that is otherwise UTF-8. */
  warnings: string[];
  errors: { where: string; message: string }[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// Written out rather than TextDecoder('windows-1252'): Node decodes that label as ISO-8859-1,
// which turns € ‘ ’ “ ” – into invisible control characters.
const high1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const windows1252 = {
  decode(bytes: Uint8Array): string {
    let text = '';
    for (const byte of bytes) text += byte >= 0x80 && byte < 0xa0 ? high1252[byte - 0x80] : String.fromCharCode(byte);
    return text;
  },
};
// Bytes Windows-1252 leaves undefined; text saved by a real program never contains them.
const undefinedIn1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function startsWith(bytes: Uint8Array, ...prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true;
  return false;
}

/** True when a line holds a valid multi-byte UTF-8 sequence as well as bytes UTF-8 refuses. */
function mixesUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i];
    const length = lead >= 0xf0 && lead < 0xf5 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 && lead < 0xe0 ? 2 : 0;
    if (lead < 0xc2 || length === 0) continue;
    if (i + length <= bytes.length && isUtf8(bytes.subarray(i, i + length))) return true;
  }
  return false;
}

/**
 * UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such. Anything else that is not
 * valid UTF-8 is read line by line: valid lines as UTF-8, the others as Windows-1252 (what Excel on
 * Windows saves), with a warning when a file mixes both; a line mixing both in itself, bytes that
 * mean nothing in Windows-1252, or NUL bytes (a binary file) are errors.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const result = (text: string, encoding: TextEncodingName): DecodedText => ({
    text,
    encoding,
    warnings: [],
    errors: [],
  });
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) {
    const body = bytes.subarray(3);
    if (isUtf8(body)) return result(utf8.decode(body), 'utf-8');
  } else if (startsWith(bytes, 0xff, 0xfe)) {
    return result(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  } else if (startsWith(bytes, 0xfe, 0xff)) {
    return result(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
  } else if (isUtf8(bytes)) {
    const decoded = result(utf8.decode(bytes), 'utf-8');
    if (decoded.text.includes('\u0000')) decoded.errors.push(binaryError());
    return decoded;
  }

  const body = startsWith(bytes, 0xef, 0xbb, 0xbf) ? bytes.subarray(3) : bytes;
  const decoded: DecodedText = { text: '', encoding: 'windows-1252', warnings: [], errors: [] };
  const parts: string[] = [];
  const utf8Lines: number[] = [];
  const legacyLines: number[] = [];
  let start = 0;
  let line = 1;
  for (let i = 0; i <= body.length; i++) {
    if (i < body.length && body[i] !== 0x0a) continue;
    const bytesOfLine = body.subarray(start, i);
    const where = `line ${line}`;
    if (bytesOfLine.includes(0)) {
      decoded.errors.push(binaryError());
      return decoded;
    }
    if (isUtf8(bytesOfLine)) {
      if (hasNonAscii(bytesOfLine)) utf8Lines.push(line);
      parts.push(utf8.decode(bytesOfLine));
    } else if (mixesUtf8(bytesOfLine)) {
      decoded.errors.push({
        where,
        message:
          'This line mixes two text encodings, so some letters cannot be read. Save the file as UTF-8 and try again.',
      });
      parts.push(windows1252.decode(bytesOfLine));
    } else if (bytesOfLine.some((byte) => undefinedIn1252.has(byte))) {
      decoded.errors.push({
        where,
        message:
          'This line holds bytes that are not text in UTF-8 or Windows-1252. Save the file as UTF-8 and try again.',
      });
      parts.push(windows1252.decode(bytesOfLine));
    } else {
      legacyLines.push(line);
      parts.push(windows1252.decode(bytesOfLine));
    }
    start = i + 1;
    line++;
  }
  decoded.text = parts.join('\n');
  if (utf8Lines.length > 0 && legacyLines.length > 0) {
    decoded.warnings.push(
      `The file mixes encodings: ${describeLines(legacyLines)} read as Windows-1252, the rest as UTF-8. Check accented letters.`,
    );
  } else if (utf8Lines.length > 0) decoded.encoding = 'utf-8';
  return decoded;
}

function binaryError() {
  return {
    where: 'file',
    message:
      'This file is not text (it holds NUL bytes). Choose a CSV file, or pick the XLSX format for a spreadsheet.',
  };
}

function describeLines(lines: number[]): string {
  const shown = lines.slice(0, 5).join(', ');
  return lines.length > 5
    ? `lines ${shown} and ${lines.length - 5} more`
    : lines.length === 1
      ? `line ${shown}`
      : `lines ${shown}`;
}
