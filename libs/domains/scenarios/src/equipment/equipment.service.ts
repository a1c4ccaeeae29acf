import { assertNotFuture, assertVersion, createRecord, recordEvent, records, sql, transaction, updateRecord, whereChanged, type ConnectionResult, type Patch, type RequestContext } from '@platform/core';
import { OrganizationKind, Organizations } from '@platform/directory';
import { EnterpriseEquipment, EquipmentRenewalPlan } from './enterprise-equipment.entity';
import { EquipmentStatus, RenewalAction } from './equipment.enums';
import { EnterpriseEquipments, EquipmentRenewalPlans } from './equipment.entities';
import { EnterpriseEquipmentOrder, EquipmentRenewalPlanOrder } from './equipment.orders';
import { EquipmentPermission } from './equipment.permissions';
import { equipmentRules } from './equipment.rules';
import { equipmentEvents } from './equipment.events';
import { renewalOverdueSql } from './equipment.sql';
import type {
  CompleteEquipmentRenewalInput,
  EnterpriseEquipmentListArgs,
  EquipmentRenewalPlanListArgs,
  PlanEquipmentRenewalInput,
  RegisterEnterpriseEquipmentInput,
  RetireEnterpriseEquipmentInput,
  UpdateEnterpriseEquipmentInput,
} from './equipment.inputs';

const equipmentPayload = (e: EnterpriseEquipment) => ({ id: e.id, enterpriseId: e.enterpriseId, eliminated: e.eliminated, status: e.status });
const planPayload = (p: EquipmentRenewalPlan) => ({ id: p.id, equipmentId: p.equipmentId, enterpriseId: p.enterpriseId, action: p.action, dueOn: p.dueOn, doneOn: p.doneOn });

export const EQUIPMENT_KEY_PROPERTIES = ['name'];
export const PLAN_KEY_PROPERTIES = ['dueOn'];

/** An enterprise in the caller's manage scope. */
async function enterpriseOf(tx: RequestContext, id: string, field: string): Promise<{ id: string }> {
  const org = await records(tx, Organizations, EquipmentPermission.Manage).reference(id, field, { properties: ['id', 'kind', 'name'] });
  if (org.kind !== OrganizationKind.ENTERPRISE) throw equipmentRules.field(field, 'organizationKind', `${org.name} is a ${org.kind}: equipment is registered for an enterprise.`);
  return org;
}

/** Refuses an installation year after this year (China time). */
function assertYear(year: number, today: string): void {
  if (year > Number(today.slice(0, 4))) throw equipmentRules.field('input.installedYear', 'notFuture', `must not be after ${today.slice(0, 4)}.`);
}

/** The eliminated flag and its catalogue reference go together. */
function assertCatalogue(eliminated: boolean, reference: string | null): void {
  if (eliminated && !reference) throw equipmentRules.field('input.catalogueReference', 'required', 'name the catalogue entry that lists it for elimination.');
  if (!eliminated && reference) throw equipmentRules.field('input.catalogueReference', 'state', 'only an eliminated item keeps a catalogue reference.');
}

/** Enterprise equipment and its renewal plans (设备更新). */
export class EquipmentService {
  equipmentById(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<EnterpriseEquipment | null> {
    return records(ctx, EnterpriseEquipments).one(id, properties);
  }

  equipments(ctx: RequestContext, args: EnterpriseEquipmentListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<EnterpriseEquipment>> {
    const f = args.filter ?? {};
    let rows = records(ctx, EnterpriseEquipments);
    if (f.enterpriseId) rows = rows.where(sql`t.enterprise_id = ${f.enterpriseId}`);
    if (f.kinds?.length) rows = rows.where(sql`t.kind = ANY(${f.kinds})`);
    if (f.statuses?.length) rows = rows.where(sql`t.status = ANY(${f.statuses})`);
    if (f.eliminated != null) rows = rows.where(sql`t.eliminated = ${f.eliminated}`);
    if (f.installedBy != null) rows = rows.where(sql`t.installed_year <= ${f.installedBy}`);
    return whereChanged(rows, f).page({ keys: EnterpriseEquipmentOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  planById(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<EquipmentRenewalPlan | null> {
    return records(ctx, EquipmentRenewalPlans).one(id, properties);
  }

  plans(ctx: RequestContext, args: EquipmentRenewalPlanListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<EquipmentRenewalPlan>> {
    const f = args.filter ?? {};
    const today = ctx.clock.today();
    let rows = records(ctx, EquipmentRenewalPlans);
    if (f.enterpriseId) rows = rows.where(sql`t.enterprise_id = ${f.enterpriseId}`);
    if (f.equipmentId) rows = rows.where(sql`t.equipment_id = ${f.equipmentId}`);
    if (f.overdue != null) rows = rows.where(f.overdue ? renewalOverdueSql('t', today) : sql`NOT ${renewalOverdueSql('t', today)}`);
    if (f.done != null) rows = rows.where(f.done ? sql`t.done_on IS NOT NULL` : sql`t.done_on IS NULL`);
    return whereChanged(rows, f).page({ keys: EquipmentRenewalPlanOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /** 登记设备: for an enterprise in the caller's manage scope; the year not after this one; an eliminated item names its catalogue entry. */
  register(ctx: RequestContext, input: RegisterEnterpriseEquipmentInput): Promise<EnterpriseEquipment> {
    assertYear(input.installedYear, ctx.clock.today());
    const eliminated = input.eliminated ?? false;
    assertCatalogue(eliminated, input.catalogueReference ?? null);
    return transaction(ctx, async (tx) => {
      const enterprise = await enterpriseOf(tx, input.enterpriseId, 'input.enterpriseId');
      return createRecord(
        tx,
        EnterpriseEquipment,
        'EnterpriseEquipment',
        { enterpriseId: enterprise.id, name: input.name, kind: input.kind, model: input.model ?? null, installedYear: input.installedYear, eliminated, catalogueReference: input.catalogueReference ?? null, status: EquipmentStatus.IN_SERVICE, note: input.note ?? null },
        { action: 'scenarios.equipment.register', ...recordEvent(equipmentEvents['scenarios.equipment.registered'], equipmentPayload) },
      );
    });
  }

  /** 更正设备: within the caller's manage scope; clearing the flag drops the catalogue reference. */
  update(ctx: RequestContext, input: UpdateEnterpriseEquipmentInput): Promise<EnterpriseEquipment> {
    if (input.installedYear !== undefined) assertYear(input.installedYear, ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const current = await records(tx, EnterpriseEquipments, EquipmentPermission.Manage).lock(input.id);
      assertVersion('EnterpriseEquipment', current, input.version);
      const eliminated = input.eliminated ?? current.eliminated;
      const reference = !eliminated ? (input.catalogueReference ?? null) : input.catalogueReference !== undefined ? input.catalogueReference : current.catalogueReference;
      assertCatalogue(eliminated, reference);
      const patch: Patch<EnterpriseEquipment> = { eliminated, catalogueReference: reference };
      if (input.name !== undefined) patch.name = input.name;
      if (input.kind !== undefined) patch.kind = input.kind;
      if (input.model !== undefined) patch.model = input.model;
      if (input.installedYear !== undefined) patch.installedYear = input.installedYear;
      if (input.note !== undefined) patch.note = input.note;
      return updateRecord(tx, EnterpriseEquipment, 'EnterpriseEquipment', current, input.version, patch, { action: 'scenarios.equipment.update', ...recordEvent(equipmentEvents['scenarios.equipment.updated'], equipmentPayload) });
    });
  }

  /** 停用: equipment in service, from a day not in the future and not before its installation year. */
  retire(ctx: RequestContext, input: RetireEnterpriseEquipmentInput): Promise<EnterpriseEquipment> {
    const retiredOn = input.retiredOn ?? ctx.clock.today();
    assertNotFuture(retiredOn, 'input.retiredOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const current = await records(tx, EnterpriseEquipments, EquipmentPermission.Manage).lock(input.id);
      assertVersion('EnterpriseEquipment', current, input.version);
      if (current.status === EquipmentStatus.RETIRED) throw equipmentRules.field('input.id', 'state', `the equipment was retired on ${current.retiredOn}.`);
      if (Number(retiredOn.slice(0, 4)) < current.installedYear) throw equipmentRules.field('input.retiredOn', 'range', `must not be before its installation year ${current.installedYear}.`);
      return updateRecord(tx, EnterpriseEquipment, 'EnterpriseEquipment', current, input.version, { status: EquipmentStatus.RETIRED, retiredOn }, { action: 'scenarios.equipment.retire', ...recordEvent(equipmentEvents['scenarios.equipment.retired'], equipmentPayload) });
    });
  }

  /** 制定更新计划: for equipment in service in the caller's manage scope. */
  plan(ctx: RequestContext, input: PlanEquipmentRenewalInput): Promise<EquipmentRenewalPlan> {
    return transaction(ctx, async (tx) => {
      const equipment = await records(tx, EnterpriseEquipments, EquipmentPermission.Manage).reference(input.equipmentId, 'input.equipmentId', { properties: ['id', 'enterpriseId', 'status'] });
      if (equipment.status !== EquipmentStatus.IN_SERVICE) throw equipmentRules.field('input.equipmentId', 'state', 'the equipment is retired: nothing to renew.');
      return createRecord(
        tx,
        EquipmentRenewalPlan,
        'EquipmentRenewalPlan',
        { equipmentId: equipment.id, enterpriseId: equipment.enterpriseId, action: input.action, description: input.description, dueOn: input.dueOn },
        { action: 'scenarios.equipment-renewal.plan', ...recordEvent(equipmentEvents['scenarios.equipment-renewal.planned'], planPayload) },
      );
    });
  }

  /**
   * 完成更新: an open plan in the caller's manage scope, done on a day not in the future, with its
   * evidence; REPLACE and RETIRE retire the equipment (if still in service) on that day, in the same transaction.
   */
  complete(ctx: RequestContext, input: CompleteEquipmentRenewalInput): Promise<EquipmentRenewalPlan> {
    const doneOn = input.doneOn ?? ctx.clock.today();
    assertNotFuture(doneOn, 'input.doneOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const current = await records(tx, EquipmentRenewalPlans, EquipmentPermission.Manage).lock(input.id);
      assertVersion('EquipmentRenewalPlan', current, input.version);
      if (current.doneOn) throw equipmentRules.field('input.id', 'state', `the plan was done on ${current.doneOn}.`);
      const done = await updateRecord(tx, EquipmentRenewalPlan, 'EquipmentRenewalPlan', current, input.version, { doneOn, evidenceNote: input.evidenceNote }, { action: 'scenarios.equipment-renewal.complete', ...recordEvent(equipmentEvents['scenarios.equipment-renewal.completed'], planPayload) });
      if (current.action !== RenewalAction.RETROFIT) {
        const equipment = await records(tx, EnterpriseEquipments, EquipmentPermission.Manage).lock(current.equipmentId);
        if (equipment.status === EquipmentStatus.IN_SERVICE) {
          await updateRecord(tx, EnterpriseEquipment, 'EnterpriseEquipment', equipment, equipment.version, { status: EquipmentStatus.RETIRED, retiredOn: doneOn }, { action: 'scenarios.equipment.retire', ...recordEvent(equipmentEvents['scenarios.equipment.retired'], equipmentPayload) });
        }
      }
      return done;
    });
  }
}
