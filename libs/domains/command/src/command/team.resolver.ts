import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ArchiveInput, Connection, PageArgs, ReadsColumns, ReadsRelation, RequirePermission, UUIDScalar, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { latestDrillOn } from '@domains/preparedness';
import { RescueTeam, TeamEquipment, TeamMember } from './rescue-team.entity';
import {
  AddTeamEquipmentInput,
  AddTeamMemberInput,
  CreateRescueTeamInput,
  EndTeamMembershipInput,
  RecordTeamActivityInput,
  RescueTeamListArgs,
  TeamMemberPageArgs,
  UpdateRescueTeamInput,
  UpdateTeamEquipmentInput,
  UpdateTeamMemberInput,
} from './team.inputs';
import { RescueTeamService, TEAM_KEY_PROPERTIES } from './team.service';
import { EQUIPMENT_KEY_PROPERTIES, MEMBER_KEY_PROPERTIES, RescueTeamEquipment, RescueTeamMembers, RescueTeamReference, rescueTeamById } from './team.loaders';
import { teamStaffing } from './staffing.service';
import { RescueTeamStaffing } from './staffing.types';
import { CommandPermission } from '../permissions';

export const RescueTeamConnection = Connection(RescueTeam, '救援队伍');
export const TeamMemberConnection = Connection(TeamMember, '队员');
export const TeamEquipmentConnection = Connection(TeamEquipment, '队伍装备');
const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;

@Resolver(() => RescueTeam)
export class RescueTeamResolver {
  private readonly service = new RescueTeamService();

  @Query(() => RescueTeam, { nullable: true, description: '救援队伍详情。One rescue team by id (disbanded ones too); null when there is none in your scope.' })
  @RequirePermission(CommandPermission.CommandRead)
  rescueTeam(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Rescue team id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<RescueTeam | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, RescueTeam, info, SELF));
  }

  @Query(() => RescueTeamConnection, { description: '救援队伍列表。Standing rescue teams in your scope by name; filter by subtree, kinds or readiness.' })
  @RequirePermission(CommandPermission.CommandRead)
  rescueTeams(@Ctx() ctx: RequestContext, @Args(() => RescueTeamListArgs) args: RescueTeamListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<RescueTeam>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, RescueTeam, info, NODE, TEAM_KEY_PROPERTIES));
  }

  @Mutation(() => RescueTeam, { description: '组建救援队伍。Sets up a rescue team (militia, micro fire station, …) under an organization in your scope.' })
  @RequirePermission(CommandPermission.TeamWrite)
  createRescueTeam(@Ctx() ctx: RequestContext, @Arg('input', () => CreateRescueTeamInput, input) data: CreateRescueTeamInput): Promise<RescueTeam> {
    return this.service.create(ctx, data);
  }

  @Mutation(() => RescueTeam, { description: '修改救援队伍。Changes a team; needs the version you read (a stale one is refused with CONFLICT).' })
  @RequirePermission(CommandPermission.TeamWrite)
  updateRescueTeam(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateRescueTeamInput, input) data: UpdateRescueTeamInput): Promise<RescueTeam> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => RescueTeam, { description: '撤销救援队伍。Disbands a team; the record, members and equipment are kept.' })
  @RequirePermission(CommandPermission.TeamWrite)
  archiveRescueTeam(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<RescueTeam> {
    return this.service.archive(ctx, data);
  }

  @Mutation(() => RescueTeam, { description: '记录巡查演练。Records a patrol or drill of a team (with the version you read); the last patrol or drill day only moves forward.' })
  @RequirePermission(CommandPermission.TeamWrite)
  recordTeamActivity(@Ctx() ctx: RequestContext, @Arg('input', () => RecordTeamActivityInput, input) data: RecordTeamActivityInput): Promise<RescueTeam> {
    return this.service.recordActivity(ctx, data);
  }

  @Mutation(() => TeamMember, { description: '新增队员。Adds a person you may read to a team, with role, qualifications and shift.' })
  @RequirePermission(CommandPermission.TeamWrite)
  addTeamMember(@Ctx() ctx: RequestContext, @Arg('input', () => AddTeamMemberInput, input) data: AddTeamMemberInput): Promise<TeamMember> {
    return this.service.addMember(ctx, data);
  }

  @Mutation(() => TeamMember, { description: '修改队员。Changes a serving member\'s role, qualifications or shift; needs the version you read.' })
  @RequirePermission(CommandPermission.TeamWrite)
  updateTeamMember(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateTeamMemberInput, input) data: UpdateTeamMemberInput): Promise<TeamMember> {
    return this.service.updateMember(ctx, data);
  }

  @Mutation(() => TeamMember, { description: '队员离队。Ends a membership on a day; the member no longer counts for staffing.' })
  @RequirePermission(CommandPermission.TeamWrite)
  endTeamMembership(@Ctx() ctx: RequestContext, @Arg('input', () => EndTeamMembershipInput, input) data: EndTeamMembershipInput): Promise<TeamMember> {
    return this.service.endMembership(ctx, data);
  }

  @Mutation(() => TeamEquipment, { description: '新增装备。Adds equipment to a team.' })
  @RequirePermission(CommandPermission.TeamWrite)
  addTeamEquipment(@Ctx() ctx: RequestContext, @Arg('input', () => AddTeamEquipmentInput, input) data: AddTeamEquipmentInput): Promise<TeamEquipment> {
    return this.service.addEquipment(ctx, data);
  }

  @Mutation(() => TeamEquipment, { description: '修改装备。Records a check of equipment: quantity, condition, day; needs the version you read.' })
  @RequirePermission(CommandPermission.TeamWrite)
  updateTeamEquipment(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateTeamEquipmentInput, input) data: UpdateTeamEquipmentInput): Promise<TeamEquipment> {
    return this.service.updateEquipment(ctx, data);
  }

  @Mutation(() => RescueTeam, { description: '删除装备。Removes equipment from a team (with the version you read) and answers the team.' })
  @RequirePermission(CommandPermission.TeamWrite)
  removeTeamEquipment(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<RescueTeam> {
    return this.service.removeEquipment(ctx, data);
  }

  @FieldResolver(() => TeamMemberConnection, { description: '队员。Serving members (or all with includeFormer), leaders first.' })
  @ReadsColumns('id')
  @ReadsRelation(RescueTeamMembers)
  members(@Ctx() ctx: RequestContext, @Root() t: RescueTeam, @Args(() => TeamMemberPageArgs) page: TeamMemberPageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<TeamMember>> {
    return RescueTeamMembers.load(ctx, t.id, page, info, selectedProperties(ctx.manager, TeamMember, info, NODE, MEMBER_KEY_PROPERTIES));
  }

  @FieldResolver(() => TeamEquipmentConnection, { description: '装备。The team\'s equipment by name.' })
  @ReadsColumns('id')
  @ReadsRelation(RescueTeamEquipment)
  equipment(@Ctx() ctx: RequestContext, @Root() t: RescueTeam, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<TeamEquipment>> {
    return RescueTeamEquipment.load(ctx, t.id, page, info, selectedProperties(ctx.manager, TeamEquipment, info, NODE, EQUIPMENT_KEY_PROPERTIES));
  }

  @FieldResolver(() => RescueTeamStaffing, { description: '人员配备。How the team measures up to the staffing rule that applies to it, computed in SQL over serving members.' })
  @ReadsColumns('id')
  staffing(@Ctx() ctx: RequestContext, @Root() t: RescueTeam): Promise<RescueTeamStaffing> {
    return teamStaffing(ctx).load(t.id);
  }

  /**
   * A drill recorded in preparedness moves the team's last drill: the later of the day stored on the
   * team and the latest drill held by its organization that the caller may read (one aggregate
   * statement per request level); a caller who may not read drills sees the stored day.
   */
  @FieldResolver()
  @ReadsColumns('lastDrillOn', 'organizationId')
  async lastDrillOn(@Ctx() ctx: RequestContext, @Root() t: RescueTeam): Promise<string | null> {
    const held = await latestDrillOn(ctx).load(t.organizationId);
    return held && (!t.lastDrillOn || held > t.lastDrillOn) ? held : t.lastDrillOn;
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属单位。The organization of the team; null when you may not read organizations there.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() t: RescueTeam): Promise<Organization | null> {
    return organizationById(ctx).load(t.organizationId);
  }
}

@Resolver(() => TeamMember)
export class TeamMemberResolver {
  @FieldResolver(() => Person, { nullable: true, description: '人员。The member; null when you may not read that person.' })
  @ReadsColumns('personId')
  @ReadsRelation(PersonReference, 'personId')
  person(@Ctx() ctx: RequestContext, @Root() m: TeamMember): Promise<Person | null> {
    return personById(ctx).load(m.personId);
  }

  @FieldResolver(() => RescueTeam, { nullable: true, description: '救援队伍。The team of the membership (needs rescue.command:read); null when it is outside your scope.' })
  @RequirePermission(CommandPermission.CommandRead)
  @ReadsColumns('teamId')
  @ReadsRelation(RescueTeamReference, 'teamId')
  team(@Ctx() ctx: RequestContext, @Root() m: TeamMember): Promise<RescueTeam | null> {
    return rescueTeamById(ctx).load(m.teamId);
  }
}

@Resolver(() => TeamEquipment)
export class TeamEquipmentResolver {
  @FieldResolver(() => RescueTeam, { nullable: true, description: '救援队伍。The team the equipment belongs to (needs rescue.command:read); null when it is outside your scope.' })
  @RequirePermission(CommandPermission.CommandRead)
  @ReadsColumns('teamId')
  @ReadsRelation(RescueTeamReference, 'teamId')
  team(@Ctx() ctx: RequestContext, @Root() e: TeamEquipment): Promise<RescueTeam | null> {
    return rescueTeamById(ctx).load(e.teamId);
  }
}
