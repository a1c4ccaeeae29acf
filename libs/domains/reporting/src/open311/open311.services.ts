import { OrganizationKind, Organizations } from '@platform/directory';
import { SortDirection, records, sql, unscoped, type RequestContext } from '@platform/core';
import { Open311Services } from './open311.entities';
import { OPEN311_JSON, OPEN311_XML, Open311Refusal } from './open311.format';
import { open311Services } from './open311.requests';

/** One service of `GET services`, in the spec's field order. */
export interface Open311ServiceAnswer {
  readonly service_code: string;
  readonly service_name: string;
  readonly description: string;
  readonly metadata: boolean;
  readonly type: 'realtime' | 'batch' | 'blackbox';
  readonly keywords: string;
  readonly group: string;
}

/** An attribute of a service definition, in the spec's field order. */
export interface Open311Attribute {
  readonly variable: boolean;
  readonly code: string;
  readonly datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  readonly required: boolean;
  readonly datatype_description: string | null;
  readonly order: number;
  readonly description: string;
  readonly values?: ReadonlyArray<{ readonly key: string; readonly name: string }>;
}

/**
 * The attributes every service takes, all optional (so `metadata` is false: a client need not read
 * the definition to post): whether the tip involves deaths, and how many. A tip involving deaths is
 * escalated to the district at once (安全生产法 第七十三条: verified by the county-level government).
 * Posted as attribute[involves_deaths]=true and attribute[reported_deaths]=2.
 */
export const OPEN311_ATTRIBUTES: readonly Open311Attribute[] = [
  {
    variable: true,
    code: 'involves_deaths',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: null,
    order: 1,
    description: '是否涉及人员死亡？涉及死亡的举报由区级人民政府核查。Does it involve deaths?',
    values: [
      { key: 'false', name: '否' },
      { key: 'true', name: '是' },
    ],
  },
  {
    variable: true,
    code: 'reported_deaths',
    datatype: 'number',
    required: false,
    datatype_description: '死亡人数（整数）。A whole number.',
    order: 2,
    description: '报称死亡人数（涉及死亡时填写）。How many died, as far as you know.',
  },
];

/** `GET services`: every service, in its order. All are realtime (the tracking code comes back at once). */
export async function listServices(ctx: RequestContext): Promise<Open311ServiceAnswer[]> {
  return (await open311Services(ctx)).map((s) => ({
    service_code: s.serviceCode,
    service_name: s.serviceName,
    description: s.description,
    metadata: false,
    type: 'realtime',
    keywords: s.keywords,
    group: s.serviceGroup,
  }));
}

/** `GET services/{code}`: the service's definition (its optional attributes), or a 404. */
export async function serviceDefinition(ctx: RequestContext, code: string): Promise<{ service_code: string; attributes: readonly Open311Attribute[] }> {
  const service = await records(ctx, Open311Services).one(code.toLowerCase(), ['serviceCode']);
  if (!service) throw new Open311Refusal(404, [`service_code ${code.slice(0, 40)} was not found.`]);
  return { service_code: service.serviceCode, attributes: OPEN311_ATTRIBUTES };
}

/** The spec's Service Discovery document (https://wiki.open311.org/Service_Discovery). */
export interface Open311Discovery {
  readonly changeset: string;
  readonly contact: string;
  readonly key_service: string;
  readonly endpoints: ReadonlyArray<{ readonly specification: string; readonly url: string; readonly changeset: string; readonly type: 'production' | 'test'; readonly formats: readonly string[] }>;
}

/**
 * `GET /open311/discovery.json`: where the GeoReport v2 endpoint is (`<origin>/open311/v2`), in which
 * formats, who to ask and how to get a key. `changeset` is when a service last changed (Beijing time,
 * `YYYY-MM-DD HH:mm`, sortable): clients refresh cached service lists when it moves.
 */
export async function discovery(ctx: RequestContext, origin: string, base: string): Promise<Open311Discovery> {
  const [changed] = await records(ctx, Open311Services).aggregate<{ at: Date | null }>(sql`max(t.updated_at) AS "at"`);
  const changeset = changed?.at ? new Date(new Date(changed.at).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '1970-01-01 00:00';
  const [town] = await unscoped(ctx, Organizations, 'the public Open311 discovery document names the town that runs the endpoint')
    .where(sql`t.parent_id IS NULL AND t.kind = ${OrganizationKind.TOWN_GOVERNMENT}`)
    .list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1, properties: ['id', 'name'] });
  const name = town?.name ?? '镇人民政府';
  return {
    changeset,
    contact: `${name}安全生产办公室（镇安办）。举报请拨打12350或使用网上举报。`,
    key_service: `API 密钥由${name}的系统管理员发放：持有 reporting.tip:submit 的 API 客户端可提交举报（POST requests）；读取无需密钥。`,
    endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${origin}${base}`, changeset, type: 'production', formats: [OPEN311_XML.split(';')[0]!, OPEN311_JSON.split(';')[0]!] }],
  };
}
