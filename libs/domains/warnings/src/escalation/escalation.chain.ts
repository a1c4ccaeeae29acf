import { SortDirection, sql, unscoped, todayInChina, type RequestContext, type Sql } from '@platform/core';
import { Organizations, Persons, Positions } from '@platform/directory';
import { DutyRole, onDutyAt } from '@domains/command';

/** SQL: the levels in order of severity; `array_position(LEVEL_ORDER_SQL, level)` ranks a level 1 (blue) to 4 (red). */
export const LEVEL_ORDER_SQL = `ARRAY['BLUE','YELLOW','ORANGE','RED']::text[]`;

/** Chinese names of the levels, for the escalation's reason. */
export const LEVEL_NAMES: Readonly<Record<string, string>> = { BLUE: '蓝色', YELLOW: '黄色', ORANGE: '橙色', RED: '红色' };

/** Who an escalation step goes to, and how the reason names them. */
export interface EscalationTarget {
  readonly personId: string;
  readonly role: string;
}

/** Why the chain reads the directory whatever anyone's scope. */
export const CHAIN_REASON = 'the escalation sweep is not on a caller\'s behalf: the chain tells whoever holds the position, wherever anyone\'s scope';

/** An organization of the chain: its id, names and place in the tree. */
interface ChainOrganization {
  readonly id: string;
  readonly name: string;
  readonly shortName: string | null;
  readonly parentId: string | null;
  readonly path: string;
}

const ORGANIZATION_PROPERTIES = ['name', 'shortName', 'parentId', 'path'];

async function organization(tx: RequestContext, id: string | null): Promise<ChainOrganization | null> {
  return id ? unscoped(tx, Organizations, CHAIN_REASON).one(id, ORGANIZATION_PROPERTIES) : null;
}

/** The first organization of the condition (over alias `t`) in the order of `keys`, or null. */
async function firstOrganization(tx: RequestContext, condition: Sql, keys: ReadonlyArray<{ column: string; direction: SortDirection }>): Promise<ChainOrganization | null> {
  const [found] = await unscoped(tx, Organizations, CHAIN_REASON).where(condition).list({ keys, limit: 1, properties: ORGANIZATION_PROPERTIES });
  return found ?? null;
}

/** The town government above (or at) an organization: the deepest one on its path. */
function townAbove(tx: RequestContext, me: ChainOrganization): Promise<ChainOrganization | null> {
  return firstOrganization(tx, sql`t.kind = 'TOWN_GOVERNMENT' AND t.path @> CAST(${me.path} AS ltree)`, [{ column: 't.depth', direction: SortDirection.DESC }]);
}

/** The first department under the town whose name starts with `prefix` (or short name with its first two characters). */
function departmentOf(tx: RequestContext, town: ChainOrganization, prefix: string): Promise<ChainOrganization | null> {
  return firstOrganization(tx, sql`t.parent_id = ${town.id} AND t.kind = 'DEPARTMENT' AND t.archived_at IS NULL AND (t.name LIKE ${`${prefix}%`} OR t.short_name LIKE ${`${prefix.slice(0, 2)}%`})`, [
    { column: 't.name', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ]);
}

/**
 * The lead of an organization on `day` (an is_lead position current that day, the person not
 * archived), other than `exclude`: the earliest started (open start last), then by person id.
 */
async function leadOf(tx: RequestContext, org: ChainOrganization | null, day: string, exclude: string | null): Promise<{ personId: string; title: string } | null> {
  if (!org) return null;
  const active = unscoped(tx, Persons, CHAIN_REASON).as('p').where(sql`p.id = t.person_id AND p.archived_at IS NULL`);
  const [lead] = await unscoped(tx, Positions, CHAIN_REASON)
    .where(
      sql`t.organization_id = ${org.id} AND t.is_lead AND t.person_id IS DISTINCT FROM CAST(${exclude} AS uuid)
        AND (t.started_on IS NULL OR t.started_on <= CAST(${day} AS date)) AND (t.ended_on IS NULL OR t.ended_on >= CAST(${day} AS date))
        AND EXISTS ${active.subquery(sql`1`)}`,
    )
    .list({
      keys: [
        { column: `coalesce(t.started_on, DATE '9999-12-31')`, direction: SortDirection.ASC },
        { column: 't.person_id', direction: SortDirection.ASC },
      ],
      limit: 1,
      properties: ['personId', 'title'],
    });
  return lead ? { personId: lead.personId, title: lead.title } : null;
}

const nameOf = (org: ChainOrganization): string => org.shortName ?? org.name;

/**
 * The LEADER (带班领导) on duty at `at` on the town's roster (the command module's `onDutyAt`: a
 * non-cancelled assignment whose shift interval contains `at`, checked-in ones first, then by
 * person), the person not archived and other than `exclude`; with the shift's name.
 */
async function dutyLeaderAt(tx: RequestContext, town: ChainOrganization, at: Date, exclude: string | null): Promise<{ personId: string; shiftName: string } | null> {
  const leaders = (await onDutyAt(tx, [town.id], at, { role: DutyRole.LEADER })).filter((a) => a.personId !== exclude);
  if (!leaders.length) return null;
  const persons = await unscoped(tx, Persons, CHAIN_REASON).where(sql`t.archived_at IS NULL`).many(leaders.map((a) => a.personId), ['id']);
  const active = new Set(persons.filter((p) => p !== null).map((p) => p.id));
  return leaders.find((a) => active.has(a.personId)) ?? null;
}

/**
 * The escalation chain (叫应升级链) of a delivery to an organization (a village, community or grid):
 *
 * - step 1: the LEADER (带班领导) on duty at this instant on a roster of the town government above the
 *   organization (a non-cancelled assignment whose shift interval contains `at`; checked-in ones first),
 *   else the lead (is_lead position) of the organization's parent (for a village: 党委书记/镇长);
 * - step 2: the head of the town's emergency management office (应急办: a department under the town named
 *   应急管理…), else the head of the town's work-safety office (镇安办: 安全生产…);
 * - step 3 and later: the lead of the town government.
 *
 * Within a step the first candidate who is not already responsible is taken (no escalation to the same
 * person); null when there is none (the delivery then keeps its responsible person). Positions are
 * current on the China day of `at`. The directory is read through its declarations, unscoped (the
 * sweep acts for nobody, as the system principal), the duty rosters through the command module's `onDutyAt`.
 */
export async function escalationTarget(tx: RequestContext, organizationId: string, step: number, at: Date, currentPersonId: string | null): Promise<EscalationTarget | null> {
  const day = todayInChina(at);
  const me = await organization(tx, organizationId);
  if (!me) return null;
  const town = await townAbove(tx, me);
  if (step === 1) {
    const onDuty = town ? await dutyLeaderAt(tx, town, at, currentPersonId) : null;
    if (onDuty) return { personId: onDuty.personId, role: `镇带班领导（${onDuty.shiftName}）` };
    const parent = await organization(tx, me.parentId);
    const lead = await leadOf(tx, parent, day, currentPersonId);
    return lead && parent ? { personId: lead.personId, role: `上级单位负责人（${nameOf(parent)}${lead.title}）` } : null;
  }
  if (!town) return null;
  if (step === 2) {
    for (const prefix of ['应急管理', '安全生产']) {
      const department = await departmentOf(tx, town, prefix);
      const lead = await leadOf(tx, department, day, currentPersonId);
      if (lead && department) return { personId: lead.personId, role: `${nameOf(department)}${lead.title}` };
    }
    return null;
  }
  const lead = await leadOf(tx, town, day, currentPersonId);
  return lead ? { personId: lead.personId, role: `镇主要负责人（${lead.title}）` } : null;
}
