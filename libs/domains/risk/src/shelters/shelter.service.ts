import {
  assertNotFuture,
  archiveRecord,
  createRecord,
  isChangeFeed,
  recordEvent,
  records,
  sentFields,
  sql,
  transaction,
  updateRecord,
  locationColumns,
  whereChanged,
  whereLocated,
  type ArchiveInput,
  type ConnectionResult,
  type Patch,
  type RequestContext,
} from '@platform/core';
import { Organizations, Persons, organizationIdWithinSubtree } from '@platform/directory';
import { Shelter } from './shelter.entity';
import { ShelterOrder } from './shelter.orders';
import { ShelterInspection } from './shelter-inspection.entity';
import { ShelterInspectionResult, ShelterStatus } from './shelter.enums';
import { Shelters } from '../risk.entities';
import { riskEvents } from '../risk.events';
import { riskRules } from '../risk.rules';
import { RiskPermission } from '../permissions';
import type { CreateShelterInput, RecordShelterInspectionInput, ShelterListArgs, UpdateShelterInput } from './shelter.inputs';

export class ShelterService {
  list(ctx: RequestContext, args: ShelterListArgs, withCount: boolean): Promise<ConnectionResult<Shelter>> {
    let shelters = records(ctx, Shelters);
    const f = args.filter ?? {};
    // A change feed lists archived shelters too (tombstones: archivedAt says so).
    if (!f.includeArchived && !isChangeFeed(f)) shelters = shelters.where(sql`t.archived_at IS NULL`);
    if (f.withinSubtreeOf) shelters = shelters.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    if (f.status) shelters = shelters.where(sql`t.status = ${f.status}`);
    if (f.dualUse != null) shelters = shelters.where(sql`t.dual_use = ${f.dualUse}`);
    if (f.minCapacity != null) shelters = shelters.where(sql`t.capacity >= ${f.minCapacity}`);
    shelters = whereLocated(shelters, f);
    return whereChanged(shelters, f).page({ keys: ShelterOrder.keys(args.orderBy), page: args, withCount });
  }

  /** One statement: the organization checked in the caller's register scope (NOT_FOUND on the field otherwise), the shelter, its audit entry and event. */
  create(ctx: RequestContext, input: CreateShelterInput): Promise<Shelter> {
    return createRecord(
      ctx,
      Shelter,
      'Shelter',
      {
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
      },
      {
        action: 'risk.shelter.create',
        changes: { ...input },
        references: [records(ctx, Organizations, RiskPermission.RegisterWrite).check(input.organizationId, 'input.organizationId')],
        ...recordEvent(riskEvents['risk.shelter.created'], (s: Shelter) => ({ id: s.id, organizationId: s.organizationId })),
      },
    );
  }

  async update(ctx: RequestContext, input: UpdateShelterInput): Promise<Shelter> {
    return transaction(ctx, async (tx) => {
      const current = await this.activeShelter(tx, input.id);
      const patch: Patch<Shelter> = sentFields(input, ['name', 'type', 'capacity', 'areaM2', 'address', 'dualUse', 'status']);
      if (input.organizationId !== undefined && input.organizationId !== current.organizationId) {
        patch.organizationId = (await records(tx, Organizations, RiskPermission.RegisterWrite).reference(input.organizationId, 'input.organizationId')).id;
      }
      if (input.location !== undefined) Object.assign(patch, locationColumns(input.location));
      return updateRecord(tx, Shelter, 'Shelter', current, input.version, patch, {
        action: 'risk.shelter.update',
        ...recordEvent(riskEvents['risk.shelter.updated'], (updated: Shelter) => ({ id: current.id, organizationId: updated.organizationId })),
      });
    });
  }

  /** Takes a shelter off the register; it and its inspections stay readable with `includeArchived`. */
  async archive(ctx: RequestContext, input: ArchiveInput): Promise<Shelter> {
    return transaction(ctx, async (tx) => {
      const current = await this.activeShelter(tx, input.id);
      return archiveRecord(tx, Shelter, 'Shelter', current, input.version, {
        action: 'risk.shelter.archive',
        ...recordEvent(riskEvents['risk.shelter.archived'], { id: current.id, organizationId: current.organizationId }),
      });
    });
  }

  /** Adds an inspection; the shelter row itself (and so its version) is left alone. */
  async recordInspection(ctx: RequestContext, input: RecordShelterInspectionInput): Promise<ShelterInspection> {
    assertNotFuture(input.inspectedOn, 'input.inspectedOn', ctx.clock.today());
    if (input.result === ShelterInspectionResult.ISSUES_FOUND && !input.findings) {
      throw riskRules.field('input.findings', 'required', 'an inspection that found issues must say what they are.');
    }
    return transaction(ctx, async (tx) => {
      // FOR SHARE: a concurrent archive waits for this inspection instead of racing it. A shelter
      // missing or outside the caller's register scope answers NOT_FOUND, an archived one notArchived.
      const shelter = await records(tx, Shelters, RiskPermission.RegisterWrite).reference(input.shelterId, 'input.shelterId', { lock: 'share' });
      if (input.inspectorPersonId) await records(tx, Persons).reference(input.inspectorPersonId, 'input.inspectorPersonId');
      return createRecord(
        tx,
        ShelterInspection,
        'ShelterInspection',
        {
          shelterId: shelter.id,
          inspectedOn: input.inspectedOn,
          inspectorPersonId: input.inspectorPersonId ?? null,
          result: input.result,
          findings: input.findings ?? null,
        },
        {
          action: 'risk.shelter.inspect',
          // An inspection is part of the shelter's file: audited as a change of the shelter.
          auditUnder: { entityType: 'Shelter', entityId: shelter.id },
          changes: (inspection) => ({ inspectionId: inspection.id, ...input }),
          ...recordEvent(riskEvents['risk.shelter.inspected'], (inspection: ShelterInspection) => ({ id: shelter.id, organizationId: shelter.organizationId, inspectionId: inspection.id })),
        },
      );
    });
  }

  /** A shelter the caller may keep, locked, not archived; out of scope answers NOT_FOUND, like a missing one. */
  private async activeShelter(tx: RequestContext, id: string): Promise<Shelter> {
    const current = await records(tx, Shelters, RiskPermission.RegisterWrite).lock(id);
    if (current.archivedAt) throw riskRules.field('input.id', 'notArchived', 'the shelter is archived.');
    return current;
  }
}
