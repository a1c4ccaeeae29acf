import { EVERY_STAFF_ROLE, definePermissions } from '@platform/core';

/**
 * Permissions of the law catalog (法律法规库, work-plan point 十六). The catalog is the same for
 * everyone: every signed-in role reads all of it (enterprises and integrations included); only the
 * town safety office keeps it.
 */
export const LawPermission = {
  Read: 'enforcement.law:read',
  Manage: 'enforcement.law:manage',
} as const;

export const lawPermissions = definePermissions([
  {
    code: LawPermission.Read,
    nameZh: '查看法律法规库',
    description: 'Read the law catalog: laws, regulations, rules, standards and normative documents, their articles with effective periods and supersession, and which article applies to a matter on a day.',
    grantedTo: { ...EVERY_STAFF_ROLE, 'integration-readonly': 'ALL' },
  },
  {
    code: LawPermission.Manage,
    nameZh: '维护法律法规库',
    description: 'Add documents and articles to the law catalog, correct an article\'s text summary and topics, supersede an article by later ones from a day, and repeal an article or a document.',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
]);
