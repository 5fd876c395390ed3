/**
 * Zip archives as artifacts hold them: written for artifacts a test seeds, read to inspect
 * what the action uploaded. Stored or deflated entries, sizes in the local headers, CRC checked.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE), as zip stores it. */
export function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getUTCFullYear());
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/**
 * A zip of `files` (path → content): deflated when that is smaller, else stored; sizes and CRC in
 * the local headers (no data descriptors), UTF-8 names, no zip64. unzip-stream reads this.
 */
export function writeZip(files: Record<string, string | Buffer>, modified = new Date()): Buffer {
  const { time, date } = dosDateTime(modified);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const nameBytes = Buffer.from(name.replace(/\\/g, '/'), 'utf8');
    const deflated = deflateRawSync(data);
    const method = deflated.length < data.length ? 8 : 0;
    const stored = method === 8 ? deflated : data;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attrs: regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, stored);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + stored.length;
  }
  const cd = Buffer.concat(centrals);
  const count = Object.keys(files).length;
  if (offset + cd.length > 0xffffffff || count > 0xffff) throw new Error('writeZip: too large');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * The files of a zip (directories skipped), read through the central directory, so entries
 * written with data descriptors (archiver, as @actions/artifact uploads) work; CRCs are checked.
 */
export function readZip(zip: Buffer): Record<string, Buffer> {
  const eocd = findEocd(zip);
  let count = zip.readUInt16LE(eocd + 10);
  let cdOffset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || zip.readUInt32LE(loc) !== 0x07064b50)
      throw new Error('readZip: bad zip64 locator');
    const z64 = Number(zip.readBigUInt64LE(loc + 8));
    if (zip.readUInt32LE(z64) !== 0x06064b50) throw new Error('readZip: bad zip64 end record');
    count = Number(zip.readBigUInt64LE(z64 + 32));
    cdOffset = Number(zip.readBigUInt64LE(z64 + 48));
  }
  const out: Record<string, Buffer> = {};
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`readZip: bad central header at ${p}`);
    const flags = zip.readUInt16LE(p + 8);
    const method = zip.readUInt16LE(p + 10);
    const crc = zip.readUInt32LE(p + 16);
    let compSize = zip.readUInt32LE(p + 20);
    let size = zip.readUInt32LE(p + 24);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    let localOffset = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    const extra = zip.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
    ({ size, compSize, localOffset } = applyZip64(extra, size, compSize, localOffset));
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 0x41) throw new Error(`readZip: ${name} is encrypted`);
    if (name.endsWith('/')) continue;
    if (zip.readUInt32LE(localOffset) !== 0x04034b50)
      throw new Error(`readZip: bad local header for ${name}`);
    const start =
      localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const stored = zip.subarray(start, start + compSize);
    let data: Buffer;
    if (method === 0) data = Buffer.from(stored);
    else if (method === 8) data = inflateRawSync(stored);
    else throw new Error(`readZip: ${name} uses unsupported method ${method}`);
    if (data.length !== size)
      throw new Error(`readZip: ${name} is ${data.length} bytes, header says ${size}`);
    if (crc32(data) !== crc) throw new Error(`readZip: CRC mismatch for ${name}`);
    out[name] = data;
  }
  return out;
}

function findEocd(zip: Buffer): number {
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) return i;
  }
  throw new Error('readZip: no end of central directory record');
}

function applyZip64(
  extra: Buffer,
  size: number,
  compSize: number,
  localOffset: number,
): { size: number; compSize: number; localOffset: number } {
  for (let q = 0; q + 4 <= extra.length;) {
    const id = extra.readUInt16LE(q);
    const len = extra.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      const next = () => {
        const v = Number(extra.readBigUInt64LE(r));
        r += 8;
        return v;
      };
      if (size === 0xffffffff) size = next();
      if (compSize === 0xffffffff) compSize = next();
      if (localOffset === 0xffffffff) localOffset = next();
    }
    q += 4 + len;
  }
  return { size, compSize, localOffset };
}
