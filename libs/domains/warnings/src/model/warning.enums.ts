import { registerEnumType } from 'type-graphql';

/** What a warning is about (work plan point 十四: 森林防火、防汛抗旱、气象灾害、地质灾害). */
export enum WarningHazardType {
  FOREST_FIRE = 'FOREST_FIRE',
  FLOOD = 'FLOOD',
  DROUGHT = 'DROUGHT',
  RAINSTORM = 'RAINSTORM',
  METEOROLOGICAL = 'METEOROLOGICAL',
  GEOLOGICAL = 'GEOLOGICAL',
}

/** The four colour levels, from IV (blue, least) to I (red, most severe). */
export enum WarningLevel {
  BLUE = 'BLUE',
  YELLOW = 'YELLOW',
  ORANGE = 'ORANGE',
  RED = 'RED',
}

/** CAP message type of a warning's record: the first issue, an update (superseding an earlier one), or a cancellation. */
export enum WarningMessageType {
  ALERT = 'ALERT',
  UPDATE = 'UPDATE',
  CANCEL = 'CANCEL',
}

/** Where a warning stands: in force, replaced by an update, cancelled, or past its expiry. */
export enum WarningStatus {
  ACTIVE = 'ACTIVE',
  SUPERSEDED = 'SUPERSEDED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(WarningHazardType, {
  name: 'WarningHazardType',
  description: '预警灾种。What a warning is about.',
  valuesConfig: {
    FOREST_FIRE: { description: '森林火险。Forest fire danger.' },
    FLOOD: { description: '洪涝/山洪。Flood and flash flood.' },
    DROUGHT: { description: '干旱。Drought.' },
    RAINSTORM: { description: '暴雨。Rainstorm.' },
    METEOROLOGICAL: { description: '其他气象灾害。Other meteorological hazards (high temperature, gale, hail, cold wave…).' },
    GEOLOGICAL: { description: '地质灾害。Geological hazards (landslide, collapse, debris flow).' },
  },
});
registerEnumType(WarningLevel, {
  name: 'WarningLevel',
  description: '预警级别。Colour level of a warning, IV (blue) to I (red).',
  valuesConfig: {
    BLUE: { description: '蓝色预警（IV级，一般）。Blue, level IV (minor).' },
    YELLOW: { description: '黄色预警（III级，较重）。Yellow, level III (moderate).' },
    ORANGE: { description: '橙色预警（II级，严重）。Orange, level II (severe).' },
    RED: { description: '红色预警（I级，特别严重）。Red, level I (extreme).' },
  },
});
registerEnumType(WarningMessageType, {
  name: 'WarningMessageType',
  description: '消息类型。CAP msgType of a warning record.',
  valuesConfig: {
    ALERT: { description: '首次发布。The first issue (CAP Alert).' },
    UPDATE: { description: '更新。Replaces an earlier record of the same warning (CAP Update, with references).' },
    CANCEL: { description: '解除。Cancels an earlier record (CAP Cancel, with references).' },
  },
});
registerEnumType(WarningStatus, {
  name: 'WarningStatus',
  description: '预警状态。Where a warning record stands.',
  valuesConfig: {
    ACTIVE: { description: '生效中。In force.' },
    SUPERSEDED: { description: '已更新。Replaced by a later update.' },
    CANCELLED: { description: '已解除。Cancelled.' },
    EXPIRED: { description: '已过期。Past its expiry time.' },
  },
});

/** Where one delivery of a warning record to one organization stands (叫应). */
export enum WarningDeliveryStatus {
  PENDING = 'PENDING',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  CANCELLED = 'CANCELLED',
}

/** How a village or community answered a warning. */
export enum WarningAckChannel {
  PHONE = 'PHONE',
  SMS = 'SMS',
  APP = 'APP',
  RADIO = 'RADIO',
  IN_PERSON = 'IN_PERSON',
}

registerEnumType(WarningDeliveryStatus, {
  name: 'WarningDeliveryStatus',
  description: '送达状态。Where a delivery of a warning record to a village or community stands.',
  valuesConfig: {
    PENDING: { description: '待叫应。Delivered, not yet acknowledged; escalates when its deadline passes.' },
    ACKNOWLEDGED: { description: '已叫应。Acknowledged by someone of the organization.' },
    CANCELLED: { description: '已作废。No longer owed: the record was updated or cancelled before it was acknowledged.' },
  },
});
registerEnumType(WarningAckChannel, {
  name: 'WarningAckChannel',
  description: '叫应方式。How a warning was acknowledged.',
  valuesConfig: {
    PHONE: { description: '电话。By telephone.' },
    SMS: { description: '短信。By text message.' },
    APP: { description: '平台应用。In the platform app.' },
    RADIO: { description: '对讲/广播。By radio.' },
    IN_PERSON: { description: '当面。In person.' },
  },
});

/** Severity rank of a level (1 blue … 4 red) in SQL, for ordering. */
export const levelSeveritySql = (column: string): string => `(CASE ${column} WHEN 'RED' THEN 4 WHEN 'ORANGE' THEN 3 WHEN 'YELLOW' THEN 2 ELSE 1 END)`;
/** Chinese colour names as in headlines (暴雨橙色预警). */
export const LEVEL_COLOUR_ZH: Readonly<Record<WarningLevel, string>> = { BLUE: '蓝色', YELLOW: '黄色', ORANGE: '橙色', RED: '红色' };
