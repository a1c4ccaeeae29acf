import { EVERY_STAFF_ROLE, definePermissions } from '@platform/core';

/** Permissions of the emergency knowledge base (应急百事通). */
export const KnowledgePermission = {
  Search: 'scenarios.knowledge:search',
  Manage: 'scenarios.knowledge:manage',
  ReadLog: 'scenarios.knowledge:read-log',
} as const;

export const knowledgePermissions = definePermissions([
  {
    code: KnowledgePermission.Search,
    nameZh: '检索应急百事通',
    description: 'Search the published entries of the emergency knowledge base (Q&A, plan excerpts, law articles, guides) and read them. Held by anyone, without an account (anonymous callers are rate-limited per address).',
    grantedTo: { public: 'ALL', ...EVERY_STAFF_ROLE },
  },
  {
    code: KnowledgePermission.Manage,
    nameZh: '管理应急百事通',
    description: 'Write, correct, publish and unpublish knowledge entries (unpublished ones are seen only by managers) and manage the search synonyms.',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
  {
    code: KnowledgePermission.ReadLog,
    nameZh: '查看检索日志',
    description: 'Read the knowledge base\'s query log report: the queries that found nothing, grouped by query, to find missing content.',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
]);
