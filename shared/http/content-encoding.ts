// Compresses answers by the caller's Accept-Encoding (br, then gzip), because a large plan is about 5 MB of JSON and
// Lambda refuses answers over 6 MB. The same job as @middy/http-content-encoding, which has no release of the middy 6
// line on the registry this project installs from (only 5.x, and 7.x, which needs Node 22): a small middleware on
// node:zlib until the project moves to middy 7.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { MiddlewareObj } from '@middy/core';

type Answer = { statusCode?: number; headers?: Record<string, string | number | boolean>; body?: string; isBase64Encoded?: boolean };
type Encoding = 'br' | 'gzip';

/** Bodies smaller than this are sent as they are: compressing them gains nothing worth the CPU. */
export const MIN_COMPRESS_BYTES = 1024;

/**
 * The encoding to use for an Accept-Encoding header (RFC 9110 §12.5.3): the listed coding with the highest q-value
 * among br and gzip (`*` counts for both), br when tied; none when the header is absent or refuses both.
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (coding: Encoding) => q.get(coding) ?? q.get('*') ?? 0;
  const best = (['br', 'gzip'] as const).filter((c) => weight(c) > 0).sort((a, b) => weight(b) - weight(a))[0];
  return best ?? null;
}

export function encode(body: Buffer, encoding: Encoding): Buffer {
  // Brotli's default quality (11) takes seconds on a 5 MB plan; 5 keeps most of the gain at a fraction of the time.
  if (encoding === 'br')
    return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  return gzipSync(body, { level: 6 });
}

function compress(answer: Answer, acceptEncoding: string | undefined): void {
  if (typeof answer.body !== 'string' || answer.isBase64Encoded) return;
  const headers = answer.headers ?? {};
  const vary = String(headers.vary ?? '');
  // Whether or not this answer is compressed, a cache must key it by Accept-Encoding.
  if (!/accept-encoding/i.test(vary)) headers.vary = vary ? `${vary}, accept-encoding` : 'accept-encoding';
  answer.headers = headers;
  if (headers['content-encoding'] !== undefined) return;
  const encoding = chooseEncoding(acceptEncoding);
  const raw = Buffer.from(answer.body, 'utf8');
  if (!encoding || raw.byteLength < MIN_COMPRESS_BYTES) return;
  answer.body = encode(raw, encoding).toString('base64');
  answer.isBase64Encoded = true;
  headers['content-encoding'] = encoding;
  delete headers['content-length'];
}

/** Expects lower-case request headers (the header normaliser runs first). */
export function contentEncoding<E extends { headers?: Record<string, string | undefined> }, R>(): MiddlewareObj<E, R> {
  const after = (request: { event: E; response: R | null }) => {
    const answer = request.response as Answer | undefined;
    if (answer && typeof answer === 'object') compress(answer, request.event.headers?.['accept-encoding']);
  };
  return { name: 'contentEncoding', after, onError: after };
}
