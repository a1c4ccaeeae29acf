/*
 * The community module's entities with their row scope and permissions, declared once: every read
 * and write of the module goes through `records(ctx, <declaration>)`, which applies the scope.
 */
import { defineScopedEntity } from '@platform/core';
import { Consultation, ConsultationActionItem, ConsultationDepartment } from './consultations/consultation.entity';
import { Household, JointDefenseGroup } from './joint-defense/joint-defense.entity';
import { CommunityPermission } from './permissions';

/** Consultations belong to the organization that convened them. */
export const Consultations = defineScopedEntity(Consultation, {
  table: 'consultation',
  scope: { organizationColumn: 'organization_id' },
  read: CommunityPermission.ConsultationRead,
  write: CommunityPermission.ConsultationWrite,
});

/** An action item is in scope when its consultation is. */
export const ConsultationActionItems = defineScopedEntity(ConsultationActionItem, {
  table: 'consultation_action_item',
  scope: { through: { entity: Consultations, column: 'consultation_id' } },
  read: CommunityPermission.ConsultationRead,
  write: CommunityPermission.ConsultationWrite,
});

/**
 * A department's part in a consultation (link row, no id of its own: read as
 * `Consultation.departments`) is in scope when its consultation is.
 */
export const ConsultationDepartments = defineScopedEntity(ConsultationDepartment, {
  table: 'consultation_department',
  scope: { through: { entity: Consultations, column: 'consultation_id' } },
  read: CommunityPermission.ConsultationRead,
  write: CommunityPermission.ConsultationWrite,
});

/** Joint defense groups belong to their village, community or grid. */
export const JointDefenseGroups = defineScopedEntity(JointDefenseGroup, {
  table: 'joint_defense_group',
  scope: { organizationColumn: 'organization_id' },
  read: CommunityPermission.JointDefenseRead,
  write: CommunityPermission.JointDefenseWrite,
});

/**
 * Households are in scope by their own organization (their group's, kept in step with it).
 * Their personal fields need rescue.household:read-sensitive besides (see `sensitiveReadableAt`);
 * `records(ctx, Households, CommunityPermission.HouseholdReadSensitive)` lists those the caller may
 * read unmasked.
 */
export const Households = defineScopedEntity(Household, {
  table: 'joint_defense_household',
  scope: { organizationColumn: 'organization_id' },
  read: CommunityPermission.JointDefenseRead,
  write: CommunityPermission.JointDefenseWrite,
});

/** The declarations reachable by `node(nodeId:)` (their GraphQL types implement `Node`). */
export const communityNodeEntities = [Consultations, ConsultationActionItems, JointDefenseGroups, Households];
