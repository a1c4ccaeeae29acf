import { defineEvents, payload } from '@platform/core';
import { Organizations, Persons, Positions, TrainingRecords } from './directory.entities';
import type { OrganizationKind } from './organizations/organization-kind.enum';
import type { TrainingKind } from './trainings/training-kind.enum';

/**
 * Every event the directory emits, with its payload: producers emit through these entries and
 * consumers (subscriptions, other modules) take the payload types from them.
 */
export const directoryEvents = defineEvents({
  'directory.organization.created': payload<{ id: string; kind: OrganizationKind; parentId: string | null }>(Organizations),
  /** `moved`: the organization got another parent (its subtree moved with it). */
  'directory.organization.updated': payload<{ id: string; moved: boolean }>(Organizations),
  'directory.organization.archived': payload<{ id: string }>(Organizations),
  'directory.person.created': payload<{ id: string }>(Persons),
  'directory.person.updated': payload<{ id: string }>(Persons),
  'directory.person.archived': payload<{ id: string }>(Persons),
  /** `id`: the position. */
  'directory.position.assigned': payload<{ id: string; personId: string; organizationId: string }>(Positions),
  'directory.position.ended': payload<{ id: string }>(Positions),
  /** `id`: the training record. */
  'directory.training.recorded': payload<{ id: string; personId: string; kind: TrainingKind }>(TrainingRecords),
});

export type DirectoryEvents = typeof directoryEvents;
