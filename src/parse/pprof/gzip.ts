import { gunzipSync } from 'node:zlib';
import { FormatError } from '../../errors.js';

/** Default ceiling on the decompressed size of one profile: 1 GiB. */
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 1024 ** 3;

/** True when the bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decompresses gzip data, refusing to produce more than `limit` bytes: decompression stops at the
 * limit, so a gzip bomb costs at most that much memory.
 */
export function gunzipLimited(bytes: Uint8Array, limit: number): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength: limit, chunkSize: chunkFor(bytes, limit) });
  } catch (err) {
    throw gzipError(err, limit);
  }
}

/** A zlib error as the FormatError it stands for. */
export function gzipError(err: unknown, limit: number): FormatError {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) return tooLarge(limit);
  if (e.code === 'Z_BUF_ERROR')
    return new FormatError('truncated gzip data: it ends before the end of the stream');
  return new FormatError(`corrupt gzip data: ${e.message}`);
}

/** The error for gzip data that decompresses to more than `limit` bytes. */
export function tooLarge(limit: number): FormatError {
  return new FormatError(
    `gzip data decompresses to more than ${formatBytes(limit)}, the limit for one profile`,
  );
}

/**
 * The decompressed size the gzip trailer claims (ISIZE, the size mod 2^32 of the last member),
 * never more than deflate can expand the input (1032:1) nor than the limit.
 */
export function claimedSize(bytes: Uint8Array, limit: number): number {
  const n = bytes.length;
  if (n < 18) return 0;
  const isize =
    (bytes[n - 4]! | (bytes[n - 3]! << 8) | (bytes[n - 2]! << 16)) + bytes[n - 1]! * 2 ** 24;
  return Math.min(isize, limit, n * 1032);
}

/**
 * The output chunk for gunzip: the size the gzip trailer states (ISIZE, the size mod 2^32 of the
 * last member), so that a large profile is decompressed into one buffer rather than into chunks
 * joined at the end (half the peak memory, and no freed chunks left to the allocator). A trailer
 * is only a claim: never more than deflate can expand the input (1032:1) nor than the limit.
 */
function chunkFor(bytes: Uint8Array, limit: number): number {
  return Math.max(64 * 1024, Math.min(claimedSize(bytes, limit) + 1, limit));
}

function formatBytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1 && Number.isInteger(v / 1024)) {
    v /= 1024;
    i++;
  }
  return `${v} ${units[i]}`;
}
