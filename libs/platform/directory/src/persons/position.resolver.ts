import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { PageArgs, ReadsRelation, RequirePermission, type ConnectionResult, type RequestContext } from '@platform/core';
import { Position } from './position.entity';
import { Person } from './person.entity';
import { Organization } from '../organizations/organization.entity';
import { AssignPositionInput, EndPositionInput } from './person.inputs';
import { PersonService } from './person.service';
import { OrganizationPositions, personById } from './person.loaders';
import { organizationById } from '../organizations/organization.loaders';
import { PositionConnection } from './person.resolver';
import { DirectoryPermission } from '../permissions';

@Resolver(() => Position)
export class PositionResolver {
  private readonly service = new PersonService();

  @Mutation(() => Position, { description: '任命。Gives a person a position in an organization.' })
  @RequirePermission(DirectoryPermission.PersonWrite)
  assignPosition(@Ctx() ctx: RequestContext, @Arg('input', () => AssignPositionInput, { description: '输入。The fields of the request.' }) input: AssignPositionInput): Promise<Position> {
    return this.service.assignPosition(ctx, input);
  }

  @Mutation(() => Position, { description: '免职。Ends a position on a date; the record is kept.' })
  @RequirePermission(DirectoryPermission.PersonWrite)
  endPosition(@Ctx() ctx: RequestContext, @Arg('input', () => EndPositionInput, { description: '输入。The fields of the request.' }) input: EndPositionInput): Promise<Position> {
    return this.service.endPosition(ctx, input);
  }

  @FieldResolver(() => Person, { description: '人员。The person holding the position.' })
  async person(@Ctx() ctx: RequestContext, @Root() position: Position): Promise<Person> {
    return (await personById(ctx).load(position.personId))!;
  }

  @FieldResolver(() => Organization, { description: '组织。The organization of the position.' })
  async organization(@Ctx() ctx: RequestContext, @Root() position: Position): Promise<Organization> {
    return (await organizationById(ctx).load(position.organizationId))!;
  }
}

@Resolver(() => Organization)
export class OrganizationPositionsResolver {
  @FieldResolver(() => PositionConnection, { description: '在职人员。Current positions in this organization, newest first (needs directory.person:read).' })
  @RequirePermission(DirectoryPermission.PersonRead)
  @ReadsRelation(OrganizationPositions)
  positions(@Ctx() ctx: RequestContext, @Root() org: Organization, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Position>> {
    return OrganizationPositions.load(ctx, org.id, page, info);
  }
}
