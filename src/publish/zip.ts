/**
 * Reading a downloaded artifact's zip, as untrusted data: through the central directory (entries
 * written with data descriptors, as @actions/artifact uploads them), every size bounded before
 * anything is inflated, CRCs checked, and every entry name a plain relative path (see safeName).
 * Anything else is a ZipError saying what is wrong, never a crash on a short buffer.
 */
import { inflateRawSync } from 'node:zlib';

/** What a zip may hold. */
export interface ZipLimits {
  maxEntries: number;
  /** Largest file, inflated. */
  maxEntryBytes: number;
  /** All files together, inflated. */
  maxTotalBytes: number;
}

/** A zip that cannot be read. */
export class ZipError extends Error {
  override readonly name = 'ZipError';
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Whether `name` is a plain relative path: segments of printable characters, none empty, `.`
 * or `..`, no backslash or colon (Windows), not absolute; at most `depth` segments.
 */
export function safeName(name: string, depth = 2): boolean {
  if (name.length === 0 || name.length > 255) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\:]/.test(name)) return false;
  const parts = name.split('/');
  return parts.length <= depth && parts.every((p) => p !== '' && p !== '.' && p !== '..');
}

function findEnd(zip: Buffer): number {
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) return i;
  }
  throw new ZipError('not a zip archive (no end of central directory)');
}

/** The files of a zip (directories skipped), path → bytes, within `limits`. */
export function readZip(zip: Buffer, limits: ZipLimits): Map<string, Buffer> {
  try {
    return readEntries(zip, limits);
  } catch (err) {
    if (err instanceof ZipError) throw err;
    throw new ZipError(`corrupt zip archive (${(err as Error).message})`);
  }
}

function readEntries(zip: Buffer, limits: ZipLimits): Map<string, Buffer> {
  const end = findEnd(zip);
  const count = zip.readUInt16LE(end + 10);
  const cdOffset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || cdOffset === 0xffffffff)
    throw new ZipError('zip64 archives are not read (too large for a baseline)');
  if (count > limits.maxEntries)
    throw new ZipError(`the archive has ${count} entries, more than ${limits.maxEntries}`);
  const out = new Map<string, Buffer>();
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new ZipError(`bad central header at ${p}`);
    const flags = zip.readUInt16LE(p + 8);
    const method = zip.readUInt16LE(p + 10);
    const crc = zip.readUInt32LE(p + 16);
    const compSize = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLen = zip.readUInt16LE(p + 28);
    const skip = zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    const localOffset = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + skip;
    if (name.endsWith('/')) continue;
    if (!safeName(name, 8))
      throw new ZipError(`entry ${JSON.stringify(name.slice(0, 80))} is not a plain relative path`);
    if (flags & 0x41) throw new ZipError(`${name} is encrypted`);
    if (size > limits.maxEntryBytes || total + size > limits.maxTotalBytes)
      throw new ZipError(`${name} is ${size} bytes: over the limit of what an artifact may hold`);
    if (zip.readUInt32LE(localOffset) !== 0x04034b50)
      throw new ZipError(`bad local header for ${name}`);
    const start =
      localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    if (start + compSize > zip.length)
      throw new ZipError(`${name} runs past the end of the archive`);
    const stored = zip.subarray(start, start + compSize);
    let data: Buffer;
    if (method === 0) data = Buffer.from(stored);
    else if (method === 8) data = inflateRawSync(stored, { maxOutputLength: Math.max(1, size) });
    else throw new ZipError(`${name} uses compression method ${method}`);
    if (data.length !== size)
      throw new ZipError(`${name} is ${data.length} bytes, its header says ${size}`);
    if (crc32(data) !== crc) throw new ZipError(`${name} fails its CRC check`);
    total += size;
    out.set(name, data);
  }
  return out;
}
