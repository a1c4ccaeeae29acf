import { SYSTEM_ROLES, type DomainModule, type GrantScope, type RequestContext, type SystemRole } from '@platform/core';
import { lockSystemRoles, replaceGrants, upsertSystemRole } from './system-roles.sql';

/** Names and purposes of the system roles (the codes are the kernel's SYSTEM_ROLES). */
export const SYSTEM_ROLE_INFO: Readonly<Record<SystemRole, { nameZh: string; description: string }>> = {
  'super-admin': { nameZh: '超级管理员', description: 'Holds every permission everywhere; manages roles, users and API clients.' },
  'town-safety-office': { nameZh: '镇安办（应急办）', description: 'The town work-safety and emergency office: reads and manages everything in the town.' },
  'department-officer': { nameZh: '行业部门工作人员', description: 'An officer of a town department: supervises its sector across the town.' },
  'village-officer': { nameZh: '村（社区）应急专干', description: 'A village or community officer: manages its own village or community and the grids and enterprises in it.' },
  'grid-worker': { nameZh: '网格员', description: 'A grid worker: reads and reports within the grid.' },
  'enterprise-safety-manager': { nameZh: '企业安全管理员', description: 'An enterprise safety manager: sees and reports for the own enterprise only.' },
  inspector: { nameZh: '执法检查人员', description: 'An inspector of the enforcement brigade: inspects across the town.' },
  expert: { nameZh: '安全专家', description: 'An expert of the expert-visit programme (专家进企业): reads what the visits need.' },
  'integration-readonly': { nameZh: '只读数据对接', description: 'Another government system reading data through an API key.' },
  'sensor-feed': { nameZh: '物联网监测接入', description: 'A monitoring platform pushing observations of its own datastreams through an API key.' },
  public: { nameZh: '公众', description: 'Anyone without credentials: only public operations such as sign-in and public reports.' },
};

/** The grants each system role should hold, from the enabled modules' declarations. */
export function declaredSystemGrants(modules: readonly DomainModule[]): Map<SystemRole, Map<string, GrantScope>> {
  const out = new Map<SystemRole, Map<string, GrantScope>>(SYSTEM_ROLES.map((r) => [r, new Map()]));
  for (const p of modules.flatMap((m) => m.permissions)) {
    out.get('super-admin')!.set(p.code, 'ALL');
    for (const [role, scope] of Object.entries(p.grantedTo ?? {})) out.get(role as SystemRole)!.set(p.code, scope);
  }
  return out;
}

/**
 * Makes the system roles exist and hold exactly their declared grants (custom roles are the admins'
 * own and untouched). Serialized by an advisory lock so replicas starting together agree.
 */
export async function syncSystemRoles(ctx: RequestContext, modules: readonly DomainModule[]): Promise<void> {
  await lockSystemRoles(ctx);
  for (const [code, grants] of declaredSystemGrants(modules)) {
    const id = await upsertSystemRole(ctx, code, SYSTEM_ROLE_INFO[code]);
    await replaceGrants(ctx, id, grants);
  }
}
