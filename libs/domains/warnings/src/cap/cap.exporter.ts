import type DataLoader from 'dataloader';
import { NotFoundError, byKeys, type ModuleHttpResponse, type ModuleHttpRoute, type RequestContext } from '@platform/core';
import { organizationIdInScope } from '@platform/directory';
import { Warning } from '../model/warning.entity';
import { WarningPermission } from '../permissions';
import { CAP_CONTENT_TYPE, renderCap, type CapContext, type CapReference, type CapTarget } from './cap.render';

/** Name of the exporter among the module's services (`ctx.service(CAP_SERVICE)`). */
export const CAP_SERVICE = 'rescue.cap';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Targets (names and division codes, by code) and the earlier records of the chain
 * (following `supersedes_id` back to the first issue, oldest first) of many warning records in one statement.
 */
const FACTS_SQL = `
  WITH RECURSIVE earlier AS (
    SELECT w.id AS warning_id, p.id, p.supersedes_id FROM warning w JOIN warning p ON p.id = w.supersedes_id WHERE w.id = ANY($1::uuid[])
    UNION ALL
    SELECT e.warning_id, p.id, p.supersedes_id FROM earlier e JOIN warning p ON p.id = e.supersedes_id
  )
  SELECT w.id,
    (SELECT coalesce(json_agg(json_build_object('name', o.name, 'code', o.code) ORDER BY o.code NULLS LAST, o.name), '[]'::json)
       FROM warning_target t JOIN organization o ON o.id = t.organization_id WHERE t.warning_id = w.id) AS targets,
    (SELECT coalesce(json_agg(json_build_object('identifier', p.identifier, 'sentAt', p.sent_at) ORDER BY p.sent_at, p.id), '[]'::json)
       FROM earlier e JOIN warning p ON p.id = e.id WHERE e.warning_id = w.id) AS refs
  FROM warning w WHERE w.id = ANY($1::uuid[])`;

interface FactsRow {
  id: string;
  targets: CapTarget[];
  refs: Array<{ identifier: string; sentAt: string }>;
}

/**
 * Exports warning records as CAP 1.2 (GB/T 35965.1): the `Warning.capXml` field and the
 * `GET /cap/warnings/:id` endpoint share it. Each record's sender is the issuing unit code its
 * identifier carries (see `warningIdentifier`, setting `WARNING_ISSUER_CODE`).
 */
export class CapExporter {
  /** What the renderer needs of many records, one statement per request level. */
  contexts(ctx: RequestContext): DataLoader<string, CapContext> {
    return ctx.loaders.get('rescue.cap.context', undefined, async (ids: readonly string[]): Promise<Array<CapContext | Error>> => {
      const rows: FactsRow[] = await ctx.manager.query(FACTS_SQL, [ids]);
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
   * A record the caller may read: one of its targets is within their rescue.warning:read scope (or
   * they read everywhere). Anything else is NOT_FOUND, like a missing record.
   */
  async visible(ctx: RequestContext, id: string): Promise<Warning> {
    if (!UUID.test(id)) throw new NotFoundError('Warning', id);
    const qb = ctx.manager.getRepository(Warning).createQueryBuilder('w').where('w.id = :id', { id });
    const scope = organizationIdInScope(ctx.principal, WarningPermission.WarningRead, 't.organization_id');
    if (scope.sql !== 'TRUE') qb.andWhere(`EXISTS (SELECT 1 FROM warning_target t WHERE t.warning_id = w.id AND ${scope.sql})`, scope.params);
    const warning = await qb.getOne();
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
}
