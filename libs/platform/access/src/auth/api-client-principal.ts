import type { Principal, RequestContext } from '@platform/core';
import { PrincipalLoader } from './principal-loader';

/**
 * The principal an API client acts as now, with its grants as they are at this moment (loaded fresh,
 * one statement); null when the client is disabled, expired or unknown. For work done on a client's
 * behalf outside its own requests, e.g. checking that a webhook carries only what its client may read
 * (`records(ctx, def, def.read, { principal })`).
 */
export function apiClientPrincipal(ctx: RequestContext, apiClientId: string): Promise<Principal | null> {
  return new PrincipalLoader(ctx.dataSource).apiClientById(apiClientId);
}
