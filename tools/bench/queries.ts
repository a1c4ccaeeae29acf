/** The GraphQL documents `npm run bench` sends; all read the seeded demo town. */

export const PING = '{ __typename }';

/** One id per organization of the first page, for the `byId` rotation. */
export const ORGANIZATION_IDS = '{ organizations(first: 100) { edges { node { id parentId } } } }';

export const FLAT = '{ organizations(first: 100) { edges { node { id name kind code createdAt } } } }';

// Three levels of pages: exercises the per-parent page loaders (one statement per level, not per node).
export const NESTED = `{
  organizations(first: 20, filter: { kinds: [VILLAGE, COMMUNITY] }) {
    edges { node {
      id name kind
      children(first: 20) {
        edges { node {
          id name kind
          children(first: 20) {
            totalCount
            edges { node { id name kind code } }
          }
        } }
      }
    } }
  }
}`;

export const BY_ID = 'query($id: UUID!) { organization(id: $id) { id name kind parent { name } } }';

// ---------------------------------------------------------------- `npm run bench:compare`
// The same three reads for the gateway, PostGraphile 5 (amber preset: `rowId` is the primary key,
// `id` the Relay node id) and the SQL floor. Orders: hazards newest found first (found_at DESC,
// id DESC), organizations in tree order (ltree `path` ASC, the gateway's default), history oldest
// first (at ASC, id ASC).

/** Q1 flat: the 100 newest hazards. */
export const GATEWAY_Q1 = '{ hazards(first: 100) { edges { node { id title status category foundAt } } } }';
export const POSTGRAPHILE_Q1 = '{ allHazards(first: 100, orderBy: [FOUND_AT_DESC, ROW_ID_DESC]) { edges { node { rowId title status category foundAt } } } }';
export const FLOOR_Q1 = 'SELECT id, title, status, category, found_at FROM hazard ORDER BY found_at DESC, id DESC LIMIT 100';

/** Q2 nested: 20 organizations × their 20 newest hazards × 20 steps of history. */
export const GATEWAY_Q2 = `{
  organizations(first: 20) { edges { node {
    id name
    hazards(first: 20) { edges { node {
      id title status foundAt
      history(first: 20) { edges { node { id action toStatus at } } }
    } } }
  } } }
}`;
export const POSTGRAPHILE_Q2 = `{
  allOrganizations(first: 20, orderBy: [PATH_ASC]) { edges { node {
    rowId name
    hazardsByOrganizationId(first: 20, orderBy: [FOUND_AT_DESC, ROW_ID_DESC]) { edges { node {
      rowId title status foundAt
      hazardEventsByHazardId(first: 20, orderBy: [AT_ASC, ROW_ID_ASC]) { edges { node { rowId action toStatus at } } }
    } } }
  } } }
}`;
/** One statement: LEFT JOIN LATERAL per level, one row per (organization, hazard, step). */
export const FLOOR_Q2 = `
  SELECT o.id AS org_id, o.name AS org_name, h.id AS hazard_id, h.title, h.status, h.found_at, e.id AS event_id, e.action, e.to_status, e.at
  FROM (SELECT id, name, path FROM organization WHERE archived_at IS NULL ORDER BY path LIMIT 20) o
  LEFT JOIN LATERAL (SELECT id, title, status, found_at FROM hazard WHERE organization_id = o.id ORDER BY found_at DESC, id DESC LIMIT 20) h ON true
  LEFT JOIN LATERAL (SELECT id, action, to_status, at FROM hazard_event WHERE hazard_id = h.id ORDER BY at, id LIMIT 20) e ON true
  ORDER BY o.path, h.found_at DESC, h.id DESC, e.at, e.id`;

/** Q3 by id, rotating over BY_ID_SAMPLE hazard ids. */
export const GATEWAY_Q3 = 'query($id: UUID!) { hazard(id: $id) { id title status category foundAt deadline } }';
export const POSTGRAPHILE_Q3 = 'query($id: UUID!) { hazardByRowId(rowId: $id) { rowId title status category foundAt deadline } }';
export const FLOOR_Q3 = 'SELECT id, title, status, category, found_at, deadline::text AS deadline FROM hazard WHERE id = $1';

/** The hazard ids Q3 rotates over: a fixed, well-spread sample (same ids on every side and run). */
export const BY_ID_SAMPLE = 'SELECT id FROM hazard ORDER BY md5(id::text) LIMIT $1';

/**
 * Q4 live warnings × deliveries × acknowledgements: the 20 newest ACTIVE warnings (sent_at DESC, id
 * DESC, the gateway's default), each with its 50 latest deliveries (delivered_at DESC, id DESC, the
 * default of `Warning.deliveries`) and their count, each delivery with the person who acknowledged it.
 * PostGraphile filters on status through the one smart tag of postgraphile-server.mjs.
 */
export const GATEWAY_Q4 = `{
  warnings(first: 20, filter: { statuses: [ACTIVE] }) { edges { node {
    id headline level status sentAt
    deliveries(first: 50) { totalCount edges { node {
      id deliveredAt status acknowledgedAt ackChannel acknowledgedBy { id name }
    } } }
  } } }
}`;
export const POSTGRAPHILE_Q4 = `{
  allWarnings(first: 20, condition: { status: "ACTIVE" }, orderBy: [SENT_AT_DESC, ROW_ID_DESC]) { edges { node {
    rowId headline level status sentAt
    warningDeliveriesByWarningId(first: 50, orderBy: [DELIVERED_AT_DESC, ROW_ID_DESC]) { totalCount edges { node {
      rowId deliveredAt status acknowledgedAt ackChannel personByAcknowledgedByPersonId { rowId name }
    } } }
  } } }
}`;
/** One statement: one row per (warning, delivery), the warning's delivery count on each; a warning without deliveries has one row of nulls. */
export const FLOOR_Q4 = `
  SELECT w.id AS warning_id, w.headline, w.level, w.status AS warning_status, w.sent_at, c.total,
         d.id AS delivery_id, d.delivered_at, d.status AS delivery_status, d.acknowledged_at, d.ack_channel, p.id AS person_id, p.name AS person_name
  FROM (SELECT id, headline, level, status, sent_at FROM warning WHERE status = 'ACTIVE' ORDER BY sent_at DESC, id DESC LIMIT 20) w
  CROSS JOIN LATERAL (SELECT count(*)::int AS total FROM warning_delivery WHERE warning_id = w.id) c
  LEFT JOIN LATERAL (SELECT id, delivered_at, status, acknowledged_at, ack_channel, acknowledged_by_person_id FROM warning_delivery
                     WHERE warning_id = w.id ORDER BY delivered_at DESC, id DESC LIMIT 50) d ON true
  LEFT JOIN person p ON p.id = d.acknowledged_by_person_id
  ORDER BY w.sent_at DESC, w.id DESC, d.delivered_at DESC, d.id DESC`;

// ---------------------------------------------------------------- W1: a create with what each side writes

/** Every shelter W1 creates is named with this prefix (and a side and a counter), so the runs can clean up after themselves. */
export const W1_NAME_PREFIX = '压测避难场所-';

/** W1's shelter: a new name and capacity per request, at one of the villages in rotation. */
export interface W1Shelter {
  readonly organizationId: string;
  readonly name: string;
  readonly capacity: number;
}

/** The n-th shelter of a side (`tag`), at one of `organizationIds` in turn. */
export const w1Shelter = (tag: string, n: number, organizationIds: readonly string[]): W1Shelter => ({
  organizationId: organizationIds[n % organizationIds.length]!,
  name: `${W1_NAME_PREFIX}${tag}-${n}`,
  capacity: 50 + (n % 950),
});

/**
 * W1 create: the gateway's `createShelter` writes the shelter, its audit entry and its
 * `risk.shelter.created` event (outbox) in one transaction, as the principal signed in;
 * PostGraphile's `createShelter` inserts the row only. Same input on every side.
 */
export const GATEWAY_W1 = 'mutation($input: CreateShelterInput!) { createShelter(input: $input) { id organizationId name type capacity status } }';
export const gatewayW1Variables = (s: W1Shelter) => ({ input: { organizationId: s.organizationId, name: s.name, type: 'INDOOR', capacity: s.capacity, dualUse: false, status: 'AVAILABLE' } });
export const POSTGRAPHILE_W1 = 'mutation($shelter: ShelterInput!) { createShelter(input: { shelter: $shelter }) { shelter { rowId organizationId name type capacity status } } }';
export const postgraphileW1Variables = (s: W1Shelter) => ({ shelter: { organizationId: s.organizationId, name: s.name, type: 'INDOOR', capacity: s.capacity, dualUse: false, status: 'AVAILABLE' } });
/**
 * The floor of the gateway's write: the same three rows in one statement (one implicit transaction).
 * Its event is stored as dispatched already: the floor measures writing the rows, and the gateway's
 * outbox dispatcher, running meanwhile, must not pick up the floor's work.
 * $1 organization, $2 name, $3 capacity, $4 request id, $5 actor (user id), $6 the audit entry's changes.
 */
export const FLOOR_W1 = `
  WITH s AS (
    INSERT INTO shelter (organization_id, name, type, capacity, dual_use, status) VALUES ($1, $2, 'INDOOR', $3, false, 'AVAILABLE')
    RETURNING id, organization_id, name, type, capacity, status
  ), a AS (
    INSERT INTO audit_log (request_id, actor_kind, actor_id, action, entity_type, entity_id, changes)
    SELECT $4, 'user', $5, 'risk.shelter.create', 'Shelter', s.id, $6::jsonb FROM s
  ), e AS (
    INSERT INTO event_outbox (type, payload, occurred_at, request_id, actor_kind, actor_id, dispatched_at)
    SELECT 'risk.shelter.created', jsonb_build_object('id', s.id, 'organizationId', s.organization_id), now(), $4, 'user', $5, now() FROM s
  )
  SELECT id, organization_id, name, type, capacity, status FROM s`;
/** The villages and communities W1's shelters go to, in rotation. */
export const W1_ORGANIZATIONS = `SELECT id FROM organization WHERE kind IN ('VILLAGE', 'COMMUNITY') AND archived_at IS NULL ORDER BY code, id`;
/** What one created shelter left behind: its row, audit entries and outbox events (by the shelter's id). */
export const W1_WRITES = `
  SELECT (SELECT count(*)::int FROM shelter WHERE id = $1) AS shelters,
         (SELECT count(*)::int FROM audit_log WHERE entity_type = 'Shelter' AND entity_id = $1) AS audit_entries,
         (SELECT count(*)::int FROM event_outbox WHERE type = 'risk.shelter.created' AND payload->>'id' = $1::text) AS events`;
/** Removes every W1 shelter with its audit entries and events; answers how many of each. */
export const W1_CLEANUP = `
  WITH s AS (DELETE FROM shelter WHERE name LIKE '${W1_NAME_PREFIX}%' RETURNING id),
       a AS (DELETE FROM audit_log WHERE entity_type = 'Shelter' AND entity_id IN (SELECT id FROM s) RETURNING 1),
       e AS (DELETE FROM event_outbox WHERE type = 'risk.shelter.created' AND payload->>'id' IN (SELECT id::text FROM s) RETURNING 1)
  SELECT (SELECT count(*)::int FROM s) AS shelters, (SELECT count(*)::int FROM a) AS audit_entries, (SELECT count(*)::int FROM e) AS events`;

// ---------------------------------------------------------------- `npm run bench -- --only ingest`
// Ingestion throughput: batches of observations of one bench rain gauge (STA dataArray form).

/** The first village, where the bench rain gauge is registered. */
export const INGEST_VILLAGE = '{ organizations(first: 1, filter: { kinds: [VILLAGE] }) { edges { node { id } } } }';
export const INGEST_SETUP_THING = 'mutation($organizationId: UUID!, $name: String!) { registerSensorThing(input: { organizationId: $organizationId, name: $name, kind: RAIN_GAUGE }) { id } }';
export const INGEST_SETUP_DATASTREAM =
  'mutation($thingId: UUID!) { registerDatastream(input: { thingId: $thingId, observedProperty: precipitation, name: "压测5分钟降雨量", unitName: "millimetre", unitSymbol: "mm", unitDefinition: "http://unitsofmeasure.org/ucum.html#para-30", samplingIntervalSeconds: 5 }) { id } }';
/** One batch; the answer's counts only (a per-row list of thousands of rows is not what is measured). */
export const INGEST = 'mutation($input: IngestObservationsInput!) { ingestObservations(input: $input) { accepted duplicates rejected } }';

/** The bench's phenomenon times start here and go on in 5-second steps, batch after batch (all in the past). */
const INGEST_EPOCH_MS = Date.parse('2020-01-01T00:00:00Z');

/** The variables of batch number `batch`: `rows` observations following the previous batch's. */
export function ingestVariables(datastreamId: string, batchKey: string, batch: number, rows: number): { input: Record<string, unknown> } {
  const start = INGEST_EPOCH_MS + batch * rows * 5000;
  const dataArray = Array.from({ length: rows }, (_, i) => [new Date(start + i * 5000).toISOString(), (i % 17) * 0.1]);
  return { input: { batchKey: `bench-${batchKey}`, datastreams: [{ datastreamId, components: ['phenomenonTime', 'result'], dataArray }] } };
}
