import { Arg, Args, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ArchiveInput, Connection, DateTimeScalar, PageArgs, ReadsRelation, RequirePermission, pageRequest, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { DutyAssignment, DutyRequirement, DutyShift } from './duty.entity';
import {
  AssignDutyInput,
  CancelDutyAssignmentInput,
  CreateDutyRequirementInput,
  CreateDutyShiftInput,
  DutyAssignmentListArgs,
  DutyAssignmentStepInput,
  DutyCoverageArgs,
  DutyRequirementListArgs,
  DutyShiftListArgs,
  HandOverDutyInput,
  UpdateDutyRequirementInput,
  UpdateDutyShiftInput,
} from './duty.inputs';
import { DutyAssignmentService, DutyRequirementService, DutyShiftService } from './duty.service';
import { dutyAssignmentById, dutyShiftById } from './duty.loaders';
import { checkDutyRange, dutyInterval } from './duty.sql';
import {
  DutyCoverage,
  DutyDoubleBooking,
  DutyGap,
  dutyDoubleBookingCount,
  dutyDoubleBookings,
  dutyGapCount,
  dutyGaps,
  dutySlotCount,
  dutyUnconfirmed,
  dutyUnconfirmedCount,
} from './duty-coverage';
import { CommandPermission } from '../permissions';
import { DUTY_ASSIGNMENT_WORKFLOW } from './duty-transitions';
import { PreparednessPermission } from '@domains/preparedness';

export const DutyShiftConnection = Connection(DutyShift, '值班班次');
export const DutyAssignmentConnection = Connection(DutyAssignment, '值班安排');
export const DutyRequirementConnection = Connection(DutyRequirement, '值班力量要求');
export const DutyGapConnection = Connection(DutyGap, '值班缺口');
export const DutyDoubleBookingConnection = Connection(DutyDoubleBooking, '重复排班');
const input = { description: '输入。The fields of the request.' };

@Resolver(() => DutyShift)
export class DutyShiftResolver {
  private readonly service = new DutyShiftService();

  @Query(() => DutyShiftConnection, { description: '值班班次列表。Shift templates of the rosters in your scope, by start time and name; filter by subtree, archived ones on request.' })
  @RequirePermission(CommandPermission.DutyRead)
  dutyShifts(@Ctx() ctx: RequestContext, @Args(() => DutyShiftListArgs) args: DutyShiftListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<DutyShift>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => DutyShift, { description: '新建值班班次。Adds a shift template to the roster of an organization in your scope.' })
  @RequirePermission(CommandPermission.DutyWrite)
  createDutyShift(@Ctx() ctx: RequestContext, @Arg('input', () => CreateDutyShiftInput, input) data: CreateDutyShiftInput): Promise<DutyShift> {
    return this.service.create(ctx, data);
  }

  @Mutation(() => DutyShift, { description: '修改值班班次。Renames a shift or changes its hours; needs the version you read (a stale one is refused with CONFLICT).' })
  @RequirePermission(CommandPermission.DutyWrite)
  updateDutyShift(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateDutyShiftInput, input) data: UpdateDutyShiftInput): Promise<DutyShift> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => DutyShift, { description: '归档值班班次。Retires a shift; refused while assignments from today on still use it.' })
  @RequirePermission(CommandPermission.DutyWrite)
  archiveDutyShift(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<DutyShift> {
    return this.service.archive(ctx, data);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '值班单位。The organization whose roster it is; null when you may not read organizations there.' })
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() s: DutyShift): Promise<Organization | null> {
    return organizationById(ctx).load(s.organizationId);
  }
}

@Resolver(() => DutyAssignment)
export class DutyAssignmentResolver {
  private readonly service = new DutyAssignmentService();

  @Query(() => DutyAssignmentConnection, {
    description: '值班安排列表。Assignments in your scope (and your own), by day, shift start and shift name; a period of at most 92 days (default today and 30 days on). With filter.updatedSince, the assignments changed since on any day unless from or to is given, CANCELLED ones too.',
  })
  @RequirePermission(CommandPermission.DutyRead)
  dutyAssignments(@Ctx() ctx: RequestContext, @Args(() => DutyAssignmentListArgs) args: DutyAssignmentListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<DutyAssignment>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => DutyAssignment, { description: '排班。Puts a person you may read on a shift of an organization in your scope, on a day from today on, as leader or staff.' })
  @RequirePermission(CommandPermission.DutyWrite)
  assignDuty(@Ctx() ctx: RequestContext, @Arg('input', () => AssignDutyInput, input) data: AssignDutyInput): Promise<DutyAssignment> {
    return this.service.assign(ctx, data);
  }

  @Mutation(() => DutyAssignment, { description: '取消排班。Takes an assignment off the roster before check-in; needs the version you read.' })
  @RequirePermission(DUTY_ASSIGNMENT_WORKFLOW.permissionOf('cancel'))
  cancelDutyAssignment(@Ctx() ctx: RequestContext, @Arg('input', () => CancelDutyAssignmentInput, input) data: CancelDutyAssignmentInput): Promise<DutyAssignment> {
    return this.service.cancel(ctx, data);
  }

  @Mutation(() => DutyAssignment, { description: '确认值班。The person on duty (or whoever may arrange duty there) confirms an ASSIGNED assignment.' })
  @RequirePermission(DUTY_ASSIGNMENT_WORKFLOW.permissionOf('confirm'))
  confirmDutyAssignment(@Ctx() ctx: RequestContext, @Arg('input', () => DutyAssignmentStepInput, input) data: DutyAssignmentStepInput): Promise<DutyAssignment> {
    return this.service.step(ctx, 'confirm', data);
  }

  @Mutation(() => DutyAssignment, { description: '值班签到。The person on duty (or whoever may arrange duty there) checks in to a CONFIRMED assignment, from 60 minutes before the shift starts until it ends (China time); outside that window BAD_USER_INPUT rule checkInWindow.' })
  @RequirePermission(DUTY_ASSIGNMENT_WORKFLOW.permissionOf('checkIn'))
  checkInDuty(@Ctx() ctx: RequestContext, @Arg('input', () => DutyAssignmentStepInput, input) data: DutyAssignmentStepInput): Promise<DutyAssignment> {
    return this.service.step(ctx, 'checkIn', data);
  }

  @Mutation(() => DutyAssignment, { description: '交班。Hands over a CHECKED_IN shift with a note of what happened and what is pending.' })
  @RequirePermission(DUTY_ASSIGNMENT_WORKFLOW.permissionOf('handOver'))
  handOverDuty(@Ctx() ctx: RequestContext, @Arg('input', () => HandOverDutyInput, input) data: HandOverDutyInput): Promise<DutyAssignment> {
    return this.service.step(ctx, 'handOver', data);
  }

  @FieldResolver(() => DutyShift, { description: '班次。The shift (archived ones too).' })
  async shift(@Ctx() ctx: RequestContext, @Root() a: DutyAssignment): Promise<DutyShift> {
    return (await dutyShiftById(ctx).load(a.shiftId))!;
  }

  @FieldResolver(() => DateTimeScalar, { description: '开始时刻。When the shift starts: the day at the shift\'s start time, China time.' })
  async startsAt(@Ctx() ctx: RequestContext, @Root() a: DutyAssignment): Promise<Date> {
    const s = (await dutyShiftById(ctx).load(a.shiftId))!;
    return dutyInterval(a.day, s.startsAt, s.durationMinutes).startsAt;
  }

  @FieldResolver(() => DateTimeScalar, { description: '结束时刻。When the shift ends (the next day for a shift past midnight).' })
  async endsAt(@Ctx() ctx: RequestContext, @Root() a: DutyAssignment): Promise<Date> {
    const s = (await dutyShiftById(ctx).load(a.shiftId))!;
    return dutyInterval(a.day, s.startsAt, s.durationMinutes).endsAt;
  }

  @FieldResolver(() => Person, { nullable: true, description: '值班人员。The person on duty; null when you may not read persons there.' })
  @ReadsRelation(PersonReference, 'personId')
  person(@Ctx() ctx: RequestContext, @Root() a: DutyAssignment): Promise<Person | null> {
    return personById(ctx).load(a.personId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '值班单位。The shift\'s organization; null when you may not read organizations there.' })
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() a: DutyAssignment): Promise<Organization | null> {
    return organizationById(ctx).load(a.organizationId);
  }
}

@Resolver(() => DutyRequirement)
export class DutyRequirementResolver {
  private readonly service = new DutyRequirementService();

  @Query(() => DutyRequirementConnection, { description: '值班力量要求列表。The coverage rules (town-wide), by code; archived ones on request.' })
  @RequirePermission(CommandPermission.DutyRead)
  dutyRequirements(@Ctx() ctx: RequestContext, @Args(() => DutyRequirementListArgs) args: DutyRequirementListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<DutyRequirement>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => DutyRequirement, { description: '新建值班力量要求。Adds a coverage rule for organization kinds and a season.' })
  @RequirePermission(PreparednessPermission.RuleManage)
  createDutyRequirement(@Ctx() ctx: RequestContext, @Arg('input', () => CreateDutyRequirementInput, input) data: CreateDutyRequirementInput): Promise<DutyRequirement> {
    return this.service.create(ctx, data);
  }

  @Mutation(() => DutyRequirement, { description: '修改值班力量要求。Changes a coverage rule; takes effect on the next coverage query. Needs the version you read.' })
  @RequirePermission(PreparednessPermission.RuleManage)
  updateDutyRequirement(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateDutyRequirementInput, input) data: UpdateDutyRequirementInput): Promise<DutyRequirement> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => DutyRequirement, { description: '归档值班力量要求。Retires a coverage rule; the record is kept.' })
  @RequirePermission(PreparednessPermission.RuleManage)
  archiveDutyRequirement(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<DutyRequirement> {
    return this.service.archive(ctx, data);
  }
}

@Resolver(() => DutyCoverage)
export class DutyCoverageResolver {
  @Query(() => DutyCoverage, { description: '值班覆盖情况。Gaps, double bookings and unconfirmed assignments of the rosters in your scope over a period of at most 92 days.' })
  @RequirePermission(CommandPermission.DutyRead)
  dutyCoverage(@Args(() => DutyCoverageArgs) args: DutyCoverageArgs): DutyCoverage {
    checkDutyRange(args.from, args.to, 'from', 'to');
    return Object.assign(new DutyCoverage(), { from: args.from, to: args.to, withinSubtreeOf: args.withinSubtreeOf ?? null });
  }

  @FieldResolver(() => Int, { description: '班次总数。Slots of the period: current shifts in scope × days.' })
  slotCount(@Ctx() ctx: RequestContext, @Root() c: DutyCoverage): Promise<number> {
    return dutySlotCount(ctx, c);
  }

  @FieldResolver(() => Int, { description: '缺口数。How many (slot, role) pairs are short of the rule.' })
  gapCount(@Ctx() ctx: RequestContext, @Root() c: DutyCoverage): Promise<number> {
    return dutyGapCount(ctx, c);
  }

  @FieldResolver(() => Int, { description: '重复排班数。How many pairs of overlapping assignments of one person.' })
  doubleBookingCount(@Ctx() ctx: RequestContext, @Root() c: DutyCoverage): Promise<number> {
    return dutyDoubleBookingCount(ctx, c);
  }

  @FieldResolver(() => Int, { description: '未确认数。How many assignments starting in the period are still ASSIGNED.' })
  unconfirmedCount(@Ctx() ctx: RequestContext, @Root() c: DutyCoverage): Promise<number> {
    return dutyUnconfirmedCount(ctx, c);
  }

  @FieldResolver(() => DutyGapConnection, { description: '值班缺口。Slots short of leaders or staff, by day, shift start and name, leaders before staff.' })
  gaps(@Ctx() ctx: RequestContext, @Root() c: DutyCoverage, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<DutyGap>> {
    return dutyGaps(ctx, c, pageRequest(page, info));
  }

  @FieldResolver(() => DutyDoubleBookingConnection, { description: '重复排班。Pairs of overlapping assignments of one person, by the start of the first.' })
  doubleBookings(@Ctx() ctx: RequestContext, @Root() c: DutyCoverage, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<DutyDoubleBooking>> {
    return dutyDoubleBookings(ctx, c, pageRequest(page, info));
  }

  @FieldResolver(() => DutyAssignmentConnection, { description: '未确认排班。Assignments still ASSIGNED whose shift starts in the period, by day, shift start and name.' })
  unconfirmed(@Ctx() ctx: RequestContext, @Root() c: DutyCoverage, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<DutyAssignment>> {
    return dutyUnconfirmed(ctx, c, pageRequest(page, info));
  }
}

@Resolver(() => DutyGap)
export class DutyGapResolver {
  @FieldResolver(() => DutyShift, { description: '班次。The shift of the slot.' })
  async shift(@Ctx() ctx: RequestContext, @Root() g: DutyGap): Promise<DutyShift> {
    return (await dutyShiftById(ctx).load(g.shiftId))!;
  }
}

@Resolver(() => DutyDoubleBooking)
export class DutyDoubleBookingResolver {
  @FieldResolver(() => Person, { nullable: true, description: '人员。The person booked twice; null when you may not read persons there.' })
  person(@Ctx() ctx: RequestContext, @Root() b: DutyDoubleBooking): Promise<Person | null> {
    return personById(ctx).load(b.personId);
  }

  @FieldResolver(() => DutyAssignment, { description: '先开始的排班。The assignment whose shift starts first.' })
  async first(@Ctx() ctx: RequestContext, @Root() b: DutyDoubleBooking): Promise<DutyAssignment> {
    return (await dutyAssignmentById(ctx).load(b.firstId))!;
  }

  @FieldResolver(() => DutyAssignment, { description: '后开始的排班。The other assignment, overlapping the first.' })
  async second(@Ctx() ctx: RequestContext, @Root() b: DutyDoubleBooking): Promise<DutyAssignment> {
    return (await dutyAssignmentById(ctx).load(b.secondId))!;
  }
}
