import { businessRules, createRecord, recordEvent, records, sentFields, sql, transaction, updateRecord, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organizations, organizationIdWithinSubtree } from '@platform/directory';
import { VILLAGE_CAPACITY } from '../business-rules/capacity';
import { VillageEmergencyCommitments } from './capacity.entities';
import { capacityEvents } from './capacity.events';
import { CapacityPermission } from './capacity.permissions';
import { capacityRules } from './capacity.rules';
import { capacityRows, type CapacityRow } from './capacity.sql';
import { CapacityShortfall, VillageCapacity, VillageCapacityOrder, VillageReadiness, type RecordVillageCommitmentInput, type UpdateVillageCommitmentInput, type VillageCapacityArgs } from './capacity.types';
import { VillageEmergencyCommitment } from './village-commitment.entity';

const DAY = 86_400_000;
const payloadOf = (c: VillageEmergencyCommitment) => ({ id: c.id, organizationId: c.organizationId });

/** A village's readiness against the rule: each criterion not met, in the rule's order, and the level they make. */
export function assessCapacity(row: Pick<CapacityRow, 'respondersOnCall' | 'readyTeams' | 'latestDrillOn' | 'arrivalMinutes'>, rule: { minRespondersOnCall: number; maxArrivalMinutes: number; drillWithinDays: number; minReadyTeams: number }, today: string): { readiness: VillageReadiness; shortfalls: CapacityShortfall[] } {
  const shortfalls: CapacityShortfall[] = [];
  if (row.arrivalMinutes === null) shortfalls.push(CapacityShortfall.NO_COMMITMENT);
  else if (row.arrivalMinutes > rule.maxArrivalMinutes) shortfalls.push(CapacityShortfall.SLOW_ARRIVAL);
  if (row.respondersOnCall < rule.minRespondersOnCall) shortfalls.push(CapacityShortfall.FEW_RESPONDERS);
  if (row.readyTeams < rule.minReadyTeams) shortfalls.push(CapacityShortfall.NO_READY_TEAM);
  // A drill counts when held within the last `drillWithinDays` days, today included.
  if (!row.latestDrillOn || Date.parse(`${today}T00:00:00Z`) - Date.parse(`${row.latestDrillOn}T00:00:00Z`) >= rule.drillWithinDays * DAY) shortfalls.push(CapacityShortfall.NO_RECENT_DRILL);
  const readiness = !shortfalls.length ? VillageReadiness.READY : row.respondersOnCall === 0 || row.readyTeams < rule.minReadyTeams ? VillageReadiness.NOT_READY : VillageReadiness.PARTIAL;
  return { readiness, shortfalls };
}

/** Village emergency capacity (point 四): computed per village, and the villages' commitments. */
export class CapacityService {
  async list(ctx: RequestContext, args: VillageCapacityArgs): Promise<ConnectionResult<VillageCapacity>> {
    const f = args.filter ?? {};
    const today = ctx.clock.today();
    const [rows, rule] = await Promise.all([capacityRows(ctx, f.withinSubtreeOf ? organizationIdWithinSubtree('t.id', f.withinSubtreeOf) : null), businessRules.inForce(ctx, VILLAGE_CAPACITY, today, 'today')]);
    const all = rows.map((row) => Object.assign(new VillageCapacity(), row, { commitment: null, ruleVersionId: rule.id }, assessCapacity(row, rule.value, today)));
    const chosen = f.readiness?.length ? all.filter((c) => f.readiness!.includes(c.readiness)) : all;
    return VillageCapacityOrder.page(chosen, args.orderBy, args);
  }

  async record(ctx: RequestContext, input: RecordVillageCommitmentInput): Promise<VillageEmergencyCommitment> {
    return transaction(ctx, async (tx) => {
      const village = await records(tx, Organizations, CapacityPermission.Manage).reference(input.organizationId, 'input.organizationId', { properties: ['id', 'kind'] });
      if (village.kind !== 'VILLAGE' && village.kind !== 'COMMUNITY') throw capacityRules.field('input.organizationId', 'villageOnly', `a commitment is a village's or a community's, not a ${village.kind}'s.`);
      const taken = await records(tx, VillageEmergencyCommitments, CapacityPermission.Manage).where(sql`t.organization_id = ${village.id}`).count();
      if (taken) throw capacityRules.field('input.organizationId', 'unique', 'the village has a commitment already: change it (updateVillageEmergencyCommitment).');
      return createRecord(
        tx,
        VillageEmergencyCommitment,
        'VillageEmergencyCommitment',
        { organizationId: village.id, arrivalMinutes: input.arrivalMinutes, assemblyPoint: input.assemblyPoint ?? null, note: input.note ?? null },
        { action: 'responsibility.village-commitment.record', changes: { ...input }, ...recordEvent(capacityEvents['responsibility.village-commitment.recorded'], payloadOf) },
      );
    });
  }

  update(ctx: RequestContext, input: UpdateVillageCommitmentInput): Promise<VillageEmergencyCommitment> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, VillageEmergencyCommitments, CapacityPermission.Manage).lock(input.id);
      return updateRecord(tx, VillageEmergencyCommitment, 'VillageEmergencyCommitment', current, input.version, sentFields(input, ['arrivalMinutes', 'assemblyPoint', 'note']), {
        action: 'responsibility.village-commitment.update',
        ...recordEvent(capacityEvents['responsibility.village-commitment.updated'], payloadOf(current)),
      });
    });
  }
}
