import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing/harness';

interface OpenApiDoc {
  paths: Record<
    string,
    Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>
  >;
  components?: { schemas?: Record<string, unknown> };
}
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  $ref?: string;
}

/** Every value of a JSON document that is an object, depth first. */
function* objects(v: unknown): Generator<Record<string, unknown>> {
  if (!v || typeof v !== 'object') return;
  yield v as Record<string, unknown>;
  for (const child of Object.values(v)) yield* objects(child);
}

/** A body where every property has the wrong type: a string becomes a number, anything else a string. */
function wrongTypes(schema: JsonSchema | undefined): unknown {
  const props = schema?.properties ?? schema?.anyOf?.[0]?.properties ?? schema?.oneOf?.[0]?.properties ?? {};
  return Object.fromEntries(
    Object.entries(props).map(([k, p]) => [k, p.type === 'string' ? 12345 : 'x'.repeat(3)]),
  );
}

describe('the API document and its messages', () => {
  let t: TestApp;
  let doc: OpenApiDoc;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    await t.app.ready();
    doc = t.app.swagger() as unknown as OpenApiDoc;
  });
  afterAll(() => t.close());

  it('names the shared answers and resolves every $ref', () => {
    const schemas = doc.components?.schemas ?? {};
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining(['Round', 'Results', 'Plan', 'Approval', 'CriteriaSet']),
    );
    const refs = [...objects(doc)].map((o) => o.$ref).filter((r): r is string => typeof r === 'string');
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const name = /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1];
      expect(name && schemas[name], `unresolved ${ref}`).toBeTruthy();
    }
  });

  it('never names a field by its raw key in a validation message, on any route with a body', async () => {
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op.requestBody?.content?.['application/json'])
        .map(([method, op]) => ({
          path,
          method: method.toUpperCase(),
          schema: op.requestBody!.content!['application/json']!.schema,
        })),
    );
    expect(routes.length).toBeGreaterThan(20);
    const raw: string[] = [];
    for (const login of ['admin', 'bqlkkt.lanhdao']) {
      const cookie = await t.cookie(login);
      for (const r of routes) {
        const url = `/api${r.path.replace(/^\/api/, '')}`.replace(/\{[^}]+\}/g, crypto.randomUUID());
        for (const payload of [{}, wrongTypes(r.schema)]) {
          const res = await t.app.inject({
            method: r.method as 'POST',
            url,
            payload: payload as object,
            headers: { cookie },
          });
          if (res.statusCode !== 400) continue;
          const body = res.json<{ message: string; fieldErrors?: Record<string, string> }>();
          for (const text of [body.message, ...Object.values(body.fieldErrors ?? {})]) {
            // "Lý do: là bắt buộc", never "reason: …" or "unitId (mục 2): …".
            for (const label of text.split(/; |: /).filter((_, i, a) => i < a.length - 1)) {
              if (
                /^[a-z][A-Za-z0-9_.]*( \(mục \d+\))?$/.test(label.replace(/^Dữ liệu không hợp lệ$/, 'ok ok'))
              ) {
                raw.push(`${r.method} ${r.path}: ${text}`);
              }
            }
          }
        }
      }
    }
    expect([...new Set(raw)]).toEqual([]);
  });
});
