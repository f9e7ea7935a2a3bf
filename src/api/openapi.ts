/**
 * The OpenAPI 3.1 document, built from the route table and the same zod schemas that validate
 * requests, so the document and the checks cannot drift apart.
 */
import { z } from 'zod';
import { leastRoleFor } from '../domain/roles';
import { API_PREFIX, type Route } from './router';
import { SCHEMAS } from './openapi-schemas';

type Json = Record<string, unknown>;

const ERROR_REF = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ERROR_REF } } });

function parameters(route: Route): Json[] {
  const path = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
  if (!route.query) return path;
  const schema = z.toJSONSchema(route.query, { io: 'input' }) as { properties?: Record<string, Json> };
  const query = Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    const parameter: Json = { name, in: 'query', required: false, schema: rest };
    if (description) parameter.description = description;
    if (rest.type === 'array') Object.assign(parameter, { style: 'form', explode: true });
    return parameter;
  });
  return [...path, ...query];
}

function operation(route: Route): Json {
  const responses: Json = {};
  const ok = route.method === 'POST' ? '201' : route.method === 'DELETE' ? '204' : '200';
  const content: Json = {};
  if (route.response) content['application/json'] = { schema: { $ref: `#/components/schemas/${route.response}` } };
  for (const type of route.alsoAs ?? []) content[type] = { schema: { type: 'string' } };
  responses[ok] = ok === '204' ? { description: 'Done.' } : { description: 'OK.', ...(Object.keys(content).length > 0 ? { content } : {}) };
  if (route.query || route.body || route.path.includes(':')) responses['400'] = errorResponse('A parameter or the body is not valid; the message says what to fix.');
  if (route.access !== 'public') {
    responses['401'] = errorResponse('No token, or an invalid, expired or wrong-audience token.');
    responses['403'] = errorResponse('The token\'s role may not do this.');
  }
  if (route.path.includes(':')) responses['404'] = errorResponse('No such item.');
  if (route.path === '/healthz') responses['503'] = { description: 'The database does not answer.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } } };
  const op: Json = { summary: route.summary, operationId: operationId(route), parameters: parameters(route), responses };
  if (route.body) op.requestBody = { required: true, content: { 'application/json': { schema: z.toJSONSchema(route.body, { io: 'input' }) } } };
  if (route.access === 'public') op.security = [];
  else op['x-penny-role'] = leastRoleFor(route.access);
  return op;
}

function operationId(route: Route): string {
  const words = route.path.split('/').filter(Boolean).map((w) => (w.startsWith(':') ? 'ByName' : w.replace(/^./, (c) => c.toUpperCase())));
  return `${route.method.toLowerCase()}${words.join('')}`;
}

export function openApiDocument(routes: readonly Route[]): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Penny API',
      version: '1',
      description:
        'Cloud costs from Penny. Amounts are exact decimal strings; days are UTC, `to` is inclusive. ' +
        'Send `Authorization: Bearer <JWT>` (create one with `penny token create --role viewer`). ' +
        'Roles: viewer reads; finance also manages budgets and reports; admin does everything.',
    },
    servers: [{ url: API_PREFIX }],
    security: [{ bearer: [] }],
    paths,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } }, schemas: SCHEMAS },
  };
}
