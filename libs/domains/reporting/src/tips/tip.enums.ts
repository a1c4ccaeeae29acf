import { registerEnumType } from 'type-graphql';

/** How a tip came in (举报渠道). */
export enum TipChannel {
  HOTLINE_12350 = 'HOTLINE_12350',
  HOTLINE_12345 = 'HOTLINE_12345',
  QR_CODE = 'QR_CODE',
  LETTER = 'LETTER',
  VISIT = 'VISIT',
  ONLINE = 'ONLINE',
  OPEN311 = 'OPEN311',
}

/** What a tip is about; the reward tiers key on it (安监总财〔2018〕19号). */
export enum TipCategory {
  MAJOR_HAZARD = 'MAJOR_HAZARD',
  HAZARD = 'HAZARD',
  ILLEGAL_OPERATION = 'ILLEGAL_OPERATION',
  CONCEALED_ACCIDENT = 'CONCEALED_ACCIDENT',
  FIRE_SAFETY = 'FIRE_SAFETY',
  OTHER = 'OTHER',
}

/** Who reported: anonymous, named, or an employee of the enterprise (应急〔2020〕69号: real name and contact required). */
export enum TipReporterKind {
  ANONYMOUS = 'ANONYMOUS',
  NAMED = 'NAMED',
  EMPLOYEE = 'EMPLOYEE',
}

/** Where a tip stands in its workflow (受理、调度、办理、回复、督办、办结、回访). */
export enum TipStatus {
  RECEIVED = 'RECEIVED',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  SENT_BACK = 'SENT_BACK',
  ASSIGNED = 'ASSIGNED',
  VERIFYING = 'VERIFYING',
  VERIFIED = 'VERIFIED',
  NOT_VERIFIED = 'NOT_VERIFIED',
  HANDLED = 'HANDLED',
  ESCALATED = 'ESCALATED',
  CLOSED = 'CLOSED',
}

/** The statuses a tip is still open in (not CLOSED, REJECTED or SENT_BACK). */
export const OPEN_TIP_STATUSES: readonly TipStatus[] = [
  TipStatus.RECEIVED,
  TipStatus.ACCEPTED,
  TipStatus.ASSIGNED,
  TipStatus.VERIFYING,
  TipStatus.VERIFIED,
  TipStatus.NOT_VERIFIED,
  TipStatus.HANDLED,
  TipStatus.ESCALATED,
];

/** How a closed, rejected or sent-back tip ended: FIXED, or one of the closed-not-fixed outcomes. */
export enum TipOutcome {
  FIXED = 'FIXED',
  NOT_RESPONSIBLE = 'NOT_RESPONSIBLE',
  DUPLICATE = 'DUPLICATE',
  NO_HAZARD_FOUND = 'NO_HAZARD_FOUND',
  NOT_VERIFIED = 'NOT_VERIFIED',
  REJECTED = 'REJECTED',
  SENT_BACK = 'SENT_BACK',
  ESCALATED = 'ESCALATED',
}

/** The answer of the follow-up (回访) after closing. */
export enum TipFollowUpResult {
  SATISFIED = 'SATISFIED',
  NOT_FIXED = 'NOT_FIXED',
  NO_ANSWER = 'NO_ANSWER',
}

registerEnumType(TipChannel, {
  name: 'TipChannel',
  description: '举报渠道。How a tip came in.',
  valuesConfig: {
    HOTLINE_12350: { description: '12350 安全生产举报热线。The work-safety tip hotline.' },
    HOTLINE_12345: { description: '12345 政务服务便民热线。The government service hotline: its ticket number is the external reference; the town may send a ticket back (退单).' },
    QR_CODE: { description: '扫码举报。A QR code at a place or enterprise (安全隐患码上除), scanned by the reporter.' },
    LETTER: { description: '来信。A letter (信访): the 信访工作条例 clocks apply.' },
    VISIT: { description: '来访。A walk-in visit (信访): the 信访工作条例 clocks apply.' },
    ONLINE: { description: '网上举报。The public web form.' },
    OPEN311: { description: 'Open311 接口。Posted by another system through the Open311 GeoReport v2 view.' },
  },
});

registerEnumType(TipCategory, {
  name: 'TipCategory',
  description: '举报类别。What a tip is about; the reward tiers key on it.',
  valuesConfig: {
    MAJOR_HAZARD: { description: '重大事故隐患。A major accident hazard.' },
    HAZARD: { description: '一般事故隐患。An ordinary accident hazard.' },
    ILLEGAL_OPERATION: { description: '非法违法生产经营建设。Illegal production, business or construction.' },
    CONCEALED_ACCIDENT: { description: '瞒报谎报事故。An accident concealed or falsely reported.' },
    FIRE_SAFETY: { description: '消防安全隐患。A fire-safety hazard.' },
    OTHER: { description: '其他。Anything else about work safety or disasters.' },
  },
});

registerEnumType(TipReporterKind, {
  name: 'TipReporterKind',
  description: '举报人类型。Who reported.',
  valuesConfig: {
    ANONYMOUS: { description: '匿名。Anonymous: the reporter follows the tip with its tracking code and secret, and may disclose identity later (needed for a reward).' },
    NAMED: { description: '实名。Named: a member of the public who gave a name and contact.' },
    EMPLOYEE: { description: '从业人员实名举报。An employee of the enterprise concerned (应急〔2020〕69号): real name and phone are required.' },
  },
});

registerEnumType(TipStatus, {
  name: 'TipStatus',
  description: '举报状态。Where a tip stands in its workflow.',
  valuesConfig: {
    RECEIVED: { description: '已接收。Received, not yet accepted.' },
    ACCEPTED: { description: '已受理。Accepted for handling.' },
    REJECTED: { description: '不予受理。Not accepted, with the reason (e.g. a matter for the courts, 110/119/120, no real claim).' },
    SENT_BACK: { description: '已退单。A 12345 ticket sent back to the hotline with the reason (not the town\'s matter).' },
    ASSIGNED: { description: '已分派。Assigned to an organization (and person) to verify.' },
    VERIFYING: { description: '核查中。Being verified on site.' },
    VERIFIED: { description: '属实。Verified true: a hazard was raised in the risk module.' },
    NOT_VERIFIED: { description: '不属实。Not verified: nothing as reported was found.' },
    HANDLED: { description: '已处理。Handled: the hazard is being rectified, or the matter was dealt with.' },
    ESCALATED: { description: '已上报。Escalated to the district (tips involving deaths are verified by the county-level government, 安全生产法 第七十三条).' },
    CLOSED: { description: '已办结。Closed, with its outcome.' },
  },
});

registerEnumType(TipOutcome, {
  name: 'TipOutcome',
  description: '办理结果。How a tip ended: fixed, or closed without a fix and why.',
  valuesConfig: {
    FIXED: { description: '已整改。The hazard raised from it was verified closed.' },
    NOT_RESPONSIBLE: { description: '非本单位职责。Not a matter for the town office; the reporter was told whom to turn to.' },
    DUPLICATE: { description: '重复举报。Merged into an earlier tip about the same matter.' },
    NO_HAZARD_FOUND: { description: '未发现隐患。Verified on site; no hazard found.' },
    NOT_VERIFIED: { description: '不属实。Closed after it was not verified.' },
    REJECTED: { description: '不予受理。Not accepted.' },
    SENT_BACK: { description: '退单。Sent back to 12345.' },
    ESCALATED: { description: '上报区级办理。Closed after the district answered an escalated tip.' },
  },
});

registerEnumType(TipFollowUpResult, {
  name: 'TipFollowUpResult',
  description: '回访结果。The reporter\'s answer at the follow-up after closing.',
  valuesConfig: {
    SATISFIED: { description: '满意。Satisfied.' },
    NOT_FIXED: { description: '未解决。Not fixed: the tip is reopened.' },
    NO_ANSWER: { description: '未回复。The reporter could not be reached or did not answer.' },
  },
});
