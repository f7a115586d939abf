/** XML text helpers shared by the XLSX, GEXF and GraphML code. */

// Characters XML 1.0 does not allow at all; they cannot be escaped, only left out.
// eslint-disable-next-line no-control-regex -- the allowed control characters are named on purpose
const notAllowedInXml = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

export function escapeXml(value: string): string {
  return value
    .replace(notAllowedInXml, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** Element text keeps its line breaks as they are (escaping them is for attributes). */
export function escapeXmlText(value: string): string {
  return value.replace(notAllowedInXml, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (_match, entity: string) => {
    if (entity[0] !== '#') return named[entity.toLowerCase()] ?? '';
    const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** The attributes of one start tag, by local name (prefixes like r: dropped). */
export function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    const name = match[1].includes(':') ? match[1].slice(match[1].indexOf(':') + 1) : match[1];
    found[name] = unescapeXml(match[3] ?? match[4] ?? '');
  }
  return found;
}
