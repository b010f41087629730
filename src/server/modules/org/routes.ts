import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZBlocCreateRequestSchema,
  ZBlocSchema,
  ZBlocUpdateRequestSchema,
  ZIdParamsSchema,
  ZResetPasswordResponseSchema,
  ZUnitCreateRequestSchema,
  ZUnitSchema,
  ZUnitUpdateRequestSchema,
  ZUserCreateRequestSchema,
  ZUserSchema,
  ZUserUpdateRequestSchema,
  ZYearCreateRequestSchema,
  ZYearDetailSchema,
  ZYearListQuerySchema,
  ZYearSchema,
  ZYearUpdateRequestSchema,
} from '../../../shared/org';
import { ctxOf } from '../../plugins/auth';
import { createBloc, listBlocs, updateBloc } from './blocs-service';
import { createUnit, listUnits, updateUnit } from './units-service';
import { createUser, listUsers, resetPassword, updateUser } from './users-service';
import { createYear, getYear, listYears, updateYear } from './years-service';

/** Blocs, units, bloc-years and accounts. Thin: each handler calls one service function. */
export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const params = ZIdParamsSchema;

  app.get('/blocs', { schema: { tags: ['org'], response: { 200: z.array(ZBlocSchema) } } }, (req) =>
    listBlocs(db, ctxOf(req)),
  );
  app.post(
    '/blocs',
    { schema: { tags: ['org'], body: ZBlocCreateRequestSchema, response: { 201: ZBlocSchema } } },
    async (req, reply) => reply.status(201).send(await createBloc(db, req.body, ctxOf(req))),
  );
  app.patch(
    '/blocs/:id',
    { schema: { tags: ['org'], params, body: ZBlocUpdateRequestSchema, response: { 200: ZBlocSchema } } },
    (req) => updateBloc(db, req.params.id, req.body, ctxOf(req)),
  );

  app.get('/units', { schema: { tags: ['org'], response: { 200: z.array(ZUnitSchema) } } }, (req) =>
    listUnits(db, ctxOf(req)),
  );
  app.post(
    '/units',
    { schema: { tags: ['org'], body: ZUnitCreateRequestSchema, response: { 201: ZUnitSchema } } },
    async (req, reply) => reply.status(201).send(await createUnit(db, req.body, ctxOf(req))),
  );
  app.patch(
    '/units/:id',
    { schema: { tags: ['org'], params, body: ZUnitUpdateRequestSchema, response: { 200: ZUnitSchema } } },
    (req) => updateUnit(db, req.params.id, req.body, ctxOf(req)),
  );

  app.get(
    '/years',
    { schema: { tags: ['org'], querystring: ZYearListQuerySchema, response: { 200: z.array(ZYearSchema) } } },
    (req) => listYears(db, req.query.blocId, ctxOf(req)),
  );
  app.post(
    '/years',
    { schema: { tags: ['org'], body: ZYearCreateRequestSchema, response: { 201: ZYearDetailSchema } } },
    async (req, reply) => reply.status(201).send(await createYear(db, req.body, ctxOf(req))),
  );
  app.get('/years/:id', { schema: { tags: ['org'], params, response: { 200: ZYearDetailSchema } } }, (req) =>
    getYear(db, req.params.id, ctxOf(req)),
  );
  app.patch(
    '/years/:id',
    {
      schema: { tags: ['org'], params, body: ZYearUpdateRequestSchema, response: { 200: ZYearDetailSchema } },
    },
    (req) => updateYear(db, req.params.id, req.body, ctxOf(req)),
  );

  app.get('/users', { schema: { tags: ['org'], response: { 200: z.array(ZUserSchema) } } }, (req) =>
    listUsers(db, ctxOf(req)),
  );
  app.post(
    '/users',
    { schema: { tags: ['org'], body: ZUserCreateRequestSchema, response: { 201: ZUserSchema } } },
    async (req, reply) => reply.status(201).send(await createUser(db, req.body, ctxOf(req))),
  );
  app.patch(
    '/users/:id',
    { schema: { tags: ['org'], params, body: ZUserUpdateRequestSchema, response: { 200: ZUserSchema } } },
    (req) => updateUser(db, req.params.id, req.body, ctxOf(req)),
  );
  app.post(
    '/users/:id/reset-password',
    { schema: { tags: ['org'], params, response: { 200: ZResetPasswordResponseSchema } } },
    (req) => resetPassword(db, req.params.id, ctxOf(req)),
  );
};
