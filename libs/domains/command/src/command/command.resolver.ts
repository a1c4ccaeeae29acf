import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ArchiveInput, Connection, PageArgs, ReadsColumns, ReadsRelation, RequirePermission, UUIDScalar, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { CommandBody, CommandPosition } from './command-body.entity';
import { CommandBodyListArgs, CreateCommandBodyInput, SetCommandPositionInput, UpdateCommandBodyInput } from './command.inputs';
import { CommandService } from './command.service';
import { CommandBodyPositions, CommandBodyReference, POSITION_KEY_PROPERTIES, commandBodyById } from './team.loaders';
import { CommandPermission } from '../permissions';

export const CommandBodyConnection = Connection(CommandBody, '指挥机构');
export const CommandPositionConnection = Connection(CommandPosition, '指挥机构职位');
const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;

@Resolver(() => CommandBody)
export class CommandBodyResolver {
  private readonly service = new CommandService();

  @Query(() => CommandBody, { nullable: true, description: '指挥机构详情。One command body by id (dissolved ones too); null when there is none in your scope.' })
  @RequirePermission(CommandPermission.CommandRead)
  commandBody(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Command body id.' }) id: string): Promise<CommandBody | null> {
    return this.service.byId(ctx, id);
  }

  @Query(() => CommandBodyConnection, { description: '指挥机构列表。Standing command bodies in your scope by name; filter by subtree or kinds.' })
  @RequirePermission(CommandPermission.CommandRead)
  commandBodies(@Ctx() ctx: RequestContext, @Args(() => CommandBodyListArgs) args: CommandBodyListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<CommandBody>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => CommandBody, { description: '成立指挥机构。Sets up the headquarters or the joint command room of the town or a village in your scope (one standing body of each kind).' })
  @RequirePermission(CommandPermission.CommandWrite)
  createCommandBody(@Ctx() ctx: RequestContext, @Arg('input', () => CreateCommandBodyInput, input) data: CreateCommandBodyInput): Promise<CommandBody> {
    return this.service.create(ctx, data);
  }

  @Mutation(() => CommandBody, { description: '修改指挥机构。Changes name, address or duty phone; needs the version you read (a stale one is refused with CONFLICT).' })
  @RequirePermission(CommandPermission.CommandWrite)
  updateCommandBody(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateCommandBodyInput, input) data: UpdateCommandBodyInput): Promise<CommandBody> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => CommandBody, { description: '撤销指挥机构。Dissolves a command body; the record and its positions are kept.' })
  @RequirePermission(CommandPermission.CommandWrite)
  archiveCommandBody(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<CommandBody> {
    return this.service.archive(ctx, data);
  }

  @Mutation(() => CommandPosition, { description: '设置指挥职位。Creates a position of a command body, or changes one (with the version you read): title, responsibility, holder, deputy, order, phone.' })
  @RequirePermission(CommandPermission.CommandWrite)
  setCommandPosition(@Ctx() ctx: RequestContext, @Arg('input', () => SetCommandPositionInput, input) data: SetCommandPositionInput): Promise<CommandPosition> {
    return this.service.setPosition(ctx, data);
  }

  @Mutation(() => CommandBody, { description: '删除指挥职位。Removes a position (with the version you read) and answers its command body.' })
  @RequirePermission(CommandPermission.CommandWrite)
  removeCommandPosition(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<CommandBody> {
    return this.service.removePosition(ctx, data);
  }

  @FieldResolver(() => CommandPositionConnection, { description: '职位。The positions of the body in their order (sortOrder, then id).' })
  @ReadsRelation(CommandBodyPositions)
  positions(@Ctx() ctx: RequestContext, @Root() b: CommandBody, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<CommandPosition>> {
    return CommandBodyPositions.load(ctx, b.id, page, info, selectedProperties(ctx.manager, CommandPosition, info, NODE, POSITION_KEY_PROPERTIES));
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属单位。The town government or village; null when you may not read organizations there.' })
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() b: CommandBody): Promise<Organization | null> {
    return organizationById(ctx).load(b.organizationId);
  }
}

@Resolver(() => CommandPosition)
export class CommandPositionResolver {
  @FieldResolver(() => Person, { nullable: true, description: '担任人。The person holding the position; null when you may not read that person.' })
  @ReadsColumns('holderPersonId')
  @ReadsRelation(PersonReference, 'holderPersonId')
  holder(@Ctx() ctx: RequestContext, @Root() p: CommandPosition): Promise<Person | null> {
    return personById(ctx).load(p.holderPersonId);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'AB角。The deputy standing in for the holder; null when none or when you may not read that person.' })
  @ReadsColumns('deputyPersonId')
  @ReadsRelation(PersonReference, 'deputyPersonId')
  async deputy(@Ctx() ctx: RequestContext, @Root() p: CommandPosition): Promise<Person | null> {
    return p.deputyPersonId ? personById(ctx).load(p.deputyPersonId) : null;
  }

  @FieldResolver(() => CommandBody, { nullable: true, description: '指挥机构。The command body the position belongs to (needs rescue.command:read); null when it is outside your scope.' })
  @RequirePermission(CommandPermission.CommandRead)
  @ReadsColumns('bodyId')
  @ReadsRelation(CommandBodyReference, 'bodyId')
  body(@Ctx() ctx: RequestContext, @Root() p: CommandPosition): Promise<CommandBody | null> {
    return commandBodyById(ctx).load(p.bodyId);
  }
}
