import { registerEnumType } from 'type-graphql';

/** The four forms of supervision the town safety committee addresses to departments and villages (安委〔2018〕2号 and local procedures). */
export enum SupervisionKind {
  NOTICE = 'NOTICE',
  URGING_LETTER = 'URGING_LETTER',
  INTERVIEW = 'INTERVIEW',
  LISTED = 'LISTED',
}

/** Where a supervision action stands. */
export enum SupervisionStatus {
  ISSUED = 'ISSUED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  PLAN_SUBMITTED = 'PLAN_SUBMITTED',
  RECTIFYING = 'RECTIFYING',
  ACCEPTANCE_REQUESTED = 'ACCEPTANCE_REQUESTED',
  VERIFIED = 'VERIFIED',
  CLOSED = 'CLOSED',
  ESCALATED = 'ESCALATED',
}

/** The states in which an action still waits for its addressee or the office (not closed, not escalated). */
export const OPEN_SUPERVISION_STATUSES: readonly SupervisionStatus[] = [
  SupervisionStatus.ISSUED,
  SupervisionStatus.ACKNOWLEDGED,
  SupervisionStatus.PLAN_SUBMITTED,
  SupervisionStatus.RECTIFYING,
  SupervisionStatus.ACCEPTANCE_REQUESTED,
  SupervisionStatus.VERIFIED,
];

/** Where an action's one extension request stands. */
export enum SupervisionExtensionStatus {
  NONE = 'NONE',
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  DENIED = 'DENIED',
  LAPSED = 'LAPSED',
}

registerEnumType(SupervisionKind, {
  name: 'SupervisionKind',
  description: '督办形式。The form of a supervision action; each has its own rule (deadlines in working days, publication, extension, acceptance).',
  valuesConfig: {
    NOTICE: { description: '通报。A notice naming the addressee\'s failings, with a written reply due.' },
    URGING_LETTER: { description: '督促函。A letter urging the addressee to rectify, with a written reply due.' },
    INTERVIEW: { description: '约谈。A warning interview of the addressee\'s leaders (提醒、告诫、督促整改), with a written report due.' },
    LISTED: { description: '挂牌督办。Listed supervision with a rectification deadline set by the issuer, often tied to major hazards; closing it is 摘牌 (delisting).' },
  },
});

registerEnumType(SupervisionStatus, {
  name: 'SupervisionStatus',
  description: '督办状态。Where a supervision action stands in its workflow.',
  valuesConfig: {
    ISSUED: { description: '已下发。Issued, not yet acknowledged by the addressee.' },
    ACKNOWLEDGED: { description: '已签收。Acknowledged by the addressee; the reply or plan is due.' },
    PLAN_SUBMITTED: { description: '已报方案。The written reply or rectification plan is submitted.' },
    RECTIFYING: { description: '整改中。Being rectified (also after a failed acceptance).' },
    ACCEPTANCE_REQUESTED: { description: '申请验收。Rectification reported done; the office\'s acceptance is due within the rule\'s window.' },
    VERIFIED: { description: '验收通过。Accepted by the office; waiting to be closed.' },
    CLOSED: { description: '已销号。Closed (for listed supervision: delisted, 摘牌); final.' },
    ESCALATED: { description: '已升级。Escalated to the upper level after repeated failed acceptances; final here.' },
  },
});

registerEnumType(SupervisionExtensionStatus, {
  name: 'SupervisionExtensionStatus',
  description: '延期状态。Where the action\'s one extension request stands.',
  valuesConfig: {
    NONE: { description: '未申请。No extension requested.' },
    PENDING: { description: '待决定。Requested; the decision is due by `extensionDecisionDueOn`.' },
    APPROVED: { description: '已批准。Approved: `extendedDueOn` is the new deadline.' },
    DENIED: { description: '未批准。Denied: the deadline stands.' },
    LAPSED: { description: '已逾期未决。No decision by its decision day: counts as denied.' },
  },
});
