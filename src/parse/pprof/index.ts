/** Reads pprof protobuf profiles, gzipped or raw, into the profile model. */
import { FormatError } from '../../errors.js';
import type { Profile } from '../../model/profile.js';
import { createGunzip } from 'node:zlib';
import { decodeProfile, ProfileDecoder } from './decode.js';
import {
  claimedSize,
  DEFAULT_MAX_DECOMPRESSED_BYTES,
  gunzipLimited,
  gzipError,
  isGzip,
  tooLarge,
} from './gzip.js';
import { resolveProfile } from './resolve.js';

export { DEFAULT_MAX_DECOMPRESSED_BYTES } from './gzip.js';

/** Options for parsePprof. */
export interface PprofOptions {
  /** Refuse gzip data that decompresses to more than this many bytes (default 1 GiB). */
  maxDecompressedBytes?: number;
  /** `readPprof`: bytes decompressed at a time (default 1 MiB). */
  pieceBytes?: number;
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

/** Bytes decompressed at a time by `readPprof`. */
const PIECE = 1 << 20;

/**
 * `parsePprof` for a profile as read from a file: a gzipped profile is decoded while it is
 * decompressed (zlib works on Node's thread pool meanwhile), so its decompressed bytes are never
 * held whole: on a profile of 200 MB decompressed, that is 200 MB less memory. The profile is
 * that of `parsePprof`, and so are the errors, except that bytes no profile holds are refused
 * when they are reached, before the rest is decompressed.
 */
export async function readPprof(bytes: Uint8Array, options: PprofOptions = {}): Promise<Profile> {
  if (bytes.length === 0 || !isGzip(bytes)) return parsePprof(bytes, options);
  const limit = options.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES;
  const decoder = new ProfileDecoder(claimedSize(bytes, limit));
  // Decompressed bytes not decoded yet: a field cut at the end of a piece, or the first bytes
  // until the text check has enough of them. A field longer than a piece (a long string, an
  // unknown field) gathers here in a buffer that doubles, so each byte is copied about once.
  let rest = new Uint8Array(PIECE);
  let restLength = 0;
  let total = 0;
  let checked = false;
  const append = (more: Uint8Array) => {
    if (restLength + more.length > rest.length) {
      const grown = new Uint8Array(Math.max(2 * rest.length, restLength + more.length));
      grown.set(rest.subarray(0, restLength));
      rest = grown;
    }
    rest.set(more, restLength);
    restLength += more.length;
  };
  const take = (piece: Uint8Array, last: boolean) => {
    total += piece.length;
    if (total > limit) throw tooLarge(limit);
    const gathering = restLength > 0 || !checked;
    if (gathering) append(piece);
    const buf = gathering ? rest.subarray(0, restLength) : piece;
    if (!checked) {
      if (buf.length < 512 && !last) return;
      checked = true;
      const text = textPreview(buf);
      if (text !== undefined) {
        throw new FormatError(`not a pprof profile: it is text, starting ${JSON.stringify(text)}`);
      }
    }
    const used = decoder.feed(buf, last);
    if (gathering) {
      rest.copyWithin(0, used, restLength);
      restLength -= used;
    } else if (used < buf.length) {
      append(buf.subarray(used));
    }
  };
  await new Promise<void>((resolve, reject) => {
    const gunzip = createGunzip({ chunkSize: options.pieceBytes ?? PIECE });
    let failed = false;
    const fail = (err: unknown) => {
      failed = true;
      gunzip.destroy();
      reject(err);
    };
    // Pieces are decoded in a later turn of the event loop than the one zlib hands them over
    // in: zlib decompresses the next piece on the thread pool while this one is decoded.
    const queue: Uint8Array[] = [];
    let ended = false;
    let scheduled = false;
    const decode = () => {
      scheduled = false;
      if (failed) return;
      try {
        for (let piece = queue.shift(); piece; piece = queue.shift()) take(piece, false);
        if (!ended) return;
        if (total === 0)
          throw new FormatError('gzip data decompresses to 0 bytes: not a pprof profile');
        take(new Uint8Array(0), true);
        resolve();
      } catch (err) {
        fail(err);
      }
    };
    const schedule = () => {
      if (scheduled) return;
      scheduled = true;
      setImmediate(decode);
    };
    gunzip.on('data', (piece: Buffer) => {
      queue.push(piece);
      schedule();
    });
    gunzip.on('end', () => {
      ended = true;
      schedule();
    });
    gunzip.on('error', (err) => {
      if (!failed) fail(gzipError(err, limit));
    });
    gunzip.end(bytes);
  });
  return resolveProfile(decoder.finish());
}
