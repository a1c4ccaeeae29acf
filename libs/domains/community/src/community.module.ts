import type { DomainModule } from '@platform/core';
import { Consultation, ConsultationActionItem, ConsultationDepartment } from './consultations/consultation.entity';
import { ConsultationActionItemResolver, ConsultationResolver } from './consultations/consultation.resolver';
import { CreateConsultations1764402200000 } from './migrations/1764402200000-create-consultations';
import { seedConsultations } from './consultations/consultation.seed';
import { Household, JointDefenseGroup } from './joint-defense/joint-defense.entity';
import { HouseholdResolver, JointDefenseGroupResolver } from './joint-defense/joint-defense.resolver';
import { seedJointDefense } from './joint-defense/joint-defense.seed';
import { CreateJointDefense1764402300000 } from './migrations/1764402300000-create-joint-defense';
import { communityPermissions } from './permissions';
import { communityNodeEntities } from './community.entities';
import { communityEvents } from './community.events';

/**
 * 会商研判 (work plan point 十四): consultation meetings, 1+7+N departments, action items and the flood-season monthly check.
 * 十户联防 (work-plan point 十四): joint defense groups and their households, vulnerable flags as audited personal data.
 */
export const communityModule: DomainModule = {
  name: 'community',
  description: '会商与联防。Consultations and community defense (point 十四): consultations (会商研判) with departments and action items, ten-household joint defense groups (十户联防) and their households.',
  dependsOn: ['directory'],
  entities: [Consultation, ConsultationDepartment, ConsultationActionItem, JointDefenseGroup, Household],
  resolvers: [ConsultationResolver, ConsultationActionItemResolver, JointDefenseGroupResolver, HouseholdResolver],
  migrations: [CreateConsultations1764402200000, CreateJointDefense1764402300000],
  permissions: communityPermissions,
  scopedEntities: communityNodeEntities,
  events: [communityEvents],
  seed: async (ctx) => {
    await seedConsultations(ctx);
    await seedJointDefense(ctx);
  },
};
