import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * The few ZIP operations an XLSX needs, synchronous because handlers are: reading entries
 * (stored or deflated) from the central directory, and writing deflated entries.
 */
export type ZipProblem = 'not_zip' | 'damaged' | 'unsupported' | 'too_large' | 'too_compressed';

export class ZipError extends Error {
  constructor(
    readonly problem: ZipProblem,
    message: string,
  ) {
    super(message);
  }
}

/**
 * What one archive may unpack to, shared by every read of it. Apache POI's ZipSecureFile rules: a
 * total, and a least ratio of packed to unpacked bytes per entry once past a grace size, since
 * real workbooks pack XML about 5 to 20 times and a bomb packs it 1,000 times. The total counts
 * every read, so eight sheets pointing at one part cost eight times that part.
 */
export interface UnpackLimits {
  maxTotalBytes: number;
  minInflateRatio: number;
  graceBytes: number;
}

export const workbookLimits: UnpackLimits = {
  maxTotalBytes: 100 * 1024 * 1024,
  minInflateRatio: 0.01,
  graceBytes: 100 * 1024,
};

/** The bytes unpacked so far from one archive, across all its reads. */
export interface UnpackBudget {
  readonly limits: UnpackLimits;
  used: number;
}

/**
 * The archive's entries by name, each unpacked only when read: a workbook's images and other
 * parts an import never looks at cost nothing. The declared sizes must fit the limits before
 * anything is unpacked, and inflating stops the moment an entry passes its declared size, its
 * ratio or what is left of the archive's total (zlib's maxOutputLength), so a bomb costs at most
 * the budget, never the bomb.
 */
export function readZip(
  bytes: Uint8Array,
  budget: UnpackBudget = { limits: workbookLimits, used: 0 },
): Map<string, () => Uint8Array> {
  const { limits } = budget;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('not_zip', 'not a ZIP archive');
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entries = new Map<string, () => Uint8Array>();
  let declaredTotal = 0;
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50)
      throw new ZipError('damaged', 'damaged directory');
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const localOffset = view.getUint32(offset + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== 0x04034b50)
      throw new ZipError('damaged', 'damaged entry');
    const dataStart =
      localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    if (data.length !== compressedSize) throw new ZipError('damaged', 'truncated entry');
    declaredTotal += size;
    if (declaredTotal > limits.maxTotalBytes) throw new ZipError('too_large', 'unpacks to more than the limit');
    if (method === 0) entries.set(name, () => take(budget, data));
    else if (method === 8) entries.set(name, () => inflate(budget, data, size));
    else
      entries.set(name, () => {
        throw new ZipError('unsupported', `unsupported compression ${method}`);
      });
  }
  return entries;
}

function take(budget: UnpackBudget, data: Uint8Array): Uint8Array {
  if (budget.used + data.length > budget.limits.maxTotalBytes)
    throw new ZipError('too_large', 'unpacks to more than the limit');
  budget.used += data.length;
  return data;
}

function inflate(budget: UnpackBudget, data: Uint8Array, declaredSize: number): Uint8Array {
  const { maxTotalBytes, minInflateRatio, graceBytes } = budget.limits;
  const left = maxTotalBytes - budget.used;
  const ratioCap = Math.max(graceBytes, Math.floor(data.length / minInflateRatio));
  if (declaredSize > left) throw new ZipError('too_large', 'unpacks to more than the limit');
  if (declaredSize > ratioCap) throw new ZipError('too_compressed', 'packed too tightly');
  // The declared size fits both caps, and zlib stops the moment the output passes it: an entry
  // that lies about its size is cut off there, never inflated whole.
  const cap = declaredSize;
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
  } catch (error) {
    if (error instanceof RangeError) throw new ZipError('damaged', 'entry larger than it says');
    throw new ZipError('damaged', 'damaged entry');
  }
  if (out.length > cap) throw new ZipError('damaged', 'entry larger than it says');
  budget.used += out.length;
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

export function writeZip(files: { name: string; data: Uint8Array }[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const file of files) {
    const name = new TextEncoder().encode(file.name);
    const compressed = deflateRawSync(file.data);
    const checksum = crc32(file.data);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true); // names are UTF-8
    lv.setUint16(8, 8, true);
    lv.setUint16(12, 0x21, true); // 1980-01-01, so the same data gives the same bytes
    lv.setUint32(14, checksum, true);
    lv.setUint32(18, compressed.length, true);
    lv.setUint32(22, file.data.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, 8, true);
    cv.setUint16(14, 0x21, true);
    cv.setUint32(16, checksum, true);
    cv.setUint32(20, compressed.length, true);
    cv.setUint32(24, file.data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, compressed);
    directory.push(central);
    offset += local.length + compressed.length;
  }
  const directorySize = directory.reduce((sum, part) => sum + part.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, files.length, true);
  ev.setUint16(10, files.length, true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, offset, true);
  return Buffer.concat([...locals, ...directory, end]);
}
