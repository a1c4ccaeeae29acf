import { definePermissions } from '@platform/core';

/**
 * Permissions of enforcement documents. A document's scope is measured from the organization it is
 * addressed to (the inspected enterprise): an enterprise reads its own, a village those of the
 * enterprises in its area.
 */
export const DocumentPermission = {
  DocumentRead: 'enforcement.document:read',
  DocumentManage: 'enforcement.document:manage',
  TemplateManage: 'enforcement.document-template:manage',
} as const;

export const documentPermissions = definePermissions([
  {
    code: DocumentPermission.DocumentRead,
    nameZh: '查看执法文书',
    description: 'Read enforcement documents (number, text, HTML, the template version and values they were issued with, corrections), download them, and read the kinds, templates and issuers\' short names.',
    grantedTo: {
      'town-safety-office': 'ALL',
      'department-officer': 'ALL',
      inspector: 'ALL',
      'village-officer': 'ORG_SUBTREE',
      'enterprise-safety-manager': 'OWN_ORG',
      'integration-readonly': 'ALL',
    },
  },
  {
    code: DocumentPermission.DocumentManage,
    nameZh: '签发与更正执法文书',
    description: 'Issue enforcement documents through the steps that issue them (an inspection\'s) and correct an issued document with a new one that supersedes it.',
    grantedTo: { 'town-safety-office': 'ALL', inspector: 'ALL' },
  },
  {
    code: DocumentPermission.TemplateManage,
    nameZh: '管理执法文书式样',
    description: 'Add a new template version of a document kind, and set the short names (机关代字) document numbers start with.',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
]);
