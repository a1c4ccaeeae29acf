import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ObjectLiteral } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import { AuditEntry } from '../audit/audit-entry.entity';
import { ReadsColumns } from '../db/row-reader';
import { Node, nodeById, toGlobalId } from '../data/node';

/** An audit entry's record (`entityType`, `entityId`) as the record itself, resolved like `node(nodeId:)`. */
@Resolver(() => AuditEntry)
export class AuditEntryRecordResolver {
  @FieldResolver(() => Node, {
    nullable: true,
    description:
      '变更对象。The record changed, as it is now, by entityType and entityId (`... on Hazard { title }`), read with its own type\'s read permission and scope; null when none is named, it no longer exists, its type is not a record with a global id (e.g. a role permission) or its module is off, or you may not read it.',
  })
  @ReadsColumns('entityType', 'entityId')
  entity(@Ctx() ctx: RequestContext, @Root() entry: AuditEntry): Promise<ObjectLiteral | null> | null {
    // A type no enabled module declares (a role permission, an attachment) is simply not found.
    return entry.entityId ? nodeById(ctx).load(toGlobalId(entry.entityType, entry.entityId)) : null;
  }
}
