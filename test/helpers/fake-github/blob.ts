/**
 * The Azure blob storage part of the fake: block uploads to the signed upload URL (Put Block,
 * Put Block List, or one Put Blob) and plain GETs of the signed download URL.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type FakeState, HttpError, type Reply, header } from './state.js';

export function blobPut(
  f: FakeState,
  method: string,
  url: URL,
  req: IncomingMessage,
  raw: Buffer,
): Reply {
  const key = url.pathname.slice('/blob/upload/'.length);
  const up = f.uploads.get(key);
  if (!up) throw azureError(404, 'BlobNotFound', 'The specified upload URL is unknown.');
  if (method !== 'PUT') throw azureError(405, 'UnsupportedHttpVerb', `${method} not supported`);
  if (req.headers['x-ms-structured-body'] !== undefined) {
    // @azure/storage-blob only sends structured (CRC64-framed) bodies when asked to.
    throw azureError(400, 'UnsupportedHeader', 'x-ms-structured-body is not supported by the fake');
  }
  const md5 = req.headers['content-md5'];
  if (typeof md5 === 'string' && md5 !== createHash('md5').update(raw).digest('base64')) {
    throw azureError(400, 'Md5Mismatch', 'The MD5 value specified in the request did not match.');
  }
  const comp = url.searchParams.get('comp');
  const echo: Record<string, string> = {};
  if (typeof md5 === 'string') echo['content-md5'] = md5;
  const crc = req.headers['x-ms-content-crc64'];
  if (typeof crc === 'string') echo['x-ms-content-crc64'] = crc;
  if (comp === 'block') {
    const id = url.searchParams.get('blockid');
    if (!id) throw azureError(400, 'InvalidQueryParameterValue', 'blockid is required');
    up.blocks.set(id, raw);
    return azureCreated(echo);
  }
  if (comp === 'blocklist') {
    const ids = parseBlockList(raw.toString('utf8'));
    const parts = ids.map((id) => {
      const block = up.blocks.get(id);
      if (!block) throw azureError(400, 'InvalidBlockList', `block ${id} was never staged`);
      return block;
    });
    up.blob = Buffer.concat(parts);
    up.contentType = header(req, 'x-ms-blob-content-type');
    up.blocks.clear();
    return azureCreated({
      ...echo,
      etag: etagOf(up.blob),
      'last-modified': new Date().toUTCString(),
    });
  }
  if (comp === null && header(req, 'x-ms-blob-type') === 'BlockBlob') {
    up.blob = raw;
    up.contentType = header(req, 'x-ms-blob-content-type');
    return azureCreated({
      ...echo,
      etag: etagOf(raw),
      'last-modified': new Date().toUTCString(),
    });
  }
  throw azureError(
    400,
    'InvalidQueryParameterValue',
    `unsupported blob PUT (comp=${String(comp)})`,
  );
}

export function blobGet(f: FakeState, method: string, path: string): Reply {
  const m = /^\/blob\/download\/(\d+)\//.exec(path);
  if (method !== 'GET' || !m)
    throw azureError(404, 'BlobNotFound', 'The specified blob does not exist.');
  const a = f.artifacts.find((x) => x.id === Number(m[1]));
  if (!a) throw azureError(404, 'BlobNotFound', 'The specified blob does not exist.');
  return {
    status: 200,
    body: a.zip,
    headers: {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${a.name}.zip"`,
      etag: etagOf(a.zip),
      'x-ms-blob-type': 'BlockBlob',
    },
  };
}

function azureHeaders(): Record<string, string> {
  return {
    'x-ms-request-id': randomUUID(),
    'x-ms-version': '2025-11-05',
    date: new Date().toUTCString(),
  };
}

function azureCreated(extra: Record<string, string>): Reply {
  return {
    status: 201,
    headers: { ...azureHeaders(), 'x-ms-request-server-encrypted': 'true', ...extra },
  };
}

function azureError(status: number, code: string, message: string): HttpError {
  const xml = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  return new HttpError(status, xml, {
    ...azureHeaders(),
    'x-ms-error-code': code,
    'content-type': 'application/xml',
  });
}

function etagOf(b: Buffer): string {
  return `"0x${createHash('md5').update(b).digest('hex').slice(0, 15).toUpperCase()}"`;
}

/** Block ids of an Azure Put Block List body, in order (Latest, Committed and Uncommitted). */
function parseBlockList(xml: string): string[] {
  const ids: string[] = [];
  for (const m of xml.matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g)) {
    ids.push(
      m[2]!
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&'),
    );
  }
  return ids;
}
