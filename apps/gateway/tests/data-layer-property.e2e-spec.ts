import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { InProcessEventBus, RequestContext, SortDirection, createDataSource, DEFAULT_DATABASE_SETTINGS, records, type Grant, type GrantScope, type Principal } from '@platform/core';
import { createTestDatabase, type TestDatabase } from '@platform/testing';
import { directoryModule } from '@platform/directory';
import { selectModules } from '@platform/server';
import { ScopedProbeNotes, ScopedProbes, scopedProbeModule } from './scoped-probe.module';

/**
 * Property: over random organization trees, records and grants, every read of the kernel data layer
 * (`page` followed to the end, `count`, `one`, `many`, `exists`, `byParent`) returns exactly the rows
 * a reference implementation of the scope rule, written here in TypeScript, says the principal may see:
 * for records with their own organization and for records in scope through their parent.
 */
const READ = 'probe.scoped:read';
const KEYS = [
  { column: 't.title', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];

interface Org {
  id: string;
  path: string;
}

const within = (path: string, ancestor: string) => path === ancestor || path.startsWith(`${ancestor}.`);
/** The reference rule: the organization lies within one of the grants of the permission. */
const visible = (grants: readonly Grant[], org: Org) =>
  grants.some((g) => g.scope === 'ALL' || (g.scope === 'ORG_SUBTREE' && within(org.path, g.organizationPath!)) || (g.scope === 'OWN_ORG' && g.organizationId === org.id));

const world = fc.record({
  parents: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }).map((xs) => xs.map((x, i) => x % (i + 1))),
  probes: fc.array(fc.record({ org: fc.nat(), notes: fc.nat({ max: 3 }) }), { maxLength: 12 }),
  grants: fc.array(fc.record({ scope: fc.constantFrom<GrantScope>('ALL', 'ORG_SUBTREE', 'ORG_SUBTREE', 'OWN_ORG'), org: fc.nat() }), { maxLength: 3 }),
  first: fc.integer({ min: 1, max: 5 }),
});

describe('kernel data layer: reads return exactly what the scope rule allows (property)', () => {
  let database: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    const modules = selectModules([directoryModule, scopedProbeModule], 'all');
    database = await createTestDatabase(modules);
    ds = createDataSource({ url: database.url, ...DEFAULT_DATABASE_SETTINGS, poolSize: 2 }, modules, pino({ level: 'silent' }));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await database?.drop();
  });

  it('holds for random trees, records and grants', async () => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        await ds.query(`TRUNCATE scoped_probe_note, scoped_probe, organization CASCADE`);
        const orgs: Org[] = [];
        for (let i = 0; i <= w.parents.length; i++) {
          const id = randomUUID();
          const parent = i === 0 ? null : orgs[w.parents[i - 1]!]!;
          const path = parent ? `${parent.path}.${id.replace(/-/g, '')}` : id.replace(/-/g, '');
          await ds.query(`INSERT INTO organization (id, kind, name, parent_id, path, depth) VALUES ($1, $2, $3, $4, $5::ltree, $6)`, [id, parent ? 'VILLAGE' : 'TOWN_GOVERNMENT', `org-${i}`, parent?.id ?? null, path, path.split('.').length - 1]);
          orgs.push({ id, path });
        }
        const probes: Array<{ id: string; org: Org; title: string; notes: string[] }> = [];
        for (const [i, p] of w.probes.entries()) {
          const org = orgs[p.org % orgs.length]!;
          // Titles tie on purpose: the id decides the order then.
          const title = `t${i % 3}`;
          const [{ id }] = await ds.query(`INSERT INTO scoped_probe (organization_id, title) VALUES ($1, $2) RETURNING id`, [org.id, title]);
          const notes: string[] = [];
          for (let n = 0; n < p.notes; n++) notes.push((await ds.query(`INSERT INTO scoped_probe_note (probe_id, text) VALUES ($1, $2) RETURNING id`, [id, `n${n}`]))[0].id);
          probes.push({ id, org, title, notes });
        }
        const grants: Grant[] = w.grants.map((g) => {
          const org = orgs[g.org % orgs.length]!;
          return { scope: g.scope, organizationId: org.id, organizationPath: org.path };
        });
        const principal: Principal = { kind: 'user', id: randomUUID(), displayName: 'p', roles: [], grants: new Map(grants.length ? [[READ, grants]] : []) };
        const ctx = new RequestContext({ requestId: 'property', principal, dataSource: ds, events: new InProcessEventBus(), log: pino({ level: 'silent' }) });

        const expected = probes.filter((p) => visible(grants, p.org));
        const expectedIds = expected
          .map((p) => p)
          .sort((a, b) => (a.title === b.title ? (a.id < b.id ? -1 : 1) : a.title < b.title ? -1 : 1))
          .map((p) => p.id);
        // page, followed to the end
        const paged: string[] = [];
        let after: string | undefined;
        for (let n = 0; n < 50; n++) {
          const page = await records(ctx, ScopedProbes).page({ keys: KEYS, page: { first: w.first, after }, withCount: true });
          expect(page.totalCount).toBe(expected.length);
          paged.push(...page.edges.map((e) => e.node.id));
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor!;
        }
        expect(paged).toEqual(expectedIds);
        expect(await records(ctx, ScopedProbes).count()).toBe(expected.length);
        // one, many, exists: out of scope answers like missing
        const allIds = [...probes.map((p) => p.id), randomUUID()];
        const many = await records(ctx, ScopedProbes).many(allIds);
        expect(many.map((r) => r?.id ?? null)).toEqual(allIds.map((id) => (expectedIds.includes(id) ? id : null)));
        for (const p of probes) {
          expect((await records(ctx, ScopedProbes).one(p.id))?.id ?? null).toBe(expectedIds.includes(p.id) ? p.id : null);
          expect(await records(ctx, ScopedProbes).exists(p.id)).toBe(expectedIds.includes(p.id));
        }
        // through the parent: notes of every probe, in one statement
        const byParent = await records(ctx, ScopedProbeNotes).byParent('probe_id', probes.map((p) => p.id), { keys: [{ column: 't.id', direction: SortDirection.ASC }], page: { first: 10 }, withCount: true });
        for (const p of probes) {
          const notes = byParent.get(p.id)!;
          expect(notes.edges.map((e) => e.node.id)).toEqual(visible(grants, p.org) ? [...p.notes].sort() : []);
          expect(notes.totalCount).toBe(visible(grants, p.org) ? p.notes.length : 0);
        }
        expect(await records(ctx, ScopedProbeNotes).count()).toBe(expected.reduce((n, p) => n + p.notes.length, 0));
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
