// The API describes itself: every route of functions/routes.ts is in the OpenAPI document built from the zod schemas,
// the document passes a standard OpenAPI validator in both languages, every example in it satisfies the schema it
// illustrates, and the local server serves the document and the reference page without a token.
import { compileErrors, validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApi } from '../functions/api-docs/document.ts';
import { OPERATIONS } from '../functions/api-docs/operations.ts';
import { ROUTES, routeKey } from '../functions/routes.ts';
import { startLocalApp, type LocalApp } from '../local/app.ts';

describe('the OpenAPI document', () => {
  it('documents every route and nothing that is not a route', () => {
    const routes = ROUTES.map(routeKey).sort();
    expect(Object.keys(OPERATIONS).sort()).toEqual(routes);
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`passes the OpenAPI 3.1 validator (${lang})`, async () => {
      const doc = buildOpenApi(lang);
      const result = await validate(structuredClone(doc) as Parameters<typeof validate>[0]);
      expect(result.valid ? '' : compileErrors(result)).toBe('');
      expect(result.specification).toBe('OpenAPI');
      expect(doc.openapi).toBe('3.1.0');
    });
  }

  it('the validator would catch a broken document', async () => {
    const doc = structuredClone(buildOpenApi('en')) as unknown as { paths: Record<string, Record<string, { parameters: { in: string }[] }>> };
    doc.paths['/stations/{stationId}']!.get!.parameters[0]!.in = 'body';
    const result = await validate(doc as unknown as Parameters<typeof validate>[0]);
    expect(result.valid).toBe(false);
  });

  it('has each route under its path and method, with its parameters, body, answers and security', () => {
    const doc = buildOpenApi('en');
    for (const route of ROUTES) {
      const op = doc.paths?.[route.path]?.[route.method.toLowerCase() as 'get'];
      expect(op, routeKey(route)).toBeDefined();
      const names = (op!.parameters ?? []).map((p) => ('name' in p ? p.name : ''));
      for (const [, name] of route.path.matchAll(/\{(\w+)\}/g)) expect(names, `${routeKey(route)} ${name}`).toContain(name);
      expect(Object.keys(op!.responses ?? {}).some((s) => s.startsWith('2')), routeKey(route)).toBe(true);
      expect(op!.security, routeKey(route)).toEqual(route.public ? [] : [{ bearer: [] }]);
      if (OPERATIONS[routeKey(route)]!.body) expect(op!.requestBody, routeKey(route)).toBeDefined();
      // Error answers share the one error shape.
      for (const status of OPERATIONS[routeKey(route)]!.errors) {
        const answer = op!.responses?.[String(status)] as { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
        expect(answer.content['application/json']!.schema.properties, `${routeKey(route)} ${status}`).toHaveProperty('error');
      }
    }
    expect(doc.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('a change of a schema shows in the document (it is generated, not copied)', () => {
    const doc = buildOpenApi('en');
    const plan = doc.paths?.['/stations/{stationId}/plans']?.post?.requestBody as { content: Record<string, { schema: { properties: Record<string, { maximum?: number }> } }> };
    expect(plan.content['application/json']!.schema.properties.days!.maximum).toBe(92);
  });

  it('every example satisfies the schema it illustrates', () => {
    let checked = 0;
    for (const [key, op] of Object.entries(OPERATIONS)) {
      if (op.body?.example !== undefined) {
        const parsed = op.body.schema.safeParse(op.body.example);
        expect(parsed.success, `${key} body: ${parsed.error?.message}`).toBe(true);
        checked++;
      }
      for (const answer of op.answers) {
        if (answer.example === undefined || !answer.schema) continue;
        expect(answer.schema.safeParse(answer.example).success, `${key} ${answer.status}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(6);
    // And the document carries them: the station example as the PUT's body example.
    const put = buildOpenApi('zh').paths?.['/stations/{stationId}']?.put?.requestBody as { content: Record<string, { example: { name: string } }> };
    expect(put.content['application/json']!.example.name).toBe('前门派出所');
  });

  it('a broken example is caught', () => {
    const op = OPERATIONS['PUT /stations/{stationId}']!;
    const broken = structuredClone(op.body!.example) as { shiftTypes: { start?: string }[] };
    broken.shiftTypes[0]!.start = '25:00';
    expect(op.body!.schema.safeParse(broken).success).toBe(false);
  });
});

describe('served by the local server', () => {
  let app: LocalApp;
  beforeAll(async () => {
    app = await startLocalApp({ port: 0, memory: true, loadDemo: false, log: () => {} });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('GET /openapi.json answers the document without a token, in the asked language', async () => {
    const en = await fetch(`${app.url}/openapi.json`);
    expect(en.status).toBe(200);
    const doc = (await en.json()) as { info: { title: string }; paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([...new Set(ROUTES.map((r) => r.path))]));
    expect(doc.info.title).toBe('Duty Roster Planner API');
    const zh = (await (await fetch(`${app.url}/openapi.json`, { headers: { 'accept-language': 'zh-CN,zh;q=0.9' } })).json()) as { info: { title: string } };
    expect(zh.info.title).toBe('派出所勤务排班接口');
  });

  it('GET /docs answers a self-contained reference page naming every route', async () => {
    const answer = await fetch(`${app.url}/docs?lang=zh`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/html');
    const html = await answer.text();
    for (const route of ROUTES) expect(html, routeKey(route)).toContain(route.path.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`));
    expect(html).toContain('申请抽调社区专职民警');
    // Nothing is fetched from elsewhere: no scripts, no external stylesheets or images.
    expect(html).not.toMatch(/<script|<link|src="http|href="http/);
  });
});
