/**
 * RFC 5545 line rules applied to a calendar the `ics` library wrote. That library folds lines by
 * characters, so an Arabic line of 75 characters is some 140 octets and strict readers refuse or
 * garble it, and it writes a whole-day duration as `P1DT`, which the grammar does not allow (a `T`
 * must be followed by hours, minutes or seconds).
 */
const maxOctets = 75;
const encoder = new TextEncoder();

// dur-value from RFC 5545 §3.3.6: weeks, or days with an optional time, or a time alone.
const durTime = String.raw`T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S)`;
export const rfc5545Duration = new RegExp(String.raw`^[+-]?P(?:\d+W|\d+D(?:${durTime})?|${durTime})$`);

/** `P1DT` → `P1D`, `PT` stays refused: a dangling `T` means no time part was meant. */
function fixDuration(line: string): string {
  const match = /^(DURATION|TRIGGER)([;:].*?:|:)(.*)$/.exec(line);
  if (!match) return line;
  const [, name, between, value] = match;
  return `${name}${between}${value.replace(/T$/, '')}`;
}

/** Splits a content line into pieces of at most 75 octets, never inside a UTF-8 sequence. */
function fold(line: string): string[] {
  const pieces: string[] = [];
  let piece = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The leading space of a continuation line counts towards its 75 octets.
    const room = pieces.length === 0 ? maxOctets : maxOctets - 1;
    if (octets + size > room) {
      pieces.push(piece);
      piece = '';
      octets = 0;
    }
    piece += char;
    octets += size;
  }
  pieces.push(piece);
  return pieces;
}

export function rfc5545Calendar(text: string): string {
  const unfolded = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  if (unfolded.at(-1) === '') unfolded.pop();
  return (
    unfolded
      .map(fixDuration)
      .map((line) => fold(line).join('\r\n '))
      .join('\r\n') + '\r\n'
  );
}
