import { defineEvents, payload } from '@platform/core';
import { DamageReports, Incidents, ReliefCases, ReliefPayments, SupplyDepots, SupplyItems, SupplyMovements } from './response.entities';
import type { DamageReportKind, IncidentStatus, IncidentType } from './incidents/incident.enums';
import type { ReliefKind, ReliefStatus } from './relief/relief.enums';
import type { SupplyMovementKind } from './supplies/supply.enums';

/** What an incident's events carry: the incident and the organization that reports it. */
type IncidentPayload = { id: string; reportingOrganizationId: string };
/** What a link change of an incident carries: the targets added and removed (among those the caller may read). */
type LinksPayload = IncidentPayload & { added: string[]; removed: string[] };
/** What the steps of a relief case carry: the case, its village and its state after the step. */
type ReliefStepPayload = { id: string; organizationId: string; status: ReliefStatus };
/** What a depot's events carry: the depot and the organization keeping it. */
type DepotPayload = { id: string; organizationId: string };
/** What a catalog item's events carry. */
type ItemPayload = { id: string; code: string };

/**
 * Every event the response module emits, with its payload: producers emit through these entries
 * (`recordEvent`, `emitEvent`, the workflows' steps) and consumers take the payload types from them.
 * The names keep their `rescue.` prefix (subscribers of the former rescue module keep working). The
 * relief case's workflow steps emit `rescue.relief-case.<step>` (see `RELIEF_WORKFLOW`); every step
 * of the incident's workflow emits `rescue.incident.moved` (see `INCIDENT_WORKFLOW`).
 */
export const responseEvents = defineEvents({
  'rescue.incident.opened': payload<IncidentPayload & { type: IncidentType; affectedOrganizationIds: string[] }>(Incidents),
  'rescue.incident.updated': payload<IncidentPayload>(Incidents),
  /** The incident moved to its next status (`from` → `to`). */
  'rescue.incident.moved': payload<IncidentPayload & { from: IncidentStatus; to: IncidentStatus }>(Incidents),
  'rescue.incident.warningsLinked': payload<LinksPayload>(Incidents),
  'rescue.incident.hazardsLinked': payload<LinksPayload>(Incidents),
  /** `id`: the damage report. */
  'rescue.incident.damageReported': payload<{ id: string; incidentId: string; reportingOrganizationId: string; kind: DamageReportKind; sequence: number }>(DamageReports),
  'rescue.relief-case.applied': payload<{ id: string; organizationId: string; kind: ReliefKind }>(ReliefCases),
  'rescue.relief-case.assess': payload<ReliefStepPayload>(ReliefCases),
  'rescue.relief-case.startNotice': payload<ReliefStepPayload>(ReliefCases),
  'rescue.relief-case.review': payload<ReliefStepPayload>(ReliefCases),
  'rescue.relief-case.approve': payload<ReliefStepPayload>(ReliefCases),
  'rescue.relief-case.reject': payload<ReliefStepPayload>(ReliefCases),
  /** The payments reached the approved amount (the case is PAID). */
  'rescue.relief-case.paid': payload<{ id: string; organizationId: string; paidInFullOn: string }>(ReliefCases),
  /** `id`: the payment. */
  'rescue.relief-payment.recorded': payload<{ id: string; caseId: string; organizationId: string; amountYuan: string }>(ReliefPayments),
  'rescue.supply-depot.created': payload<DepotPayload>(SupplyDepots),
  'rescue.supply-depot.updated': payload<DepotPayload>(SupplyDepots),
  'rescue.supply-depot.archived': payload<DepotPayload>(SupplyDepots),
  'rescue.supply-item.created': payload<ItemPayload>(SupplyItems),
  'rescue.supply-item.updated': payload<ItemPayload>(SupplyItems),
  'rescue.supply-item.archived': payload<ItemPayload>(SupplyItems),
  /** A depot's minimum of an item was set (0: removed). */
  'rescue.supply-minimum.set': payload<{ depotId: string; organizationId: string; itemId: string; minimumQuantity: number }>({ entity: SupplyDepots, field: 'depotId' }),
  /**
   * A stock movement was recorded: `remaining` is what is left of the batch in `depotId` (after a
   * receipt: what it holds); a transfer adds `toOrganizationId` and `arrived` (what the receiving
   * depot holds of the batch).
   */
  'rescue.supply.moved': payload<{
    id: string;
    kind: SupplyMovementKind;
    depotId: string;
    organizationId: string;
    toDepotId: string | null;
    itemId: string;
    batch: string;
    quantity: number;
    remaining: number;
    toOrganizationId?: string;
    arrived?: number;
  }>(SupplyMovements),
});

export type ResponseEvents = typeof responseEvents;
