import { errorOf, fieldsOf, ok, startTestGateway, type GraphQLClient, type TestGateway } from '@platform/testing';
import { seedId } from '@platform/directory';
import { AVAILABLE_MODULES } from '../../src/available-modules';

const TOWN = seedId('org:town');
const WENFENG = seedId('org:village-wenfeng');
const SHUANGHE = seedId('org:village-shuanghe');
const ADMIN_ID = seedId('user:admin');
const WENFENG_ID = seedId('user:wenfeng');
const SHUANGHE_ID = seedId('user:shuanghe');
const ACCESS_ADMIN = ['access.user:read', 'access.user:write', 'access.role:read', 'access.role:write', 'access.role:assign', 'access.api-client:read', 'access.api-client:write'];

/**
 * The escalation attempts of the security review (D1, D3, D4): a user administrator scoped to
 * 文凤村 must not reach accounts, API clients or roles that reach beyond its own reach.
 */
describe('access administration within the administrator\'s reach', () => {
  let t: TestGateway;
  let admin: GraphQLClient;
  let vadmin: GraphQLClient;
  let villageAdminRole: string;
  let townReaderRole: string;

  const grant = (as: GraphQLClient, roleId: string, permission: string, scope: string) =>
    as(`mutation($input: GrantPermissionInput!) { grantPermission(input: $input) { id version } }`, { input: { roleId, permission, scope } });
  const createRole = async (code: string) => (await ok(admin(`mutation($input: CreateRoleInput!) { createRole(input: $input) { id } }`, { input: { code, nameZh: code, description: code } }), 'createRole')).id as string;
  const createUser = (as: GraphQLClient, username: string, organizationId?: string) =>
    as(`mutation($input: CreateUserInput!) { createUser(input: $input) { id version organizationId } }`, { input: { username, password: 'Start12345', displayName: username, organizationId } });
  const assign = (as: GraphQLClient, principalId: string, roleId: string, organizationId: string, principalKind = 'USER') =>
    as(`mutation($input: AssignRoleInput!) { assignRole(input: $input) { id } }`, { input: { principalKind, principalId, roleId, organizationId } });
  const roleId = async (code: string) => (await ok(admin(`{ roles(first: 100) { edges { node { id code } } } }`), 'roles')).edges.find((e: any) => e.node.code === code).node.id as string;
  const version = async (table: string, id: string) => (await t.gateway.database.dataSource.query(`SELECT version FROM ${table} WHERE id = $1`, [id]))[0].version as number;

  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true });
    admin = await t.as('admin');
    // The review's setup: a village administrator holding every access permission at 文凤村 …
    villageAdminRole = await createRole('village-admin');
    for (const p of ACCESS_ADMIN) await ok(grant(admin, villageAdminRole, p, 'ORG_SUBTREE'), 'grantPermission');
    const vadminId = (await ok(createUser(admin, 'vadmin', WENFENG), 'createUser')).id;
    await ok(assign(admin, vadminId, villageAdminRole, WENFENG), 'assignRole');
    // … who also holds a custom role anchored at the town.
    townReaderRole = await createRole('town-warning-reader');
    await ok(grant(admin, townReaderRole, 'rescue.warning:read', 'ORG_SUBTREE'), 'grantPermission');
    await ok(assign(admin, vadminId, townReaderRole, TOWN), 'assignRole');
    vadmin = await t.as('vadmin', 'Start12345');
  });
  afterAll(() => t?.close());

  it('D1: lists no account reaching further than the administrator, and cannot reset or disable one', async () => {
    const listed = await ok(vadmin(`{ users(first: 100) { totalCount edges { node { id username } } } }`), 'users');
    const names = listed.edges.map((e: any) => e.node.username);
    expect(names).not.toContain('admin');
    expect(names).not.toContain('anban');
    // A village officer holds directory and risk permissions the user administrator does not hold.
    expect(names).not.toContain('wenfeng');
    expect(listed.totalCount).toBe(names.length);
    // By global id as well: an account out of reach is null, like a missing one; one within reach answers.
    const byNode = `query($n: ID!) { node(nodeId: $n) { __typename ... on User { id } } }`;
    const nodeIds = async (as: GraphQLClient) => new Map<string, string>((await ok(as(`{ users(first: 100) { edges { node { id nodeId } } } }`), 'users')).edges.map((e: any) => [e.node.id, e.node.nodeId]));
    const adminNode = (await nodeIds(admin)).get(ADMIN_ID)!;
    expect((await admin(byNode, { n: adminNode })).body.data!['node']).toEqual({ __typename: 'User', id: ADMIN_ID });
    expect((await vadmin(byNode, { n: adminNode })).body).toEqual({ data: { node: null } });
    const own = await ok(createUser(vadmin, 'within-reach', WENFENG), 'createUser');
    const ownNode = (await nodeIds(vadmin)).get(own.id)!;
    expect((await vadmin(byNode, { n: ownNode })).body.data!['node']).toEqual({ __typename: 'User', id: own.id });

    const reset = await vadmin(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { id } }`, { input: { id: ADMIN_ID, version: await version('app_user', ADMIN_ID), password: 'Pwned12345!' } });
    expect(errorOf(reset)).toMatchObject({ code: 'NOT_FOUND', entity: 'User' });
    await expect(t.token('admin', 'Pwned12345!')).rejects.toThrow(/login as admin failed/);
    expect(typeof (await t.token('admin'))).toBe('string');

    const disable = await vadmin(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { id } }`, { input: { id: WENFENG_ID, version: await version('app_user', WENFENG_ID), status: 'DISABLED' } });
    expect(errorOf(disable)?.['code']).toBe('NOT_FOUND');
    const effective = await ok(vadmin(`query($id: UUID!) { effectivePermissions(principalKind: USER, principalId: $id) { totalCount } }`, { id: ADMIN_ID }), 'effectivePermissions');
    expect(effective.totalCount).toBe(0);
    const adminAssignment = (await t.gateway.database.dataSource.query(`SELECT id FROM role_assignment WHERE principal_id = $1`, [ADMIN_ID]))[0].id;
    expect(errorOf(await vadmin(`mutation($id: UUID!) { unassignRole(id: $id) }`, { id: adminAssignment }))?.['code']).toBe('NOT_FOUND');
  });

  it('D1: manages the accounts it reaches, and only creates them within its reach', async () => {
    expect(fieldsOf(await createUser(vadmin, 'nohome'))[0]).toMatchObject({ field: 'input.organizationId', rule: 'required' });
    // An organization beyond its reach answers like a missing one, naming the field.
    expect(errorOf(await createUser(vadmin, 'elsewhere', SHUANGHE))).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: SHUANGHE, field: 'input.organizationId' });
    const created = await ok(createUser(vadmin, 'wf-clerk', WENFENG), 'createUser');
    expect(created.organizationId).toBe(WENFENG);
    const listed = await ok(vadmin(`{ users(first: 100, filter: { search: "wf-clerk" }) { totalCount } }`), 'users');
    expect(listed.totalCount).toBe(1);
    // Cannot move it out of its reach, nor give it a role anchored beyond it.
    const moved = await vadmin(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { id } }`, { input: { id: created.id, version: created.version, organizationId: SHUANGHE } });
    expect(errorOf(moved)).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: SHUANGHE, field: 'input.organizationId' });
    expect(errorOf(await assign(vadmin, created.id, villageAdminRole, SHUANGHE))).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: SHUANGHE, field: 'input.organizationId' });
    // An account or a custom role beyond its reach answers like a missing one, naming the field.
    expect(errorOf(await assign(vadmin, ADMIN_ID, villageAdminRole, WENFENG))).toEqual({ code: 'NOT_FOUND', entity: 'User', id: ADMIN_ID, field: 'input.principalId' });
    expect(errorOf(await assign(vadmin, created.id, townReaderRole, WENFENG))).toEqual({ code: 'NOT_FOUND', entity: 'Role', id: townReaderRole, field: 'input.roleId' });
    // A system role whose permissions it does not hold there: FORBIDDEN, naming one.
    const officer = await assign(vadmin, created.id, await roleId('village-officer'), WENFENG);
    expect(errorOf(officer)?.['code']).toBe('FORBIDDEN');
    const superAdmin = await assign(vadmin, created.id, await roleId('super-admin'), WENFENG);
    expect(errorOf(superAdmin)?.['code']).toBe('FORBIDDEN');
    // Its own role at its own village is fine, and the account stays visible.
    await ok(assign(vadmin, created.id, villageAdminRole, WENFENG), 'assignRole');
    const reset = await vadmin(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { version } }`, { input: { id: created.id, version: await version('app_user', created.id), password: 'Changed12345' } });
    expect(reset.body.errors).toBeUndefined();
  });

  it('D1: an administrator holding the village officer\'s permissions manages 文凤村\'s officer, not 双河村\'s', async () => {
    const full = await createRole('village-admin-full');
    for (const p of ACCESS_ADMIN) await ok(grant(admin, full, p, 'ORG_SUBTREE'), 'grantPermission');
    const officerGrants = await ok(admin(`query($id: UUID!) { effectivePermissions(principalKind: USER, principalId: $id, first: 100) { edges { node { permission scope } } } }`, { id: WENFENG_ID }), 'effectivePermissions');
    for (const { node } of officerGrants.edges) await ok(grant(admin, full, node.permission, node.scope), 'grantPermission');
    const id = (await ok(createUser(admin, 'vadmin-full', WENFENG), 'createUser')).id;
    await ok(assign(admin, id, full, WENFENG), 'assignRole');
    const fullAdmin = await t.as('vadmin-full', 'Start12345');
    const names = (await ok(fullAdmin(`{ users(first: 100) { edges { node { username } } } }`), 'users')).edges.map((e: any) => e.node.username);
    expect(names).toContain('wenfeng');
    expect(names).not.toContain('shuanghe');
    const own = await fullAdmin(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { displayName } }`, { input: { id: WENFENG_ID, version: await version('app_user', WENFENG_ID), displayName: '文凤村应急专干（新）' } });
    expect(own.body.data!['updateUser']).toEqual({ displayName: '文凤村应急专干（新）' });
    const other = await fullAdmin(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { id } }`, { input: { id: SHUANGHE_ID, version: await version('app_user', SHUANGHE_ID), password: 'Pwned12345!' } });
    expect(errorOf(other)?.['code']).toBe('NOT_FOUND');
  });

  it('D3: cannot list, rotate or revoke the town\'s integration key', async () => {
    const created = await ok(
      admin(`mutation($role: UUID!, $org: UUID!) { createApiClient(input: { name: "区应急管理局", roleId: $role, organizationId: $org }) { key apiClient { id version organizationId } } }`, {
        role: await roleId('integration-readonly'),
        org: TOWN,
      }),
      'createApiClient',
    );
    expect(created.apiClient.organizationId).toBe(TOWN);
    const listed = await ok(vadmin(`{ apiClients(first: 100) { edges { node { id } } } }`), 'apiClients');
    expect(listed.edges.map((e: any) => e.node.id)).not.toContain(created.apiClient.id);
    const rotate = await vadmin(`mutation($input: ArchiveInput!) { rotateApiClientKey(input: $input) { key } }`, { input: { id: created.apiClient.id, version: created.apiClient.version } });
    expect(errorOf(rotate)).toMatchObject({ code: 'NOT_FOUND', entity: 'ApiClient' });
    const revoke = await vadmin(`mutation($input: ArchiveInput!) { revokeApiClient(input: $input) { status } }`, { input: { id: created.apiClient.id, version: created.apiClient.version } });
    expect(errorOf(revoke)?.['code']).toBe('NOT_FOUND');
    const effective = await ok(vadmin(`query($id: UUID!) { effectivePermissions(principalKind: API_CLIENT, principalId: $id) { totalCount } }`, { id: created.apiClient.id }), 'effectivePermissions');
    expect(effective.totalCount).toBe(0);
    // The legitimate integration keeps working.
    expect((await t.gql(`{ viewer { kind } }`, undefined, { 'x-api-key': created.key })).status).toBe(200);
    // Its own village's client is its to manage; a client needs a home within its reach.
    expect(fieldsOf(await vadmin(`mutation { createApiClient(input: { name: "村广播" }) { key } }`))[0]).toMatchObject({ field: 'input.organizationId', rule: 'required' });
    const own = await ok(vadmin(`mutation($org: UUID!) { createApiClient(input: { name: "文凤村广播", organizationId: $org }) { apiClient { id version } } }`, { org: WENFENG }), 'createApiClient');
    const rotated = await vadmin(`mutation($input: ArchiveInput!) { rotateApiClientKey(input: $input) { key } }`, { input: { id: own.apiClient.id, version: own.apiClient.version } });
    expect(rotated.body.data!['rotateApiClientKey'].key).toMatch(/^tsk_/);
  });

  it('D4: cannot widen or strip a role assigned beyond its reach; roles list shows system roles and the custom roles it reaches', async () => {
    const anban = await t.as('anban');
    const widen = await grant(vadmin, townReaderRole, 'directory.person:read-sensitive', 'ORG_SUBTREE');
    expect(errorOf(widen)).toMatchObject({ code: 'NOT_FOUND', entity: 'Role' });
    const strip = await vadmin(`mutation($input: RevokePermissionInput!) { revokePermission(input: $input) { id } }`, { input: { roleId: townReaderRole, permission: 'rescue.warning:read' } });
    expect(errorOf(strip)?.['code']).toBe('NOT_FOUND');
    // Nothing changed: it still may not read persons, and the role grants what it did.
    expect(errorOf(await vadmin(`{ persons(first: 1) { totalCount } }`))).toMatchObject({ code: 'FORBIDDEN', permission: 'directory.person:read' });
    const grants = await ok(anban(`{ roles(first: 100) { edges { node { code grants(first: 100) { edges { node { permission } } } } } } }`), 'roles');
    expect(grants.edges.find((e: any) => e.node.code === 'town-warning-reader').node.grants.edges.map((e: any) => e.node.permission)).toEqual(['rescue.warning:read']);

    const visible = (await ok(vadmin(`{ roles(first: 100) { edges { node { code isSystem } } } }`), 'roles')).edges.map((e: any) => e.node.code);
    expect(visible).toEqual(expect.arrayContaining(['super-admin', 'village-officer', 'village-admin']));
    expect(visible).not.toContain('town-warning-reader');

    // A custom role assigned only in its village is its to change — until it is assigned at the town as well.
    const local = await createRole('wf-duty');
    const holder = (await ok(createUser(admin, 'wf-duty-1', WENFENG), 'createUser')).id;
    await ok(assign(admin, holder, local, WENFENG), 'assignRole');
    expect((await grant(vadmin, local, 'access.user:read', 'ORG_SUBTREE')).body.errors).toBeUndefined();
    expect(errorOf(await grant(vadmin, local, 'access.user:read', 'ALL'))?.['code']).toBe('FORBIDDEN');
    await ok(assign(admin, holder, local, TOWN), 'assignRole');
    expect(errorOf(await grant(vadmin, local, 'access.role:read', 'OWN_ORG'))?.['code']).toBe('NOT_FOUND');
  });

  it('D4: a role administrator cannot grant a permission to a role assigned where it does not hold it that widely', async () => {
    const roleAdmin = await createRole('wf-role-admin');
    for (const p of ['access.role:read', 'access.role:write']) await ok(grant(admin, roleAdmin, p, 'ALL'), 'grantPermission');
    await ok(grant(admin, roleAdmin, 'directory.organization:read', 'ORG_SUBTREE'), 'grantPermission');
    const id = (await ok(createUser(admin, 'wf-role-admin-1', WENFENG), 'createUser')).id;
    await ok(assign(admin, id, roleAdmin, WENFENG), 'assignRole');
    const ra = await t.as('wf-role-admin-1', 'Start12345');
    const target = await createRole('assigned-at-town');
    const townHolder = (await ok(createUser(admin, 'town-holder'), 'createUser')).id;
    await ok(assign(admin, townHolder, target, TOWN), 'assignRole');
    // It holds organization:read only under 文凤村; the role is assigned at the town.
    const refused = await grant(ra, target, 'directory.organization:read', 'ORG_SUBTREE');
    expect(errorOf(refused)).toMatchObject({ code: 'FORBIDDEN', permission: 'directory.organization:read' });
  });
});
