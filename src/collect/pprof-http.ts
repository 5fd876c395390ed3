/**
 * Collecting profiles from a running Go service's `net/http/pprof` endpoints, as a person would
 * with curl: wait until the endpoint answers, then fetch each profile, recognise what came back
 * (protobuf, or the goroutine dump's debug=1 / debug=2 text), and say plainly when something is
 * not a profile or a block/mutex profile is empty because the service never enabled it.
 */
import { UserError } from '../errors.js';
import { isGzip } from '../parse/pprof/gzip.js';
import { parsePprof } from '../parse/pprof/index.js';

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
  /** How the user gave the list of profiles, for errors (default `--profiles`). */
  profilesLabel?: string;
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

/**
 * Waits until the endpoint answers (any HTTP status), polling; a clear error at the deadline.
 * Resolves with the index page: its status and text.
 */
export async function waitForEndpoint(
  baseUrl: string,
  waitSeconds: number,
  log: (l: string) => void,
): Promise<{ status: number; text: string }> {
  const deadline = Date.now() + waitSeconds * 1000;
  let last: string;
  let announced = false;
  for (;;) {
    try {
      const r = await fetch(profileUrl(baseUrl, ''), { signal: AbortSignal.timeout(5000) });
      return { status: r.status, text: await r.text() };
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

/** The profile a spec names: `goroutine?debug=2` → `goroutine`. */
export function profileName(spec: string): string {
  return spec.split('?')[0]!.replace(/^\/+/, '');
}

/**
 * The profiles net/http/pprof's index page links to (`<a href='heap?debug=1'>heap</a>`), custom
 * ones included; empty when the page is not that index.
 */
export function indexedProfiles(indexHtml: string): string[] {
  const names = [...indexHtml.matchAll(/href=['"]([^'"?]+)\?debug=1['"]/g)].map((m) =>
    decodeURIComponent(m[1]!),
  );
  return [...new Set(names)];
}

/**
 * Checks the specs against the service's index before anything is taken or run: a 404 means pprof
 * is not mounted there; a name the index does not list is refused with the names it does list.
 */
export function checkAgainstIndex(
  s: PprofFetchSettings,
  index: { status: number; text: string },
): void {
  const { baseUrl, profiles: specs, profilesLabel = '--profiles' } = s;
  if (index.status === 404) {
    throw new UserError(
      `${baseUrl}: pprof is not served at this URL (404 Not Found for the index); import _ "net/http/pprof" in the service, or give the URL its /debug/pprof handler is mounted at`,
    );
  }
  const offered = indexedProfiles(index.text);
  if (offered.length === 0) return; // not the standard index: each fetch says what it found
  for (const spec of specs) {
    const name = profileName(spec);
    if (!offered.includes(name)) {
      const near = offered.find((o) => name.startsWith(o) || o.startsWith(name));
      throw new UserError(
        `${profilesLabel}: "${name}" is not a profile ${baseUrl} offers${near ? ` (did you mean "${near}"?)` : ''}; it offers ${offered.join(', ')}`,
      );
    }
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
    `${url}: answered with something that is not a profile (it starts ${JSON.stringify(head.slice(0, 60))})`,
  );
}

/** Notes about a proto profile: empty block and mutex profiles, and how to turn them on. */
export function profileNotes(spec: string, bytes: Uint8Array): string[] {
  const kind = spec.split('?')[0];
  if (kind !== 'block' && kind !== 'mutex') return [];
  const p = parsePprof(bytes);
  if (p.samples.count > 0) return [];
  return kind === 'block'
    ? [
        'the block profile is empty: the service never called runtime.SetBlockProfileRate; call runtime.SetBlockProfileRate(1) (or a sampling rate such as 10000 ns) at start-up to record blocking',
      ]
    : [
        'the mutex profile is empty: the service never called runtime.SetMutexProfileFraction; call runtime.SetMutexProfileFraction(5) (or 1 for every event) at start-up to record contention',
      ];
}

/** Fetches one profile; `abandon` ends the request early (the service then stops profiling). */
export async function fetchProfile(
  s: PprofFetchSettings,
  spec: string,
  abandon?: AbortSignal,
): Promise<FetchedProfile> {
  const url = profileUrl(s.baseUrl, spec);
  let response: Response | undefined;
  // A service that restarts or is briefly busy refuses connections: try a few times.
  for (let attempt = 1; !response; attempt++) {
    try {
      response = await fetch(url, {
        signal: AbortSignal.any([
          AbortSignal.timeout((s.timeoutSeconds + seconds(spec)) * 1000),
          ...(abandon ? [abandon] : []),
        ]),
      });
    } catch (err) {
      if (describe(err) !== 'ECONNREFUSED' || attempt >= 3) {
        throw new UserError(`${url}: the request failed (${describe(err)})`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (err) {
    throw new UserError(
      `${url}: the connection dropped while reading the answer (${describe(err)})`,
    );
  }
  if (response.status === 404) {
    throw new UserError(
      `${url}: 404 Not Found: "${spec.split('?')[0]}" is not a profile this service offers`,
    );
  }
  if (!response.ok) {
    const text = new TextDecoder().decode(bytes.subarray(0, 200)).trim();
    throw new UserError(`${url}: HTTP ${response.status}${text ? `: ${text}` : ''}`);
  }
  const format = recognise(url, bytes, response.headers.get('content-type') ?? '');
  let notes: string[] = [];
  if (format === 'proto') {
    try {
      notes = profileNotes(spec, bytes);
    } catch (err) {
      throw new UserError(`${url}: ${(err as Error).message}`);
    }
  }
  return { spec, fileName: profileFileName(spec), format, bytes, notes };
}

/** The goroutine dump taken before a load: in the richest form asked for, so the two compare fully. */
export function beforeLoadSpec(specs: string[]): string {
  const goroutine = specs.filter((p) => profileName(p) === 'goroutine');
  return (
    goroutine.find((p) => profileFileName(p).endsWith('.debug2.txt')) ??
    goroutine.find((p) => profileFileName(p).endsWith('.pb.gz')) ??
    goroutine[0] ??
    'goroutine'
  );
}

/** How a load ended: when, and with which error if it failed. */
interface LoadEnd {
  at: number;
  error: unknown;
}

/**
 * Fetches every profile, handing each to `keep` as soon as it is taken, so that whatever was
 * taken before a failure is kept. With a load to put on the service (a promise that ends when
 * the load does), a goroutine snapshot is taken before it starts (`goroutine-before.*`, for leak
 * detection within the run), profiles that cover a duration (the cpu profile) are taken while it
 * runs, and the rest after it ends. A failed load ends the collection at once with its error.
 */
export async function collectFromService(
  s: PprofFetchSettings,
  log: (l: string) => void,
  load: (() => Promise<void>) | undefined,
  keep: (p: FetchedProfile) => Promise<void>,
): Promise<void> {
  checkAgainstIndex(s, await waitForEndpoint(s.baseUrl, s.waitSeconds, log));
  const abandon = new AbortController();
  const fetchLogged = async (spec: string) => {
    const secs = seconds(spec);
    log(`fetching ${profileUrl(s.baseUrl, spec)}${secs > 0 ? ` (${secs}s)` : ''}`);
    return fetchProfile(s, spec, abandon.signal);
  };
  if (!load) {
    for (const spec of s.profiles) await keep(await fetchLogged(spec));
    return;
  }
  const beforeSpec = beforeLoadSpec(s.profiles);
  const before = await fetchLogged(beforeSpec);
  await keep({
    ...before,
    spec: `${beforeSpec} (before the load)`,
    fileName: profileFileName(beforeSpec).replace(/^goroutine/, 'goroutine-before'),
  });
  log('starting the load');
  const started = Date.now();
  let end: LoadEnd | undefined;
  // Settled at once, so a load that fails while a profile is being taken is never unhandled.
  const ended: Promise<LoadEnd> = load().then(
    () => (end = { at: Date.now(), error: undefined }),
    (error: unknown) => (end = { at: Date.now(), error }),
  );
  const failed = ended.then((e) => (e.error === undefined ? new Promise<never>(() => {}) : e));
  for (const spec of s.profiles.filter((p) => seconds(p) > 0)) {
    const taking = fetchLogged(spec);
    taking.catch(() => {}); // abandoned when the load fails first
    const first = await Promise.race([taking, failed]);
    if (!('bytes' in first)) {
      abandon.abort(); // net/http/pprof stops a cpu profile whose request is gone
      throw first.error;
    }
    if (end && end.at - started < seconds(spec) * 1000) {
      const took = ((end.at - started) / 1000).toFixed(1);
      const note = `the load ended after ${took}s, before this ${seconds(spec)}s profile did: part of it shows an idle service; make the load last longer or take fewer seconds`;
      log(`warning: ${spec}: ${note}`);
      first.notes.push(note);
    }
    await keep(first);
  }
  const { error } = await ended;
  if (error !== undefined) throw error;
  log('the load is done');
  for (const spec of s.profiles.filter((p) => seconds(p) === 0))
    await keep(await fetchLogged(spec));
}
