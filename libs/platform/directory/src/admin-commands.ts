import type { RequestContext } from '@platform/core';
import { OrganizationService } from './organizations/organization.service';
import type { CreateOrganizationInput } from './organizations/organization.inputs';
import type { Organization } from './organizations/organization.entity';

/**
 * Creates an organization with the API's rules, for command-line tools run by the operator (the
 * `bootstrap` command's root organization): the same service and checks as `createOrganization`.
 */
export function createOrganizationAsCommand(ctx: RequestContext, input: CreateOrganizationInput): Promise<Organization> {
  return new OrganizationService().create(ctx, input);
}
