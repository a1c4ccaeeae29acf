import { seedId } from '@platform/directory';
import {
  PAGE_ARGS,
  PAGE_VARS,
  enterpriseInput,
  expectPagedCompletely,
  ok,
  startTestGateway,
  uniqueName,
  until,
  type GraphQLClient,
  type GraphQLResponse,
  type TestGateway,
} from '@platform/testing';
import { AVAILABLE_MODULES } from '../src/available-modules';

/**
 * The list convention (issue 16) on the platform's own root lists (directory, access, audit log):
 * the change feed (`filter.updatedSince` after a `syncPoint`, archived records as tombstones only in
 * the feed) and every `orderBy` field, both ways, sorted by its values and paged losslessly one row
 * at a time forward (`first: 1`) and backward (`last: 1`).
 */

const VILLAGE = seedId('org:village-wenfeng');
/** Stored times with microseconds, as `DEFAULT now()` writes them: a tie group within one millisecond. */
const TIE = '2026-11-30 09:15:42.123456+08';
const ASC_DESC = ['ASC', 'DESC'] as const;

/** Compares sort values as PostgreSQL does here: text by UTF-8 bytes (collation C), times and numbers by value; null after every value. */
function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [String(a), String(b)];
  const time = /^\d{4}-\d\d-\d\dT/;
  if (time.test(x) && time.test(y)) return Date.parse(x) - Date.parse(y);
  return Buffer.compare(Buffer.from(x, 'utf8'), Buffer.from(y, 'utf8'));
}

/** The values are in `direction` order (NULLs last ascending, first descending), ties allowed. */
function expectSorted(values: unknown[], direction: 'ASC' | 'DESC', by: (v: unknown) => unknown = (v) => v): void {
  const sign = direction === 'ASC' ? 1 : -1;
  const misplaced = values.slice(1).filter((v, i) => compare(by(values[i]), by(v)) * sign > 0);
  expect({ direction, misplaced }).toEqual({ direction, misplaced: [] });
}

/** A root list and how to read it: the node's key and, per sort field, the node field holding its value (null: checked by `expectOrder`). */
interface ListCase {
  readonly list: string;
  readonly filterType: string;
  readonly orderType: string;
  /** The node field that names a row, or the fields that do with `identify`. */
  readonly key: string;
  readonly identify?: (node: any) => string;
  readonly fields: Readonly<Record<string, string | null>>;
  /** Extra variables and arguments (before the page arguments), e.g. `$p: UUID!` / `principalId: $p, `. */
  readonly vars?: string;
  readonly args?: string;
}

describe('the list convention on the directory, access and audit lists', () => {
  let t: TestGateway;
  let admin: GraphQLClient;
  beforeAll(async () => {
    // Every field both ways, one row a page: more requests than the default rate limit allows.
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true, env: { RATE_LIMIT_POINTS: '0' } });
    admin = await t.as('admin');
  });
  afterAll(() => t?.close());

  const sql = (query: string, params: unknown[] = []) => t.gateway.database.dataSource.query(query, params);
  const syncPoint = async (): Promise<string> => ok(admin(`{ syncPoint }`), 'syncPoint');
  /** An instant a day ahead: no record has changed since. */
  const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();
  const mutate = async (name: string, inputType: string, input: Record<string, unknown>, select = 'id version'): Promise<any> =>
    ok(admin(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${select} } }`, { input }), name);

  /** The list's nodes (key and `select`) for a filter and order, read as one page. */
  async function read(c: ListCase, variables: Record<string, unknown>, select = ''): Promise<{ totalCount: number; nodes: any[] }> {
    const res = await admin(
      `query(${c.vars ? `${c.vars}, ` : ''}$filter: ${c.filterType}, $orderBy: [${c.orderType}!]) { ${c.list}(${c.args ?? ''}first: 100, filter: $filter, orderBy: $orderBy) {
        totalCount edges { node { ${c.identify ? c.key : `key: ${c.key}`} ${select} } } } }`,
      variables,
    );
    expect(res.body.errors).toBeUndefined();
    const conn = res.body.data![c.list];
    return { totalCount: conn.totalCount, nodes: conn.edges.map((e: any) => (c.identify ? { ...e.node, key: c.identify(e.node) } : e.node)) };
  }

  /**
   * Every sort field of the list, ascending and descending, over the rows `filter` selects (at least
   * `min`): the values come in order, and the list pages one row at a time forward and backward
   * without losing, repeating or reordering a row. `expectOrder` checks a field whose value the node
   * does not show (its keys in list order).
   */
  async function expectEveryOrder(c: ListCase, variables: Record<string, unknown>, min: number, expectOrder?: (field: string, direction: 'ASC' | 'DESC', keys: string[]) => Promise<void>): Promise<void> {
    const walk = `query(${PAGE_VARS}${c.vars ? `, ${c.vars}` : ''}, $filter: ${c.filterType}, $orderBy: [${c.orderType}!]) {
      ${c.list}(${c.args ?? ''}${PAGE_ARGS}, filter: $filter, orderBy: $orderBy) {
        totalCount edges { cursor node { ${c.identify ? c.key : `id: ${c.key}`} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    for (const [field, valueField] of Object.entries(c.fields)) {
      for (const direction of ASC_DESC) {
        const vars = { ...variables, orderBy: [{ field, direction }] };
        const { totalCount, nodes } = await read(c, vars, valueField ?? '');
        expect({ field, totalCount: totalCount >= min && totalCount <= 100 }).toEqual({ field, totalCount: true });
        const keys = nodes.map((n) => n.key as string);
        if (valueField) expectSorted(nodes.map((n) => n[valueField.split(' ')[0]!]), direction);
        else await expectOrder!(field, direction, keys);
        expect(await expectPagedCompletely(admin, walk, vars, [c.list], 1, totalCount, c.identify)).toEqual(keys);
      }
    }
  }

  /** `orderBy` naming a field twice is BAD_USER_INPUT on `orderBy`. */
  async function expectFieldTwiceRefused(c: ListCase, field: string, variables: Record<string, unknown> = {}): Promise<void> {
    const res: GraphQLResponse = await admin(
      `query(${c.vars ? `${c.vars}, ` : ''}$orderBy: [${c.orderType}!]) { ${c.list}(${c.args ?? ''}orderBy: $orderBy) { totalCount } }`,
      { ...variables, orderBy: [{ field, direction: 'ASC' }, { field, direction: 'DESC' }] },
    );
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'orderBy', message: expect.stringContaining('must name each field once') })] });
  }

  describe('organizations', () => {
    const c: ListCase = {
      list: 'organizations',
      filterType: 'OrganizationFilter',
      orderType: 'OrganizationOrder',
      key: 'id',
      fields: { TREE: null, NAME: 'name', CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt' },
    };
    let grid: { id: string; version: number };
    let enterprises: Array<{ id: string; version: number; name: string }>;
    let before: string;
    beforeAll(async () => {
      before = await syncPoint();
      grid = await mutate('createOrganization', 'CreateOrganizationInput', { kind: 'GRID', name: uniqueName('排序网格'), parentId: VILLAGE });
      enterprises = [];
      for (const name of ['丙', '甲', 'B', '乙', 'a']) enterprises.push(await mutate('createOrganization', 'CreateOrganizationInput', enterpriseInput(grid.id, { name: uniqueName(`${name}企业`) }), 'id version name'));
      // Three created at one instant (to the microsecond): the id breaks their tie.
      await sql(`UPDATE organization SET created_at = $2 WHERE id = ANY($1)`, [enterprises.slice(1, 4).map((e) => e.id), TIE]);
      enterprises[0] = { ...enterprises[0]!, ...(await mutate('updateOrganization', 'UpdateOrganizationInput', { id: enterprises[0]!.id, version: enterprises[0]!.version, address: '排序路 1 号' })) };
    });

    it('sorts by every field both ways and pages losslessly one row at a time', async () => {
      await expectEveryOrder(c, { filter: { withinSubtreeOf: grid.id } }, 6, async (field, direction, keys) => {
        // TREE: by materialized path, each organization before its descendants.
        const rows: Array<{ id: string }> = await sql(`SELECT id FROM organization WHERE id = ANY($1) ORDER BY path ${direction}`, [keys]);
        expect(keys).toEqual(rows.map((r) => r.id));
        expect(keys.indexOf(grid.id)).toBe(direction === 'ASC' ? 0 : keys.length - 1);
      });
      // Several keys: the first sorts, the next break its ties (the tie group by name, descending).
      const { nodes } = await read(c, { filter: { withinSubtreeOf: grid.id }, orderBy: [{ field: 'CREATED_AT', direction: 'ASC' }, { field: 'NAME', direction: 'DESC' }] }, 'name createdAt');
      const tied = nodes.filter((n) => enterprises.slice(1, 4).some((e) => e.id === n.key));
      expectSorted(tied.map((n) => n.name), 'DESC');
      expect(nodes.indexOf(tied[0])).toBe(nodes.indexOf(tied[2]) - 2);
    });

    it('feeds changes since a sync point, the archived as tombstones only in the feed', async () => {
      expect(await read(c, { filter: { updatedSince: tomorrow() } })).toEqual({ totalCount: 0, nodes: [] });
      const created = await read(c, { filter: { updatedSince: before, withinSubtreeOf: grid.id } });
      expect(created.nodes.map((n) => n.key).sort()).toEqual([grid.id, ...enterprises.map((e) => e.id)].sort());

      const since = await syncPoint();
      // A change of the enterprise profile alone is a change of the organization.
      const profiled = await mutate('updateOrganization', 'UpdateOrganizationInput', { id: enterprises[3]!.id, version: enterprises[3]!.version, enterprise: { sectorCode: 'TRADE' } });
      expect(profiled.version).toBe(enterprises[3]!.version + 1);
      const gone = enterprises[4]!;
      const archived = await mutate('archiveOrganization', 'ArchiveInput', { id: gone.id, version: gone.version }, 'id archivedAt');
      expect(archived.archivedAt).toEqual(expect.any(String));
      const listed = await read(c, { filter: { withinSubtreeOf: grid.id } });
      expect(listed.nodes.map((n) => n.key)).not.toContain(gone.id);
      const feed = await read(c, { filter: { updatedSince: since } }, 'archivedAt updatedAt');
      expect(feed.nodes).toContainEqual({ key: gone.id, archivedAt: archived.archivedAt, updatedAt: expect.any(String) });
      expect(feed.nodes).toContainEqual({ key: profiled.id, archivedAt: null, updatedAt: expect.any(String) });
      expect(feed.nodes.filter((n) => Date.parse(n.updatedAt) < Date.parse(since))).toEqual([]);
      // An explicit filter still applies in the feed.
      const activeOnly = await read(c, { filter: { updatedSince: since, includeArchived: false } });
      expect(activeOnly.nodes.map((n) => n.key)).not.toContain(gone.id);
    });

    it('keeps children by name and orders descendants like the list', async () => {
      const res = await admin(
        `query($id: UUID!) { organization(id: $id) { children(first: 100) { edges { node { name } } } descendants(first: 100, orderBy: [{ field: NAME, direction: DESC }]) { edges { node { name } } } } }`,
        { id: grid.id },
      );
      expect(res.body.errors).toBeUndefined();
      const { children, descendants } = res.body.data!['organization'];
      expect(children.edges).toHaveLength(4);
      expectSorted(children.edges.map((e: any) => e.node.name), 'ASC');
      expect(descendants.edges).toHaveLength(4);
      expectSorted(descendants.edges.map((e: any) => e.node.name), 'DESC');
    });

    it('refuses a field named twice', () => expectFieldTwiceRefused(c, 'NAME'));
  });

  describe('persons', () => {
    const c: ListCase = { list: 'persons', filterType: 'PersonFilter', orderType: 'PersonOrder', key: 'id', fields: { NAME: 'name', CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt' } };
    const tag = uniqueName('排序人员');
    let persons: Array<{ id: string; version: number }>;
    beforeAll(async () => {
      persons = [];
      for (const name of ['丙', '甲', 'B', 'a']) persons.push(await mutate('createPerson', 'CreatePersonInput', { name: `${tag}${name}` }));
      persons[1] = await mutate('updatePerson', 'UpdatePersonInput', { id: persons[1]!.id, version: persons[1]!.version, gender: 'FEMALE' });
    });

    it('sorts by every field both ways and pages losslessly one row at a time', () => expectEveryOrder(c, { filter: { search: tag } }, 4));

    it('feeds changes since a sync point, the archived as tombstones only in the feed', async () => {
      expect(await read(c, { filter: { updatedSince: tomorrow(), search: tag } })).toEqual({ totalCount: 0, nodes: [] });
      const since = await syncPoint();
      const changed = await mutate('updatePerson', 'UpdatePersonInput', { id: persons[2]!.id, version: persons[2]!.version, gender: 'MALE' });
      const archived = await mutate('archivePerson', 'ArchiveInput', { id: persons[3]!.id, version: persons[3]!.version }, 'id archivedAt');
      expect((await read(c, { filter: { search: tag } })).nodes.map((n) => n.key)).not.toContain(archived.id);
      const feed = await read(c, { filter: { updatedSince: since } }, 'archivedAt');
      expect(feed.nodes).toEqual(expect.arrayContaining([{ key: changed.id, archivedAt: null }, { key: archived.id, archivedAt: archived.archivedAt }]));
      expect((await read(c, { filter: { updatedSince: since, includeArchived: false } })).nodes.map((n) => n.key)).not.toContain(archived.id);
    });

    it('refuses a field named twice', () => expectFieldTwiceRefused(c, 'CREATED_AT'));
  });

  describe('industrySectors', () => {
    const c: ListCase = {
      list: 'industrySectors',
      filterType: 'IndustrySectorFilter',
      orderType: 'IndustrySectorOrder',
      key: 'code',
      fields: { SORT_ORDER: 'sortOrder', CODE: 'code', NAME: 'nameZh', UPDATED_AT: 'updatedAt' },
    };

    it('sorts by every field both ways and pages losslessly one row at a time (changed at one instant: the code breaks the tie)', async () => {
      // As one migration changing every sector leaves them.
      await sql(`UPDATE industry_sector SET updated_at = $1`, [TIE]);
      await expectEveryOrder(c, {}, 20);
      const { nodes } = await read(c, { orderBy: [{ field: 'UPDATED_AT', direction: 'DESC' }] });
      expectSorted(nodes.map((n) => n.key), 'DESC');
    });

    it('feeds the sectors a release changed since a sync point', async () => {
      expect(await read(c, { filter: { updatedSince: tomorrow() } })).toEqual({ totalCount: 0, nodes: [] });
      const since = await syncPoint();
      // As a migration changing a sector does.
      await sql(`UPDATE industry_sector SET name_en = 'Other sectors', updated_at = now() WHERE code = 'OTHER'`);
      const feed = await read(c, { filter: { updatedSince: since } }, 'nameEn updatedAt');
      expect(feed.nodes).toContainEqual({ key: 'OTHER', nameEn: 'Other sectors', updatedAt: expect.any(String) });
      expect(feed.nodes.filter((n) => Date.parse(n.updatedAt) < Date.parse(since))).toEqual([]);
    });

    it('refuses a field named twice', () => expectFieldTwiceRefused(c, 'CODE'));
  });

  describe('roles, permissions and effective permissions', () => {
    const roles: ListCase = { list: 'roles', filterType: 'RoleFilter', orderType: 'RoleOrder', key: 'id', fields: { CODE: 'code', NAME: 'nameZh', CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt' } };
    const permissions: ListCase = { list: 'permissions', filterType: 'PermissionFilter', orderType: 'PermissionOrder', key: 'code', fields: { CODE: 'code', MODULE: 'module' } };
    const effective: ListCase = {
      list: 'effectivePermissions',
      filterType: 'EffectivePermissionFilter',
      orderType: 'EffectivePermissionOrder',
      key: 'permission scope organizationId',
      identify: (g) => `${g.permission} ${g.scope}`,
      fields: { PERMISSION: 'permission', SCOPE: null },
      vars: '$p: UUID!',
      args: 'principalKind: USER, principalId: $p, ',
    };
    let userId: string;
    let custom: Array<{ id: string; version: number }>;
    beforeAll(async () => {
      custom = [];
      for (const [code, nameZh] of [
        ['sort-c', '丙排序'],
        ['sort-a', '甲排序'],
        ['sort-b', 'B 排序'],
      ]) custom.push(await mutate('createRole', 'CreateRoleInput', { code, nameZh, description: 'Sorting test role' }));
      const grants: Array<[number, string, string]> = [
        [0, 'directory.organization:read', 'ORG_SUBTREE'],
        [0, 'directory.person:read', 'OWN_ORG'],
        [1, 'directory.organization:read', 'ALL'],
        [1, 'risk.hazard:read', 'OWN_ORG'],
      ];
      for (const [i, permission, scope] of grants) custom[i] = await mutate('grantPermission', 'GrantPermissionInput', { roleId: custom[i]!.id, permission, scope });
      userId = (await mutate('createUser', 'CreateUserInput', { username: uniqueName('sortroles'), password: 'Start12345', displayName: '排序角色' })).id;
      for (const role of custom.slice(0, 2)) await mutate('assignRole', 'AssignRoleInput', { principalKind: 'USER', principalId: userId, roleId: role.id, organizationId: VILLAGE }, 'id');
    });

    it('sorts roles by every field both ways and pages losslessly one row at a time', () => expectEveryOrder(roles, {}, 12));

    it('feeds the roles created or whose grants changed since a sync point', async () => {
      expect(await read(roles, { filter: { updatedSince: tomorrow() } })).toEqual({ totalCount: 0, nodes: [] });
      const since = await syncPoint();
      const regranted = await mutate('grantPermission', 'GrantPermissionInput', { roleId: custom[2]!.id, permission: 'directory.person:read', scope: 'OWN_ORG' });
      const created = await mutate('createRole', 'CreateRoleInput', { code: 'sort-new', nameZh: '新角色', description: 'Created during a sync' });
      const feed = await read(roles, { filter: { updatedSince: since } }, 'version');
      expect(feed.nodes).toEqual(expect.arrayContaining([{ key: regranted.id, version: custom[2]!.version + 1 }, { key: created.id, version: 1 }]));
    });

    it('sorts and filters the permission catalog in memory, paging losslessly', async () => {
      const all = await read(permissions, {}, 'module sensitive');
      const directory = all.nodes.filter((p) => p.module === 'directory');
      expect((await read(permissions, { filter: { module: 'directory' } })).nodes.map((p) => p.key)).toEqual(directory.map((p) => p.key));
      expect((await read(permissions, { filter: { sensitive: true } }, 'sensitive')).nodes).toEqual(all.nodes.filter((p) => p.sensitive).map((p) => ({ key: p.key, sensitive: true })));
      await expectEveryOrder(permissions, { filter: { module: 'directory' } }, 5);
      // Across modules (the sensitive ones: directory, access, enforcement …), and over the ties of one module's 20 and more.
      await expectEveryOrder({ ...permissions, fields: { MODULE: 'module' } }, { filter: { sensitive: true } }, 4);
      await expectEveryOrder({ ...permissions, fields: { MODULE: 'module' } }, { filter: { module: 'enforcement' } }, 20);
    });

    it('sorts and filters effective permissions by permission and by reach, paging losslessly', async () => {
      const rank: Record<string, number> = { OWN_ORG: 1, ORG_SUBTREE: 2, ALL: 3 };
      const { nodes } = await read(effective, { p: userId, orderBy: [{ field: 'SCOPE', direction: 'DESC' }, { field: 'PERMISSION', direction: 'ASC' }] });
      expect(nodes.map((n) => n.key)).toEqual(['directory.organization:read ALL', 'directory.organization:read ORG_SUBTREE', 'directory.person:read OWN_ORG', 'risk.hazard:read OWN_ORG']);
      await expectEveryOrder(effective, { p: userId }, 4, async (_field, direction, keys) => {
        const scopes = (await read(effective, { p: userId, orderBy: [{ field: 'SCOPE', direction }] })).nodes;
        expect(scopes.map((n) => n.key)).toEqual(keys);
        expectSorted(scopes.map((n) => n.scope), direction, (s) => rank[s as string]);
      });
      expect((await read(effective, { p: userId, filter: { permissionPrefix: 'directory.organization' } })).nodes.map((n) => n.key)).toEqual([
        'directory.organization:read ALL',
        'directory.organization:read ORG_SUBTREE',
      ]);
    });

    it('refuses a field named twice', async () => {
      await expectFieldTwiceRefused(roles, 'CODE');
      await expectFieldTwiceRefused(permissions, 'MODULE');
      await expectFieldTwiceRefused(effective, 'SCOPE', { p: userId });
    });
  });

  describe('users and API clients', () => {
    const users: ListCase = {
      list: 'users',
      filterType: 'UserFilter',
      orderType: 'UserOrder',
      key: 'id',
      fields: { USERNAME: 'username', DISPLAY_NAME: 'displayName', LAST_LOGIN_AT: 'lastLoginAt', CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt' },
    };
    const clients: ListCase = {
      list: 'apiClients',
      filterType: 'ApiClientFilter',
      orderType: 'ApiClientOrder',
      key: 'id',
      fields: { NAME: 'name', EXPIRES_AT: 'expiresAt', LAST_USED_AT: 'lastUsedAt', CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt' },
    };
    const tag = uniqueName('sortu');
    let accounts: Array<{ id: string; version: number; username: string }>;
    let keys: string[];
    let clientsSince: string;
    beforeAll(async () => {
      accounts = [];
      for (const [i, displayName] of ['丙', '甲', 'B', 'a'].entries()) {
        accounts.push(await mutate('createUser', 'CreateUserInput', { username: `${tag}-${i}`, password: 'Start12345', displayName }, 'id version username'));
      }
      // Two sign in (the others never did: no lastLoginAt).
      for (const a of accounts.slice(0, 2)) await t.as(a.username, 'Start12345');
      clientsSince = await syncPoint();
      keys = [];
      for (const [i, name] of ['丙接口', '甲接口', 'B api', 'a api'].entries()) {
        const created = await mutate('createApiClient', 'CreateApiClientInput', { name, expiresAt: new Date(Date.now() + (30 + i * 7) * 86_400_000).toISOString() }, 'key apiClient { id }');
        keys.push(created.key);
      }
    });

    it('sorts users by every field both ways and pages losslessly one row at a time (never signed in: last ascending, first descending)', async () => {
      await expectEveryOrder(users, { filter: { search: tag } }, 4);
      const { nodes } = await read(users, { filter: { search: tag }, orderBy: [{ field: 'LAST_LOGIN_AT', direction: 'DESC' }] }, 'lastLoginAt');
      expect(nodes.map((n) => n.lastLoginAt === null)).toEqual([true, true, false, false]);
    });

    it('feeds the accounts changed since a sync point: edited, or signed in (lastLoginAt)', async () => {
      expect(await read(users, { filter: { updatedSince: tomorrow(), search: tag } })).toEqual({ totalCount: 0, nodes: [] });
      const since = await syncPoint();
      const edited = await mutate('updateUser', 'UpdateUserInput', { id: accounts[2]!.id, version: accounts[2]!.version, displayName: 'B2' });
      await t.as(accounts[3]!.username, 'Start12345');
      const feed = await read(users, { filter: { updatedSince: since, search: tag } }, 'lastLoginAt');
      expect(feed.nodes.map((n) => n.key)).toEqual(expect.arrayContaining([edited.id, accounts[3]!.id]));
      expect(feed.nodes.find((n) => n.key === accounts[3]!.id).lastLoginAt).toEqual(expect.any(String));
      // The sign-in did not move the version (an administrator's open edit stays valid).
      expect((await read(users, { filter: { search: accounts[3]!.username } }, 'version')).nodes).toEqual([{ key: accounts[3]!.id, version: accounts[3]!.version }]);
    });

    it('sorts API clients by every field both ways and pages losslessly one row at a time', async () => {
      // Two keys used (the others never were: no lastUsedAt).
      const used = keys.slice(0, 2);
      for (const key of used) expect((await t.gql(`{ viewer { kind } }`, {}, { 'x-api-key': key })).body.data).toEqual({ viewer: { kind: 'API_CLIENT' } });
      await eventually(async () => (await sql(`SELECT count(*)::int AS n FROM api_client WHERE last_used_at IS NOT NULL AND key_prefix = ANY($1)`, [used.map(prefixOf)]))[0].n === 2);
      await expectEveryOrder(clients, { filter: { updatedSince: clientsSince } }, 4);
    });

    it('feeds the API clients changed since a sync point: revoked, or their key used', async () => {
      expect(await read(clients, { filter: { updatedSince: tomorrow() } })).toEqual({ totalCount: 0, nodes: [] });
      const all = (await read(clients, { filter: { updatedSince: clientsSince }, orderBy: [{ field: 'NAME', direction: 'ASC' }] }, 'name version')).nodes;
      const since = await syncPoint();
      const revoked = all.find((n) => n.name === 'a api');
      await mutate('revokeApiClient', 'ArchiveInput', { id: revoked.key, version: revoked.version });
      const unused = all.find((n) => n.name === 'B api');
      await t.gql(`{ viewer { kind } }`, {}, { 'x-api-key': keys[2]! });
      await eventually(async () => (await sql(`SELECT count(*)::int AS n FROM api_client WHERE id = $1 AND last_used_at IS NOT NULL`, [unused.key]))[0].n === 1);
      const feed = await read(clients, { filter: { updatedSince: since } }, 'status lastUsedAt version');
      expect(feed.nodes).toEqual(
        expect.arrayContaining([
          { key: revoked.key, status: 'DISABLED', lastUsedAt: null, version: revoked.version + 1 },
          { key: unused.key, status: 'ACTIVE', lastUsedAt: expect.any(String), version: unused.version },
        ]),
      );
    });

    it('refuses a field named twice', async () => {
      await expectFieldTwiceRefused(users, 'LAST_LOGIN_AT');
      await expectFieldTwiceRefused(clients, 'EXPIRES_AT');
    });
  });

  describe('auditLog', () => {
    const c: ListCase = { list: 'auditLog', filterType: 'AuditLogFilter', orderType: 'AuditEntryOrder', key: 'id', fields: { OCCURRED_AT: 'occurredAt', ACTION: 'action', ENTITY_TYPE: 'entityType' } };

    it('feeds the entries written since a sync point, sorts by every field both ways and pages losslessly', async () => {
      expect(await read(c, { filter: { updatedSince: tomorrow() } })).toEqual({ totalCount: 0, nodes: [] });
      const since = await syncPoint();
      const role = await mutate('createRole', 'CreateRoleInput', { code: 'sort-audit', nameZh: '审计排序', description: 'Audited' });
      await mutate('grantPermission', 'GrantPermissionInput', { roleId: role.id, permission: 'directory.organization:read', scope: 'ALL' });
      const person = await mutate('createPerson', 'CreatePersonInput', { name: uniqueName('审计排序') });
      const [{ id: adminId }] = await sql(`SELECT id FROM app_user WHERE username = 'admin'`);
      const feed = await read(c, { filter: { updatedSince: since, actorId: adminId } }, 'action entityId occurredAt');
      expect(feed.nodes.map((n) => [n.action, n.entityId])).toEqual(
        expect.arrayContaining([
          ['access.role.create', role.id],
          ['access.role.grant', role.id],
          ['directory.person.create', person.id],
        ]),
      );
      expect(feed.nodes.filter((n) => Date.parse(n.occurredAt) < Date.parse(since))).toEqual([]);
      await expectEveryOrder(c, { filter: { updatedSince: since, actorId: adminId } }, 3);
    });

    it('refuses a field named twice', () => expectFieldTwiceRefused(c, 'ACTION'));

    it('filters by a record\'s global id: exactly that record\'s entries', async () => {
      const since = await syncPoint();
      const user = await mutate('createUser', 'CreateUserInput', { username: uniqueName('audit-node'), password: 'Start12345', displayName: '审计对象' }, 'id nodeId version');
      const other = await mutate('createUser', 'CreateUserInput', { username: uniqueName('audit-other'), password: 'Start12345', displayName: '其他账号' }, 'id nodeId');
      await mutate('updateUser', 'UpdateUserInput', { id: user.id, version: user.version, displayName: '审计对象（改）' });
      const role = await mutate('createRole', 'CreateRoleInput', { code: uniqueName('audit-node'), nameZh: '审计对象角色', description: 'Audited by node' }, 'id nodeId');
      await mutate('grantPermission', 'GrantPermissionInput', { roleId: role.id, permission: 'directory.organization:read', scope: 'ALL' });

      const byNode = async (nodeId: string) => (await read(c, { filter: { nodeId } }, 'action entityType entityId')).nodes.map((n) => [n.action, n.entityType, n.entityId]);
      // Newest first, and nothing of the other account or of the role.
      expect(await byNode(user.nodeId)).toEqual([
        ['access.user.update', 'User', user.id],
        ['access.user.create', 'User', user.id],
      ]);
      expect(await byNode(other.nodeId)).toEqual([['access.user.create', 'User', other.id]]);
      expect(await byNode(role.nodeId)).toEqual([
        ['access.role.grant', 'Role', role.id],
        ['access.role.create', 'Role', role.id],
      ]);
      // The same rows as entityType and entityId together, and combined with the other filters.
      const stored = await sql(`SELECT id FROM audit_log WHERE entity_type = 'User' AND entity_id = $1 ORDER BY occurred_at DESC, id DESC`, [user.id]);
      expect((await read(c, { filter: { nodeId: user.nodeId } })).nodes.map((n) => n.key)).toEqual(stored.map((r: { id: string }) => r.id));
      expect((await read(c, { filter: { nodeId: user.nodeId, actionPrefix: 'access.user.update', updatedSince: since } }, 'action')).nodes.map((n) => n.action)).toEqual(['access.user.update']);
      expect((await read(c, { filter: { nodeId: user.nodeId, entityType: 'Role' } })).totalCount).toBe(0);
    });

    it('refuses a malformed global id as BAD_USER_INPUT on filter.nodeId', async () => {
      const notUuid = Buffer.from('User:42', 'utf8').toString('base64url');
      for (const nodeId of ['not-a-global-id', notUuid, '']) {
        const res = await admin(`query($filter: AuditLogFilter) { auditLog(filter: $filter) { totalCount } }`, { filter: { nodeId } });
        expect({ nodeId, data: res.body.data ?? null, extensions: res.body.errors?.[0]?.extensions }).toEqual({
          nodeId,
          data: null,
          extensions: { code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'filter.nodeId' })] },
        });
      }
    });

    it('filters by the home organization of whoever made the change, and answers it with each entry', async () => {
      const since = await syncPoint();
      const [wenfeng, shuanghe] = [await t.as('wenfeng'), await t.as('shuanghe')];
      const here = await ok(wenfeng(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, { input: enterpriseInput(seedId('org:grid-wenfeng-1')) }), 'createOrganization');
      const there = await ok(shuanghe(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, { input: enterpriseInput(seedId('org:grid-shuanghe-1')) }), 'createOrganization');
      const byAdmin = await mutate('createPerson', 'CreatePersonInput', { name: uniqueName('审计组织') });
      const ids = Object.fromEntries((await sql(`SELECT username, id FROM app_user WHERE username IN ('admin', 'wenfeng', 'shuanghe')`)).map((u: { username: string; id: string }) => [u.username, u.id]));
      const SHUANGHE = seedId('org:village-shuanghe');
      const TOWN = seedId('org:town');

      const select = 'action entityId actorId organizationId organization { id }';
      const inOrg = async (organizationId: string) => (await read(c, { filter: { updatedSince: since, organizationId } }, select)).nodes;
      /** Every entry written since by this account: what the filter must answer for its organization. */
      const writtenBy = async (actorId: string) => (await sql(`SELECT id FROM audit_log WHERE occurred_at >= $1 AND actor_id = $2 ORDER BY occurred_at DESC, id DESC`, [since, actorId])).map((r: { id: string }) => r.id);

      const village = await inOrg(VILLAGE);
      expect(village.map((n) => n.key)).toEqual(await writtenBy(ids['wenfeng']));
      expect(village.map((n) => [n.action, n.entityId])).toContainEqual(['directory.organization.create', here.id]);
      expect(village.filter((n) => n.actorId !== ids['wenfeng'] || n.organizationId !== VILLAGE || n.organization?.id !== VILLAGE)).toEqual([]);

      const neighbour = await inOrg(SHUANGHE);
      expect(neighbour.map((n) => n.key)).toEqual(await writtenBy(ids['shuanghe']));
      expect(neighbour.map((n) => [n.action, n.entityId])).toContainEqual(['directory.organization.create', there.id]);
      expect(neighbour.map((n) => n.entityId)).not.toContain(here.id);

      // The town's: the admin's (and every other town account's) entries, none of the villages'.
      const town = await inOrg(TOWN);
      expect(town.map((n) => [n.action, n.entityId])).toContainEqual(['directory.person.create', byAdmin.id]);
      expect(town.map((n) => n.entityId)).not.toContain(here.id);
      expect(town.map((n) => n.entityId)).not.toContain(there.id);
      expect(town.filter((n) => n.organizationId !== TOWN)).toEqual([]);
      // No organization for the system (the seeds) and anonymous callers.
      expect(await sql(`SELECT count(*)::int AS n FROM audit_log WHERE actor_kind IN ('system', 'anonymous') AND organization_id IS NOT NULL`)).toEqual([{ n: 0 }]);
      expect((await inOrg(seedId('org:village-nobody'))).length).toBe(0);
    });
  });
});

/** The visible prefix of an API key (`tsk_<prefix>_<secret>`). */
function prefixOf(key: string): string {
  return key.split('_')[1]!;
}

/** Waits until an asynchronous check holds (e.g. a write the request left to run after its answer), checking again as each check ends. */
async function eventually(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  let done = false;
  let failed: unknown;
  const loop = (async () => {
    while (!done) done = await check().catch((e) => ((failed = e), true));
  })();
  try {
    await until(() => done, ms);
  } finally {
    done = true;
    await loop;
  }
  if (failed) throw failed;
}
