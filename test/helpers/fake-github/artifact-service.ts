/**
 * The Actions results service part of the fake: twirp ArtifactService calls (create, finalize,
 * list, signed URL, delete) authorised by the runtime token, as @actions/artifact speaks them.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  DAY_MS,
  type FakeArtifact,
  type FakeState,
  HttpError,
  type Reply,
  githubTime,
  str,
} from './state.js';

export const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/';

export const twirpError = (status: number, code: string, msg: string): HttpError =>
  new HttpError(status, { code, msg });

export function twirp(f: FakeState, method: string, req: IncomingMessage, body: unknown): Reply {
  const tokenIds = backendIdsOfBearer(req.headers.authorization);
  if (!tokenIds) throw twirpError(401, 'unauthenticated', 'missing or invalid runtime token');
  if (typeof body !== 'object' || body === null) {
    throw twirpError(400, 'malformed', 'request body is not a JSON object');
  }
  const b = body as Record<string, unknown>;
  const runBackendId = str(b.workflow_run_backend_id);
  const jobBackendId = str(b.workflow_job_run_backend_id);
  if (runBackendId !== tokenIds.runBackendId) {
    throw twirpError(403, 'permission_denied', 'workflow_run_backend_id is not the token’s run');
  }
  switch (method) {
    case 'CreateArtifact':
      return createArtifact(f, runBackendId, jobBackendId, b);
    case 'FinalizeArtifact':
      return finalizeArtifact(f, runBackendId, b);
    case 'ListArtifacts':
      return listArtifactsTwirp(f, runBackendId, b);
    case 'GetSignedArtifactURL': {
      const a = twirpArtifact(f, runBackendId, requiredName(b));
      return { status: 200, body: { signed_url: f.downloadUrl(a) } };
    }
    case 'DeleteArtifact': {
      const a = twirpArtifact(f, runBackendId, requiredName(b));
      f.artifacts = f.artifacts.filter((x) => x !== a);
      return { status: 200, body: { ok: true, artifact_id: String(a.id) } };
    }
    default:
      throw twirpError(404, 'bad_route', `no handler for ArtifactService/${method}`);
  }
}

function createArtifact(
  f: FakeState,
  runBackendId: string,
  jobBackendId: string,
  b: Record<string, unknown>,
): Reply {
  const name = requiredName(b);
  if (b.version !== 7 && b.version !== 4) {
    throw twirpError(400, 'invalid_argument', `unsupported version ${String(b.version)}`);
  }
  const taken =
    f.artifacts.some((a) => a.runBackendId === runBackendId && a.name === name) ||
    [...f.uploads.values()].some((u) => u.runBackendId === runBackendId && u.name === name);
  if (taken) {
    throw twirpError(
      409,
      'already_exists',
      `an artifact with this name already exists on the workflow run`,
    );
  }
  const key = randomUUID();
  f.uploads.set(key, {
    key,
    runBackendId,
    jobBackendId,
    name,
    expiresAt: typeof b.expires_at === 'string' ? b.expires_at : undefined,
    blocks: new Map(),
    blob: undefined,
    contentType: undefined,
  });
  const signed = `${f.origin}/blob/upload/${key}?sv=2023-11-03&sr=b&sp=cw&sig=fake-upload-sig`;
  return { status: 200, body: { ok: true, signed_upload_url: signed } };
}

function finalizeArtifact(f: FakeState, runBackendId: string, b: Record<string, unknown>): Reply {
  const name = requiredName(b);
  const up = [...f.uploads.values()].find(
    (u) => u.runBackendId === runBackendId && u.name === name,
  );
  if (!up) throw twirpError(404, 'not_found', `no artifact upload named ${name} was created`);
  if (!up.blob)
    throw twirpError(400, 'failed_precondition', `artifact ${name} has no blob committed`);
  if (String(b.size ?? '0') !== String(up.blob.length)) {
    throw twirpError(
      400,
      'invalid_argument',
      `size ${String(b.size)} but ${up.blob.length} bytes were uploaded`,
    );
  }
  const digest = `sha256:${createHash('sha256').update(up.blob).digest('hex')}`;
  if (b.hash !== undefined && b.hash !== digest) {
    throw twirpError(400, 'invalid_argument', `hash ${String(b.hash)} but the blob is ${digest}`);
  }
  f.uploads.delete(up.key);
  const run = f.currentRun;
  const created = githubTime(new Date());
  const a = f.register({
    name,
    zip: up.blob,
    createdAt: created,
    expiresAt:
      up.expiresAt !== undefined
        ? githubTime(new Date(up.expiresAt))
        : githubTime(new Date(Date.now() + f.retentionDays * DAY_MS)),
    expired: false,
    workflowRun: {
      id: run.runId,
      repository_id: run.repositoryId,
      head_repository_id: run.headRepositoryId,
      head_branch: run.headBranch,
      head_sha: run.headSha,
    },
    runBackendId,
    jobBackendId: up.jobBackendId,
  });
  return { status: 200, body: { ok: true, artifact_id: String(a.id) } };
}

function listArtifactsTwirp(f: FakeState, runBackendId: string, b: Record<string, unknown>): Reply {
  const nameFilter = typeof b.name_filter === 'string' ? b.name_filter : undefined;
  const idFilter = b.id_filter !== undefined ? String(b.id_filter) : undefined;
  const list = f.artifacts.filter(
    (a) =>
      a.runBackendId === runBackendId &&
      !a.expired &&
      (nameFilter === undefined || a.name === nameFilter) &&
      (idFilter === undefined || String(a.id) === idFilter),
  );
  return {
    status: 200,
    body: {
      artifacts: list.map((a) => ({
        workflow_run_backend_id: a.runBackendId,
        workflow_job_run_backend_id: a.jobBackendId,
        database_id: String(a.id),
        name: a.name,
        size: String(a.size),
        created_at: a.created_at,
        digest: a.digest,
      })),
    },
  };
}

function twirpArtifact(f: FakeState, runBackendId: string, name: string): FakeArtifact {
  const a = f.artifacts
    .filter((x) => x.runBackendId === runBackendId && x.name === name && !x.expired)
    .sort((x, y) => y.id - x.id)[0];
  if (!a) throw twirpError(404, 'not_found', `artifact ${name} not found`);
  return a;
}

function requiredName(b: Record<string, unknown>): string {
  const name = str(b.name);
  if (!name) throw twirpError(400, 'invalid_argument', 'name is required');
  return name;
}

// ---- runtime token ------------------------------------------------------------------------------

const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

/**
 * An unsigned JWT as the runner's ACTIONS_RUNTIME_TOKEN looks to @actions/artifact: it only
 * jwt-decodes the payload and reads `Actions.Results:<runBackendId>:<jobBackendId>` from `scp`.
 */
export function runtimeTokenFor(runBackendId: string, jobBackendId: string): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    scp: `Actions.ExampleScope Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.UploadArtifacts:${runBackendId}:${jobBackendId} Actions.Results:${runBackendId}:${jobBackendId}`,
    iss: 'fake-github',
    aud: 'vso:fake',
    nbf: now - 60,
    exp: now + 6 * 3600,
  };
  return `${b64url(JSON.stringify({ typ: 'JWT', alg: 'none' }))}.${b64url(JSON.stringify(payload))}.`;
}

function backendIdsOfBearer(
  authorization: string | undefined,
): { runBackendId: string; jobBackendId: string } | undefined {
  const m = /^Bearer (.+)$/i.exec(authorization ?? '');
  const part = m?.[1]?.split('.')[1];
  if (!part) return undefined;
  try {
    const { scp } = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as {
      scp?: unknown;
    };
    if (typeof scp !== 'string') return undefined;
    for (const scope of scp.split(' ')) {
      const parts = scope.split(':');
      if (parts[0] === 'Actions.Results' && parts.length === 3) {
        return { runBackendId: parts[1]!, jobBackendId: parts[2]! };
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}
