/**
 * The REST API part of the fake: the repository, pull requests, issue comments (paginated,
 * with the 65,536-character limit), issue events (paginated) and artifacts of the repository or of one run, whose zip is a
 * 302 to blob storage, as api.github.com answers them.
 */
import type { IncomingMessage } from 'node:http';
import {
  type FakeArtifact,
  type FakePull,
  type FakeState,
  HttpError,
  type Reply,
  githubTime,
  intParam,
  notFound,
} from './state.js';

export function rest(
  f: FakeState,
  method: string,
  url: URL,
  req: IncomingMessage,
  body: unknown,
): Reply {
  if (url.pathname === '/user') return user(f, req);
  const m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(url.pathname);
  if (!m) throw notFound();
  const [, owner, name, rest = ''] = m;
  if (
    decodeURIComponent(owner!).toLowerCase() !== f.repo.owner.toLowerCase() ||
    decodeURIComponent(name!).toLowerCase() !== f.repo.name.toLowerCase()
  ) {
    throw notFound();
  }
  if (!req.headers.authorization) {
    throw new HttpError(401, {
      message: 'Requires authentication',
      documentation_url: 'https://docs.github.com/rest',
    });
  }
  const route = `${method} ${rest}`;
  let p: RegExpExecArray | null;
  if (route === 'GET ') return { status: 200, body: repoJson(f) };
  if ((p = /^GET \/issues\/(\d+)\/comments$/.exec(route))) {
    return page(f, url, f.issueComments(Number(p[1])), (items) => items);
  }
  if ((p = /^POST \/issues\/(\d+)\/comments$/.exec(route))) {
    const text = commentBody(body);
    const c = f.newComment(Number(p[1]), text, f.botLogin);
    f.issueComments(Number(p[1])).push(c);
    return { status: 201, body: c };
  }
  if ((p = /^GET \/issues\/(\d+)\/events$/.exec(route))) {
    return page(f, url, f.issueEvents.get(Number(p[1])) ?? [], (items) => items);
  }
  if ((p = /^(PATCH|GET|DELETE) \/issues\/comments\/(\d+)$/.exec(route))) {
    return oneComment(f, p[1]!, Number(p[2]), body);
  }
  if ((p = /^GET \/pulls\/(\d+)$/.exec(route))) {
    const pull = f.pulls.get(Number(p[1]));
    if (!pull) throw notFound();
    return { status: 200, body: pullJson(f, pull) };
  }
  if (route === 'GET /actions/artifacts') {
    return artifactPage(f, url, f.artifacts);
  }
  if ((p = /^GET \/actions\/runs\/(\d+)\/artifacts$/.exec(route))) {
    const runId = Number(p[1]);
    return artifactPage(
      f,
      url,
      f.artifacts.filter((a) => a.workflow_run.id === runId),
    );
  }
  if ((p = /^(GET|DELETE) \/actions\/artifacts\/(\d+)$/.exec(route))) {
    const a = f.artifactById(Number(p[2]));
    if (p[1] === 'GET') return { status: 200, body: artifactJson(f, a) };
    f.artifacts = f.artifacts.filter((x) => x !== a);
    return { status: 204 };
  }
  if ((p = /^GET \/actions\/artifacts\/(\d+)\/zip$/.exec(route))) {
    const a = f.artifactById(Number(p[1]));
    if (a.expired) throw new HttpError(410, { message: 'Artifact has expired' });
    return { status: 302, headers: { location: f.downloadUrl(a) } };
  }
  throw notFound();
}

/**
 * The token's user: an installation token (the default GITHUB_TOKEN, whose comments are by a
 * `[bot]`) is refused as api.github.com refuses it; a personal access token gets its login.
 */
function user(f: FakeState, req: IncomingMessage): Reply {
  if (!req.headers.authorization) {
    throw new HttpError(401, { message: 'Requires authentication' });
  }
  if (f.botLogin.endsWith('[bot]')) {
    throw new HttpError(403, {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
      status: '403',
    });
  }
  return { status: 200, body: { login: f.botLogin, id: 4242, type: 'User' } };
}

function oneComment(f: FakeState, method: string, id: number, body: unknown): Reply {
  for (const list of f.comments.values()) {
    const i = list.findIndex((c) => c.id === id);
    if (i < 0) continue;
    const c = list[i]!;
    if (method === 'GET') return { status: 200, body: c };
    if (method === 'DELETE') {
      list.splice(i, 1);
      return { status: 204 };
    }
    c.body = commentBody(body);
    c.updated_at = githubTime(new Date());
    return { status: 200, body: c };
  }
  throw notFound();
}

function page<T>(
  f: FakeState,
  url: URL,
  all: T[],
  wrap: (items: T[], total: number) => unknown,
): Reply {
  const perPage = Math.min(100, Math.max(1, intParam(url, 'per_page') ?? 30));
  const page = Math.max(1, intParam(url, 'page') ?? 1);
  const items = all.slice((page - 1) * perPage, page * perPage);
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const link = (n: number, rel: string) => {
    const u = new URL(url.pathname + url.search, f.apiUrl);
    u.searchParams.set('per_page', String(perPage));
    u.searchParams.set('page', String(n));
    return `<${u.href}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return {
    status: 200,
    body: wrap(items, all.length),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  };
}

function artifactPage(f: FakeState, url: URL, list: FakeArtifact[]): Reply {
  const name = url.searchParams.get('name');
  const matching = list.filter((a) => name === null || a.name === name).sort((a, b) => b.id - a.id);
  return page(f, url, matching, (items, total) => ({
    total_count: total,
    artifacts: items.map((a) => artifactJson(f, a)),
  }));
}

function repoJson(f: FakeState): unknown {
  const full = `${f.repo.owner}/${f.repo.name}`;
  return {
    id: f.repo.id,
    node_id: `R_${f.repo.id}`,
    name: f.repo.name,
    full_name: full,
    private: false,
    owner: { login: f.repo.owner, id: 1, type: 'Organization' },
    html_url: `https://github.com/${full}`,
    url: `${f.apiUrl}/repos/${full}`,
    default_branch: f.repo.defaultBranch,
    fork: false,
  };
}

function pullJson(f: FakeState, pull: FakePull): unknown {
  const full = `${f.repo.owner}/${f.repo.name}`;
  return {
    id: 900_000 + pull.number,
    number: pull.number,
    state: 'open',
    html_url: `https://github.com/${full}/pull/${pull.number}`,
    head: {
      ref: pull.head.ref ?? `feature-${pull.number}`,
      sha: pull.head.sha,
      repo: pull.head.repo,
    },
    base: {
      ref: pull.base.ref,
      sha: pull.base.sha,
      repo: { id: f.repo.id, full_name: full },
    },
  };
}

function artifactJson(f: FakeState, a: FakeArtifact): unknown {
  const full = `${f.repo.owner}/${f.repo.name}`;
  return {
    id: a.id,
    node_id: `MDg6QXJ0aWZhY3Q${a.id}`,
    name: a.name,
    size_in_bytes: a.size,
    url: `${f.apiUrl}/repos/${full}/actions/artifacts/${a.id}`,
    archive_download_url: `${f.apiUrl}/repos/${full}/actions/artifacts/${a.id}/zip`,
    expired: a.expired,
    digest: a.digest,
    created_at: a.created_at,
    updated_at: a.created_at,
    expires_at: a.expires_at,
    workflow_run: { ...a.workflow_run },
  };
}

function commentBody(body: unknown): string {
  const text = (body as { body?: unknown } | undefined)?.body;
  if (typeof text !== 'string') {
    throw new HttpError(422, {
      message: 'Invalid request.\n\n"body" wasn\'t supplied.',
      documentation_url: 'https://docs.github.com/rest/issues/comments',
      status: '422',
    });
  }
  if (text.length > 65536) {
    throw new HttpError(422, {
      message: 'Validation Failed',
      errors: [
        {
          resource: 'IssueComment',
          code: 'custom',
          field: 'body',
          message: 'body is too long (maximum is 65536 characters)',
        },
      ],
      documentation_url: 'https://docs.github.com/rest/issues/comments',
      status: '422',
    });
  }
  return text;
}
