/**
 * Collecting profiles from a running Go service's `net/http/pprof` endpoints, as a person would
 * with curl: wait until the endpoint answers, then fetch each profile, recognise what came back
 * (protobuf, or the goroutine dump's debug=1 / debug=2 text), and say plainly when something is
 * not a profile or a block/mutex profile is empty because the service never enabled it.
 *
 * The service is not trusted further than the URL it was given: redirects are followed only
 * within its origin, an answer is read up to a size limit, and an answer that is not a profile is
 * an error naming the URL that never quotes what came back.
 */
import { MAX_INPUT_FILE_BYTES } from './files.js';
import { UserError } from '../errors.js';
import { isGzip } from '../parse/pprof/gzip.js';
import { parsePprof } from '../parse/pprof/index.js';

/** The most bytes an answer may have by default: the limit of a profile read from a file. */
export const MAX_PROFILE_BODY_BYTES = MAX_INPUT_FILE_BYTES;
/** Redirects followed (within the origin) before giving up. */
const MAX_REDIRECTS = 5;

/** What to fetch and how patiently. */
export interface PprofFetchSettings {
  /** e.g. `http://127.0.0.1:6060/debug/pprof` */
  baseUrl: string;
  /** e.g. `profile?seconds=10`, `heap`, `goroutine?debug=2` */
  profiles: string[];
  /** How long to wait for the endpoint to answer at all, in seconds. */
  waitSeconds: number;
  /** Per request, in seconds, on top of a cpu profile's own duration. */
  timeoutSeconds: number;
  /** The most bytes an answer may have (default MAX_PROFILE_BODY_BYTES). */
  maxBytes?: number;
}

/** One fetched profile. */
export interface FetchedProfile {
  /** The spec it was fetched with, e.g. `profile?seconds=10`. */
  spec: string;
  /** A file name for it: `cpu.pb.gz`, `heap.pb.gz`, `goroutine.debug2.txt`, ... */
  fileName: string;
  format: 'proto' | 'debug1' | 'debug2';
  bytes: Uint8Array;
  /** Plain-language notes (an empty block profile and how to turn it on). */
  notes: string[];
}

/** Where a spec is fetched from. */
export function profileUrl(baseUrl: string, spec: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${spec.replace(/^\/+/, '')}`;
}

/** A file name for a spec: the cpu endpoint is `profile`, text dumps get `.debugN.txt`. */
export function profileFileName(spec: string): string {
  const [path = '', query = ''] = spec.split('?');
  const name = path === 'profile' ? 'cpu' : path.replace(/[^A-Za-z0-9_-]+/g, '_');
  const debug = /(?:^|&)debug=([12])/.exec(query)?.[1];
  return debug ? `${name}.debug${debug}.txt` : `${name}.pb.gz`;
}

function seconds(spec: string): number {
  const m = /(?:\?|&)seconds=(\d+)/.exec(spec);
  if (m) return Number(m[1]);
  return spec.startsWith('profile') ? 30 : 0; // the cpu endpoint's own default
}

function describe(err: unknown): string {
  const e = err as { cause?: { code?: string; message?: string }; message?: string; name?: string };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'timed out';
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
}

/** Waits until the endpoint answers (any HTTP status), polling; a clear error at the deadline. */
export async function waitForEndpoint(
  baseUrl: string,
  waitSeconds: number,
  log: (l: string) => void,
): Promise<void> {
  const deadline = Date.now() + waitSeconds * 1000;
  let last: string;
  let announced = false;
  for (;;) {
    try {
      // Any answer will do, a redirect too: nothing of it is read or followed.
      const r = await fetch(profileUrl(baseUrl, ''), {
        signal: AbortSignal.timeout(5000),
        redirect: 'manual',
      });
      await r.body?.cancel();
      return;
    } catch (err) {
      last = describe(err);
    }
    if (Date.now() >= deadline) {
      throw new UserError(
        `${baseUrl}: no answer within ${waitSeconds}s (last error: ${last}); is the service running and listening there?`,
      );
    }
    if (!announced) {
      log(`waiting for ${baseUrl} to answer (up to ${waitSeconds}s)`);
      announced = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Recognises a fetched body; an error naming the URL when it is not a profile. */
export function recognise(
  url: string,
  bytes: Uint8Array,
  contentType: string,
): FetchedProfile['format'] {
  if (isGzip(bytes) || contentType.includes('octet-stream')) return 'proto';
  const head = new TextDecoder().decode(bytes.subarray(0, 200)).trimStart();
  if (/^goroutine(leak)? profile: total \d+/.test(head)) return 'debug1';
  if (/^goroutine \d+ \[/.test(head)) return 'debug2';
  if (head.startsWith('<') || contentType.includes('text/html')) {
    throw new UserError(
      `${url}: answered with an HTML page, not a profile (is this the /debug/pprof/ endpoint of a Go service?)`,
    );
  }
  if (bytes.length === 0) throw new UserError(`${url}: answered with an empty body, not a profile`);
  throw new UserError(
    `${url}: answered with ${bytes.length} bytes that are not a profile (neither a pprof protobuf nor a goroutine dump)`,
  );
}

/** Notes about a proto profile: empty block and mutex profiles, and how to turn them on. */
export function profileNotes(spec: string, samples: number): string[] {
  const kind = spec.split('?')[0];
  if (kind !== 'block' && kind !== 'mutex') return [];
  if (samples > 0) return [];
  return kind === 'block'
    ? [
        'the block profile is empty: the service never called runtime.SetBlockProfileRate; call runtime.SetBlockProfileRate(1) (or a sampling rate such as 10000 ns) at start-up to record blocking',
      ]
    : [
        'the mutex profile is empty: the service never called runtime.SetMutexProfileFraction; call runtime.SetMutexProfileFraction(5) (or 1 for every event) at start-up to record contention',
      ];
}

/**
 * GET `url`, following redirects only within its origin (a profile endpoint has no business
 * sending perfgate elsewhere, with or without the query it was given).
 */
async function getWithinOrigin(url: string, signal: AbortSignal): Promise<Response> {
  const origin = new URL(url).origin;
  let current = url;
  for (let hops = 0; ; hops++) {
    const r = await fetch(current, { signal, redirect: 'manual' });
    const location = r.status >= 300 && r.status < 400 ? r.headers.get('location') : null;
    if (location === null) return r;
    await r.body?.cancel();
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      throw new UserError(`${url}: redirected to something that is not a URL`);
    }
    if (next.origin !== origin) {
      throw new UserError(
        `${url}: redirected to another origin (${next.origin}); redirects are followed only within ${origin}`,
      );
    }
    if (hops >= MAX_REDIRECTS) throw new UserError(`${url}: more than ${MAX_REDIRECTS} redirects`);
    current = next.href;
  }
}

/** An answer's body, read up to `max` bytes: more is an error, and the rest is never read. */
async function readBody(url: string, r: Response, max: number): Promise<Uint8Array> {
  const tooBig = () =>
    new UserError(`${url}: the answer is more than ${max} bytes, the limit for a profile`);
  const declared = Number(r.headers.get('content-length') ?? NaN);
  if (declared > max) {
    await r.body?.cancel();
    throw tooBig();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (r.body) {
    const reader = r.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > max) {
        await reader.cancel();
        throw tooBig();
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}

/** A pprof answer parsed, or an error naming the URL (a parser's preview of text left out). */
function checkProto(url: string, spec: string, bytes: Uint8Array): string[] {
  try {
    return profileNotes(spec, parsePprof(bytes).samples.count);
  } catch (err) {
    const why = (err as Error).message.replace(/, starting [\s\S]*$/, '');
    throw new UserError(`${url}: the answer is not a pprof profile (${why})`);
  }
}

/** Fetches one profile. */
export async function fetchProfile(s: PprofFetchSettings, spec: string): Promise<FetchedProfile> {
  const url = profileUrl(s.baseUrl, spec);
  const signal = AbortSignal.timeout((s.timeoutSeconds + seconds(spec)) * 1000);
  let response: Response | undefined;
  // A service that restarts or is briefly busy refuses connections: try a few times.
  for (let attempt = 1; !response; attempt++) {
    try {
      response = await getWithinOrigin(url, signal);
    } catch (err) {
      if (err instanceof UserError) throw err;
      if (describe(err) !== 'ECONNREFUSED' || attempt >= 3) {
        throw new UserError(`${url}: the request failed (${describe(err)})`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
  if (response.status === 404) {
    await response.body?.cancel();
    throw new UserError(
      `${url}: 404 Not Found: "${spec.split('?')[0]}" is not a profile this service offers`,
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new UserError(`${url}: HTTP ${response.status}, not a profile`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readBody(url, response, s.maxBytes ?? MAX_PROFILE_BODY_BYTES);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(
      `${url}: the connection dropped while reading the answer (${describe(err)})`,
    );
  }
  const format = recognise(url, bytes, response.headers.get('content-type') ?? '');
  const notes = format === 'proto' ? checkProto(url, spec, bytes) : [];
  return { spec, fileName: profileFileName(spec), format, bytes, notes };
}

/**
 * Fetches every profile. With a load to put on the service (a promise that ends when the load
 * does), a goroutine snapshot is taken before it starts (`goroutine-before.pb.gz`, for leak
 * detection within the run), profiles that cover a duration (the cpu profile) are taken while it
 * runs, and the rest after it ends.
 */
export async function collectFromService(
  s: PprofFetchSettings,
  log: (l: string) => void,
  load?: () => Promise<void>,
): Promise<FetchedProfile[]> {
  await waitForEndpoint(s.baseUrl, s.waitSeconds, log);
  const out: FetchedProfile[] = [];
  const fetchLogged = async (spec: string) => {
    const secs = seconds(spec);
    log(`fetching ${profileUrl(s.baseUrl, spec)}${secs > 0 ? ` (${secs}s)` : ''}`);
    return fetchProfile(s, spec);
  };
  if (!load) {
    for (const spec of s.profiles) out.push(await fetchLogged(spec));
    return out;
  }
  const before = await fetchLogged('goroutine');
  out.push({ ...before, spec: 'goroutine (before the load)', fileName: 'goroutine-before.pb.gz' });
  const during = s.profiles.filter((p) => seconds(p) > 0);
  log('starting the load');
  const running = load();
  for (const spec of during) out.push(await fetchLogged(spec));
  await running;
  log('the load is done');
  for (const spec of s.profiles.filter((p) => seconds(p) === 0)) out.push(await fetchLogged(spec));
  return out;
}
