import { registerEnumType } from 'type-graphql';

/** Kinds of consultation meeting (work plan point 十四). */
export enum ConsultationKind {
  REGULAR = 'REGULAR',
  SPECIAL = 'SPECIAL',
  FLOOD_SEASON_MONTHLY = 'FLOOD_SEASON_MONTHLY',
  ONE_SEVEN_N = 'ONE_SEVEN_N',
}

export enum ConsultationActionStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}

/** Whether a flood-season month had its monthly consultation. */
export enum ConsultationMonthStatus {
  HELD = 'HELD',
  MISSING = 'MISSING',
  UPCOMING = 'UPCOMING',
}

registerEnumType(ConsultationKind, {
  name: 'ConsultationKind',
  description: '会商类型。What kind of consultation meeting was held.',
  valuesConfig: {
    REGULAR: { description: '常规会商。A regular consultation on the current safety and disaster situation.' },
    SPECIAL: { description: '专题研判。A special study of one problem (e.g. geological hazards after heavy rain), proposing feasible measures.' },
    FLOOD_SEASON_MONTHLY: { description: '汛期月度研判。The monthly natural-disaster analysis of the flood season; only held May to September.' },
    ONE_SEVEN_N: { description: '“1+7+N”会商。The joint consultation of 1 lead body, 7 member departments and N other bodies (气象、水利、规划自然资源…).' },
  },
});
registerEnumType(ConsultationActionStatus, {
  name: 'ConsultationActionStatus',
  description: '会商任务状态。Where an action item of a consultation stands.',
  valuesConfig: {
    OPEN: { description: '待落实。Still to be done.' },
    DONE: { description: '已落实。Done, on the day recorded.' },
    CANCELLED: { description: '已取消。Dropped, with the reason.' },
  },
});
registerEnumType(ConsultationMonthStatus, {
  name: 'ConsultationMonthStatus',
  description: '月度研判情况。Whether a flood-season month had its monthly consultation.',
  valuesConfig: {
    HELD: { description: '已召开。At least one flood-season monthly meeting was held that month.' },
    MISSING: { description: '缺失。The month is over and no flood-season monthly meeting was held.' },
    UPCOMING: { description: '待召开。The current month, not yet held; it stays open until the month ends (China time).' },
  },
});
