import { defineEvents, payload } from '@platform/core';
import { ConsultationActionItems, Consultations, Households, JointDefenseGroups } from './community.entities';
import type { ConsultationKind } from './consultations/consultation.enums';

/** What a record's events carry: the record and the organization that keeps it. */
type KeptRecord = { id: string; organizationId: string };
/** What an action item's events carry: the item, its consultation and the organization that convened it. */
type ActionItemPayload = { id: string; consultationId: string; organizationId: string };
/** What a household's events carry: the household, its group and their organization. */
type HouseholdPayload = { id: string; groupId: string; organizationId: string };

/**
 * Every event the community module emits, with its payload: producers emit through these entries and
 * consumers take the payload types from them. Names keep their `rescue.` prefix (the module was
 * split out of rescue), so subscribers keep working. Payloads carry ids only, never personal data.
 * The action items' workflow steps emit `rescue.consultation.actionItemCompleted`/`…Cancelled` (see
 * `ACTION_ITEM_WORKFLOW`).
 */
export const communityEvents = defineEvents({
  'rescue.consultation.recorded': payload<KeptRecord & { kind: ConsultationKind; actionItems: number }>(Consultations),
  'rescue.consultation.updated': payload<KeptRecord>(Consultations),
  'rescue.consultation.archived': payload<KeptRecord>(Consultations),
  'rescue.consultation.actionItemAdded': payload<ActionItemPayload>(ConsultationActionItems),
  'rescue.consultation.actionItemCompleted': payload<ActionItemPayload>(ConsultationActionItems),
  'rescue.consultation.actionItemCancelled': payload<ActionItemPayload>(ConsultationActionItems),
  'rescue.joint-defense-group.created': payload<KeptRecord>(JointDefenseGroups),
  'rescue.joint-defense-group.updated': payload<KeptRecord>(JointDefenseGroups),
  'rescue.joint-defense-group.archived': payload<KeptRecord>(JointDefenseGroups),
  'rescue.household.added': payload<HouseholdPayload>(Households),
  'rescue.household.updated': payload<HouseholdPayload>(Households),
  'rescue.household.removed': payload<HouseholdPayload>(Households),
});

export type CommunityEvents = typeof communityEvents;
