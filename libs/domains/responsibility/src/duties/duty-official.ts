import { SortDirection, records, sql, type RequestContext } from '@platform/core';
import { Organizations, Positions } from '@platform/directory';
import { dutyRules } from './duties.rules';

/** An official as a list or a report names them: the person, the organization and the position held there. */
export interface Official {
  readonly personId: string;
  readonly organizationId: string;
  readonly organization: { readonly id: string; readonly name: string; readonly shortName: string | null; readonly path: string };
  readonly positionTitle: string;
}

/**
 * The official a write names: the organization within the caller's scope for `permission` (else
 * NOT_FOUND on its field, like a missing one) and a current position of the person there (else
 * `official` on the person's field); the leading position first when they hold several.
 */
export async function officialAt(tx: RequestContext, personId: string, organizationId: string, permission: string, field: { personId: string; organizationId: string }): Promise<Official> {
  const organization = await records(tx, Organizations, permission).reference(organizationId, field.organizationId, { properties: ['id', 'name', 'shortName', 'path'] });
  const [position] = await records(tx, Positions, permission)
    .where(sql`t.person_id = ${personId} AND t.organization_id = ${organizationId} AND t.ended_on IS NULL`)
    .list({ keys: [{ column: 't.is_lead', direction: SortDirection.DESC }, { column: 't.id', direction: SortDirection.ASC }], limit: 1, properties: ['id', 'title'] });
  if (!position) throw dutyRules.field(field.personId, 'official', 'the person holds no current position at the organization.');
  return { personId, organizationId, organization: { id: organization.id, name: organization.name, shortName: organization.shortName, path: organization.path }, positionTitle: position.title };
}
