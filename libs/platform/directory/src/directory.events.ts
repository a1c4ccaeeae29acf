import { defineEvents, payload } from '@platform/core';
import type { OrganizationKind } from './organizations/organization-kind.enum';
import type { TrainingKind } from './trainings/training-kind.enum';

/**
 * Every event the directory emits, with its payload: producers emit through these entries and
 * consumers (subscriptions, other modules) take the payload types from them.
 */
export const directoryEvents = defineEvents({
  'directory.organization.created': payload<{ id: string; kind: OrganizationKind; parentId: string | null }>(),
  /** `moved`: the organization got another parent (its subtree moved with it). */
  'directory.organization.updated': payload<{ id: string; moved: boolean }>(),
  'directory.organization.archived': payload<{ id: string }>(),
  'directory.person.created': payload<{ id: string }>(),
  'directory.person.updated': payload<{ id: string }>(),
  'directory.person.archived': payload<{ id: string }>(),
  /** `id`: the position. */
  'directory.position.assigned': payload<{ id: string; personId: string; organizationId: string }>(),
  'directory.position.ended': payload<{ id: string }>(),
  /** `id`: the training record. */
  'directory.training.recorded': payload<{ id: string; personId: string; kind: TrainingKind }>(),
});

export type DirectoryEvents = typeof directoryEvents;
