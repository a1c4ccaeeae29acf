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
