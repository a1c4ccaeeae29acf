import { startTestGateway, type TestGateway } from '@platform/testing';
import { directoryModule } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '../src/index';

/** Hazard reads select only the columns a query needs, and field resolvers still get theirs. */
describe('hazard reads select the columns the query needs', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway([directoryModule, accessModule, riskModule], { seed: true });
  });
  afterAll(() => t?.close());

  /** The SQL of the statements that read from `table` while one request ran through the resolvers (the read compiler off: it selects its own columns, see read-compiler.e2e-spec). */
  async function readsOf(table: string, query: string, variables?: Record<string, unknown>): Promise<{ sql: string[]; data: any }> {
    const office = await t.resolvers('anban');
    const logger = t.gateway.database.dataSource.logger;
    const sql: string[] = [];
    const spy = jest.spyOn(logger, 'logQuery').mockImplementation((q: string) => void sql.push(q));
    try {
      const res = await office(query, variables);
      expect(res.body.errors).toBeUndefined();
      return { sql: sql.filter((q) => new RegExp(`FROM ${table} [a-z]+ WHERE`).test(q)), data: res.body.data };
    } finally {
      spy.mockRestore();
    }
  }

  it('reads the selected columns, the sort key and the id for a list', async () => {
    const { sql, data } = await readsOf('hazard', `{ hazards(first: 5) { edges { node { title } } } }`);
    expect(sql).toHaveLength(1);
    expect(sql[0]).toContain('"title"');
    expect(sql[0]).toContain('"found_at"');
    expect(sql[0]).not.toContain('"description"');
    expect(sql[0]).not.toContain('"measures"');
    expect(data.hazards.edges).toHaveLength(5);
  });

  it('reads what a field resolver declares: overdue needs deadline and status, location the coordinates', async () => {
    await t.gateway.database.dataSource.query(`UPDATE hazard SET deadline = current_date - 3, status = 'RECTIFYING', longitude = 119.1, latitude = 26.6 WHERE id = (SELECT id FROM hazard ORDER BY found_at DESC, id DESC LIMIT 1)`);
    const { sql, data } = await readsOf('hazard', `{ hazards(first: 1) { edges { node { overdue location { longitude latitude } } } } }`);
    expect(sql[0]).toContain('"deadline"');
    expect(sql[0]).toContain('"status"');
    expect(sql[0]).toContain('"longitude"');
    expect(sql[0]).not.toContain('"title"');
    expect(data.hazards.edges[0].node).toEqual({ overdue: true, location: { longitude: 119.1, latitude: 26.6 } });
  });

  it('narrows nested pages and by-id reads the same way', async () => {
    const nested = await readsOf('hazard_event', `{ hazards(first: 3) { edges { node { history(first: 5) { edges { node { action } } } } } } }`);
    expect(nested.sql).toHaveLength(1);
    expect(nested.sql[0]).toContain('"action"');
    expect(nested.sql[0]).not.toContain('"note"');
    const [{ id }] = await t.gateway.database.dataSource.query(`SELECT id FROM hazard LIMIT 1`);
    const one = await readsOf('hazard', `query($id: UUID!) { hazard(id: $id) { id grade } }`, { id });
    expect(one.sql[0]).toContain('"grade"');
    expect(one.sql[0]).not.toContain('"title"');
    expect(one.data.hazard.id).toBe(id);
  });
});
