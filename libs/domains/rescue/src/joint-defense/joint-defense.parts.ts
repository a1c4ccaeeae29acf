import type { ModuleParts } from '../shared/module-parts';
import { Household, JointDefenseGroup } from './joint-defense.entity';
import { HouseholdResolver, JointDefenseGroupResolver } from './joint-defense.resolver';
import { seedJointDefense } from './joint-defense.seed';
import { CreateJointDefense1764402300000 } from '../migrations/1764402300000-create-joint-defense';

/** 十户联防 (work-plan point 十四): joint defense groups and their households, vulnerable flags as audited personal data. */
export const jointDefenseParts: ModuleParts = {
  entities: [JointDefenseGroup, Household],
  resolvers: [JointDefenseGroupResolver, HouseholdResolver],
  migrations: [CreateJointDefense1764402300000],
  seed: seedJointDefense,
};
