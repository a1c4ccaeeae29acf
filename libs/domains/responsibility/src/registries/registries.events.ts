import { defineEvents, payload } from '@platform/core';
import { FireFourOnesItems, KeyProjects, LinearFeatureSections, NewBusinessFormats, SupervisionAssignments, ThreeSimultaneityRecords } from './registries.entities';

/** Every event of the registries part, with its payload (ids only). */
export const registriesEvents = defineEvents({
  'responsibility.supervision-assignment.created': payload<{ id: string; departmentId: string; subtreeRootId: string }>(SupervisionAssignments),
  'responsibility.supervision-assignment.ended': payload<{ id: string; departmentId: string; subtreeRootId: string }>(SupervisionAssignments),
  'responsibility.new-business-format.registered': payload<{ id: string; organizationId: string }>(NewBusinessFormats),
  'responsibility.new-business-format.assigned': payload<{ id: string; organizationId: string; departmentId: string }>(NewBusinessFormats),
  'responsibility.key-project.created': payload<{ id: string; ownerOrganizationId: string }>(KeyProjects),
  'responsibility.key-project.updated': payload<{ id: string; ownerOrganizationId: string }>(KeyProjects),
  'responsibility.three-simultaneity.recorded': payload<{ id: string; projectId: string }>(ThreeSimultaneityRecords),
  'responsibility.linear-section.created': payload<{ id: string }>(LinearFeatureSections),
  'responsibility.linear-section.updated': payload<{ id: string }>(LinearFeatureSections),
  'responsibility.fire-four-ones.recorded': payload<{ id: string; departmentId: string; year: number }>(FireFourOnesItems),
});

export type RegistriesEvents = typeof registriesEvents;
