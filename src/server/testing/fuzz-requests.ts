import fc from 'fast-check';
import {
  anyJson,
  fromSchema,
  junk,
  mutated,
  type OpenApiDoc,
  type OpenApiOperation,
} from './openapi-arbitraries';

/** One route and method of the OpenAPI document. */
export interface Operation {
  method: string;
  path: string;
  op: OpenApiOperation;
}

/** A body, kept small until it is sent: huge and deeply nested ones are built only then. */
export type Body =
  | { kind: 'text'; text: string }
  | { kind: 'deep'; depth: number; arrays: boolean }
  | { kind: 'huge' }
  | { kind: 'multipart'; filename: string; data: Uint8Array; truncate: boolean };

export interface FuzzRequest {
  operation: Operation;
  /** A login of the signed-in roles, or null for anonymous. */
  role: string | null;
  origin: string | undefined;
  url: string;
  body: Body | undefined;
  contentType: string | undefined;
}

/** Every route and method of the document. */
export const operationsOf = (doc: OpenApiDoc): Operation[] =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );

/** The bytes of a body, as sent. */
export function materialize(body: Body): string | Buffer {
  switch (body.kind) {
    case 'text':
      return body.text;
    case 'deep':
      return body.arrays
        ? '['.repeat(body.depth) + ']'.repeat(body.depth)
        : '{"a":'.repeat(body.depth) + '1' + '}'.repeat(body.depth);
    case 'huge':
      return JSON.stringify({ text: 'x'.repeat(2_200_000) }); // over the 2 MiB body limit
    case 'multipart': {
      const head = `--fuzz\r\nContent-Disposition: form-data; name="file"; filename="${body.filename}"\r\n\r\n`;
      const all = Buffer.concat([Buffer.from(head), Buffer.from(body.data), Buffer.from('\r\n--fuzz--\r\n')]);
      return body.truncate ? all.subarray(0, Math.floor(all.length / 2)) : all;
    }
  }
}

const text = (a: fc.Arbitrary<unknown>): fc.Arbitrary<Body> =>
  a.map((v) => ({ kind: 'text', text: JSON.stringify(v) ?? 'null' }));

/** Bodies: mostly JSON near the schema, then junk, deep nesting, broken text, huge, a file, or none. */
function bodyArb(op: OpenApiOperation, doc: OpenApiDoc): fc.Arbitrary<Body | undefined> {
  const valid = fromSchema(op.requestBody?.content?.['application/json']?.schema, doc);
  const hasBody = op.requestBody !== undefined;
  return fc.oneof(
    { weight: hasBody ? 6 : 1, arbitrary: text(valid) },
    { weight: hasBody ? 4 : 1, arbitrary: text(mutated(valid)) },
    { weight: 2, arbitrary: text(junk) },
    {
      weight: 1,
      arbitrary: fc
        .record({ depth: fc.integer({ min: 50, max: 50_000 }), arrays: fc.boolean() })
        .map((d) => ({ kind: 'deep' as const, ...d })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('{', '{"a":1', 'nul', '[1,]', "{'a':1}", '\u0000', '"\\ud800"')
        .map((t) => ({ kind: 'text' as const, text: t })),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'huge' as const }) },
    {
      weight: 1,
      arbitrary: fc
        .record({
          filename: fc.string({ maxLength: 20 }),
          data: fc.uint8Array({ maxLength: 3000 }),
          truncate: fc.boolean(),
        })
        .map((m) => ({ kind: 'multipart' as const, ...m, filename: m.filename.replace(/["\r\n]/g, '') })),
    },
    { weight: hasBody ? 1 : 6, arbitrary: fc.constant(undefined) },
  );
}

function contentTypeArb(body: Body | undefined): fc.Arbitrary<string | undefined> {
  if (body === undefined) return fc.constantFrom(undefined, undefined, 'text/plain');
  if (body.kind === 'multipart') {
    return fc.constantFrom('multipart/form-data; boundary=fuzz', 'multipart/form-data', 'application/json');
  }
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant('application/json') },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=fuzz',
        'application/json; charset=utf-16',
        'APPLICATION/JSON',
        undefined,
      ),
    },
  );
}

/** A path segment; a lone surrogate cannot be percent-encoded, so it goes as bytes that are not UTF-8. */
function segment(value: unknown): string {
  const raw = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  // LibreOffice takes seconds per conversion: PDF documents are left to their own tests.
  if (raw === 'pdf') return 'docx';
  try {
    return encodeURIComponent(raw);
  } catch {
    return '%ED%A0%80';
  }
}

export interface FuzzContext {
  doc: OpenApiDoc;
  roles: readonly string[];
  ownOrigin: string;
  foreignOrigins: string[];
  /**
   * Real values for path parameters: by the path segment before the parameter (`rounds` for
   * /api/rounds/{id}), else by the parameter's name (`token`, `version`).
   */
  known: Record<string, string[]>;
}

/** Requests for one operation: as any role, from any origin, with path, query and body generated. */
export function requestArb(operation: Operation, c: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const params = operation.op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const pathValue = (name: string, schema: unknown) => {
    const resource = new RegExp(`/([^/{}]+)/\\{${name}\\}`).exec(operation.path)?.[1] ?? '';
    const real = c.known[resource] ?? c.known[name] ?? [];
    return fc.oneof(
      { weight: 3, arbitrary: fromSchema(schema as never, c.doc) },
      { weight: real.length ? 6 : 0, arbitrary: fc.constantFrom(...(real.length ? real : [''])) },
      { weight: 2, arbitrary: junk },
    );
  };
  return fc
    .record({
      role: fc.constantFrom<string | null>(...c.roles, null),
      origin: fc.oneof(
        { weight: 6, arbitrary: fc.constant(undefined) },
        { weight: 2, arbitrary: fc.constant(c.ownOrigin) },
        { weight: 1, arbitrary: fc.constantFrom(...c.foreignOrigins) },
      ),
      values: fc.tuple(...pathParams.map((p) => pathValue(p.name, p.schema))),
      query: fc.tuple(
        ...queryParams.map((p) =>
          fc.option(fc.oneof(fromSchema(p.schema, c.doc), junk, anyJson), { nil: undefined }),
        ),
      ),
      body: bodyArb(operation.op, c.doc),
      undecodable: fc.nat(40).map((n) => n === 0),
    })
    .chain((r) =>
      contentTypeArb(r.body).map((contentType) => {
        let url = operation.path;
        pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, segment(r.values[i]))));
        if (r.undecodable) url += '/%E0%A4%A';
        const qs = queryParams
          .map((p, i) => (r.query[i] === undefined ? '' : `${p.name}=${segment(r.query[i])}`))
          .filter(Boolean)
          .join('&');
        return {
          operation,
          role: r.role,
          origin: r.origin,
          url: qs ? `${url}?${qs}` : url,
          body: r.body,
          contentType,
        };
      }),
    );
}
