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
