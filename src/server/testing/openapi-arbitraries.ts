import fc from 'fast-check';

/** The part of a JSON schema (as @fastify/swagger writes it) that generation reads; anything else is ignored. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface OpenApiOperation {
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/** Any JSON value, small. */
export const anyJson = fc.jsonValue({ maxDepth: 3 });

/** Values that break naive code: wrong types, edge numbers, odd strings, prototype keys, long text. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  anyJson,
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    null,
    '',
    ' ',
    0,
    -1,
    1.5,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    true,
    [],
    {},
    '__proto__',
    JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}') as unknown,
    '../../../etc/passwd',
    "' OR 1=1 --",
    '\u0000',
    '\ud800',
    'NaN',
    '1e309',
    '2024-02-30T25:61:00Z',
    '00000000-0000-0000-0000-000000000000',
  ),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'ă'.repeat(n)),
);

function resolve(schema: JsonSchema, doc: OpenApiDoc): JsonSchema | null {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace(/^#\/components\/schemas\//, '');
  // Some $refs point at schemas the document does not hold: such a value is generated as any JSON.
  return doc.components?.schemas?.[name] ?? null;
}

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  if (s.format === 'uuid') return fc.uuid();
  if (s.format === 'date-time') {
    return fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString());
  }
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= (s.maxLength ?? 200));
    } catch {
      // a pattern JavaScript cannot compile: plain strings below
    }
  }
  const minLength = s.minLength ?? 0;
  return fc.string({
    unit: 'grapheme',
    minLength,
    maxLength: Math.max(minLength, Math.min(s.maxLength ?? 30, 30)),
  });
}

function objectArb(s: JsonSchema, doc: OpenApiDoc, depth: number): fc.Arbitrary<unknown> {
  const props = s.properties ?? {};
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, value] of Object.entries(props)) record[key] = fromSchema(value, doc, depth + 1);
  const requiredKeys = (s.required ?? []).filter((k) => k in record);
  return fc.record(record, { requiredKeys });
}

function typedArb(s: JsonSchema, type: string, doc: OpenApiDoc, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringArb(s);
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1_000_000, max: s.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({
        min: s.minimum ?? -1e6,
        max: s.maximum ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(s.items ? fromSchema(s.items, doc, depth + 1) : anyJson, {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 4, 4)),
      });
    case 'object':
      return objectArb(s, doc, depth);
    default:
      return anyJson;
  }
}

/** Values that mostly satisfy the schema (bounded in size and depth), to reach past validation. */
export function fromSchema(
  schema: JsonSchema | undefined,
  doc: OpenApiDoc,
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = schema && resolve(schema, doc);
  if (!s || depth > 6) return anyJson;
  let arb: fc.Arbitrary<unknown>;
  if (s.enum?.length) arb = fc.constantFrom(...s.enum);
  else if ('const' in s) arb = fc.constant(s.const);
  else if (s.anyOf?.length || s.oneOf?.length) {
    arb = fc.oneof(...(s.anyOf ?? s.oneOf ?? []).map((x) => fromSchema(x, doc, depth + 1)));
  } else if (s.allOf?.length) arb = fromSchema(s.allOf[0], doc, depth + 1);
  else if (Array.isArray(s.type)) arb = fc.oneof(...s.type.map((t) => typedArb(s, t, doc, depth)));
  else if (s.type) arb = typedArb(s, s.type, doc, depth);
  else if (s.properties) arb = objectArb(s, doc, depth);
  else arb = anyJson;
  return s.nullable ? fc.oneof(fc.constant(null), arb) : arb;
}

/** A schema-shaped value with one property replaced by junk or removed: the validator's edge. */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, junk, fc.nat(), fc.boolean()).map(([value, bad, pick, remove]) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad;
    const keys = Object.keys(value);
    if (!keys.length) return { [String(pick)]: bad };
    const key = keys[pick % keys.length]!;
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    if (remove) delete copy[key];
    else copy[key] = bad;
    return copy;
  });
}
