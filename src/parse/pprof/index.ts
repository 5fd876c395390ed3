/** Reads pprof protobuf profiles, gzipped or raw, into the profile model. */
import { FormatError } from '../../errors.js';
import type { Profile } from '../../model/profile.js';
import { decodeProfile } from './decode.js';
import { DEFAULT_MAX_DECOMPRESSED_BYTES, gunzipLimited, isGzip } from './gzip.js';
import { resolveProfile } from './resolve.js';

export { DEFAULT_MAX_DECOMPRESSED_BYTES } from './gzip.js';

/** Options for parsePprof. */
export interface PprofOptions {
  /** Refuse gzip data that decompresses to more than this many bytes (default 1 GiB). */
  maxDecompressedBytes?: number;
}

/** Decompresses the bytes if gzipped; raw protobuf passes through. */
export function pprofBytes(bytes: Uint8Array, options: PprofOptions = {}): Uint8Array {
  if (bytes.length === 0) throw new FormatError('empty file (0 bytes): not a pprof profile');
  if (!isGzip(bytes)) return bytes;
  const raw = gunzipLimited(bytes, options.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES);
  if (raw.length === 0)
    throw new FormatError('gzip data decompresses to 0 bytes: not a pprof profile');
  return raw;
}

/** Parses a pprof profile (`.pb.gz` or raw protobuf); throws a FormatError saying what is wrong. */
export function parsePprof(bytes: Uint8Array, options: PprofOptions = {}): Profile {
  const raw = pprofBytes(bytes, options);
  const text = textPreview(raw);
  if (text !== undefined) {
    throw new FormatError(`not a pprof profile: it is text, starting ${JSON.stringify(text)}`);
  }
  return resolveProfile(decodeProfile(raw));
}

/** When the bytes look like text, its first line (shortened); otherwise undefined. */
export function textPreview(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 512);
  for (const b of head) {
    const printable = b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b !== 0x7f);
    if (!printable) return undefined;
  }
  const first = new TextDecoder().decode(head).split(/\r?\n/)[0] ?? '';
  return first.length > 60 ? `${first.slice(0, 60)}…` : first;
}
