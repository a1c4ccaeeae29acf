import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, PageArgs, ReadsRelation, RequirePermission, can, UUIDScalar, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Person } from './person.entity';
import { Position } from './position.entity';
import { EnterpriseProfile } from '../organizations/enterprise-profile.entity';
import { CreatePersonInput, PersonListArgs, UpdatePersonInput } from './person.inputs';
import { ArchiveInput } from '@platform/core';
import { PersonService } from './person.service';
import { PersonReference, currentPositionPages, personById, sensitiveReadable } from './person.loaders';
import { maskIdNumber, maskPhone } from '../phone';
import { DirectoryPermission } from '../permissions';

export const PersonConnection = Connection(Person, '人员');
export const PositionConnection = Connection(Position, '任职');

/**
 * Personal data comes back unmasked only to callers holding `directory.person:read-sensitive` for
 * that person (within their scope); each unmasked value is recorded for the audit log.
 */
async function sensitive(ctx: RequestContext, person: Person, field: 'phone' | 'idNumber', mask: (v: string | null) => string | null): Promise<string | null> {
  const value = person[field];
  if (value === null || !can(ctx.principal, DirectoryPermission.PersonReadSensitive) || !(await sensitiveReadable(ctx).load(person.id))) return mask(value);
  ctx.sensitiveReads.push({ entityType: 'Person', entityId: person.id, field });
  return value;
}

@Resolver(() => Person)
export class PersonResolver {
  private readonly service = new PersonService();

  @Query(() => Person, { nullable: true, description: '人员详情。One person by id; null when there is none.' })
  @RequirePermission(DirectoryPermission.PersonRead)
  person(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Person id.' }) id: string): Promise<Person | null> {
    return personById(ctx).load(id);
  }

  @Query(() => PersonConnection, { description: '人员列表。Persons matching a filter, by name, in pages.' })
  @RequirePermission(DirectoryPermission.PersonRead)
  persons(@Ctx() ctx: RequestContext, @Args(() => PersonListArgs) args: PersonListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Person>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => Person, { description: '新建人员。Creates a person.' })
  @RequirePermission(DirectoryPermission.PersonWrite)
  createPerson(@Ctx() ctx: RequestContext, @Arg('input', () => CreatePersonInput, { description: '输入。The fields of the request.' }) input: CreatePersonInput): Promise<Person> {
    return this.service.create(ctx, input);
  }

  @Mutation(() => Person, { description: '修改人员。Changes a person. Needs the current version.' })
  @RequirePermission(DirectoryPermission.PersonWrite)
  updatePerson(@Ctx() ctx: RequestContext, @Arg('input', () => UpdatePersonInput, { description: '输入。The fields of the request.' }) input: UpdatePersonInput): Promise<Person> {
    return this.service.update(ctx, input);
  }

  @Mutation(() => Person, { description: '归档人员。Archives a person and ends their current positions; records are kept.' })
  @RequirePermission(DirectoryPermission.PersonWrite)
  archivePerson(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, { description: '输入。The fields of the request.' }) input: ArchiveInput): Promise<Person> {
    return this.service.archive(ctx, input);
  }

  @FieldResolver(() => String, { nullable: true, description: '手机号码。Phone number; masked (138****5678) unless the caller may read personal data.' })
  phone(@Ctx() ctx: RequestContext, @Root() person: Person): Promise<string | null> {
    return sensitive(ctx, person, 'phone', maskPhone);
  }

  @FieldResolver(() => String, { nullable: true, description: '身份证号码。Resident ID number; masked (500119********1234) unless the caller may read personal data.' })
  idNumber(@Ctx() ctx: RequestContext, @Root() person: Person): Promise<string | null> {
    return sensitive(ctx, person, 'idNumber', maskIdNumber);
  }

  @FieldResolver(() => PositionConnection, { description: '当前任职。Positions the person holds now in organizations you may read, newest first (needs directory.organization:read).' })
  @RequirePermission(DirectoryPermission.OrganizationRead)
  positions(@Ctx() ctx: RequestContext, @Root() person: Person, @Args(() => PageArgs) page: PageArgs): Promise<ConnectionResult<Position>> {
    return currentPositionPages(ctx, page).load(person.id);
  }
}

/** An enterprise's safety manager is a person: resolved with the persons, which build on organizations. */
@Resolver(() => EnterpriseProfile)
export class EnterpriseSafetyManagerResolver {
  @FieldResolver(() => Person, { nullable: true, description: '安全管理人员。The person responsible for safety management (needs directory.person:read; null outside your scope).' })
  @RequirePermission(DirectoryPermission.PersonRead)
  @ReadsRelation(PersonReference, 'safetyManagerId')
  safetyManager(@Ctx() ctx: RequestContext, @Root() profile: EnterpriseProfile): Promise<Person | null> | null {
    return profile.safetyManagerId ? personById(ctx).load(profile.safetyManagerId) : null;
  }
}
