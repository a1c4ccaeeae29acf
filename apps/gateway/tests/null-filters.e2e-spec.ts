import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, isInputObjectType, isNonNullType, isObjectType, type GraphQLField } from 'graphql';
import { ManualClock } from '@platform/core';
import { QUIET_SWEEPS, startTestGateway, type TestGateway } from '@platform/testing';
import { AVAILABLE_MODULES } from '../src/available-modules';

/**
 * GraphQL lets a client send `null` for any optional argument or input field. For every list in the
 * schema that takes a `filter` (and nothing else it requires), `filter: null` and a filter whose every
 * field is null must answer like no filter: never an internal error (a list once read `filter.x` of a
 * null filter and answered INTERNAL_SERVER_ERROR).
 */
const schema = buildSchema(readFileSync(path.resolve(__dirname, '..', '..', '..', 'schema.graphql'), 'utf8'));
const query = schema.getQueryType()!;

function lists(): { name: string; nullFields: string | null }[] {
  const out: { name: string; nullFields: string | null }[] = [];
  for (const field of Object.values(query.getFields()) as GraphQLField<unknown, unknown>[]) {
    const type = getNamedType(field.type);
    if (!isObjectType(type) || !type.name.endsWith('Connection')) continue;
    const filter = field.args.find((a) => a.name === 'filter');
    if (!filter || field.args.some((a) => a !== filter && isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const input = getNamedType(filter.type);
    const fields = isInputObjectType(input) ? Object.values(input.getFields()) : [];
    const allOptional = fields.every((f) => !isNonNullType(f.type));
    out.push({ name: field.name, nullFields: allOptional && fields.length ? `{ ${fields.map((f) => `${f.name}: null`).join(', ')} }` : null });
  }
  return out;
}

describe('lists with a null filter', () => {
  let t: TestGateway;
  let token: string;
  beforeAll(async () => {
    // A stopped clock: each list is asked twice and the totals compared, so nothing may write records
    // in between. On the real clock the sweeps did (the audit log grew by one entry between the two
    // asks, 1 run in the CI's). The README's moment, so the seeded town is the README's template.
    const clock = new ManualClock(new Date('2026-11-29T10:00:00+08:00'));
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true, clock, env: QUIET_SWEEPS });
    token = await t.token('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  const all = lists();
  it('finds the lists to try', () => {
    expect(all.length).toBeGreaterThan(100);
    expect(all.map((l) => l.name)).toEqual(expect.arrayContaining(['permissions', 'organizations', 'auditLog', 'hazards', 'indicators']));
  });

  it('answers effectivePermissions (which also names a principal) with a null filter like none', async () => {
    const admin = await t.as('admin');
    const id = (await admin<{ viewer: { id: string } }>(`{ viewer { id } }`)).body.data!.viewer.id;
    const ask = (filter: string) => admin<{ effectivePermissions: { totalCount: number } }>(`query($id: UUID!) { effectivePermissions(principalKind: USER, principalId: $id, first: 1, filter: ${filter}) { totalCount } }`, { id });
    const none = await ask('null');
    expect(none.body.errors).toBeUndefined();
    expect(none.body.data!.effectivePermissions.totalCount).toBeGreaterThan(100);
    expect((await ask('{ permissionPrefix: null }')).body.data!.effectivePermissions.totalCount).toBe(none.body.data!.effectivePermissions.totalCount);
  });

  it.each(all.map((l) => [l.name, l.nullFields] as const))('%s answers filter: null, and a filter of nulls, like no filter', async (name, nullFields) => {
    const ask = async (filter: string) => {
      const res = await t.gql(`{ ${name}(first: 1, filter: ${filter}) { totalCount } }`, undefined, { authorization: `Bearer ${token}` });
      return { codes: (res.body.errors ?? []).map((e) => e.extensions?.['code']), total: (res.body.data?.[name] as { totalCount: number } | undefined)?.totalCount };
    };
    const none = await ask('null');
    expect(none.codes).not.toContain('INTERNAL_SERVER_ERROR');
    if (nullFields) {
      const nulls = await ask(nullFields);
      expect(nulls.codes).not.toContain('INTERNAL_SERVER_ERROR');
      expect(nulls.total).toBe(none.total);
    }
  });
});
