import { runSql, sql, type RequestContext } from '@platform/core';

/** What an alarm's texts name of its datastream and thing. */
export interface AlarmSubject {
  readonly thingName: string;
  readonly datastreamName: string;
  readonly unitSymbol: string | null;
  readonly observedProperty: string;
  readonly organizationId: string;
  readonly thingId: string;
}

/** The datastream's and its thing's names and unit (whatever the caller's scope: the alarm was read in scope before). */
export async function alarmSubject(ctx: RequestContext, datastreamId: string): Promise<AlarmSubject | null> {
  const [row] = await runSql<AlarmSubject>(
    ctx.manager,
    sql`SELECT th.name AS "thingName", d.name AS "datastreamName", d.unit_symbol AS "unitSymbol", d.observed_property AS "observedProperty", d.organization_id AS "organizationId", d.thing_id AS "thingId"
          FROM sensor_datastream d JOIN sensor_thing th ON th.id = d.thing_id WHERE d.id = ${datastreamId}`,
  );
  return row ?? null;
}
