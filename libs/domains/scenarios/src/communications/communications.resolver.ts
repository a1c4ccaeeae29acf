import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, PageArgs, ReadsColumns, ReadsRelation, RequirePermission, SqlForm, UUIDScalar, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { Hazard, HazardReference, hazardById } from '@domains/risk';
import { BlackoutDrill, CommunicationTerminal, TerminalTest } from './communication-terminal.entity';
import { TerminalPermission } from './communications.permissions';
import { CommunicationTerminalReference, TerminalTestPages } from './communications.loaders';
import { terminalReadyOf, terminalReadySql } from './communications.sql';
import { VillageFallback } from './communications.types';
import {
  BlackoutDrillListArgs,
  CommunicationTerminalListArgs,
  RecordBlackoutDrillInput,
  RecordTerminalTestInput,
  RegisterCommunicationTerminalInput,
  UpdateCommunicationTerminalInput,
  VillageFallbackArgs,
} from './communications.inputs';
import { CommunicationsService, DRILL_KEY_PROPERTIES, TERMINAL_KEY_PROPERTIES } from './communications.service';

export const CommunicationTerminalConnection = Connection(CommunicationTerminal, '应急通信终端');
export const TerminalTestConnection = Connection(TerminalTest, '终端测试记录');
export const BlackoutDrillConnection = Connection(BlackoutDrill, '三断演练');
export const VillageFallbackConnection = Connection(VillageFallback, '村（社区）保底通信情况');
const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;

@Resolver(() => CommunicationTerminal)
export class CommunicationTerminalResolver {
  private readonly service = new CommunicationsService();

  @Query(() => CommunicationTerminal, { nullable: true, description: '应急通信终端详情。One terminal by id; null when there is none in your scope.' })
  @RequirePermission(TerminalPermission.Read)
  communicationTerminal(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Terminal id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<CommunicationTerminal | null> {
    return this.service.terminalById(ctx, id, selectedProperties(ctx.manager, CommunicationTerminal, info, SELF));
  }

  @Query(() => CommunicationTerminalConnection, { description: '应急通信终端。The fallback terminals of villages and communities in your scope, by identifier; filter by village, kind, status and readiness today.' })
  @RequirePermission(TerminalPermission.Read)
  communicationTerminals(@Ctx() ctx: RequestContext, @Args(() => CommunicationTerminalListArgs) args: CommunicationTerminalListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<CommunicationTerminal>> {
    return this.service.terminals(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, CommunicationTerminal, info, NODE, TERMINAL_KEY_PROPERTIES));
  }

  @Query(() => VillageFallbackConnection, { description: '无就绪保底终端的村（社区）。The villages and communities in your scope with no terminal ready today (基层保底通信; the target is none), by name, with their terminals counted.' })
  @RequirePermission(TerminalPermission.Read)
  villagesWithoutReadyFallback(@Ctx() ctx: RequestContext, @Args(() => VillageFallbackArgs) args: VillageFallbackArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<VillageFallback>> {
    return this.service.villagesWithoutReadyFallback(ctx, args, selectsField(info, 'totalCount'));
  }

  @FieldResolver(() => Boolean, { description: '就绪。True when it is in service and its last test was OK at most N China days before today (scenarios.terminal-readiness, N = 30; both ends included).' })
  @ReadsColumns('id')
  @SqlForm((row, ctx) => terminalReadySql(row, ctx.clock.today()))
  ready(@Ctx() ctx: RequestContext, @Root() t: CommunicationTerminal): Promise<boolean> {
    return terminalReadyOf(ctx, t.id, ctx.clock.today());
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属村（社区）。The village or community keeping it; null when you may not read organizations there.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() t: CommunicationTerminal): Promise<Organization | null> {
    return organizationById(ctx).load(t.organizationId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '保管人。The person keeping it; null when none is named or you may not read persons.' })
  @ReadsColumns('holderPersonId')
  @ReadsRelation(PersonReference, 'holderPersonId')
  holder(@Ctx() ctx: RequestContext, @Root() t: CommunicationTerminal): Promise<Person | null> {
    return t.holderPersonId ? personById(ctx).load(t.holderPersonId) : Promise.resolve(null);
  }

  @FieldResolver(() => TerminalTestConnection, { description: '测试记录。Its tests, the latest first.' })
  @ReadsColumns('id')
  @ReadsRelation(TerminalTestPages)
  tests(@Ctx() ctx: RequestContext, @Root() t: CommunicationTerminal, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<TerminalTest>> {
    return TerminalTestPages.load(ctx, t.id, page, info);
  }

  @Mutation(() => CommunicationTerminal, { description: '登记应急通信终端。Registers a fallback terminal of a village or community in your scope; it is not ready until a test is OK.' })
  @RequirePermission(TerminalPermission.Manage)
  registerCommunicationTerminal(@Ctx() ctx: RequestContext, @Arg('input', () => RegisterCommunicationTerminalInput, input) data: RegisterCommunicationTerminalInput): Promise<CommunicationTerminal> {
    return this.service.register(ctx, data);
  }

  @Mutation(() => CommunicationTerminal, { description: '更新应急通信终端。Changes a terminal\'s identifier, model, holder, status or note.' })
  @RequirePermission(TerminalPermission.Manage)
  updateCommunicationTerminal(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateCommunicationTerminalInput, input) data: UpdateCommunicationTerminalInput): Promise<CommunicationTerminal> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => TerminalTest, { description: '登记终端测试。Records a test of a terminal in your scope (not in the future; FAILED needs a note); the latest test by time becomes the terminal\'s last test.' })
  @RequirePermission(TerminalPermission.Manage)
  recordTerminalTest(@Ctx() ctx: RequestContext, @Arg('input', () => RecordTerminalTestInput, input) data: RecordTerminalTestInput): Promise<TerminalTest> {
    return this.service.recordTest(ctx, data);
  }
}

@Resolver(() => TerminalTest)
export class TerminalTestResolver {
  @FieldResolver(() => CommunicationTerminal, { nullable: true, description: '终端。The terminal tested; null when outside your scope.' })
  @ReadsColumns('terminalId')
  @ReadsRelation(CommunicationTerminalReference, 'terminalId')
  terminal(@Ctx() ctx: RequestContext, @Root() t: TerminalTest): Promise<CommunicationTerminal | null> {
    return CommunicationTerminalReference.byId(ctx).load(t.terminalId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属村（社区）。The terminal\'s village or community when tested; null when you may not read organizations there.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() t: TerminalTest): Promise<Organization | null> {
    return organizationById(ctx).load(t.organizationId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '测试人。The person who tested it; null when not named or you may not read persons.' })
  @ReadsColumns('testerPersonId')
  @ReadsRelation(PersonReference, 'testerPersonId')
  tester(@Ctx() ctx: RequestContext, @Root() t: TerminalTest): Promise<Person | null> {
    return t.testerPersonId ? personById(ctx).load(t.testerPersonId) : Promise.resolve(null);
  }
}

@Resolver(() => VillageFallback)
export class VillageFallbackResolver {
  @FieldResolver(() => Organization, { nullable: true, description: '村（社区）。The village or community; null when you may not read organizations there.' })
  organization(@Ctx() ctx: RequestContext, @Root() v: VillageFallback): Promise<Organization | null> {
    return organizationById(ctx).load(v.organizationId);
  }
}

@Resolver(() => BlackoutDrill)
export class BlackoutDrillResolver {
  private readonly service = new CommunicationsService();

  @Query(() => BlackoutDrill, { nullable: true, description: '三断演练详情。One 三断 drill by id; null when there is none in your scope.' })
  @RequirePermission(TerminalPermission.Read)
  blackoutDrill(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Drill id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<BlackoutDrill | null> {
    return this.service.drillById(ctx, id, selectedProperties(ctx.manager, BlackoutDrill, info, SELF));
  }

  @Query(() => BlackoutDrillConnection, { description: '三断演练。The 三断 (power, network, road cut) drills of villages in your scope, latest first; filter by village and result.' })
  @RequirePermission(TerminalPermission.Read)
  blackoutDrills(@Ctx() ctx: RequestContext, @Args(() => BlackoutDrillListArgs) args: BlackoutDrillListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<BlackoutDrill>> {
    return this.service.drills(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, BlackoutDrill, info, NODE, DRILL_KEY_PROPERTIES));
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属村（社区）。The village drilled; null when you may not read organizations there.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() d: BlackoutDrill): Promise<Organization | null> {
    return organizationById(ctx).load(d.organizationId);
  }

  @FieldResolver(() => Hazard, { nullable: true, description: '隐患。The DRILL hazard raised for the problems; null when none was raised or when you may not read hazards there.' })
  @ReadsColumns('hazardId')
  @ReadsRelation(HazardReference, 'hazardId')
  hazard(@Ctx() ctx: RequestContext, @Root() d: BlackoutDrill): Promise<Hazard | null> {
    return d.hazardId ? hazardById(ctx).load(d.hazardId) : Promise.resolve(null);
  }

  @FieldResolver(() => [CommunicationTerminal], { description: '使用终端。The terminals used, those in your scope, in the order recorded.' })
  @ReadsColumns('terminalIds')
  async terminals(@Ctx() ctx: RequestContext, @Root() d: BlackoutDrill): Promise<CommunicationTerminal[]> {
    const loaded = await CommunicationTerminalReference.byId(ctx).loadMany(d.terminalIds);
    return loaded.filter((t): t is CommunicationTerminal => t !== null && !(t instanceof Error));
  }

  @Mutation(() => BlackoutDrill, { description: '登记“三断”演练。Records a 三断 drill of a village in your scope (at least one cut; the village\'s own terminals; problems unless PASSED); raiseHazard reports the problems as a DRILL hazard of the village.' })
  @RequirePermission(TerminalPermission.Manage)
  recordBlackoutDrill(@Ctx() ctx: RequestContext, @Arg('input', () => RecordBlackoutDrillInput, input) data: RecordBlackoutDrillInput): Promise<BlackoutDrill> {
    return this.service.recordDrill(ctx, data);
  }
}
