import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { ObjectLiteral } from 'typeorm';
import { Attachment, Connection, Node, ReadsColumns, ReadsRelation, RequirePermission, attachmentsOf, nodeById, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { DutyAction, DutyItem } from './duty-list.entity';
import { DutyActionListArgs, RecordDutyActionInput } from './duty-list.inputs';
import { DUTY_ACTION_KEY_PROPERTIES, DutyActionService } from './duty-action.service';
import { DutyItemReference } from './duty.loaders';
import { DutyPermission } from './duties.permissions';

export const DutyActionConnection = Connection(DutyAction, '履职记录');
const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;

@Resolver(() => DutyAction)
export class DutyActionResolver {
  private readonly service = new DutyActionService();

  @Query(() => DutyActionConnection, { description: '履职记录。Actions recorded against duties in your scope, latest first; filter by official, list and period.' })
  @RequirePermission(DutyPermission.Read)
  dutyActions(@Ctx() ctx: RequestContext, @Args(() => DutyActionListArgs) args: DutyActionListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<DutyAction>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, DutyAction, info, NODE, DUTY_ACTION_KEY_PROPERTIES));
  }

  @Mutation(() => DutyAction, { description: '记录履职。Records an action performed in a duty of a signed list, on a day of the list\'s year, with evidence and an optional link to the record it concerned.' })
  @RequirePermission(DutyPermission.Record)
  recordDutyAction(@Ctx() ctx: RequestContext, @Arg('input', () => RecordDutyActionInput, input) data: RecordDutyActionInput): Promise<DutyAction> {
    return this.service.record(ctx, data);
  }

  @FieldResolver(() => DutyItem, { nullable: true, description: '职责条目。The duty performed (read with the action, so null only for one that no longer exists).' })
  @ReadsColumns('itemId')
  @ReadsRelation(DutyItemReference, 'itemId')
  item(@Ctx() ctx: RequestContext, @Root() a: DutyAction): Promise<DutyItem | null> {
    return DutyItemReference.byId(ctx).load(a.itemId);
  }

  @FieldResolver(() => Node, { nullable: true, description: '关联记录。The record it concerned (`linkedNodeId`); null when none, or when you may not read it.' })
  @ReadsColumns('linkedNodeId')
  linked(@Ctx() ctx: RequestContext, @Root() a: DutyAction): Promise<ObjectLiteral | null> {
    return a.linkedNodeId ? nodeById(ctx).load(a.linkedNodeId) : Promise.resolve(null);
  }

  @FieldResolver(() => [Attachment], { description: '佐证材料。Files attached as evidence (at most 20).' })
  @ReadsColumns('id')
  attachments(@Ctx() ctx: RequestContext, @Root() a: DutyAction): Promise<Attachment[]> {
    return attachmentsOf(ctx, 'DutyAction').load(a.id);
  }
}
