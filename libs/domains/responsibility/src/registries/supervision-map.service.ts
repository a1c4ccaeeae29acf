import {
  SortDirection,
  assertNotFuture,
  createRecord,
  records,
  recordEvent,
  sql,
  transaction,
  unscoped,
  updateRecord,
  whereChanged,
  type ConnectionResult,
  type RequestContext,
  type Sql,
} from '@platform/core';
import { EnterpriseProfiles, IndustrySectors, Organization, OrganizationKind, OrganizationOrder, Organizations, organizationIdWithinSubtree } from '@platform/directory';
import { NewBusinessFormat, SupervisionAssignment } from './supervision-map.entity';
import { NewBusinessFormatStatus } from './registries.enums';
import { NewBusinessFormatOrder, SupervisionAssignmentOrder } from './registries.orders';
import { NewBusinessFormats, SupervisionAssignments } from './registries.entities';
import { registriesEvents } from './registries.events';
import { registriesRules } from './registries.rules';
import { RegistriesPermission } from './registries.permissions';
import type {
  AssignNewBusinessFormatInput,
  CreateSupervisionAssignmentInput,
  EndSupervisionAssignmentInput,
  NewBusinessFormatListArgs,
  RegisterNewBusinessFormatInput,
  SupervisionAssignmentListArgs,
  SupervisionGapArgs,
} from './supervision-map.inputs';

const COVERAGE = 'coverage is a fact of the whole map: an assignment covers an enterprise whoever asks; only the enterprises listed are narrowed to the caller\'s scope';

/** The town government: the root of the directory, the default subtree of an assignment and the default place of a format. */
export async function townRoot(ctx: RequestContext): Promise<string> {
  const [root] = await unscoped(ctx, Organizations, 'the root organization is the default place; the caller\'s scope is checked on it next')
    .where(sql`t.parent_id IS NULL AND t.archived_at IS NULL`)
    .list({ keys: [{ column: 't.created_at', direction: SortDirection.ASC }, { column: 't.id', direction: SortDirection.ASC }], limit: 1, properties: ['id'] });
  if (!root) throw new Error('The directory has no town government.');
  return root.id;
}

/** An active organization of kind DEPARTMENT within the caller's scope for `permission`: else NOT_FOUND, notArchived or departmentKind naming `field`. */
export async function checkDepartment(tx: RequestContext, id: string, field: string, permission: string): Promise<Organization> {
  const org = await records(tx, Organizations, permission).reference(id, field, { properties: ['id', 'kind', 'name', 'path'] });
  if (org.kind !== OrganizationKind.DEPARTMENT) throw registriesRules.field(field, 'departmentKind', `${org.name} is a ${org.kind}, not a department of the town government.`);
  return org;
}

const assignmentPayload = (a: SupervisionAssignment) => ({ id: a.id, departmentId: a.departmentId, subtreeRootId: a.subtreeRootId });

/** The 三管三必须 map: assignments, new business formats, and the enterprises no assignment covers. */
/** SQL: the sector code of the enterprise `t` (through the directory's profiles, in the caller's registry scope). */
export const enterpriseSector = (ctx: RequestContext): Sql => records(ctx, EnterpriseProfiles, RegistriesPermission.Read).as('ep').where(sql`ep.organization_id = t.id`).subquery(sql`ep.sector_code`);

/**
 * SQL: the organization `t` is an active enterprise whose sector no assignment in force today covers at
 * or above its place in the tree (监管空白). Coverage is read over the whole map (COVERAGE), so a caller
 * with a narrow scope sees no false gaps; which enterprises are listed is the caller's scope.
 */
export function uncoveredEnterprise(ctx: RequestContext): Sql {
  const today = ctx.clock.today();
  const rootPath = unscoped(ctx, Organizations, COVERAGE).as('sr').where(sql`sr.id = sa.subtree_root_id`).subquery(sql`sr.path`);
  const covering = unscoped(ctx, SupervisionAssignments, COVERAGE)
    .as('sa')
    .where(sql`sa.ended_on IS NULL AND sa.started_on <= CAST(${today} AS date) AND sa.sector_code = ${enterpriseSector(ctx)} AND t.path <@ ${rootPath}`)
    .subquery(sql`1`);
  return sql`t.kind = ${OrganizationKind.ENTERPRISE} AND t.archived_at IS NULL AND NOT EXISTS ${covering}`;
}

export class SupervisionMapService {
  listAssignments(ctx: RequestContext, args: SupervisionAssignmentListArgs, withCount: boolean, properties: readonly string[] | null): Promise<ConnectionResult<SupervisionAssignment>> {
    const f = args.filter ?? {};
    let rows = records(ctx, SupervisionAssignments);
    if (f.departmentId) rows = rows.where(sql`t.department_id = ${f.departmentId}`);
    if (f.sectorCodes?.length) rows = rows.where(sql`t.sector_code = ANY(${f.sectorCodes})`);
    if (f.active !== undefined && f.active !== null) rows = rows.where(f.active ? sql`t.ended_on IS NULL` : sql`t.ended_on IS NOT NULL`);
    return whereChanged(rows, f).page({ keys: SupervisionAssignmentOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  listFormats(ctx: RequestContext, args: NewBusinessFormatListArgs, withCount: boolean, properties: readonly string[] | null): Promise<ConnectionResult<NewBusinessFormat>> {
    const f = args.filter ?? {};
    let rows = records(ctx, NewBusinessFormats);
    if (f.statuses?.length) rows = rows.where(sql`t.status = ANY(${f.statuses})`);
    return whereChanged(rows, f).page({ keys: NewBusinessFormatOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /**
   * 监管空白: the active enterprises in the caller's scope whose sector no active assignment covers
   * at their place in the tree (an assignment covers its subtree root and everything below it), in
   * ONE statement over the directory's declared entities; an enterprise without a profile has no
   * sector and is listed too.
   */
  gaps(ctx: RequestContext, args: SupervisionGapArgs, withCount: boolean): Promise<ConnectionResult<Organization>> {
    const f = args.filter ?? {};
    const sector = enterpriseSector(ctx);
    let rows = records(ctx, Organizations, RegistriesPermission.Read).where(uncoveredEnterprise(ctx));
    if (f.withinSubtreeOf) rows = rows.where(organizationIdWithinSubtree('t.id', f.withinSubtreeOf));
    if (f.sectorCodes?.length) rows = rows.where(sql`${sector} = ANY(${f.sectorCodes})`);
    return rows.page({ keys: OrganizationOrder.keys(args.orderBy), page: args, withCount });
  }

  createAssignment(ctx: RequestContext, input: CreateSupervisionAssignmentInput): Promise<SupervisionAssignment> {
    const startedOn = input.startedOn ?? ctx.clock.today();
    assertNotFuture(startedOn, 'input.startedOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      await checkDepartment(tx, input.departmentId, 'input.departmentId', RegistriesPermission.MapManage);
      if (!(await records(tx, IndustrySectors, RegistriesPermission.MapManage).exists(input.sectorCode))) throw registriesRules.field('input.sectorCode', 'exists', `no industry sector ${input.sectorCode} (see industrySectors).`);
      const rootId = input.subtreeRootId ?? (await townRoot(tx));
      // FOR SHARE: the subtree root must not be archived or moved while the assignment is written.
      await records(tx, Organizations, RegistriesPermission.MapManage).reference(rootId, 'input.subtreeRootId', { lock: 'share' });
      const taken = await records(tx, SupervisionAssignments, RegistriesPermission.MapManage)
        .where(sql`t.department_id = ${input.departmentId} AND t.sector_code = ${input.sectorCode} AND t.subtree_root_id = ${rootId} AND t.ended_on IS NULL`)
        .count();
      if (taken) throw registriesRules.field('input.sectorCode', 'unique', 'the department already supervises this sector in this subtree.');
      return createRecord(
        tx,
        SupervisionAssignment,
        'SupervisionAssignment',
        { departmentId: input.departmentId, sectorCode: input.sectorCode, subtreeRootId: rootId, basis: input.basis, startedOn, endedOn: null, endNote: null },
        { action: 'responsibility.supervision-assignment.create', ...recordEvent(registriesEvents['responsibility.supervision-assignment.created'], assignmentPayload) },
      );
    });
  }

  endAssignment(ctx: RequestContext, input: EndSupervisionAssignmentInput): Promise<SupervisionAssignment> {
    const endedOn = input.endedOn ?? ctx.clock.today();
    assertNotFuture(endedOn, 'input.endedOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const current = await records(tx, SupervisionAssignments, RegistriesPermission.MapManage).lock(input.id);
      if (current.endedOn) throw registriesRules.field('input.id', 'notEnded', `the assignment ended on ${current.endedOn}.`);
      if (endedOn < current.startedOn) throw registriesRules.field('input.endedOn', 'range', `must not be before the day it started (${current.startedOn}).`);
      return updateRecord(tx, SupervisionAssignment, 'SupervisionAssignment', current, input.version, { endedOn, endNote: input.reason }, {
        action: 'responsibility.supervision-assignment.end',
        ...recordEvent(registriesEvents['responsibility.supervision-assignment.ended'], assignmentPayload(current)),
      });
    });
  }

  registerFormat(ctx: RequestContext, input: RegisterNewBusinessFormatInput): Promise<NewBusinessFormat> {
    const reportedOn = input.reportedOn ?? ctx.clock.today();
    assertNotFuture(reportedOn, 'input.reportedOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const organizationId = input.organizationId ?? (await townRoot(tx));
      await records(tx, Organizations, RegistriesPermission.MapManage).reference(organizationId, 'input.organizationId', { properties: ['id'] });
      const taken = await records(tx, NewBusinessFormats, RegistriesPermission.MapManage).where(sql`lower(t.name) = lower(${input.name})`).count();
      if (taken) throw registriesRules.field('input.name', 'unique', `${input.name} is registered already.`);
      return createRecord(
        tx,
        NewBusinessFormat,
        'NewBusinessFormat',
        { name: input.name, description: input.description ?? null, organizationId, reportedOn, status: NewBusinessFormatStatus.PENDING, departmentId: null, decisionDocument: null, decidedOn: null },
        { action: 'responsibility.new-business-format.register', ...recordEvent(registriesEvents['responsibility.new-business-format.registered'], (f: NewBusinessFormat) => ({ id: f.id, organizationId: f.organizationId })) },
      );
    });
  }

  assignFormat(ctx: RequestContext, input: AssignNewBusinessFormatInput): Promise<NewBusinessFormat> {
    assertNotFuture(input.decidedOn, 'input.decidedOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const current = await records(tx, NewBusinessFormats, RegistriesPermission.MapManage).lock(input.id);
      if (current.status !== NewBusinessFormatStatus.PENDING) throw registriesRules.field('input.id', 'state', `the format is ${current.status} already.`);
      if (input.decidedOn < current.reportedOn) throw registriesRules.field('input.decidedOn', 'range', `must not be before the day it was reported (${current.reportedOn}).`);
      await checkDepartment(tx, input.departmentId, 'input.departmentId', RegistriesPermission.MapManage);
      return updateRecord(
        tx,
        NewBusinessFormat,
        'NewBusinessFormat',
        current,
        input.version,
        { status: NewBusinessFormatStatus.ASSIGNED, departmentId: input.departmentId, decisionDocument: input.decisionDocument, decidedOn: input.decidedOn },
        { action: 'responsibility.new-business-format.assign', ...recordEvent(registriesEvents['responsibility.new-business-format.assigned'], { id: current.id, organizationId: current.organizationId, departmentId: input.departmentId }) },
      );
    });
  }
}
