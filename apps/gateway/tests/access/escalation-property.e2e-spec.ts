import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { hash } from '@node-rs/argon2';
import { startTestGateway, type GraphQLClient, type TestGateway } from '@platform/testing';
import { directoryModule } from '@platform/directory';
import { accessModule } from '@platform/access';

/**
 * Property: whatever sequence of access-administration calls a scoped administrator makes, over
 * random organization trees, roles, grants and assignments, no principal ends up reaching beyond
 * the administrator's own reach, no account or client the administrator holds the password or key
 * of reaches beyond it, and the accounts it may list are exactly those a reference implementation
 * of the rule (written here, independently of the platform's SQL) says it reaches.
 */

type Scope = 'ALL' | 'ORG_SUBTREE' | 'OWN_ORG';
interface Org {
  id: string;
  path: string;
}
interface HeldGrant {
  permission: string;
  scope: Scope;
  anchor: Org;
}

const SCOPES: Scope[] = ['ALL', 'ORG_SUBTREE', 'OWN_ORG'];
const ADMINISTERING = ['access.user:read', 'access.user:write', 'access.role:read', 'access.role:write', 'access.role:assign', 'access.api-client:read', 'access.api-client:write'];
const OTHERS = ['directory.organization:read', 'directory.organization:write', 'directory.person:read', 'directory.person:read-sensitive', 'kernel.audit:read'];
const PERMISSIONS = [...ADMINISTERING, ...OTHERS];
const PASSWORD = 'Start12345';

// ---- The rule, as a reference implementation --------------------------------------------------

const within = (path: string, ancestor: string) => path === ancestor || path.startsWith(`${ancestor}.`);

/** The actor holds `permission` reaching at least as far as `scope` anchored at `anchor`. */
function holds(actor: readonly HeldGrant[], permission: string, scope: Scope, anchor: Org): boolean {
  return actor.some(
    (g) =>
      g.permission === permission &&
      (g.scope === 'ALL' || (scope !== 'ALL' && ((g.scope === 'ORG_SUBTREE' && within(anchor.path, g.anchor.path)) || (g.scope === 'OWN_ORG' && scope === 'OWN_ORG' && g.anchor.id === anchor.id)))),
  );
}

/** The organization lies where the actor holds `permission`. */
function covers(actor: readonly HeldGrant[], permission: string, org: Org): boolean {
  return actor.some((g) => g.permission === permission && (g.scope === 'ALL' || (g.scope === 'ORG_SUBTREE' && within(org.path, g.anchor.path)) || (g.scope === 'OWN_ORG' && g.anchor.id === org.id)));
}

// ---- Random worlds ------------------------------------------------------------------------------

const world = fc.record({
  // parents[i] is the parent of organization i + 1 among the organizations before it; organization 0 is the town.
  parents: fc.array(fc.nat(), { minLength: 2, maxLength: 7 }).map((xs) => xs.map((x, i) => x % (i + 1))),
  roles: fc.array(fc.array(fc.record({ permission: fc.constantFrom(...PERMISSIONS), scope: fc.constantFrom(...SCOPES) }), { maxLength: 5 }), { minLength: 1, maxLength: 4 }),
  actorGrants: fc.array(fc.record({ permission: fc.constantFrom(...PERMISSIONS), scope: fc.constantFrom<Scope>('ORG_SUBTREE', 'ORG_SUBTREE', 'OWN_ORG', 'ALL') }), { minLength: 4, maxLength: 12 }),
  actorAnchors: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }),
  principals: fc.array(fc.record({ client: fc.boolean(), home: fc.nat(), assignments: fc.array(fc.record({ role: fc.nat(), org: fc.nat() }), { maxLength: 3 }) }), { minLength: 2, maxLength: 6 }),
  commands: fc.array(
    fc.record({
      op: fc.constantFrom('createUser', 'updateUser', 'assignRole', 'unassignRole', 'createRole', 'grant', 'revoke', 'createApiClient', 'rotate', 'revokeClient'),
      a: fc.nat(),
      b: fc.nat(),
      c: fc.nat(),
      flag: fc.boolean(),
    }),
    { minLength: 4, maxLength: 14 },
  ),
});

describe('access administration: no escalation beyond the administrator\'s reach (property)', () => {
  let t: TestGateway;
  let passwordHash: string;
  beforeAll(async () => {
    t = await startTestGateway([directoryModule, accessModule]);
    passwordHash = await hash(PASSWORD);
  });
  afterAll(() => t?.close());

  const sql = <T = any>(text: string, params: unknown[] = []): Promise<T[]> => t.gateway.database.dataSource.query(text, params);

  /** Every grant every user and API client holds, with its anchor. */
  async function allGrants(): Promise<Array<HeldGrant & { principal: string }>> {
    const rows = await sql(
      `SELECT ra.principal_id AS principal, rp.permission, rp.scope, o.id, o.path::text AS path
       FROM role_assignment ra JOIN role_permission rp ON rp.role_id = ra.role_id JOIN organization o ON o.id = ra.organization_id`,
    );
    return rows.map((r) => ({ principal: r.principal, permission: r.permission, scope: r.scope, anchor: { id: r.id, path: r.path } }));
  }

  async function reset(): Promise<void> {
    await sql(`TRUNCATE role_assignment, refresh_token, app_user, api_client, organization CASCADE`);
    await sql(`DELETE FROM role WHERE NOT is_system`);
  }

  it('holds for random trees, roles, assignments and call sequences', async () => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        await reset();
        // The tree.
        const orgs: Org[] = [];
        for (let i = 0; i <= w.parents.length; i++) {
          const id = randomUUID();
          const parent = i === 0 ? null : orgs[w.parents[i - 1]!]!;
          const path = parent ? `${parent.path}.${id.replace(/-/g, '')}` : id.replace(/-/g, '');
          await sql(`INSERT INTO organization (id, kind, name, parent_id, path, depth) VALUES ($1, $2, $3, $4, $5::ltree, $6)`, [id, parent ? 'VILLAGE' : 'TOWN_GOVERNMENT', `org-${i}`, parent?.id ?? null, path, path.split('.').length - 1]);
          orgs.push({ id, path });
        }
        const org = (n: number) => orgs[n % orgs.length]!;
        // Custom roles with random grants, and the system super-admin among the assignable ones.
        const roles: string[] = [];
        for (const [i, grants] of w.roles.entries()) {
          const [{ id }] = await sql(`INSERT INTO role (code, name_zh, description) VALUES ($1, $1, $1) RETURNING id`, [`random-${i}`]);
          for (const g of grants) await sql(`INSERT INTO role_permission (role_id, permission, scope) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [id, g.permission, g.scope]);
          roles.push(id);
        }
        roles.push((await sql(`SELECT id FROM role WHERE code = 'super-admin'`))[0].id);
        const role = (n: number) => roles[n % roles.length]!;
        // Other principals.
        const users: string[] = [];
        const clients: string[] = [];
        for (const [i, p] of w.principals.entries()) {
          const id = randomUUID();
          if (p.client) await sql(`INSERT INTO api_client (id, name, key_prefix, key_hash, status, expires_at, organization_id) VALUES ($1, $2, $3, 'x', 'ACTIVE', now() + interval '1 day', $4)`, [id, `client-${i}`, id.slice(0, 12).replace(/-/g, 'a'), org(p.home).id]);
          else await sql(`INSERT INTO app_user (id, username, password_hash, display_name, status, organization_id) VALUES ($1, $2, $3, $2, 'ACTIVE', $4)`, [id, `user-${i}`, passwordHash, org(p.home).id]);
          (p.client ? clients : users).push(id);
          for (const a of p.assignments) {
            await sql(`INSERT INTO role_assignment (principal_kind, principal_id, role_id, organization_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [p.client ? 'api-client' : 'user', id, role(a.role), org(a.org).id]);
          }
        }
        // The scoped administrator: its own role, anchored below the town.
        const actorId = randomUUID();
        const [{ id: actorRole }] = await sql(`INSERT INTO role (code, name_zh, description) VALUES ('actor', 'actor', 'actor') RETURNING id`);
        for (const p of ADMINISTERING) await sql(`INSERT INTO role_permission (role_id, permission, scope) VALUES ($1, $2, 'ORG_SUBTREE')`, [actorRole, p]);
        for (const g of w.actorGrants) await sql(`INSERT INTO role_permission (role_id, permission, scope) VALUES ($1, $2, $3) ON CONFLICT (role_id, permission) DO UPDATE SET scope = EXCLUDED.scope`, [actorRole, g.permission, g.scope]);
        await sql(`INSERT INTO app_user (id, username, password_hash, display_name, status, organization_id) VALUES ($1, 'actor', $2, 'actor', 'ACTIVE', $3)`, [actorId, passwordHash, org(1 + w.actorAnchors[0]!).id]);
        for (const a of w.actorAnchors) await sql(`INSERT INTO role_assignment (principal_kind, principal_id, role_id, organization_id) VALUES ('user', $1, $2, $3) ON CONFLICT DO NOTHING`, [actorId, actorRole, org(1 + a).id]);
        users.push(actorId);
        roles.push(actorRole);

        const before = await allGrants();
        const actorReach = before.filter((g) => g.principal === actorId);
        const key = (g: HeldGrant & { principal: string }) => `${g.principal}|${g.permission}|${g.scope}|${g.anchor.id}`;
        const known = new Set(before.map(key));
        let actor: GraphQLClient = await t.as('actor', PASSWORD);
        const controlled = new Set<string>();

        const version = async (table: string, id: string) => (await sql(`SELECT version FROM ${table} WHERE id = $1`, [id]))[0]?.version ?? 1;
        for (const [i, c] of w.commands.entries()) {
          const user = users[c.a % users.length]!;
          const client = clients.length ? clients[c.a % clients.length]! : undefined;
          if (c.op === 'createUser') {
            const res = await actor(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, { input: { username: `made-${i}`, password: PASSWORD, displayName: 'made', organizationId: c.flag ? org(c.b).id : undefined } });
            const id = res.body.data?.['createUser']?.id;
            if (id) {
              users.push(id);
              controlled.add(id);
            }
          } else if (c.op === 'updateUser') {
            const input = c.flag ? { id: user, version: await version('app_user', user), password: 'Taken12345' } : { id: user, version: await version('app_user', user), organizationId: org(c.b).id };
            const res = await actor(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { id } }`, { input });
            if (c.flag && res.body.data?.['updateUser']) controlled.add(user);
            // A reset of its own password ends its own sessions too.
            if (c.flag && res.body.data?.['updateUser'] && user === actorId) actor = await t.as('actor', 'Taken12345');
          } else if (c.op === 'assignRole') {
            const kind = c.flag && client ? 'API_CLIENT' : 'USER';
            await actor(`mutation($input: AssignRoleInput!) { assignRole(input: $input) { id } }`, { input: { principalKind: kind, principalId: kind === 'USER' ? user : client, roleId: role(c.b), organizationId: org(c.c).id } });
          } else if (c.op === 'unassignRole') {
            const assignments = await sql(`SELECT id FROM role_assignment ORDER BY id`);
            if (assignments.length) await actor(`mutation($id: UUID!) { unassignRole(id: $id) }`, { id: assignments[c.b % assignments.length].id });
          } else if (c.op === 'createRole') {
            const res = await actor(`mutation($input: CreateRoleInput!) { createRole(input: $input) { id } }`, { input: { code: `made-role-${i}`, nameZh: 'made', description: 'made' } });
            if (res.body.data?.['createRole']) roles.push(res.body.data['createRole'].id);
          } else if (c.op === 'grant') {
            await actor(`mutation($input: GrantPermissionInput!) { grantPermission(input: $input) { id } }`, { input: { roleId: role(c.b), permission: PERMISSIONS[c.c % PERMISSIONS.length], scope: SCOPES[c.a % SCOPES.length] } });
          } else if (c.op === 'revoke') {
            await actor(`mutation($input: RevokePermissionInput!) { revokePermission(input: $input) { id } }`, { input: { roleId: role(c.b), permission: PERMISSIONS[c.c % PERMISSIONS.length] } });
          } else if (c.op === 'createApiClient') {
            const res = await actor(`mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiClient { id } } }`, {
              input: { name: `made-${i}`, organizationId: org(c.b).id, roleId: c.flag ? role(c.c) : undefined },
            });
            const id = res.body.data?.['createApiClient']?.apiClient.id;
            if (id) {
              clients.push(id);
              controlled.add(id);
            }
          } else if (client) {
            const mutation = c.op === 'rotate' ? 'rotateApiClientKey' : 'revokeApiClient';
            const res = await actor(`mutation($input: ArchiveInput!) { ${mutation}(input: $input) { __typename } }`, { input: { id: client, version: await version('api_client', client) } });
            if (c.op === 'rotate' && res.body.data?.[mutation]) controlled.add(client);
          }
        }

        const after = await allGrants();
        // 1. Every grant that appeared lies within the administrator's reach as it was.
        for (const g of after.filter((x) => !known.has(key(x)))) {
          expect({ grant: key(g), withinReach: holds(actorReach, g.permission, g.scope, g.anchor) }).toEqual({ grant: key(g), withinReach: true });
        }
        // 2. Whatever it holds the password or key of reaches no further than it does.
        for (const g of after.filter((x) => controlled.has(x.principal))) {
          expect({ grant: key(g), withinReach: holds(actorReach, g.permission, g.scope, g.anchor) }).toEqual({ grant: key(g), withinReach: true });
        }
        // 3. It lists exactly the accounts the rule says it reaches (with its grants as they are now).
        const actorNow = after.filter((g) => g.principal === actorId);
        const accounts = await sql(`SELECT u.id, o.id AS home, o.path::text AS home_path FROM app_user u LEFT JOIN organization o ON o.id = u.organization_id`);
        const anchors = await sql(`SELECT ra.principal_id AS principal, o.id, o.path::text AS path FROM role_assignment ra JOIN organization o ON o.id = ra.organization_id`);
        const expected = accounts
          .filter((u) => u.home && covers(actorNow, 'access.user:read', { id: u.home, path: u.home_path }))
          .filter((u) => anchors.filter((a) => a.principal === u.id).every((a) => covers(actorNow, 'access.user:read', a)))
          .filter((u) => after.filter((g) => g.principal === u.id).every((g) => holds(actorNow, g.permission, g.scope, g.anchor)))
          .map((u) => u.id)
          .sort();
        const listed = await actor(`{ users(first: 100) { edges { node { id } } } }`);
        const ids = listed.body.data ? listed.body.data["users"].edges.map((e: any) => e.node.id).sort() : [];
        if (process.env["DEBUG_PROPERTY"]) console.log(JSON.stringify(listed.body), JSON.stringify(actorNow));
        expect(ids).toEqual(actorNow.some((g) => g.permission === 'access.user:read') ? expected : []);
      }),
      { numRuns: 30, ...(process.env["PROPERTY_SEED"] ? { seed: Number(process.env["PROPERTY_SEED"]), path: process.env["PROPERTY_PATH"], endOnFailure: true } : {}) },
    );
  }, 120_000);
});
