import { ConflictError, ForbiddenError, NotFoundError, type ModuleHttpRequest, type ModuleHttpResponse, type ModuleHttpRoute, type RequestContext } from '@platform/core';
import { TipPermission } from '../tips/public';
import { open311Answer, open311Errors, Open311Refusal, type Open311Format } from './open311.format';
import { Open311Permission } from './open311.permissions';
import { findRequest, findRequests, readRequestsQuery } from './open311.requests';
import { discovery, listServices, serviceDefinition } from './open311.services';
import { postRequest } from './open311.submit';

/** Where the GeoReport v2 endpoint is: `<origin>/open311/v2`. */
export const OPEN311_BASE = '/open311/v2';

type Handle = (ctx: RequestContext, params: Readonly<Record<string, string>>, request: ModuleHttpRequest, format: Open311Format) => Promise<ModuleHttpResponse>;

/**
 * A route answering its own refusals in the spec's error array (`[{"code":400,"description":"…"}]`,
 * in the asked format, with that HTTP status): a bad parameter, a service or request not found, a
 * missing API key. What the gateway refuses before the route runs (bad credentials 401, the rate
 * limit 429, a body too large 413) keeps the gateway's error format, as does a failure of the server.
 */
function open311Route(method: 'GET' | 'POST', path: string, permission: string, format: Open311Format | null, handle: Handle): ModuleHttpRoute {
  return {
    method,
    path,
    permission,
    ...(method === 'POST' ? { bodyApiKey: 'api_key' } : {}),
    handler: async (ctx, params, request) => {
      // `…/{id}.json`: the format is the extension of the last parameter.
      const asked = format ?? formatOf(params['file'] ?? '');
      try {
        if (!asked) throw new Open311Refusal(404, ['Only .json and .xml are served.']);
        return await handle(ctx, params, request, asked);
      } catch (error) {
        const refusal = refusalOf(error);
        if (!refusal) throw error;
        return open311Errors(asked ?? 'json', refusal.status, refusal.descriptions);
      }
    },
  };
}

/** The format a `{name}.{format}` segment asks for: json, xml, none (json), or null for another extension. */
function formatOf(file: string): Open311Format | null {
  const m = /\.([A-Za-z0-9]+)$/.exec(file);
  if (!m) return 'json';
  const ext = m[1]!.toLowerCase();
  return ext === 'json' || ext === 'xml' ? ext : null;
}

/** The segment without its format extension. */
const nameOf = (file: string): string => file.replace(/\.(json|xml)$/i, '');

/** The query string's parameters (start_date, status, …); reads go through `records` in open311.requests.ts. */
// eslint-disable-next-line no-restricted-properties -- the HTTP request's query string, not a database query
const parametersOf = (request: ModuleHttpRequest): URLSearchParams => request.query;

/** The errors this view answers in the spec's format. */
function refusalOf(error: unknown): Open311Refusal | null {
  if (error instanceof Open311Refusal) return error;
  if (error instanceof NotFoundError) return new Open311Refusal(404, [error.message]);
  if (error instanceof ConflictError) return new Open311Refusal(400, [error.message]);
  if (error instanceof ForbiddenError) return new Open311Refusal(403, [error.message]);
  return null;
}

/** The same resource as `.json`, `.xml` and without an extension (JSON). */
function everyFormat(method: 'GET' | 'POST', path: string, permission: string, handle: Handle): ModuleHttpRoute[] {
  return [open311Route(method, `${path}.json`, permission, 'json', handle), open311Route(method, `${path}.xml`, permission, 'xml', handle), open311Route(method, path, permission, 'json', handle)];
}

/**
 * POST needs an API key (the spec): an API client (`X-Api-Key`, `Authorization: Bearer tsk_…`, or the
 * form's `api_key`) holding reporting.tip:submit. Without one, the spec's 403 (its status for a
 * missing or wrong api_key; a wrong key is refused earlier by the gateway, 401). A signed-in user
 * posts through the GraphQL intake instead.
 */
const postRequestRoute: Handle = async (ctx, _params, request, format) => {
  if (ctx.principal.kind !== 'api-client') throw new Open311Refusal(403, ['api_key is required to post a request: ask the town office for an API client key holding reporting.tip:submit.']);
  return open311Answer(format, 'service_requests', [await postRequest(ctx, request.body)], 201);
};

/**
 * The Open311 GeoReport v2 view (https://wiki.open311.org/GeoReport_v2) under /open311/v2, JSON and
 * XML, with its Service Discovery document at /open311/discovery.json (and .xml): GET services, GET services/{code}, GET requests, GET requests/{id} (public: reporting.open311:read,
 * which the public role holds) and POST requests (an API client holding reporting.tip:submit).
 */
export const open311Routes: readonly ModuleHttpRoute[] = [
  ...[`/open311/discovery.json`, `/open311/discovery.xml`].map((path) =>
    open311Route('GET', path, Open311Permission.Read, path.endsWith('.xml') ? 'xml' : 'json', async (ctx, _p, request, format) => open311Answer(format, 'discovery', await discovery(ctx, request.origin, OPEN311_BASE))),
  ),
  ...everyFormat('GET', `${OPEN311_BASE}/services`, Open311Permission.Read, async (ctx, _p, _r, format) => open311Answer(format, 'services', await listServices(ctx))),
  open311Route('GET', `${OPEN311_BASE}/services/:file`, Open311Permission.Read, null, async (ctx, params, _r, format) => open311Answer(format, 'service_definition', await serviceDefinition(ctx, nameOf(params['file']!)))),
  ...everyFormat('GET', `${OPEN311_BASE}/requests`, Open311Permission.Read, async (ctx, _p, request, format) => open311Answer(format, 'service_requests', await findRequests(ctx, await readRequestsQuery(ctx, parametersOf(request))))),
  open311Route('GET', `${OPEN311_BASE}/requests/:file`, Open311Permission.Read, null, async (ctx, params, _r, format) => open311Answer(format, 'service_requests', [await findRequest(ctx, nameOf(params['file']!))])),
  ...everyFormat('POST', `${OPEN311_BASE}/requests`, TipPermission.Submit, postRequestRoute),
];
