import { Args, ArgsType, Ctx, Field, FieldResolver, ObjectType, Resolver, Root, Subscription, registerEnumType } from 'type-graphql';
import { IsOptional, IsUUID } from 'class-validator';
import type { SubscribeResolverData } from 'type-graphql';
import { RequirePermission, UUIDScalar, can, demand, eventStream, records, type EventOf, type RequestContext } from '@platform/core';
import { Organization } from './organization.entity';
import { organizationById } from './organization.loaders';
import { withinSubtree } from './organization-scope';
import { Organizations } from '../directory.entities';
import { DirectoryPermission } from '../permissions';
import { directoryEvents } from '../directory.events';

export enum OrganizationChangeKind {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  ARCHIVED = 'ARCHIVED',
}

registerEnumType(OrganizationChangeKind, {
  name: 'OrganizationChangeKind',
  description: '组织变更类型。What happened to an organization.',
  valuesConfig: {
    CREATED: { description: '新建。It was created.' },
    UPDATED: { description: '修改。It was changed or moved.' },
    ARCHIVED: { description: '归档。It was archived.' },
  },
});

const ORGANIZATION_EVENTS = [directoryEvents['directory.organization.created'], directoryEvents['directory.organization.updated'], directoryEvents['directory.organization.archived']] as const;
type OrganizationEvent = EventOf<(typeof ORGANIZATION_EVENTS)[number]>;

const EVENT_KIND: Readonly<Record<OrganizationEvent['type'], OrganizationChangeKind>> = {
  'directory.organization.created': OrganizationChangeKind.CREATED,
  'directory.organization.updated': OrganizationChangeKind.UPDATED,
  'directory.organization.archived': OrganizationChangeKind.ARCHIVED,
};

@ObjectType({ description: '组织变更。A committed change to an organization in your scope.' })
export class OrganizationChange {
  @Field(() => OrganizationChangeKind, { description: '类型。What happened.' })
  kind: OrganizationChangeKind;

  @Field(() => UUIDScalar, { description: '组织标识。The organization changed.' })
  organizationId: string;

  @Field({ description: '发生时间。When the change was committed.' })
  occurredAt: Date;
}

@ArgsType()
class OrganizationChangedArgs {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only changes within this organization\'s subtree.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;
}

/** Whether an organization is in the subscriber's current scope (and the requested subtree). */
async function visible(ctx: RequestContext, organizationId: string, withinSubtreeOf?: string): Promise<boolean> {
  const principal = await ctx.currentPrincipal().catch(() => null);
  if (!principal || !can(principal, DirectoryPermission.OrganizationRead)) return false;
  // The subscriber's scope as it is now, not as it was when they subscribed.
  const readable = records(ctx, Organizations, DirectoryPermission.OrganizationRead, { principal });
  return (withinSubtreeOf ? readable.where(withinSubtree('t.path', withinSubtreeOf)) : readable).exists(organizationId);
}

@Resolver(() => OrganizationChange)
export class OrganizationChangeResolver {
  @Subscription(() => OrganizationChange, {
    description: '组织变更订阅。Organizations created, changed or archived within your scope, as they commit. Each event is checked against your grants at that moment.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, OrganizationChangedArgs, RequestContext>) => {
      demand(context.principal, DirectoryPermission.OrganizationRead);
      return eventStream(context.events, ORGANIZATION_EVENTS, (event) => visible(context, event.payload.id, args.withinSubtreeOf));
    },
  })
  @RequirePermission(DirectoryPermission.OrganizationRead)
  organizationChanged(@Root() event: OrganizationEvent, @Args(() => OrganizationChangedArgs) _args: OrganizationChangedArgs): OrganizationChange {
    return { kind: EVENT_KIND[event.type], organizationId: event.payload.id, occurredAt: event.occurredAt };
  }

  @FieldResolver(() => Organization, { nullable: true, description: '组织。The organization as it is now; null when you can no longer read it.' })
  organization(@Ctx() ctx: RequestContext, @Root() change: OrganizationChange): Promise<Organization | null> {
    return organizationById(ctx).load(change.organizationId);
  }
}
