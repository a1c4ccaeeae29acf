import { Args, ArgsType, Ctx, Field, ID, InputType, Info, Query, Resolver } from 'type-graphql';
import { IsDate, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import { AuditEntry } from '../audit/audit-entry.entity';
import { Connection, type ConnectionResult } from '../pagination/connection.type';
import { PageArgs } from '../pagination/page.args';
import { paginate } from '../pagination/paginate';
import { SortDirection } from '../pagination/sort-direction';
import { FilterField, OrderByField, defineOrder, type OrderInput } from '../pagination/order';
import { ListFilter } from '../data/change-feed';
import { RequirePermission } from '../access/permission';
import { selectsField } from '../graphql/selection';
import { DateTimeScalar, UUIDScalar } from '../scalars/scalars';
import { fromGlobalId } from '../data/node';
import { kernelRules } from '../errors/rule-catalog';
import type { RequestContext } from '../context/request-context';

export const AuditEntryConnection = Connection(AuditEntry, '审计日志');

@InputType({ description: '审计日志筛选。Filters for the audit log; all given filters must match.' })
export class AuditLogFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '操作者标识。Only changes by this user or API client.' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @Field(() => String, { nullable: true, description: '对象类型。Only changes to records of this type, e.g. Organization.' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  entityType?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '对象标识。Only changes to this record.' })
  @IsOptional()
  @IsUUID()
  entityId?: string;

  @Field(() => ID, {
    nullable: true,
    description: '对象全局标识。Only changes to the record with this global id (its `nodeId`, e.g. a user\'s or a role\'s): the same as entityType and entityId together.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  nodeId?: string;

  @Field(() => UUIDScalar, {
    nullable: true,
    description: '操作者所属组织。Only changes made by users and API clients of this home organization (at the time of the change; its suborganizations are not included). Entries written before the organization was recorded have none and never match.',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => String, { nullable: true, description: '操作前缀。Only actions starting with this, e.g. directory. or directory.organization.update.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  actionPrefix?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '起始时间。Only changes at or after this time.' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '截止时间。Only changes before this time.' })
  @IsOptional()
  @IsDate()
  to?: Date;
}

/** `orderBy` of `auditLog`. */
export const AuditEntryOrder = defineOrder(
  'AuditEntry',
  '审计日志',
  {
    OCCURRED_AT: { column: 't.occurred_at', description: '发生时间。By when the change was made (the start of its transaction).' },
    ACTION: { column: 't.action', description: '操作。By action, e.g. directory.organization.update.' },
    ENTITY_TYPE: { column: 't.entity_type', description: '对象类型。By the type of the record changed.' },
  },
  [
    { column: 't.occurred_at', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

@ArgsType()
export class AuditLogArgs extends PageArgs {
  @FilterField(() => AuditLogFilter, '筛选条件。Which entries to list.')
  filter?: AuditLogFilter;

  @OrderByField(AuditEntryOrder, 'newest first')
  orderBy?: OrderInput<keyof typeof AuditEntryOrder.Field>[];
}

@Resolver(() => AuditEntry)
export class AuditLogResolver {
  @Query(() => AuditEntryConnection, { description: '审计日志。Recorded changes, filtered by actor, the actor\'s organization, record, action and time; newest first unless ordered otherwise.' })
  @RequirePermission('kernel.audit:read')
  auditLog(@Ctx() ctx: RequestContext, @Args(() => AuditLogArgs) args: AuditLogArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<AuditEntry>> {
    const f = args.filter ?? {};
    const qb = ctx.manager.createQueryBuilder(AuditEntry, 't');
    if (f.actorId) qb.andWhere('t.actor_id = :actorId', { actorId: f.actorId });
    if (f.entityType) qb.andWhere('t.entity_type = :entityType', { entityType: f.entityType });
    if (f.entityId) qb.andWhere('t.entity_id = :entityId', { entityId: f.entityId });
    if (f.nodeId) {
      const node = fromGlobalId(f.nodeId);
      if (!node) throw kernelRules.field('filter.nodeId', 'globalId', 'is not a global id handed out by this API.');
      // The record's type as its audit entries name it (the GraphQL type name): audit_log_entity_idx.
      qb.andWhere('t.entity_type = :nodeType AND t.entity_id = :nodeEntityId', { nodeType: node.typeName, nodeEntityId: node.id });
    }
    if (f.organizationId) qb.andWhere('t.organization_id = :organizationId', { organizationId: f.organizationId });
    if (f.actionPrefix) qb.andWhere('starts_with(t.action, :actionPrefix)', { actionPrefix: f.actionPrefix });
    if (f.from) qb.andWhere('t.occurred_at >= :from', { from: f.from });
    if (f.to) qb.andWhere('t.occurred_at < :to', { to: f.to });
    // The change feed: an entry never changes once written (its time is its transaction's start, as a record's updated_at).
    if (f.updatedSince) qb.andWhere('t.occurred_at >= :updatedSince', { updatedSince: f.updatedSince });
    return paginate<AuditEntry>(qb, args, AuditEntryOrder.keys(args.orderBy), selectsField(info, 'totalCount'));
  }
}
