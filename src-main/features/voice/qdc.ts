import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { v7 } from 'uuid';
import { AppError } from '../../contract/result';

/**
 * REFI-QDA codebook exchange (.qdc), the open format QualCoder, NVivo, ATLAS.ti and MAXQDA read.
 * Schema: http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd
 */
export interface CodebookTheme {
  /** Ours: the file's guid when it is an RFC 4122 UUID (so re-importing our own file matches), else new. */
  id: string;
  /** The code's guid exactly as the file wrote it, written back on export; '' when it had none. */
  guid: string;
  name: string;
  colour: string;
  description: string;
  /** The enclosing code's `id`; null at the top level. */
  parentId: string | null;
  /** false for a category that groups codes but is not applied to text itself. */
  codable: boolean;
}

/** What the import could not bring in as it was; the renderer words each in the user's language. */
export interface CodebookWarning {
  code: 'duplicate_id' | 'new_id' | 'bad_colour' | 'no_name' | 'shortened' | 'renamed' | 'sets_skipped' | 'more';
  /** The code's name, or for `more` how many further warnings there were. */
  name: string;
}

const namespace = 'urn:QDA-XML:codebook:1.0';
const schemaLocation = `${namespace} http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd`;
const defaultColour = '#8a5a00';
const maxCodes = 5_000;
const maxNameLength = 100;
const maxDescriptionLength = 20_000;
/** Well above any real codebook; the import channel already caps the file at a few megabytes. */
const maxChars = 8 * 1024 * 1024;
/** One warning per problem code helps; five thousand of them only bury the first. */
const maxWarnings = 50;
const cdata = '#cdata';

// The schema's GUIDType: hex groups 8-4-4-4-12, or the same in braces (Windows tools write those).
const guidPattern =
  /^(?:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})|\{([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\})$/i;
// What the app's contract accepts as an id (zod's uuid: RFC 4122 version and variant, or nil/max).
// A valid GUID outside it (variant bits of 0 or C, as some tools write) gets an id of our own, or
// the theme could never be renamed or deleted.
const rfc4122 =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/i;
// The schema's RGBType allows #rgb as well as #rrggbb.
const colourPattern = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i;
// Characters XML 1.0 cannot carry at all, not even as &#n; (C0 controls, lone surrogates, U+FFFE/F).
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const entityReference = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g;
const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  suppressEmptyNode: true,
  // Otherwise isCodable="true" is written as a bare `isCodable`, which is not XML.
  suppressBooleanAttributes: false,
});

// Entities stay unexpanded here (no DOCTYPE entity can grow the input) and are decoded by
// decodeEntities below: the parser's own decoder leaves &#233; alone unless the deprecated
// htmlEntities option is on, and tools such as .NET writers use numeric references.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  trimValues: false,
  processEntities: false,
  cdataPropName: cdata,
  isArray: (tagName, _path, _isLeaf, isAttribute) => !isAttribute && (tagName === 'Code' || tagName === 'Set'),
});

/** Attribute values: a conforming reader turns tabs and line breaks into spaces, so write them so. */
function cleanName(text: string): string {
  return text
    .replace(notXmlChar, '')
    .replace(/[\t\n\r]/g, ' ')
    .trim();
}

/** Element text: a conforming reader turns CRLF and CR into LF. */
function cleanText(text: string): string {
  return text.replace(notXmlChar, '').replace(/\r\n?/g, '\n');
}

/** Cuts to `max` UTF-16 units (what the contract's limits count) without splitting a surrogate pair. */
function cap(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

export function buildQdc(themes: readonly CodebookTheme[], origin = 'Common Ground'): string {
  const known = new Set(themes.map((theme) => theme.id));
  const children = new Map<string | null, CodebookTheme[]>();
  for (const theme of themes) {
    // A parent that was deleted leaves its children at the top level rather than out of the file.
    const parent = theme.parentId && known.has(theme.parentId) && theme.parentId !== theme.id ? theme.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), theme]);
  }
  const placed = new Set<string>();
  const code = (theme: CodebookTheme): Record<string, unknown> => {
    placed.add(theme.id);
    const description = cleanText(theme.description);
    // Every exporter we read (QualCoder, ATLAS.ti, NVivo) writes colours in upper case.
    const colour = colourPattern.test(theme.colour) ? theme.colour.toUpperCase() : undefined;
    const nested = (children.get(theme.id) ?? []).filter((child) => !placed.has(child.id)).map(code);
    return {
      '@_guid': guidPattern.test(theme.guid) ? theme.guid : theme.id.toLowerCase(),
      '@_name': cleanName(theme.name),
      '@_isCodable': theme.codable ? 'true' : 'false',
      ...(colour ? { '@_color': colour } : {}),
      // The schema's order: Description first, then the nested codes.
      ...(description ? { Description: description } : {}),
      ...(nested.length ? { Code: nested } : {}),
    };
  };
  const codes = (children.get(null) ?? []).map(code);
  // A cycle of parents (only possible from a damaged file) still leaves no theme out.
  for (const theme of themes) if (!placed.has(theme.id)) codes.push(code(theme));
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    CodeBook: {
      '@_xmlns': namespace,
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:schemaLocation': schemaLocation,
      '@_origin': cleanName(origin),
      Codes: { Code: codes },
    },
  });
}

type XmlNode = Record<string, unknown>;

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeEntities(text: string): string {
  return text.replace(entityReference, (whole, hex?: string, decimal?: string, name?: string) => {
    if (name) return namedEntities[name] ?? whole;
    const codePoint = hex ? parseInt(hex, 16) : Number(decimal);
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
  });
}

/** Text of a leaf element; CDATA sections are literal, so only the text around them is decoded. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return decodeEntities(value);
  if (Array.isArray(value)) return textOf(value[0]);
  if (!isNode(value)) return '';
  const around = textOf(value['#text']).trim();
  const sections = value[cdata];
  const literal = Array.isArray(sections) ? sections.join('') : typeof sections === 'string' ? sections : '';
  return around + literal;
}

function attribute(node: XmlNode, name: string): string | undefined {
  const value = node[`@_${name}`];
  return typeof value === 'string' ? decodeEntities(value) : undefined;
}

function refuse(reason: string): never {
  throw new AppError('invalid_input', reason);
}

export function parseQdc(xml: string): { themes: CodebookTheme[]; warnings: CodebookWarning[] } {
  if (xml.length > maxChars) throw new AppError('too_large', 'This codebook file is too large to open.');
  const source = xml.replace(/^\ufeff/, '').trimStart();
  // A codebook never needs a DTD; refusing one outright rules out entity-expansion attacks.
  if (/<!DOCTYPE|<!ENTITY/i.test(source)) refuse('This file declares a DOCTYPE or entities; codebooks never do.');
  if (XMLValidator.validate(source) !== true) refuse('This file is not readable XML, so it cannot be a codebook.');
  let document: unknown;
  try {
    document = parser.parse(source);
  } catch {
    refuse('This file is not readable XML, so it cannot be a codebook.');
  }
  const roots = isNode(document) ? Object.keys(document).filter((key) => key !== '#text') : [];
  if (roots.length !== 1 || roots[0] !== 'CodeBook') {
    refuse(`This is not a REFI-QDA codebook: it starts with <${roots[0] ?? '?'}> instead of <CodeBook>.`);
  }
  const root = isNode(document) && isNode(document.CodeBook) ? document.CodeBook : {};
  if (root.Codes === undefined) refuse('This codebook has no <Codes> section.');

  const themes: CodebookTheme[] = [];
  const warnings: CodebookWarning[] = [];
  const seen = new Set<string>();
  const names = new Set<string>();
  let count = 0;

  /** The theme's id, or null when the code was left out (its children then go to its parent). */
  const take = (code: XmlNode, ownName: string, path: string, parentId: string | null): string | null => {
    const given = attribute(code, 'guid')?.trim() ?? '';
    const match = guidPattern.exec(given);
    const bare = (match?.[1] ?? match?.[2])?.toLowerCase();
    if (bare && seen.has(bare)) {
      warnings.push({ code: 'duplicate_id', name: ownName });
      return null;
    }
    if (!bare) warnings.push({ code: 'new_id', name: ownName });
    const id = bare && rfc4122.test(bare) ? bare : v7();
    if (bare) seen.add(bare);
    // Theme names are unique in the app; a second "Other" under another parent keeps its path.
    let name = cap(ownName, maxNameLength).trim();
    if (name !== ownName) warnings.push({ code: 'shortened', name });
    if (names.has(name.toLowerCase()) && path !== ownName) {
      name = cap(path, maxNameLength).trim();
      warnings.push({ code: 'renamed', name });
    }
    names.add(name.toLowerCase());
    const colourText = attribute(code, 'color')?.trim();
    const hex = colourText && colourPattern.test(colourText) ? colourText.slice(1).toLowerCase() : undefined;
    if (colourText && !hex) warnings.push({ code: 'bad_colour', name });
    const colour = !hex ? defaultColour : hex.length === 3 ? `#${hex.replace(/./g, '$&$&')}` : `#${hex}`;
    const description = cap(cleanText(textOf(code.Description)), maxDescriptionLength);
    const codable = attribute(code, 'isCodable')?.trim() !== 'false' && attribute(code, 'isCodable')?.trim() !== '0';
    themes.push({ id, guid: bare ? given : '', name, colour, description, parentId, codable });
    return id;
  };

  const visit = (list: unknown, parentPath: string, parentId: string | null) => {
    for (const code of Array.isArray(list) ? list : []) {
      if (++count > maxCodes) refuse(`This codebook has more than ${maxCodes.toLocaleString('en')} codes.`);
      if (!isNode(code)) continue;
      const ownName = cleanName(attribute(code, 'name') ?? '');
      const path = ownName && parentPath ? `${parentPath} › ${ownName}` : ownName || parentPath;
      let id: string | null = null;
      if (!ownName) warnings.push({ code: 'no_name', name: '' });
      else id = take(code, ownName, path, parentId);
      visit(code.Code, path, id ?? parentId);
    }
  };
  visit(isNode(root.Codes) ? root.Codes.Code : [], '', null);

  const sets = isNode(root.Sets) ? root.Sets.Set : undefined;
  if (Array.isArray(sets) && sets.length > 0) warnings.push({ code: 'sets_skipped', name: '' });
  const more = warnings.length - maxWarnings;
  if (more > 0) warnings.splice(maxWarnings, Infinity, { code: 'more', name: String(more) });
  return { themes, warnings };
}
