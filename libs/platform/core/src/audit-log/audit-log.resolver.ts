import { Args, ArgsType, Ctx, Field, InputType, Info, Query, Resolver } from 'type-graphql';
import { IsDate, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import type { GraphQLResolveInfo } from 'graphql';
import { AuditEntry } from './audit-entry.entity';
import { Connection, type ConnectionResult } from '../pagination/connection.type';
import { PageArgs } from '../pagination/page.args';
import { paginate } from '../pagination/paginate';
import { SortDirection } from '../pagination/sort-direction';
import { RequirePermission } from '../access/permission';
import { selectsField } from '../graphql/selection';
import { DateTimeScalar, UUIDScalar } from '../scalars/scalars';
import type { RequestContext } from '../context/request-context';

export const AuditEntryConnection = Connection(AuditEntry, '审计日志');

@InputType({ description: '审计日志筛选。Filters for the audit log; all given filters must match.' })
export class AuditLogFilter {
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

@ArgsType()
export class AuditLogArgs extends PageArgs {
  @Field(() => AuditLogFilter, { nullable: true, description: '筛选条件。Which entries to list (newest first).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditLogFilter)
  filter?: AuditLogFilter;
}

@Resolver(() => AuditEntry)
export class AuditLogResolver {
  @Query(() => AuditEntryConnection, { description: '审计日志。Recorded changes, newest first, filtered by actor, record, action and time.' })
  @RequirePermission('kernel.audit:read')
  auditLog(@Ctx() ctx: RequestContext, @Args(() => AuditLogArgs) args: AuditLogArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<AuditEntry>> {
    const f = args.filter ?? {};
    const qb = ctx.manager.createQueryBuilder(AuditEntry, 'a');
    if (f.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: f.actorId });
    if (f.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: f.entityType });
    if (f.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: f.entityId });
    if (f.actionPrefix) qb.andWhere('starts_with(a.action, :actionPrefix)', { actionPrefix: f.actionPrefix });
    if (f.from) qb.andWhere('a.occurred_at >= :from', { from: f.from });
    if (f.to) qb.andWhere('a.occurred_at < :to', { to: f.to });
    return paginate(
      qb,
      args,
      [
        { column: 'a.occurred_at', direction: SortDirection.DESC },
        { column: 'a.id', direction: SortDirection.DESC },
      ],
      selectsField(info, 'totalCount'),
    );
  }
}
