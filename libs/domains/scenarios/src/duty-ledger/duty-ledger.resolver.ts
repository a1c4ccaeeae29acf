import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { ObjectLiteral } from 'typeorm';
import { Connection, Node, ReadsColumns, ReadsRelation, RequirePermission, UUIDScalar, defineReference, nodeById, toGlobalId, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { DutyItem, DutyItemReference, DutyList, DutyListReference, KeyTask, KeyTaskReference } from '@domains/responsibility';
import { DutyLedgerSnapshot } from './duty-ledger-snapshot.entity';
import { DutyLedgerSnapshots } from './duty-ledger.entities';
import { DutyLedgerPermission } from './duty-ledger.permissions';
import { DutyLedgerArgs, DutyLedgerSnapshotListArgs, TakeDutyLedgerSnapshotInput } from './duty-ledger.inputs';
import { DutyLedgerService, SNAPSHOT_KEY_PROPERTIES } from './duty-ledger.service';
import { DutyLedger, DutyLedgerDuty, DutyLedgerGap, DutyLedgerTask } from './duty-ledger.types';
import { DutyLedgerGapKind } from './duty-ledger.enums';
import { gapsOf } from './duty-ledger.sql';

export const DutyLedgerConnection = Connection(DutyLedger, '安全履职一本账');
export const DutyLedgerSnapshotConnection = Connection(DutyLedgerSnapshot, '履职台账快照');
/** Snapshots by id, within the caller's read scope. */
export const DutyLedgerSnapshotReference = defineReference(DutyLedgerSnapshots, 'scenarios.dutyLedgerSnapshot.byId');
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;

@Resolver(() => DutyLedger)
export class DutyLedgerResolver {
  private readonly service = new DutyLedgerService();

  @Query(() => DutyLedgerConnection, {
    description:
      '安全履职一本账。Per official in your scope (their signed duty list in force for the period\'s year): duties → key tasks → actions (duty actions, task updates, inspections, drills, hazard verifications) → evidence, with the gaps; by organization and position; one statement.',
  })
  @RequirePermission(DutyLedgerPermission.Read)
  dutyLedgers(@Ctx() ctx: RequestContext, @Args(() => DutyLedgerArgs) args: DutyLedgerArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<DutyLedger>> {
    return this.service.ledgers(ctx, args, selectsField(info, 'totalCount'));
  }

  @FieldResolver(() => DutyList, { nullable: true, description: '职责清单。The signed duty list in force the ledger follows; null when you may not read duty lists there.' })
  list(@Ctx() ctx: RequestContext, @Root() l: DutyLedger): Promise<DutyList | null> {
    return DutyListReference.byId(ctx).load(l.listId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '人员。The official; null when you may not read persons there.' })
  person(@Ctx() ctx: RequestContext, @Root() l: DutyLedger): Promise<Person | null> {
    return personById(ctx).load(l.personId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '单位。The organization of the position; null when you may not read organizations there.' })
  organization(@Ctx() ctx: RequestContext, @Root() l: DutyLedger): Promise<Organization | null> {
    return organizationById(ctx).load(l.organizationId);
  }
}

@Resolver(() => DutyLedgerDuty)
export class DutyLedgerDutyResolver {
  @FieldResolver(() => DutyItem, { nullable: true, description: '职责条目。The duty item of the list; null when you may not read duty lists there.' })
  item(@Ctx() ctx: RequestContext, @Root() d: DutyLedgerDuty): Promise<DutyItem | null> {
    return DutyItemReference.byId(ctx).load(d.itemId);
  }
}

@Resolver(() => DutyLedgerTask)
export class DutyLedgerTaskResolver {
  @FieldResolver(() => KeyTask, { nullable: true, description: '重点任务。The key task; null when you may not read key tasks there.' })
  task(@Ctx() ctx: RequestContext, @Root() t: DutyLedgerTask): Promise<KeyTask | null> {
    return KeyTaskReference.byId(ctx).load(t.taskId);
  }
}

@Resolver(() => DutyLedgerGap)
export class DutyLedgerGapResolver {
  @FieldResolver(() => Node, { nullable: true, description: '对象。The duty item (DUTY_WITHOUT_ACTION, ACTION_WITHOUT_EVIDENCE) or key task (TASK_OVERDUE, TASK_WITHOUT_UPDATE) concerned, read with its own type\'s permission and scope; null when you may not read it.' })
  reference(@Ctx() ctx: RequestContext, @Root() g: DutyLedgerGap): Promise<ObjectLiteral | null> {
    const type = g.kind === DutyLedgerGapKind.TASK_OVERDUE || g.kind === DutyLedgerGapKind.TASK_WITHOUT_UPDATE ? 'KeyTask' : 'DutyItem';
    return nodeById(ctx).load(toGlobalId(type, g.referenceId));
  }
}

@Resolver(() => DutyLedgerSnapshot)
export class DutyLedgerSnapshotResolver {
  private readonly service = new DutyLedgerService();

  @Query(() => DutyLedgerSnapshot, { nullable: true, description: '履职台账快照详情。One snapshot by id; null when there is none in your scope.' })
  @RequirePermission(DutyLedgerPermission.Read)
  dutyLedgerSnapshot(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Snapshot id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<DutyLedgerSnapshot | null> {
    return this.service.snapshotById(ctx, id, selectedProperties(ctx.manager, DutyLedgerSnapshot, info, SELF));
  }

  @Query(() => DutyLedgerSnapshotConnection, { description: '履职台账快照。Snapshots of officials in your scope, latest taken first; filter by official and duty list.' })
  @RequirePermission(DutyLedgerPermission.Read)
  dutyLedgerSnapshots(@Ctx() ctx: RequestContext, @Args(() => DutyLedgerSnapshotListArgs) args: DutyLedgerSnapshotListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<DutyLedgerSnapshot>> {
    return this.service.snapshots(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, DutyLedgerSnapshot, info, NODE, SNAPSHOT_KEY_PROPERTIES));
  }

  @FieldResolver(() => DutyLedger, { description: '台账内容。The ledger as it stood when the snapshot was taken (duties, tasks, gaps).' })
  @ReadsColumns('content')
  ledger(@Root() s: DutyLedgerSnapshot): DutyLedger {
    const l = s.content as unknown as DutyLedger;
    return Object.assign(new DutyLedger(), l, { gaps: l.gaps ?? gapsOf(l.duties ?? [], l.tasks ?? []) });
  }

  @FieldResolver(() => DutyList, { nullable: true, description: '职责清单。The signed duty list in force the ledger follows; null when you may not read duty lists there.' })
  @ReadsColumns('listId')
  @ReadsRelation(DutyListReference, 'listId')
  list(@Ctx() ctx: RequestContext, @Root() s: DutyLedgerSnapshot): Promise<DutyList | null> {
    return DutyListReference.byId(ctx).load(s.listId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '人员。The official; null when you may not read persons there.' })
  @ReadsColumns('personId')
  @ReadsRelation(PersonReference, 'personId')
  person(@Ctx() ctx: RequestContext, @Root() s: DutyLedgerSnapshot): Promise<Person | null> {
    return personById(ctx).load(s.personId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '单位。The organization of the position; null when you may not read organizations there.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() s: DutyLedgerSnapshot): Promise<Organization | null> {
    return organizationById(ctx).load(s.organizationId);
  }

  @Mutation(() => DutyLedgerSnapshot, {
    description: '固化履职台账。Takes an immutable snapshot of an official\'s ledger over a period of their signed list\'s year (not ending in the future), once per list and period, for the duty report (述职); audited.',
  })
  @RequirePermission(DutyLedgerPermission.Snapshot)
  takeDutyLedgerSnapshot(@Ctx() ctx: RequestContext, @Arg('input', () => TakeDutyLedgerSnapshotInput, { description: '输入。The fields of the request.' }) data: TakeDutyLedgerSnapshotInput): Promise<DutyLedgerSnapshot> {
    return this.service.takeSnapshot(ctx, data);
  }
}
