import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, PageArgs, ReadsRelation, RequirePermission, selectsField, LocalDateScalar, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationConnection, OrganizationReference, Person, PersonReference, TrainingRecord, TrainingRecordConnection, lastTrainedOn, organizationById, personById, trainingPages } from '@platform/directory';
import { DisasterInformationOfficer } from './disaster-officer.entity';
import { AppointDisasterOfficerInput, DisasterOfficerListArgs, EndDisasterOfficerInput, VillagesWithoutDisasterOfficerArgs } from './disaster-officer.inputs';
import { DisasterOfficerService } from './disaster-officer.service';
import { RiskPermission } from '../permissions';

export const DisasterInformationOfficerConnection = Connection(DisasterInformationOfficer, '灾害信息员');
const input = { description: '输入。The fields of the request.' };

@Resolver(() => DisasterInformationOfficer)
export class DisasterOfficerResolver {
  private readonly service = new DisasterOfficerService();

  @Query(() => DisasterInformationOfficerConnection, { description: '灾害信息员列表。Serving information officers in your scope, newest appointment first; filter by subtree, post or a missing post.' })
  @RequirePermission(RiskPermission.RegisterRead)
  disasterOfficers(@Ctx() ctx: RequestContext, @Args(() => DisasterOfficerListArgs) args: DisasterOfficerListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<DisasterInformationOfficer>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'));
  }

  @Query(() => OrganizationConnection, { description: '缺灾害信息员的村（社区）。Villages and communities in your scope without a serving primary (A岗) information officer, by name.' })
  @RequirePermission(RiskPermission.RegisterRead)
  villagesWithoutDisasterOfficer(
    @Ctx() ctx: RequestContext,
    @Args(() => VillagesWithoutDisasterOfficerArgs) args: VillagesWithoutDisasterOfficerArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionResult<Organization>> {
    return this.service.villagesWithoutOfficer(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => DisasterInformationOfficer, { description: '任命灾害信息员。Appoints a person as primary (A) or backup (B) information officer of a village or community in your scope.' })
  @RequirePermission(RiskPermission.RegisterWrite)
  appointDisasterOfficer(@Ctx() ctx: RequestContext, @Arg('input', () => AppointDisasterOfficerInput, input) data: AppointDisasterOfficerInput): Promise<DisasterInformationOfficer> {
    return this.service.appoint(ctx, data);
  }

  @Mutation(() => DisasterInformationOfficer, { description: '灾害信息员离任。Ends an appointment on a day; needs the version you read; the record is kept.' })
  @RequirePermission(RiskPermission.RegisterWrite)
  endDisasterOfficer(@Ctx() ctx: RequestContext, @Arg('input', () => EndDisasterOfficerInput, input) data: EndDisasterOfficerInput): Promise<DisasterInformationOfficer> {
    return this.service.end(ctx, data);
  }

  @FieldResolver(() => Person, { nullable: true, description: '人员。The person appointed, with their (masked) phone; null when you may not read persons there.' })
  @ReadsRelation(PersonReference, 'personId')
  person(@Ctx() ctx: RequestContext, @Root() d: DisasterInformationOfficer): Promise<Person | null> {
    return personById(ctx).load(d.personId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '村（社区）。The village or community served; null when you may not read organizations there.' })
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() d: DisasterInformationOfficer): Promise<Organization | null> {
    return organizationById(ctx).load(d.organizationId);
  }

  @FieldResolver(() => TrainingRecordConnection, { description: '培训记录。The person\'s trainings, newest first (the directory\'s records); empty when you may not read the person.' })
  trainings(@Ctx() ctx: RequestContext, @Root() d: DisasterInformationOfficer, @Args(() => PageArgs) page: PageArgs): Promise<ConnectionResult<TrainingRecord>> {
    return trainingPages(ctx, page).load(d.personId);
  }

  @FieldResolver(() => LocalDateScalar, { nullable: true, description: '最近培训日期。Day of the person\'s newest training of any kind (YYYY-MM-DD); null when never trained or not readable.' })
  lastTrainedOn(@Ctx() ctx: RequestContext, @Root() d: DisasterInformationOfficer): Promise<string | null> {
    return lastTrainedOn(ctx).load(d.personId);
  }
}
