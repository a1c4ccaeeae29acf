import type { ModuleParts } from '../shared/module-parts';
import { Consultation, ConsultationActionItem, ConsultationDepartment } from './consultation.entity';
import { ConsultationActionItemResolver, ConsultationResolver } from './consultation.resolver';
import { CreateConsultations1764402200000 } from '../migrations/1764402200000-create-consultations';
import { seedConsultations } from './consultation.seed';

/** 会商研判 (work plan point 十四): consultation meetings, 1+7+N departments, action items and the flood-season monthly check. */
export const consultationsParts: ModuleParts = {
  entities: [Consultation, ConsultationDepartment, ConsultationActionItem],
  resolvers: [ConsultationResolver, ConsultationActionItemResolver],
  migrations: [CreateConsultations1764402200000],
  seed: seedConsultations,
};
