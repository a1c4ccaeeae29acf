import { Arg, Args, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ArchiveInput, Connection, PageArgs, ReadsRelation, RequirePermission, UUIDScalar, records, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, Person, PersonReference, maskPhone, organizationById, personById } from '@platform/directory';
import { Household, JointDefenseContact, JointDefenseGroup } from './joint-defense.entity';
import { JointDefenseGroupSummary } from './joint-defense.types';
import { AddHouseholdInput, CreateJointDefenseGroupInput, JointDefenseGroupListArgs, UpdateHouseholdInput, UpdateJointDefenseGroupInput, VulnerableHouseholdsArgs } from './joint-defense.inputs';
import { JointDefenseService } from './joint-defense.service';
import { GroupHouseholds, JointDefenseGroupReference, groupSummaries, jointDefenseGroupById } from './joint-defense.loaders';
import { isVulnerable, sensitiveField, sensitiveReadableAt } from './joint-defense.sensitive';
import { JointDefenseGroups } from '../community.entities';
import { CommunityPermission } from '../permissions';

export const JointDefenseGroupConnection = Connection(JointDefenseGroup, '十户联防组');
export const HouseholdConnection = Connection(Household, '联防住户');
const input = { description: '输入。The fields of the request.' };

@Resolver(() => JointDefenseGroup)
export class JointDefenseGroupResolver {
  private readonly service = new JointDefenseService();

  @Query(() => JointDefenseGroup, { nullable: true, description: '联防组详情。One joint defense group by id (dissolved ones too); null when there is none in your scope.' })
  @RequirePermission(CommunityPermission.JointDefenseRead)
  jointDefenseGroup(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Joint defense group id.' }) id: string): Promise<JointDefenseGroup | null> {
    return records(ctx, JointDefenseGroups).one(id);
  }

  @Query(() => JointDefenseGroupConnection, { description: '联防组列表。Active joint defense groups in your scope, by name; filter by subtree or include dissolved ones.' })
  @RequirePermission(CommunityPermission.JointDefenseRead)
  jointDefenseGroups(@Ctx() ctx: RequestContext, @Args(() => JointDefenseGroupListArgs) args: JointDefenseGroupListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<JointDefenseGroup>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => JointDefenseGroup, { description: '建立联防组。Sets up a joint defense group under a village, community or grid in your scope, with its leader and call chain.' })
  @RequirePermission(CommunityPermission.JointDefenseWrite)
  createJointDefenseGroup(@Ctx() ctx: RequestContext, @Arg('input', () => CreateJointDefenseGroupInput, input) data: CreateJointDefenseGroupInput): Promise<JointDefenseGroup> {
    return this.service.createGroup(ctx, data);
  }

  @Mutation(() => JointDefenseGroup, { description: '修改联防组。Changes a joint defense group; needs the version you read (a stale one is refused with CONFLICT).' })
  @RequirePermission(CommunityPermission.JointDefenseWrite)
  updateJointDefenseGroup(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateJointDefenseGroupInput, input) data: UpdateJointDefenseGroupInput): Promise<JointDefenseGroup> {
    return this.service.updateGroup(ctx, data);
  }

  @Mutation(() => JointDefenseGroup, { description: '撤销联防组。Dissolves a joint defense group: it and its households leave the lists; the records are kept.' })
  @RequirePermission(CommunityPermission.JointDefenseWrite)
  archiveJointDefenseGroup(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<JointDefenseGroup> {
    return this.service.archiveGroup(ctx, data);
  }

  @FieldResolver(() => [JointDefenseContact], { description: '联系人。The group\'s call chain; phones masked unless you hold rescue.household:read-sensitive for its organization (unmasked reads are audited).' })
  async contacts(@Ctx() ctx: RequestContext, @Root() g: JointDefenseGroup): Promise<JointDefenseContact[]> {
    const contacts = g.contacts ?? [];
    if (!contacts.length) return [];
    if (!(await sensitiveReadableAt(ctx).load(g.organizationId))) return contacts.map((c) => ({ name: c.name, role: c.role ?? null, phone: maskPhone(c.phone) ?? '' }));
    ctx.sensitiveReads.push({ entityType: 'JointDefenseGroup', entityId: g.id, field: 'contacts' });
    return contacts.map((c) => ({ name: c.name, role: c.role ?? null, phone: c.phone }));
  }

  @FieldResolver(() => Person, { nullable: true, description: '联防组长。The leader, with their (masked) phone; null when you may not read persons there.' })
  @ReadsRelation(PersonReference, 'leaderPersonId')
  leader(@Ctx() ctx: RequestContext, @Root() g: JointDefenseGroup): Promise<Person | null> {
    return personById(ctx).load(g.leaderPersonId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '副组长。The deputy leader; null when there is none or you may not read persons there.' })
  @ReadsRelation(PersonReference, 'deputyPersonId')
  async deputy(@Ctx() ctx: RequestContext, @Root() g: JointDefenseGroup): Promise<Person | null> {
    return g.deputyPersonId ? personById(ctx).load(g.deputyPersonId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属单位。The village, community or grid; null when you may not read organizations there.' })
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() g: JointDefenseGroup): Promise<Organization | null> {
    return organizationById(ctx).load(g.organizationId);
  }

  @FieldResolver(() => HouseholdConnection, { description: '住户。The households listed in the group, by the head\'s name.' })
  @ReadsRelation(GroupHouseholds)
  households(@Ctx() ctx: RequestContext, @Root() g: JointDefenseGroup, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Household>> {
    return GroupHouseholds.load(ctx, g.id, page, info);
  }

  @FieldResolver(() => JointDefenseGroupSummary, { description: '概况。Households, people and (with rescue.household:read-sensitive) vulnerable households of the group.' })
  async summary(@Ctx() ctx: RequestContext, @Root() g: JointDefenseGroup): Promise<JointDefenseGroupSummary> {
    const summary = await groupSummaries(ctx).load(g.id);
    if (summary.vulnerableHouseholds !== null) ctx.sensitiveReads.push({ entityType: 'JointDefenseGroup', entityId: g.id, field: 'vulnerableHouseholds' });
    return summary;
  }
}

@Resolver(() => Household)
export class HouseholdResolver {
  private readonly service = new JointDefenseService();

  @Query(() => HouseholdConnection, {
    description: '重点住户。Listed households with a vulnerable member (独居老人, 残疾人, 儿童, 行动不便) where you may read their personal data, group by group: who to warn and evacuate first. Each household returned is an audited sensitive read.',
  })
  @RequirePermission(CommunityPermission.HouseholdReadSensitive)
  vulnerableHouseholds(@Ctx() ctx: RequestContext, @Args(() => VulnerableHouseholdsArgs) args: VulnerableHouseholdsArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Household>> {
    return this.service.vulnerable(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => Household, { description: '添加住户。Lists a household in an active joint defense group within your scope.' })
  @RequirePermission(CommunityPermission.JointDefenseWrite)
  addHousehold(@Ctx() ctx: RequestContext, @Arg('input', () => AddHouseholdInput, input) data: AddHouseholdInput): Promise<Household> {
    return this.service.addHousehold(ctx, data);
  }

  @Mutation(() => Household, { description: '修改住户。Changes a household (or moves it to another group); needs the version you read (a stale one is refused with CONFLICT).' })
  @RequirePermission(CommunityPermission.JointDefenseWrite)
  updateHousehold(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateHouseholdInput, input) data: UpdateHouseholdInput): Promise<Household> {
    return this.service.updateHousehold(ctx, data);
  }

  @Mutation(() => Household, { description: '移除住户。Takes a household off its group\'s list (moved away, merged); the record is kept.' })
  @RequirePermission(CommunityPermission.JointDefenseWrite)
  removeHousehold(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<Household> {
    return this.service.removeHousehold(ctx, data);
  }

  @FieldResolver(() => String, { nullable: true, description: '电话。The household\'s phone; masked (138****5678) unless you hold rescue.household:read-sensitive for its organization.' })
  async phone(@Ctx() ctx: RequestContext, @Root() h: Household): Promise<string | null> {
    if (h.phone === null) return null;
    return sensitiveField(ctx, h, 'phone', maskPhone(h.phone));
  }

  @FieldResolver(() => Boolean, { nullable: true, description: '独居老人。An elderly person living alone; null unless you hold rescue.household:read-sensitive for its organization.' })
  elderlyLivingAlone(@Ctx() ctx: RequestContext, @Root() h: Household): Promise<boolean | null> {
    return sensitiveField(ctx, h, 'elderlyLivingAlone', null);
  }

  @FieldResolver(() => Int, { nullable: true, description: '残疾人数。Members with a disability; null unless you hold rescue.household:read-sensitive for its organization.' })
  disabledMembers(@Ctx() ctx: RequestContext, @Root() h: Household): Promise<number | null> {
    return sensitiveField(ctx, h, 'disabledMembers', null);
  }

  @FieldResolver(() => Int, { nullable: true, description: '儿童人数。Children (留守/未成年); null unless you hold rescue.household:read-sensitive for its organization.' })
  childrenMembers(@Ctx() ctx: RequestContext, @Root() h: Household): Promise<number | null> {
    return sensitiveField(ctx, h, 'childrenMembers', null);
  }

  @FieldResolver(() => String, { nullable: true, description: '其他情况。Another reason to help first, e.g. 行动不便; null when none or unless you hold rescue.household:read-sensitive for its organization.' })
  vulnerabilityNote(@Ctx() ctx: RequestContext, @Root() h: Household): Promise<string | null> {
    return sensitiveField(ctx, h, 'vulnerabilityNote', null);
  }

  @FieldResolver(() => Boolean, { nullable: true, description: '重点户。True when any vulnerable flag is set; null unless you hold rescue.household:read-sensitive for its organization (it reveals as much as the flags).' })
  async hasVulnerableMembers(@Ctx() ctx: RequestContext, @Root() h: Household): Promise<boolean | null> {
    if (!(await sensitiveReadableAt(ctx).load(h.organizationId))) return null;
    ctx.sensitiveReads.push({ entityType: 'Household', entityId: h.id, field: 'vulnerable' });
    return isVulnerable(h);
  }

  @FieldResolver(() => Boolean, { description: '已遮蔽。True when the phone and vulnerable flags are withheld from you (no rescue.household:read-sensitive for its organization).' })
  async sensitiveMasked(@Ctx() ctx: RequestContext, @Root() h: Household): Promise<boolean> {
    return !(await sensitiveReadableAt(ctx).load(h.organizationId));
  }

  @FieldResolver(() => Person, { nullable: true, description: '户主人员。The head of the household as a directory person; null when not linked or you may not read persons there.' })
  @ReadsRelation(PersonReference, 'headPersonId')
  async headPerson(@Ctx() ctx: RequestContext, @Root() h: Household): Promise<Person | null> {
    return h.headPersonId ? personById(ctx).load(h.headPersonId) : null;
  }

  @FieldResolver(() => JointDefenseGroup, { nullable: true, description: '联防组。The joint defense group; null when you may not read it.' })
  @ReadsRelation(JointDefenseGroupReference, 'groupId')
  group(@Ctx() ctx: RequestContext, @Root() h: Household): Promise<JointDefenseGroup | null> {
    return jointDefenseGroupById(ctx).load(h.groupId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属单位。The group\'s village, community or grid; null when you may not read organizations there.' })
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() h: Household): Promise<Organization | null> {
    return organizationById(ctx).load(h.organizationId);
  }
}
