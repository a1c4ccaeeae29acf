import {
  BadUserInputError,
  assertNotFuture,
  SortDirection,
  archiveRecord,
  audit,
  paginate,
  lockActiveOrFail,
  transaction,
  updateRecord,
  locationColumns,
  type ArchiveInput,
  type ConnectionResult,
  type RequestContext,
  type SortKey,
} from '@platform/core';
import { assertReadablePerson, organizationIdInScope, organizationInScope, withinSubtreeSql } from '@platform/directory';
import type { SelectQueryBuilder } from 'typeorm';
import { Shelter } from './shelter.entity';
import { ShelterInspection } from './shelter-inspection.entity';
import { ShelterInspectionResult, ShelterStatus } from './shelter.enums';
import { RiskPermission } from '../permissions';
import type { CreateShelterInput, RecordShelterInspectionInput, ShelterListArgs, UpdateShelterInput } from './shelter.inputs';

export const shelterSortKeys = (alias: string): SortKey<Shelter>[] => [
  { column: `${alias}.name`, direction: SortDirection.ASC },
  { column: `${alias}.id`, direction: SortDirection.ASC },
];

/** Shelters managed by organizations where the caller holds `permission` (alias `s`). */
export function scopedShelters(ctx: RequestContext, permission: string = RiskPermission.RegisterRead): SelectQueryBuilder<Shelter> {
  const scope = organizationIdInScope(ctx.principal, permission, 's.organization_id');
  return ctx.manager.createQueryBuilder(Shelter, 's').where(scope.sql, scope.params);
}

export class ShelterService {
  list(ctx: RequestContext, args: ShelterListArgs, withCount: boolean): Promise<ConnectionResult<Shelter>> {
    const qb = scopedShelters(ctx);
    const f = args.filter ?? {};
    if (!f.includeArchived) qb.andWhere('s.archived_at IS NULL');
    if (f.withinSubtreeOf) qb.andWhere(withinSubtreeSql('s.organization_id'), { subtreeRoot: f.withinSubtreeOf });
    if (f.status) qb.andWhere('s.status = :status', { status: f.status });
    if (f.dualUse != null) qb.andWhere('s.dual_use = :dualUse', { dualUse: f.dualUse });
    if (f.minCapacity != null) qb.andWhere('s.capacity >= :minCapacity', { minCapacity: f.minCapacity });
    return paginate(qb, args, shelterSortKeys('s'), withCount);
  }

  async create(ctx: RequestContext, input: CreateShelterInput): Promise<Shelter> {
    return transaction(ctx, async (tx) => {
      await this.checkOrganization(tx, input.organizationId);
      const shelter = await tx.manager.save(
        tx.manager.create(Shelter, {
          organizationId: input.organizationId,
          name: input.name,
          type: input.type,
          capacity: input.capacity,
          areaM2: input.areaM2 ?? null,
          address: input.address ?? null,
          ...locationColumns(input.location),
          dualUse: input.dualUse ?? false,
          status: input.status ?? ShelterStatus.AVAILABLE,
          archivedAt: null,
        }),
      );
      await audit(tx, { action: 'risk.shelter.create', entityType: 'Shelter', entityId: shelter.id, changes: { ...input } });
      await tx.emit('risk.shelter.created', { id: shelter.id, organizationId: shelter.organizationId });
      return shelter;
    });
  }

  async update(ctx: RequestContext, input: UpdateShelterInput): Promise<Shelter> {
    return transaction(ctx, async (tx) => {
      const current = await this.getActiveOrFail(tx, input.id, 'input.id');
      const patch: Partial<Shelter> = {};
      if (input.organizationId !== undefined && input.organizationId !== current.organizationId) {
        await this.checkOrganization(tx, input.organizationId);
        patch.organizationId = input.organizationId;
      }
      if (input.name !== undefined) patch.name = input.name;
      if (input.type !== undefined) patch.type = input.type;
      if (input.capacity !== undefined) patch.capacity = input.capacity;
      if (input.areaM2 !== undefined) patch.areaM2 = input.areaM2;
      if (input.address !== undefined) patch.address = input.address;
      if (input.location !== undefined) Object.assign(patch, locationColumns(input.location));
      if (input.dualUse !== undefined) patch.dualUse = input.dualUse;
      if (input.status !== undefined) patch.status = input.status;
      return updateRecord(tx, Shelter, 'Shelter', current, input.version, patch, { action: 'risk.shelter.update', event: 'risk.shelter.updated', payload: (updated) => ({ id: current.id, organizationId: updated.organizationId }) });
    });
  }

  /** Takes a shelter off the register; it and its inspections stay readable with `includeArchived`. */
  async archive(ctx: RequestContext, input: ArchiveInput): Promise<Shelter> {
    return transaction(ctx, async (tx) => {
      const current = await this.getActiveOrFail(tx, input.id, 'input.id');
      return archiveRecord(tx, Shelter, 'Shelter', current, input.version, { action: 'risk.shelter.archive', event: 'risk.shelter.archived', payload: { id: current.id, organizationId: current.organizationId } });
    });
  }

  /** Adds an inspection; the shelter row itself (and so its version) is left alone. */
  async recordInspection(ctx: RequestContext, input: RecordShelterInspectionInput): Promise<ShelterInspection> {
    assertNotFuture(input.inspectedOn, 'input.inspectedOn', ctx.clock.today());
    if (input.result === ShelterInspectionResult.ISSUES_FOUND && !input.findings) {
      throw BadUserInputError.field('input.findings', 'required', 'an inspection that found issues must say what they are.');
    }
    return transaction(ctx, async (tx) => {
      // FOR SHARE: a concurrent archive waits for this inspection instead of racing it.
      const shelter = await this.getActiveOrFail(tx, input.shelterId, 'input.shelterId', 'pessimistic_read');
      if (input.inspectorPersonId) await assertReadablePerson(tx, input.inspectorPersonId, 'input.inspectorPersonId');
      const inspection = await tx.manager.save(
        tx.manager.create(ShelterInspection, {
          shelterId: shelter.id,
          inspectedOn: input.inspectedOn,
          inspectorPersonId: input.inspectorPersonId ?? null,
          result: input.result,
          findings: input.findings ?? null,
        }),
      );
      await audit(tx, { action: 'risk.shelter.inspect', entityType: 'Shelter', entityId: shelter.id, changes: { inspectionId: inspection.id, ...input } });
      await tx.emit('risk.shelter.inspected', { id: shelter.id, organizationId: shelter.organizationId, inspectionId: inspection.id });
      return inspection;
    });
  }

  /** A shelter the caller may keep, not archived; out of scope answers NOT_FOUND, like a missing one. */
  private async getActiveOrFail(tx: RequestContext, id: string, field: string, lock: 'pessimistic_write' | 'pessimistic_read' = 'pessimistic_write'): Promise<Shelter> {
    return lockActiveOrFail(scopedShelters(tx, RiskPermission.RegisterWrite), 'Shelter', id, 'the shelter is archived.', field, lock);
  }

  private async checkOrganization(tx: RequestContext, organizationId: string): Promise<void> {
    if (!(await organizationInScope(tx, organizationId, RiskPermission.RegisterWrite))) {
      throw BadUserInputError.field('input.organizationId', 'exists', `no active organization ${organizationId} within your register scope.`);
    }
  }
}
