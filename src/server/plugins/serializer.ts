import { isDeepStrictEqual } from 'node:util';
import type { FastifySerializerCompiler } from 'fastify/types/schema';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/**
 * Responses are built by presenters that list exactly the fields that may leave the server. Outside
 * production every response is checked against its schema strictly — a missing, mistyped or extra
 * field fails the request, so tests catch a presenter that would leak or break the contract. In
 * production the checked presenters are trusted and the answer is serialised directly: validating
 * every response was about a tenth of the cost of a sheet submission.
 */
export function responseSerializer(production: boolean): FastifySerializerCompiler<z.ZodType> {
  if (production) return () => (data: unknown) => JSON.stringify(data);
  return (route) => {
    const encode = zodSerializerCompiler(route);
    return (data: unknown) => {
      const json = encode(data);
      if (!isDeepStrictEqual(JSON.parse(json), JSON.parse(JSON.stringify(data)))) {
        throw new Error(`response of ${route.method} ${route.url} has fields outside its schema`);
      }
      return json;
    };
  };
}
