// The readable API reference: one self-contained HTML page (no script, nothing from elsewhere) rendered from the
// OpenAPI document itself, so the page can never say something the document does not.
import type { oas31 } from 'zod-openapi';
import type { DocLang } from './document.ts';

type Schema = oas31.SchemaObject | oas31.ReferenceObject;

const WORDS = {
  zh: {
    contents: '目录', parameters: '参数', body: '请求体', answers: '应答', required: '必填', optional: '可选', example: '示例',
    token: '需要 Bearer 令牌', open: '无需令牌', schema: '结构', other: 'English', otherHref: '?lang=en', json: 'OpenAPI 文档（JSON）',
    name: '名称', where: '位置', type: '类型', status: '状态码',
  },
  en: {
    contents: 'Contents', parameters: 'Parameters', body: 'Request body', answers: 'Answers', required: 'required', optional: 'optional', example: 'Example',
    token: 'Needs a Bearer token', open: 'No token needed', schema: 'Shape', other: '中文', otherHref: '?lang=zh', json: 'OpenAPI document (JSON)',
    name: 'Name', where: 'In', type: 'Type', status: 'Status',
  },
} as const;

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function deref(schema: Schema, doc: oas31.OpenAPIObject): oas31.SchemaObject {
  if ('$ref' in schema) {
    const name = (schema.$ref ?? '').split('/').pop() ?? '';
    return (doc.components?.schemas?.[name] as oas31.SchemaObject | undefined) ?? {};
  }
  return schema;
}

/** A one-line type: `string (date)`, `integer 1–92`, `"a" | "b"`, `array of object`. */
function typeOf(raw: Schema, doc: oas31.OpenAPIObject): string {
  const s = deref(raw, doc);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return alternatives.map((a) => typeOf(a, doc)).join(' | ');
  if (s.allOf) return s.allOf.map((a) => typeOf(a, doc)).join(' & ');
  const type = Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? 'any');
  if (type === 'array' && s.items) return `array of ${typeOf(s.items, doc)}`;
  // zod writes the safe-integer limits of z.int() as bounds: they say nothing to a reader.
  const bound = (n: number | undefined) => (n === undefined || Math.abs(n) >= Number.MAX_SAFE_INTEGER ? '' : String(n));
  const range = bound(s.minimum) || bound(s.maximum) ? ` ${bound(s.minimum)}–${bound(s.maximum)}` : '';
  return `${type}${s.format ? ` (${s.format})` : ''}${s.pattern ? ` /${s.pattern}/` : ''}${range}`;
}

/** The properties of an object (through allOf, arrays and alternatives), each with its type, nested in <details>. */
function shape(raw: Schema, doc: oas31.OpenAPIObject, words: (typeof WORDS)[DocLang], depth = 0): string {
  const s = deref(raw, doc);
  if (depth > 6) return '';
  if (s.allOf) return s.allOf.map((a) => shape(a, doc, words, depth)).join('');
  if (s.type === 'array' && s.items) return shape(s.items, doc, words, depth);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return alternatives.map((a) => shape(a, doc, words, depth)).join('');
  if (!s.properties) return '';
  const required = new Set(s.required ?? []);
  const rows = Object.entries(s.properties).map(([name, child]) => {
    const inner = shape(child, doc, words, depth + 1);
    const description = deref(child, doc).description;
    const line = `<code>${escapeHtml(name)}</code> <span class="type">${escapeHtml(typeOf(child, doc))}</span>${required.has(name) ? '' : ` <span class="opt">${words.optional}</span>`}${description ? ` — ${escapeHtml(description)}` : ''}`;
    return `<li>${inner ? `<details><summary>${line}</summary><ul>${inner}</ul></details>` : line}</li>`;
  });
  return rows.join('');
}

function block(title: string, schema: Schema | undefined, example: unknown, doc: oas31.OpenAPIObject, words: (typeof WORDS)[DocLang]): string {
  const tree = schema ? shape(schema, doc, words) : '';
  return (
    `<h4>${title}${schema ? ` <span class="type">${escapeHtml(typeOf(schema, doc))}</span>` : ''}</h4>` +
    (tree ? `<ul class="shape">${tree}</ul>` : '') +
    (example !== undefined ? `<details><summary>${words.example}</summary><pre>${escapeHtml(JSON.stringify(example, null, 2))}</pre></details>` : '')
  );
}

function operationHtml(method: string, path: string, op: oas31.OperationObject, doc: oas31.OpenAPIObject, words: (typeof WORDS)[DocLang]): string {
  const id = op.operationId ?? `${method}${path}`;
  const params = (op.parameters ?? []) as oas31.ParameterObject[];
  const paramRows = params
    .map((p) => `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${p.in}</td><td>${p.schema ? escapeHtml(typeOf(p.schema, doc)) : ''}</td><td>${p.required ? words.required : words.optional}</td></tr>`)
    .join('');
  const body = op.requestBody as oas31.RequestBodyObject | undefined;
  const bodyMedia = body?.content['application/json'];
  const answers = Object.entries(op.responses ?? {}).map(([status, raw]) => {
    const answer = raw as oas31.ResponseObject;
    const media = Object.entries(answer.content ?? {});
    const parts = media.map(([type, m]) => (m.schema || m.example !== undefined ? block(`<code>${escapeHtml(type)}</code>`, m.schema, m.example, doc, words) : `<p><code>${escapeHtml(type)}</code></p>`));
    return `<div class="answer"><h4><span class="status s${status[0]}">${status}</span> ${escapeHtml(answer.description)}</h4>${status.startsWith('2') ? parts.join('') : ''}</div>`;
  });
  const open = Array.isArray(op.security) && op.security.length === 0;
  return (
    `<section class="op" id="${escapeHtml(id)}"><h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>` +
    `<p class="summary">${escapeHtml(op.summary ?? '')} <span class="lock">${open ? words.open : words.token}</span></p>` +
    (op.description ? `<p>${escapeHtml(op.description)}</p>` : '') +
    (paramRows ? `<h4>${words.parameters}</h4><table><tr><th>${words.name}</th><th>${words.where}</th><th>${words.type}</th><th></th></tr>${paramRows}</table>` : '') +
    (bodyMedia ? block(`${words.body} (${body?.required ? words.required : words.optional})`, bodyMedia.schema, bodyMedia.example, doc, words) : '') +
    `<h4>${words.answers}</h4>${answers.join('')}</section>`
  );
}

export function referencePage(doc: oas31.OpenAPIObject, lang: DocLang): string {
  const words = WORDS[lang];
  const byTag = new Map<string, string[]>();
  const contents = new Map<string, string[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of ['get', 'put', 'post', 'delete'] as const) {
      const op = (item as oas31.PathItemObject)[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? '';
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationHtml(method, path, op, doc, words)]);
      contents.set(tag, [...(contents.get(tag) ?? []), `<li><a href="#${escapeHtml(op.operationId ?? '')}"><span class="method ${method}">${method.toUpperCase()}</span> ${escapeHtml(path)}</a></li>`]);
    }
  }
  const tags = (doc.tags ?? []).map((t) => t.name).filter((t) => byTag.has(t));
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)}</title>
<style>
body{font:15px/1.55 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1d2733;display:grid;grid-template-columns:300px 1fr}
nav{position:sticky;top:0;height:100vh;overflow:auto;background:#f3f5f8;padding:16px;box-sizing:border-box;font-size:13px}
nav ul{list-style:none;padding:0;margin:0 0 12px}nav a{color:inherit;text-decoration:none;display:block;padding:2px 0}
main{padding:24px 40px;max-width:1000px}h2{border-bottom:2px solid #d7dee8;padding-bottom:4px;margin-top:40px}
.op{border:1px solid #d7dee8;border-radius:8px;padding:8px 20px 16px;margin:20px 0}
.method{display:inline-block;min-width:3.5em;text-align:center;border-radius:4px;color:#fff;font-size:12px;font-weight:600;padding:1px 4px}
.get{background:#2f7d4f}.post{background:#2c5d9e}.put{background:#9a6212}.delete{background:#a23b32}
.type{color:#5b6b7d;font-family:ui-monospace,monospace;font-size:13px}.opt{color:#8a96a3;font-size:12px}.lock{color:#8a96a3;font-size:12px;margin-left:8px}
.status{font-family:ui-monospace,monospace;padding:0 6px;border-radius:4px;background:#e6ebf1}.s2{background:#d8efe1}.s4{background:#f6e0dd}.s5{background:#f6e0dd}
table{border-collapse:collapse}td,th{border-bottom:1px solid #e3e8ee;padding:3px 10px;text-align:left}
pre{background:#f6f8fa;padding:10px;overflow:auto;font-size:12.5px}ul.shape,ul.shape ul{list-style:none;padding-left:16px;margin:4px 0}
h4{margin:14px 0 4px}
</style></head><body>
<nav><strong>${escapeHtml(doc.info.title)}</strong><p><a href="${words.otherHref}">${words.other}</a> · <a href="/openapi.json?lang=${lang}">${words.json}</a></p>
${tags.map((t) => `<p><strong>${escapeHtml(t)}</strong></p><ul>${(contents.get(t) ?? []).join('')}</ul>`).join('')}</nav>
<main><h1>${escapeHtml(doc.info.title)} <small class="type">${escapeHtml(doc.info.version)}</small></h1><p>${escapeHtml(doc.info.description ?? '')}</p>
${tags.map((t) => `<h2>${escapeHtml(t)}</h2>${(byTag.get(t) ?? []).join('')}`).join('')}
</main></body></html>`;
}
