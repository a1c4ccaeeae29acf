import { definePermissions } from '@platform/core';

/**
 * Permissions of tips (举报). Scopes are measured from the organization a tip concerns (the enterprise
 * named, else the village or community, else the town). The public role holds only the intake and
 * the tracking with code and secret.
 */
export const TipPermission = {
  Submit: 'reporting.tip:submit',
  Track: 'reporting.tip:track',
  Record: 'reporting.tip:record',
  Read: 'reporting.tip:read',
  ReadReporter: 'reporting.tip:read-reporter',
  Dispatch: 'reporting.tip:dispatch',
  Handle: 'reporting.tip:handle',
} as const;

const EVERY_STAFF_ROLE = {
  'town-safety-office': 'ALL',
  'department-officer': 'ALL',
  'village-officer': 'ALL',
  'grid-worker': 'ALL',
  'enterprise-safety-manager': 'ALL',
  inspector: 'ALL',
  expert: 'ALL',
} as const;

export const tipPermissions = definePermissions([
  {
    code: TipPermission.Submit,
    nameZh: '提交举报',
    description: 'Submit a tip from the public web form or a QR code, anonymously or by name: answers its tracking code and a secret shown once. Held by anyone, without an account.',
    grantedTo: { public: 'ALL', ...EVERY_STAFF_ROLE },
  },
  {
    code: TipPermission.Track,
    nameZh: '查询举报进度',
    description: 'Follow a tip with its tracking code and secret: its status and public notes, messages with the office, disclosing identity, reopening within the window. Held by anyone, without an account.',
    grantedTo: { public: 'ALL', ...EVERY_STAFF_ROLE },
  },
  {
    code: TipPermission.Record,
    nameZh: '登记举报',
    description: 'Record a tip that came in by hotline (12350, 12345 with its ticket number), letter or visit, with the time it came in and the reporter\'s details.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', 'village-officer': 'ORG_SUBTREE', 'grid-worker': 'ORG_SUBTREE' },
  },
  {
    code: TipPermission.Read,
    nameZh: '查看举报',
    description: 'Read tips concerning organizations in scope: content, channel, status, clocks, outcome, messages and actions; the reporter\'s identity and contact come masked.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', inspector: 'ALL', 'village-officer': 'ORG_SUBTREE', 'integration-readonly': 'ALL' },
  },
  {
    code: TipPermission.ReadReporter,
    nameZh: '查看举报人信息',
    description: 'Read a tip reporter\'s name, phone and contact unmasked; every such read is audited.',
    grantedTo: { 'town-safety-office': 'ALL' },
    sensitive: true,
  },
  {
    code: TipPermission.Dispatch,
    nameZh: '受理分派举报',
    description: 'Accept, reject, send back (12345 退单), assign, escalate, extend, merge as duplicate and close tips; link a tip to its penalty case or accident.',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
  {
    code: TipPermission.Handle,
    nameZh: '核查办理举报',
    description: 'Verify assigned tips on site (true, raising a hazard, or not), mark them handled, reply to the reporter, urge (催办) and follow up (回访).',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', inspector: 'ALL', 'village-officer': 'ORG_SUBTREE' },
  },
]);
