import { registerEnumType } from 'type-graphql';

/** What kind of fallback terminal (基层保底通信). */
export enum TerminalKind {
  SATELLITE_PHONE = 'SATELLITE_PHONE',
  BEIDOU_SHORT_MESSAGE = 'BEIDOU_SHORT_MESSAGE',
  RADIO_370MHZ = 'RADIO_370MHZ',
  AD_HOC_NETWORK = 'AD_HOC_NETWORK',
}

/** Whether a terminal is in service. */
export enum TerminalStatus {
  IN_SERVICE = 'IN_SERVICE',
  UNDER_REPAIR = 'UNDER_REPAIR',
  RETIRED = 'RETIRED',
}

/** The result of a terminal test. */
export enum TerminalTestResult {
  OK = 'OK',
  FAILED = 'FAILED',
}

/** How a 三断 drill went. */
export enum BlackoutDrillResult {
  PASSED = 'PASSED',
  PARTIAL = 'PARTIAL',
  FAILED = 'FAILED',
}

registerEnumType(TerminalKind, {
  name: 'TerminalKind',
  description: '终端类型。The kind of an emergency fallback communication terminal.',
  valuesConfig: {
    SATELLITE_PHONE: { description: '天通卫星电话。A Tiantong satellite phone.' },
    BEIDOU_SHORT_MESSAGE: { description: '北斗短报文终端。A BeiDou short-message terminal.' },
    RADIO_370MHZ: { description: '370MHz应急对讲。A 370 MHz emergency (PDT) radio.' },
    AD_HOC_NETWORK: { description: '自组网设备。An ad-hoc (mesh) network kit.' },
  },
});

registerEnumType(TerminalStatus, {
  name: 'TerminalStatus',
  description: '终端状态。Whether a terminal is in service; only one in service can be ready.',
  valuesConfig: {
    IN_SERVICE: { description: '在用。In service.' },
    UNDER_REPAIR: { description: '维修中。Away for repair: not ready whatever its last test.' },
    RETIRED: { description: '已报废。Retired: kept for the history, never ready.' },
  },
});

registerEnumType(TerminalTestResult, {
  name: 'TerminalTestResult',
  description: '测试结果。The result of a terminal test (a call, a message or a link check).',
  valuesConfig: {
    OK: { description: '正常。The test succeeded.' },
    FAILED: { description: '失败。The test failed; the note says what.' },
  },
});

registerEnumType(BlackoutDrillResult, {
  name: 'BlackoutDrillResult',
  description: '演练结果。How a 三断 (power, network, road cut) drill went.',
  valuesConfig: {
    PASSED: { description: '通过。Contact with the town kept throughout.' },
    PARTIAL: { description: '部分通过。Contact kept with problems; the problems are recorded.' },
    FAILED: { description: '未通过。Contact lost; the problems are recorded.' },
  },
});
