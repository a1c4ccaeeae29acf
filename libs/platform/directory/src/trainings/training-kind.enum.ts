import { registerEnumType } from 'type-graphql';

/** What a training was about; other modules (drills, rescue teams) record theirs with these kinds. */
export enum TrainingKind {
  DISASTER_INFORMATION = 'DISASTER_INFORMATION',
  EMERGENCY_RESCUE = 'EMERGENCY_RESCUE',
  FIRE_SAFETY = 'FIRE_SAFETY',
  WORK_SAFETY = 'WORK_SAFETY',
  OTHER = 'OTHER',
}

registerEnumType(TrainingKind, {
  name: 'TrainingKind',
  description: '培训类别。What a training was about.',
  valuesConfig: {
    DISASTER_INFORMATION: { description: '灾害信息员培训。Disaster information reporting (灾情报送) for information officers.' },
    EMERGENCY_RESCUE: { description: '应急救援培训。Emergency rescue and first aid.' },
    FIRE_SAFETY: { description: '消防安全培训。Fire safety and fire fighting.' },
    WORK_SAFETY: { description: '安全生产培训。Work safety (安全生产) for cadres and enterprise staff.' },
    OTHER: { description: '其他培训。Another kind of training.' },
  },
});
