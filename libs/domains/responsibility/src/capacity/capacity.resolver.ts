import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BusinessRuleVersion, BusinessRuleVersionReference, Connection, ReadsColumns, ReadsRelation, RequirePermission, defineReference, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, organizationById } from '@platform/directory';
import { VillageEmergencyCommitments } from './capacity.entities';
import { CapacityPermission } from './capacity.permissions';
import { CapacityService } from './capacity.service';
import { RankingArgs, RankingEntry, RecordVillageCommitmentInput, UpdateVillageCommitmentInput, VillageCapacity, VillageCapacityArgs } from './capacity.types';
import { quarterlyRanking } from './ranking';
import { VillageEmergencyCommitment } from './village-commitment.entity';

export const VillageCapacityConnection = Connection(VillageCapacity, '村级应急能力');
export const RankingEntryConnection = Connection(RankingEntry, '晾晒结果');
const input = { description: '输入。The fields of the request.' };

/** Commitments by id, within the caller's capacity scope: one statement per request level. */
const CommitmentReference = defineReference(VillageEmergencyCommitments, 'responsibility.villageCommitment.byId');

@Resolver(() => VillageCapacity)
export class VillageCapacityResolver {
  private readonly service = new CapacityService();

  @Query(() => VillageCapacityConnection, {
    description:
      '村级应急能力。Each village and community in your scope as it stands today: responders on call, teams and ready teams, latest drill (from the rescue libraries, over its whole area), its committed arrival minutes, and the readiness and shortfalls by the rule responsibility.village-capacity in force.',
  })
  @RequirePermission(CapacityPermission.Read)
  villageCapacities(@Ctx() ctx: RequestContext, @Args(() => VillageCapacityArgs) args: VillageCapacityArgs): Promise<ConnectionResult<VillageCapacity>> {
    return this.service.list(ctx, args);
  }

  @FieldResolver(() => VillageEmergencyCommitment, { nullable: true, description: '应急承诺。Its commitment record; null when none is recorded.' })
  commitment(@Ctx() ctx: RequestContext, @Root() c: VillageCapacity): Promise<VillageEmergencyCommitment | null> {
    return c.commitmentId ? CommitmentReference.byId(ctx).load(c.commitmentId) : Promise.resolve(null);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '村（居）。The village or community; null when you may not read it.' })
  organization(@Ctx() ctx: RequestContext, @Root() c: VillageCapacity): Promise<Organization | null> {
    return organizationById(ctx).load(c.organizationId);
  }

  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '规则版本。The version of responsibility.village-capacity applied; null when you may not read business rules.' })
  ruleVersion(@Ctx() ctx: RequestContext, @Root() c: VillageCapacity): Promise<BusinessRuleVersion | null> {
    return BusinessRuleVersionReference.byId(ctx).load(c.ruleVersionId);
  }

  @Query(() => RankingEntryConnection, {
    description:
      '季度晾晒。Ranks the villages (or departments) in your scope over chosen indicators for a quarter, each component and the formula shown; figures are computed within your scope for each indicator, in one statement.',
  })
  @RequirePermission(CapacityPermission.RankingRead)
  quarterlyRanking(@Ctx() ctx: RequestContext, @Args(() => RankingArgs) args: RankingArgs): Promise<ConnectionResult<RankingEntry>> {
    return quarterlyRanking(ctx, args);
  }

  @Mutation(() => VillageEmergencyCommitment, { description: '记录村级应急承诺。Records a village\'s commitment (one per village or community in your scope).' })
  @RequirePermission(CapacityPermission.Manage)
  recordVillageEmergencyCommitment(@Ctx() ctx: RequestContext, @Arg('input', () => RecordVillageCommitmentInput, input) data: RecordVillageCommitmentInput): Promise<VillageEmergencyCommitment> {
    return this.service.record(ctx, data);
  }

  @Mutation(() => VillageEmergencyCommitment, { description: '修改村级应急承诺。Changes a village\'s commitment; needs the version you read.' })
  @RequirePermission(CapacityPermission.Manage)
  updateVillageEmergencyCommitment(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateVillageCommitmentInput, input) data: UpdateVillageCommitmentInput): Promise<VillageEmergencyCommitment> {
    return this.service.update(ctx, data);
  }
}


@Resolver(() => RankingEntry)
export class RankingEntryResolver {
  @FieldResolver(() => Organization, { nullable: true, description: '组织。The organization ranked; null when you may not read it.' })
  organization(@Ctx() ctx: RequestContext, @Root() e: RankingEntry): Promise<Organization | null> {
    return organizationById(ctx).load(e.organizationId);
  }
}

@Resolver(() => VillageEmergencyCommitment)
export class VillageCommitmentResolver {
  @FieldResolver(() => Organization, { nullable: true, description: '村（居）。The village or community; null when you may not read it.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() c: VillageEmergencyCommitment): Promise<Organization | null> {
    return organizationById(ctx).load(c.organizationId);
  }
}
