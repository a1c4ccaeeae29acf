/*
 * The registries part's entities with their row scope and permissions, declared once: every read and
 * write of the part goes through `records(ctx, <declaration>)`, which applies the scope.
 */
import { defineScopedEntity } from '@platform/core';
import { NewBusinessFormat, SupervisionAssignment } from './supervision-map.entity';
import { KeyProject, ThreeSimultaneityRecord } from './key-project.entity';
import { LinearFeatureSection } from './linear-section.entity';
import { FireFourOnesItem } from './fire-four-ones.entity';
import { RegistriesPermission } from './registries.permissions';

/** An assignment is kept at its department (every holder of the read permission but villages reads the whole map). */
export const SupervisionAssignments = defineScopedEntity(SupervisionAssignment, {
  table: 'supervision_assignment',
  scope: { organizationColumn: 'department_id' },
  read: RegistriesPermission.Read,
  write: RegistriesPermission.MapManage,
});

/** A new business format is kept where it was found. */
export const NewBusinessFormats = defineScopedEntity(NewBusinessFormat, {
  table: 'new_business_format',
  scope: { organizationColumn: 'organization_id' },
  read: RegistriesPermission.Read,
  write: RegistriesPermission.MapManage,
});

/** A key project belongs to its owner (建设单位). */
export const KeyProjects = defineScopedEntity(KeyProject, {
  table: 'key_project',
  scope: { organizationColumn: 'owner_organization_id' },
  read: RegistriesPermission.Read,
  write: RegistriesPermission.ProjectManage,
});

/** A 三同时 stage is in scope when its project is. */
export const ThreeSimultaneityRecords = defineScopedEntity(ThreeSimultaneityRecord, {
  table: 'three_simultaneity_record',
  scope: { through: { entity: KeyProjects, column: 'project_id' } },
  read: RegistriesPermission.Read,
  write: RegistriesPermission.ProjectManage,
});

/** A section belongs to its responsible organization; one without is in a town-wide scope only. */
export const LinearFeatureSections = defineScopedEntity(LinearFeatureSection, {
  table: 'linear_feature_section',
  scope: { organizationColumn: 'responsible_organization_id' },
  read: RegistriesPermission.Read,
  write: RegistriesPermission.SectionManage,
});

/** A "四个一" item belongs to its department. */
export const FireFourOnesItems = defineScopedEntity(FireFourOnesItem, {
  table: 'fire_four_ones_item',
  scope: { organizationColumn: 'department_id' },
  read: RegistriesPermission.Read,
  write: RegistriesPermission.FourOnesRecord,
});

/** The declarations reachable by `node(nodeId:)` (their GraphQL types implement `Node`). */
export const registriesNodeEntities = [SupervisionAssignments, NewBusinessFormats, KeyProjects, ThreeSimultaneityRecords, LinearFeatureSections, FireFourOnesItems];
