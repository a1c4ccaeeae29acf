import type DataLoader from 'dataloader';
import { NotFoundError, byKeys, records, type ModuleHttpResponse, type ModuleHttpRoute, type RequestContext } from '@platform/core';
import type { Warning } from '../model/warning.entity';
import { Warnings } from '../warnings.entities';
import { capFacts } from './cap-facts.sql';
import { WarningPermission } from '../permissions';
import { CAP_CONTENT_TYPE, renderCap, type CapContext, type CapReference } from './cap.render';
import { capFeedFacts } from './cap-feed.sql';
import { ATOM_CONTENT_TYPE, CAP_FEED_EPOCH, CAP_FEED_MAX_ENTRIES, CAP_FEED_PATH, renderCapFeed } from './cap-feed.render';

/** Name of the exporter among the module's services (`ctx.service(CAP_SERVICE)`). */
export const CAP_SERVICE = 'rescue.cap';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Exports warning records as CAP 1.2 (GB/T 35965.1): the `Warning.capXml` field and the
 * `GET /cap/warnings/:id` endpoint share it; `GET /cap/warnings` is the Atom index of the current
 * ones. Each record's sender is the issuing unit code its identifier carries (see
 * `warningIdentifier`, setting `WARNING_ISSUER_CODE`).
 */
export class CapExporter {
  /** What the renderer needs of many records, one statement per request level. */
  contexts(ctx: RequestContext): DataLoader<string, CapContext> {
    return ctx.loaders.get('rescue.cap.context', undefined, async (ids: readonly string[]): Promise<Array<CapContext | Error>> => {
      const rows = await capFacts(ctx, ids);
      const contexts = rows.map((r) => ({
        id: r.id,
        context: {
          targets: r.targets,
          references: r.refs.map((x): CapReference => ({ identifier: x.identifier, sentAt: new Date(x.sentAt) })),
        },
      }));
      return byKeys(ids, contexts, (c) => c.id).map((c, i) => c?.context ?? new NotFoundError('Warning', ids[i]!));
    });
  }

  /** The CAP document of a record the caller has already read. */
  async xml(ctx: RequestContext, warning: Warning): Promise<string> {
    return renderCap(warning, await this.contexts(ctx).load(warning.id));
  }

  /**
   * A record the caller may read (`Warnings`: one of its targets or its issuer within their
   * rescue.warning:read scope, as for `warning(id:)`). Anything else is NOT_FOUND, like a missing record.
   */
  async visible(ctx: RequestContext, id: string): Promise<Warning> {
    if (!UUID.test(id)) throw new NotFoundError('Warning', id);
    const warning = await records(ctx, Warnings).one(id);
    if (!warning) throw new NotFoundError('Warning', id);
    return warning;
  }

  /** `GET /cap/warnings/:id`: the record as `application/cap+xml`, named after its identifier. */
  route(): ModuleHttpRoute {
    return {
      path: '/cap/warnings/:id',
      permission: WarningPermission.WarningRead,
      handler: async (ctx, params): Promise<ModuleHttpResponse> => {
        const warning = await this.visible(ctx, params['id'] ?? '');
        const body = await this.xml(ctx, warning);
        const fileName = `${warning.identifier.replace(/[^0-9A-Za-z._-]/g, '_')}.xml`;
        return { contentType: CAP_CONTENT_TYPE, body, headers: { 'Content-Disposition': `inline; filename="${fileName}"` } };
      },
    };
  }

  /**
   * `GET /cap/warnings`: the current records the caller may read (as for the route above) as an Atom
   * feed (`renderCapFeed`), one statement. `Last-Modified` is the moment the feed last changed for the
   * caller; the gateway adds the body's ETag and answers a matching conditional GET with 304.
   * `private, no-cache`: kept only by the caller's own cache, and asked again every time.
   */
  feedRoute(): ModuleHttpRoute {
    return {
      path: CAP_FEED_PATH,
      permission: WarningPermission.WarningRead,
      handler: async (ctx, _params, request): Promise<ModuleHttpResponse> => {
        const facts = await capFeedFacts(ctx, ctx.clock.now(), CAP_FEED_MAX_ENTRIES);
        return {
          contentType: ATOM_CONTENT_TYPE,
          body: renderCapFeed(facts, request.origin),
          headers: { 'Last-Modified': (facts.changedAt ?? CAP_FEED_EPOCH).toUTCString(), 'Cache-Control': 'private, no-cache' },
        };
      },
    };
  }
}
