import { registerEnumType } from 'type-graphql';

/** What kind of publicity activity (宣传活动). */
export enum PublicityKind {
  SAFETY_MONTH = 'SAFETY_MONTH',
  DISASTER_PREVENTION_DAY = 'DISASTER_PREVENTION_DAY',
  FIRE_SAFETY_MONTH = 'FIRE_SAFETY_MONTH',
  FIVE_INTO = 'FIVE_INTO',
  OTHER = 'OTHER',
}

/** The audiences of 宣传五进 (into enterprises, villages, communities, schools and families). */
export enum PublicityTarget {
  ENTERPRISE = 'ENTERPRISE',
  VILLAGE = 'VILLAGE',
  COMMUNITY = 'COMMUNITY',
  SCHOOL = 'SCHOOL',
  FAMILY = 'FAMILY',
}

/** The five targets in the order the matrix shows them. */
export const FIVE_INTO_TARGETS: readonly PublicityTarget[] = [PublicityTarget.ENTERPRISE, PublicityTarget.VILLAGE, PublicityTarget.COMMUNITY, PublicityTarget.SCHOOL, PublicityTarget.FAMILY];

registerEnumType(PublicityKind, {
  name: 'PublicityKind',
  description: '宣传活动类型。What kind of safety publicity activity; the campaign kinds must be held in their period of reporting.publicity-calendar.',
  valuesConfig: {
    SAFETY_MONTH: { description: '安全生产月。The national work-safety month (June).' },
    DISASTER_PREVENTION_DAY: { description: '防灾减灾日。The national disaster prevention and reduction day (May 12) and the publicity week around it.' },
    FIRE_SAFETY_MONTH: { description: '消防宣传月。The fire-safety publicity month (November, 119 on November 9).' },
    FIVE_INTO: { description: '宣传五进。Safety publicity into enterprises, villages, communities, schools and families, any time of the year (a target is required).' },
    OTHER: { description: '其他。Any other safety publicity (training sessions, leaflets, broadcasts).' },
  },
});

registerEnumType(PublicityTarget, {
  name: 'PublicityTarget',
  description: '宣传五进对象。Whom a publicity activity went into (宣传五进: 进企业、进农村、进社区、进学校、进家庭).',
  valuesConfig: {
    ENTERPRISE: { description: '进企业。Into enterprises (their staff).' },
    VILLAGE: { description: '进农村。Into villages (rural residents).' },
    COMMUNITY: { description: '进社区。Into urban communities.' },
    SCHOOL: { description: '进学校。Into schools (pupils, teachers).' },
    FAMILY: { description: '进家庭。Into families (door to door).' },
  },
});
