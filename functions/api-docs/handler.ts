// GET /openapi.json and GET /docs: this API described by itself (public, no token). Built once per language per
// cold start from the zod schemas (document.ts); `?lang=zh|en` wins over Accept-Language.
import { httpHandler, type ApiRequest } from '../../shared/http/api.ts';
import { buildOpenApi, type DocLang } from './document.ts';
import { referencePage } from './reference.ts';

const built = new Map<DocLang, ReturnType<typeof buildOpenApi>>();
const documentIn = (lang: DocLang) => built.get(lang) ?? built.set(lang, buildOpenApi(lang)).get(lang)!;

export function docLang(request: Pick<ApiRequest, 'query' | 'headers'>): DocLang {
  const asked = request.query.lang;
  if (asked === 'zh' || asked === 'en') return asked;
  return /^\s*zh/i.test(request.headers['accept-language'] ?? '') ? 'zh' : 'en';
}

export const handler = httpHandler(
  {
    'GET /openapi.json': async (request) => ({ body: documentIn(docLang(request)), headers: { 'cache-control': 'public, max-age=300' } }),
    'GET /docs': async (request) => {
      const lang = docLang(request);
      return { text: referencePage(documentIn(lang), lang), headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=300' } };
    },
  },
  { public: ['GET /openapi.json', 'GET /docs'] },
);
