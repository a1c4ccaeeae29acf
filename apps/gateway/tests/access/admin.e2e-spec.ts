import { startTestGateway, type GraphQLClient, type TestGateway } from '@platform/testing';
import { seedId } from '@platform/directory';
import { AVAILABLE_MODULES } from '../../src/available-modules';

const WENFENG = seedId('org:village-wenfeng');
const TOWN = seedId('org:town');

describe('access admin API', () => {
  let t: TestGateway;
  let admin: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true });
    admin = await t.as('admin');
  });
  afterAll(() => t?.close());

  const roleId = async (code: string) =>
    (await admin(`{ roles(first: 100) { edges { node { id code } } } }`)).body.data!['roles'].edges.map((e: any) => e.node).find((r: any) => r.code === code).id as string;

  async function newUser(username: string): Promise<string> {
    const res = await admin(`mutation($input: CreateUserInput!) { createUser(input: $input) { id username status } }`, {
      input: { username, password: 'Start12345', displayName: username },
    });
    expect(res.body.data!['createUser']).toMatchObject({ username, status: 'ACTIVE' });
    return res.body.data!['createUser'].id;
  }

  it('builds a custom role, assigns it at a village, and a grant or revoke applies on the next request', async () => {
    const role = (await admin(`mutation { createRole(input: { code: "flood-duty", nameZh: "防汛值班员", description: "Flood-season duty officer" }) { id version } }`)).body.data!['createRole'];
    const granted = await admin(`mutation($input: GrantPermissionInput!) { grantPermission(input: $input) { version grants { edges { node { permission scope } } } } }`, {
      input: { roleId: role.id, permission: 'directory.organization:read', scope: 'ORG_SUBTREE' },
    });
    expect(granted.body.data!['grantPermission']).toEqual({ version: role.version + 1, grants: { edges: [{ node: { permission: 'directory.organization:read', scope: 'ORG_SUBTREE' } }] } });
    const userId = await newUser('flood1');
    const assigned = await admin(`mutation($input: AssignRoleInput!) { assignRole(input: $input) { id role { code } organizationId } }`, {
      input: { principalKind: 'USER', principalId: userId, roleId: role.id, organizationId: WENFENG },
    });
    expect(assigned.body.data!['assignRole']).toMatchObject({ role: { code: 'flood-duty' }, organizationId: WENFENG });

    const flood = await t.as('flood1', 'Start12345');
    const list = await flood(`{ organizations { totalCount } }`);
    const village = await (await t.as('wenfeng'))(`{ organizations { totalCount } }`);
    expect(list.body.data!['organizations'].totalCount).toBe(village.body.data!['organizations'].totalCount);

    const effective = await admin(`query($id: UUID!) { effectivePermissions(principalKind: USER, principalId: $id) { totalCount edges { node { permission scope organizationId } } } }`, { id: userId });
    expect(effective.body.data!['effectivePermissions']).toEqual({ totalCount: 1, edges: [{ node: { permission: 'directory.organization:read', scope: 'ORG_SUBTREE', organizationId: WENFENG } }] });

    await admin(`mutation($input: RevokePermissionInput!) { revokePermission(input: $input) { id } }`, { input: { roleId: role.id, permission: 'directory.organization:read' } });
    expect((await flood(`{ organizations { totalCount } }`)).body.errors![0]!.extensions!['code']).toBe('FORBIDDEN');

    const users = await admin(`{ users(first: 100, filter: { search: "flood" }) { totalCount edges { node { username assignments { edges { node { role { code } } } } } } } }`);
    expect(users.body.data!['users'].edges[0].node).toEqual({ username: 'flood1', assignments: { edges: [{ node: { role: { code: 'flood-duty' } } }] } });
    const audit = await admin(`query($id: UUID!) { auditLog(filter: { entityId: $id, actionPrefix: "access." }) { edges { node { action } } } }`, { id: userId });
    expect(audit.body.data!['auditLog'].edges.map((e: any) => e.node.action)).toEqual(expect.arrayContaining(['access.user.create', 'access.role.assign', 'access.session.login']));
  });

  it('refuses escalation: granting what one does not hold, assigning a wider role, editing system roles', async () => {
    // A role admin who may manage roles and assignments but holds no directory permissions.
    const roleAdmin = (await admin(`mutation { createRole(input: { code: "role-admin", nameZh: "角色管理员", description: "Manages custom roles" }) { id } }`)).body.data!['createRole'].id;
    for (const permission of ['access.role:read', 'access.role:write', 'access.role:assign', 'access.user:write']) {
      await admin(`mutation($input: GrantPermissionInput!) { grantPermission(input: $input) { id } }`, { input: { roleId: roleAdmin, permission, scope: 'ALL' } });
    }
    await admin(`mutation($input: GrantPermissionInput!) { grantPermission(input: $input) { id } }`, { input: { roleId: roleAdmin, permission: 'directory.organization:read', scope: 'ORG_SUBTREE' } });
    const userId = await newUser('roleadmin1');
    await admin(`mutation($input: AssignRoleInput!) { assignRole(input: $input) { id } }`, { input: { principalKind: 'USER', principalId: userId, roleId: roleAdmin, organizationId: TOWN } });
    const ra = await t.as('roleadmin1', 'Start12345');

    const target = (await ra(`mutation { createRole(input: { code: "sneaky", nameZh: "越权", description: "Escalation attempt" }) { id } }`)).body.data!['createRole'].id;
    const grant = await ra(`mutation($input: GrantPermissionInput!) { grantPermission(input: $input) { id } }`, { input: { roleId: target, permission: 'directory.person:read-sensitive', scope: 'ALL' } });
    expect(grant.body.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'directory.person:read-sensitive' });
    // Scope widening: holds organization:read as a subtree, may pass that on but not ALL.
    const wider = await ra(`mutation($input: GrantPermissionInput!) { grantPermission(input: $input) { id } }`, { input: { roleId: target, permission: 'directory.organization:read', scope: 'ALL' } });
    expect(wider.body.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    const same = await ra(`mutation($input: GrantPermissionInput!) { grantPermission(input: $input) { grants { edges { node { scope } } } } }`, {
      input: { roleId: target, permission: 'directory.organization:read', scope: 'ORG_SUBTREE' },
    });
    expect(same.body.data!['grantPermission'].grants.edges).toEqual([{ node: { scope: 'ORG_SUBTREE' } }]);
    const self = await ra(`mutation($input: GrantPermissionInput!) { grantPermission(input: $input) { id } }`, { input: { roleId: roleAdmin, permission: 'kernel.audit:read', scope: 'ALL' } });
    expect(self.body.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    const superAdmin = await ra(`mutation($input: AssignRoleInput!) { assignRole(input: $input) { id } }`, {
      input: { principalKind: 'USER', principalId: userId, roleId: await roleId('super-admin'), organizationId: TOWN },
    });
    expect(superAdmin.body.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    const system = await admin(`mutation($input: GrantPermissionInput!) { grantPermission(input: $input) { id } }`, {
      input: { roleId: await roleId('grid-worker'), permission: 'directory.person:write', scope: 'ALL' },
    });
    expect(system.body.errors![0]!.extensions!['fields'][0].rule).toBe('customRole');
    const undeclared = await admin(`mutation($input: GrantPermissionInput!) { grantPermission(input: $input) { id } }`, { input: { roleId: target, permission: 'example.undeclared:read', scope: 'ALL' } });
    expect(undeclared.body.errors![0]!.extensions!['fields'][0].rule).toBe('declared');
  });

  it('keeps the last super admin', async () => {
    const adminUser = (await admin(`{ users(filter: { search: "admin" }, first: 10) { edges { node { id version username assignments { edges { node { id role { code } } } } } } } }`)).body.data!['users'].edges
      .map((e: any) => e.node)
      .find((u: any) => u.username === 'admin');
    const assignment = adminUser.assignments.edges.find((e: any) => e.node.role.code === 'super-admin').node.id;
    const removed = await admin(`mutation($id: UUID!) { unassignRole(id: $id) }`, { id: assignment });
    expect(removed.body.errors![0]!.extensions!['fields'][0].rule).toBe('lastSuperAdmin');
    const disabled = await admin(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { id } }`, { input: { id: adminUser.id, version: adminUser.version, status: 'DISABLED' } });
    expect(disabled.body.errors![0]!.extensions!['fields'][0].rule).toBe('lastSuperAdmin');
    expect((await admin(`{ viewer { roles } }`)).body.data!['viewer'].roles).toContain('super-admin');
  });

  it('issues API keys shown once, which authenticate until rotated, revoked or expired', async () => {
    const created = (
      await admin(`mutation($role: UUID!, $org: UUID!) { createApiClient(input: { name: "区应急管理局指挥平台", roleId: $role, organizationId: $org }) { key apiClient { id version keyPrefix status } } }`, {
        role: await roleId('integration-readonly'),
        org: TOWN,
      })
    ).body.data!['createApiClient'];
    expect(created.key).toMatch(new RegExp(`^tsk_${created.apiClient.keyPrefix}_`));
    const call = (key: string, headerName = 'x-api-key') => t.gql(`{ viewer { kind displayName } organizations(first: 1) { totalCount } }`, undefined, { [headerName]: key });
    const ok = await call(created.key);
    expect(ok.body.data!['viewer']).toEqual({ kind: 'API_CLIENT', displayName: '区应急管理局指挥平台' });
    expect((await call(`Bearer ${created.key}`, 'authorization')).status).toBe(200);
    const [row] = await t.gateway.database.dataSource.query(`SELECT key_hash <> $2 AS hashed, last_used_at IS NOT NULL AS used FROM api_client WHERE id = $1`, [created.apiClient.id, created.key]);
    expect(row).toEqual({ hashed: true, used: true });

    const rotated = (await admin(`mutation($input: ArchiveInput!) { rotateApiClientKey(input: $input) { key apiClient { version } } }`, { input: { id: created.apiClient.id, version: created.apiClient.version } })).body.data![
      'rotateApiClientKey'
    ];
    expect((await call(created.key)).status).toBe(401);
    expect((await call(rotated.key)).status).toBe(200);

    await t.gateway.database.dataSource.query(`UPDATE api_client SET expires_at = now() - interval '1 second' WHERE id = $1`, [created.apiClient.id]);
    expect((await call(rotated.key)).status).toBe(401);
    await t.gateway.database.dataSource.query(`UPDATE api_client SET expires_at = now() + interval '1 day' WHERE id = $1`, [created.apiClient.id]);
    await admin(`mutation($input: ArchiveInput!) { revokeApiClient(input: $input) { status } }`, { input: { id: created.apiClient.id, version: rotated.apiClient.version } });
    expect((await call(rotated.key)).status).toBe(401);
  });

  it('ends every session of a disabled user at once', async () => {
    const userId = await newUser('leaver1');
    await admin(`mutation($input: AssignRoleInput!) { assignRole(input: $input) { id } }`, { input: { principalKind: 'USER', principalId: userId, roleId: await roleId('expert'), organizationId: TOWN } });
    const leaver = await t.as('leaver1', 'Start12345');
    expect((await leaver(`{ organizations(first: 1) { totalCount } }`)).status).toBe(200);
    const [{ version }] = await t.gateway.database.dataSource.query(`SELECT version FROM app_user WHERE id = $1`, [userId]);
    await admin(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { status } }`, { input: { id: userId, version, status: 'DISABLED' } });
    expect((await leaver(`{ viewer { kind } }`)).status).toBe(401);
    expect((await t.gql(`mutation { login(input: { username: "leaver1", password: "Start12345" }) { accessToken } }`)).body.errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
  });
});
