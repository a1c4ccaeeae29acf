import { runSql, sql, type RequestContext } from '@platform/core';

/**
 * Retires every datastream of a thing that is not retired yet, with the thing (its caller locked it
 * and audits the retirement with their ids): one statement, versions moved on.
 */
export function retireDatastreamsOfThing(tx: RequestContext, thingId: string): Promise<Array<{ id: string; observedProperty: string }>> {
  return runSql(
    tx.manager,
    sql`UPDATE sensor_datastream SET status = 'RETIRED', version = version + 1, updated_at = now()
         WHERE thing_id = ${thingId} AND status <> 'RETIRED'
     RETURNING id, observed_property AS "observedProperty"`,
  );
}
