import { audit, type RequestContext, type SystemRole } from '@platform/core';
import { seedId } from '@platform/directory';
import { hashPassword } from '../users/passwords';
import { assignDemoRole, insertDemoUser } from './demo-users.sql';

/** The embedded demo's shared password. Documented in the README; never seeded in server mode unless asked. */
export const DEMO_PASSWORD = 'nanping2025';

/** One demo account per system role, at a realistic organization of the seeded town. */
export const DEMO_USERS: ReadonlyArray<{ username: string; displayName: string; role: SystemRole; org: string; person: string | null }> = [
  { username: 'admin', displayName: '平台管理员', role: 'super-admin', org: 'town', person: null },
  { username: 'anban', displayName: '镇安办主任', role: 'town-safety-office', org: 'town', person: 'person-dept-safety-head' },
  { username: 'jingfa', displayName: '经发办主任', role: 'department-officer', org: 'dept-economy', person: 'person-dept-economy-head' },
  { username: 'wenfeng', displayName: '文凤村应急专干', role: 'village-officer', org: 'village-wenfeng', person: 'person-village-wenfeng-emergency' },
  { username: 'shuanghe', displayName: '双河村应急专干', role: 'village-officer', org: 'village-shuanghe', person: 'person-village-shuanghe-emergency' },
  { username: 'wenfeng-grid1', displayName: '文凤村第一网格网格员', role: 'grid-worker', org: 'grid-wenfeng-1', person: 'person-grid-wenfeng-1-gridman' },
  { username: 'sinopec-nanping', displayName: '南平加油站安全管理员', role: 'enterprise-safety-manager', org: 'ent-sinopec-nanping', person: 'person-ent-sinopec-nanping-safety' },
  { username: 'zhifa', displayName: '综合执法大队队员', role: 'inspector', org: 'dept-enforcement', person: 'person-dept-enforcement-staff-1' },
  { username: 'expert', displayName: '安全生产专家', role: 'expert', org: 'town', person: null },
];

/** Demo accounts (idempotent: existing usernames are left as they are). */
export async function seedDemoUsers(ctx: RequestContext): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  for (const u of DEMO_USERS) {
    const id = seedId(`user:${u.username}`);
    const organizationId = seedId(`org:${u.org}`);
    const inserted = await insertDemoUser(ctx, { id, username: u.username, passwordHash, displayName: u.displayName, personId: u.person ? seedId(`person:${u.person}`) : null, organizationId });
    if (!inserted) continue;
    created++;
    await assignDemoRole(ctx, id, u.role, organizationId);
  }
  if (created) await audit(ctx, { action: 'access.seed', entityType: 'User', entityId: null, changes: { demoUsers: created } });
}
