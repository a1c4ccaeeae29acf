import { registerEnumType } from 'type-graphql';

export enum RiskLevel {
  RED = 'RED',
  ORANGE = 'ORANGE',
  YELLOW = 'YELLOW',
  BLUE = 'BLUE',
}

export enum RiskCategory {
  WORK_SAFETY = 'WORK_SAFETY',
  GEOLOGICAL = 'GEOLOGICAL',
  FLOOD = 'FLOOD',
  FOREST_FIRE = 'FOREST_FIRE',
  FIRE = 'FIRE',
}

export enum ControlMeasureKind {
  PERSONNEL = 'PERSONNEL',
  PHYSICAL = 'PHYSICAL',
  MANAGEMENT = 'MANAGEMENT',
  ENGINEERING = 'ENGINEERING',
}

registerEnumType(RiskLevel, {
  name: 'RiskLevel',
  description: '风险等级（四色）。Four-colour risk grade of a risk point.',
  valuesConfig: {
    RED: { description: '红色：重大风险。Major risk.' },
    ORANGE: { description: '橙色：较大风险。Large risk.' },
    YELLOW: { description: '黄色：一般风险。General risk.' },
    BLUE: { description: '蓝色：低风险。Low risk.' },
  },
});
registerEnumType(RiskCategory, {
  name: 'RiskCategory',
  description: '风险类别。What kind of risk a point carries.',
  valuesConfig: {
    WORK_SAFETY: { description: '安全生产。Work safety.' },
    GEOLOGICAL: { description: '地质灾害。Geological disaster (地灾隐患点).' },
    FLOOD: { description: '洪涝。Flood.' },
    FOREST_FIRE: { description: '森林火灾。Forest fire.' },
    FIRE: { description: '火灾。Fire.' },
  },
});
registerEnumType(ControlMeasureKind, {
  name: 'ControlMeasureKind',
  description: '管控措施类型。The four kinds of control measure of the work plan.',
  valuesConfig: {
    PERSONNEL: { description: '人防。People: patrols, monitors, duty.' },
    PHYSICAL: { description: '物防。Equipment and barriers.' },
    MANAGEMENT: { description: '管理防。Rules, plans, training.' },
    ENGINEERING: { description: '工程防。Engineering works.' },
  },
});

/** Risk categories of natural disasters, whose points carry threatened households and a monitor. */
export const NATURAL_DISASTER_CATEGORIES: readonly RiskCategory[] = [RiskCategory.GEOLOGICAL, RiskCategory.FLOOD, RiskCategory.FOREST_FIRE];
