import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Attachment, Connection, PageArgs, ReadsColumns, ReadsRelation, RequirePermission, UUIDScalar, attachmentsOf, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, organizationById } from '@platform/directory';
import { KeyProject, ThreeSimultaneityRecord } from './key-project.entity';
import { ThreeSimultaneityStage } from './registries.enums';
import { CreateKeyProjectInput, KeyProjectListArgs, RecordThreeSimultaneityInput, UpdateKeyProjectInput } from './key-project.inputs';
import { KeyProjectService, missingStages } from './key-project.service';
import { KeyProjectReference, ThreeSimultaneityPages, keyProjectById, recordedStages } from './registries.loaders';
import { RegistriesPermission } from './registries.permissions';

export const KeyProjectConnection = Connection(KeyProject, '重点建设项目');
export const ThreeSimultaneityRecordConnection = Connection(ThreeSimultaneityRecord, '三同时记录');
const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;
const KEY_PROPERTIES = ['name'];

@Resolver(() => KeyProject)
export class KeyProjectResolver {
  private readonly service = new KeyProjectService();

  @Query(() => KeyProject, { nullable: true, description: '重点建设项目详情。One key project by id; null when there is none in your scope.' })
  @RequirePermission(RegistriesPermission.Read)
  keyProject(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Project id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<KeyProject | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, KeyProject, info, SELF));
  }

  @Query(() => KeyProjectConnection, { description: '重点建设项目。Key construction projects in your scope, by name; `filter.missingStage: true` lists those missing a 三同时 stage they have reached.' })
  @RequirePermission(RegistriesPermission.Read)
  keyProjects(@Ctx() ctx: RequestContext, @Args(() => KeyProjectListArgs) args: KeyProjectListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<KeyProject>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, KeyProject, info, NODE, KEY_PROPERTIES));
  }

  @FieldResolver(() => ThreeSimultaneityRecordConnection, { description: '三同时记录。The stages recorded, in the stages\' order (DESIGN, CONSTRUCTION, OPERATION).' })
  @ReadsColumns('id')
  @ReadsRelation(ThreeSimultaneityPages)
  threeSimultaneity(@Ctx() ctx: RequestContext, @Root() p: KeyProject, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<ThreeSimultaneityRecord>> {
    return ThreeSimultaneityPages.load(ctx, p.id, page, info);
  }

  @FieldResolver(() => [ThreeSimultaneityStage], { description: '三同时缺项。The 三同时 stages the project has reached but has no record of (DESIGN from the design stage, CONSTRUCTION from construction, OPERATION once completed).' })
  @ReadsColumns('id', 'stage')
  async missingStages(@Ctx() ctx: RequestContext, @Root() p: KeyProject): Promise<ThreeSimultaneityStage[]> {
    const recorded = await recordedStages(ctx).load(p.id);
    return missingStages(p.stage, recorded.map((r) => r.stage));
  }

  @FieldResolver(() => Organization, { nullable: true, description: '建设单位。The owner; null when you may not read it.' })
  @ReadsColumns('ownerOrganizationId')
  @ReadsRelation(OrganizationReference, 'ownerOrganizationId')
  ownerOrganization(@Ctx() ctx: RequestContext, @Root() p: KeyProject): Promise<Organization | null> {
    return organizationById(ctx).load(p.ownerOrganizationId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '监管部门。The supervising department; null when you may not read it.' })
  @ReadsColumns('supervisingDepartmentId')
  @ReadsRelation(OrganizationReference, 'supervisingDepartmentId')
  supervisingDepartment(@Ctx() ctx: RequestContext, @Root() p: KeyProject): Promise<Organization | null> {
    return organizationById(ctx).load(p.supervisingDepartmentId);
  }

  @Mutation(() => KeyProject, { description: '登记重点建设项目。Registers a key construction project with its owner, builder, stage and supervising department.' })
  @RequirePermission(RegistriesPermission.ProjectManage)
  createKeyProject(@Ctx() ctx: RequestContext, @Arg('input', () => CreateKeyProjectInput, input) data: CreateKeyProjectInput): Promise<KeyProject> {
    return this.service.create(ctx, data);
  }

  @Mutation(() => KeyProject, { description: '修改重点建设项目。Changes a key project (its stage goes forward only); needs the version you read.' })
  @RequirePermission(RegistriesPermission.ProjectManage)
  updateKeyProject(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateKeyProjectInput, input) data: UpdateKeyProjectInput): Promise<KeyProject> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => ThreeSimultaneityRecord, { description: '登记三同时阶段。Records one 三同时 stage the project has reached (design review, construction, completion acceptance) with its document, day and evidence; once per stage.' })
  @RequirePermission(RegistriesPermission.ProjectManage)
  recordThreeSimultaneity(@Ctx() ctx: RequestContext, @Arg('input', () => RecordThreeSimultaneityInput, input) data: RecordThreeSimultaneityInput): Promise<ThreeSimultaneityRecord> {
    return this.service.recordStage(ctx, data);
  }
}

@Resolver(() => ThreeSimultaneityRecord)
export class ThreeSimultaneityRecordResolver {
  @FieldResolver(() => KeyProject, { nullable: true, description: '项目。The project (read with the record, so null only for one beyond your scope).' })
  @ReadsColumns('projectId')
  @ReadsRelation(KeyProjectReference, 'projectId')
  project(@Ctx() ctx: RequestContext, @Root() r: ThreeSimultaneityRecord): Promise<KeyProject | null> {
    return keyProjectById(ctx).load(r.projectId);
  }

  @FieldResolver(() => [Attachment], { description: '佐证材料。Files attached as evidence (approval, acceptance report, photos; at most 20).' })
  @ReadsColumns('id')
  attachments(@Ctx() ctx: RequestContext, @Root() r: ThreeSimultaneityRecord): Promise<Attachment[]> {
    return attachmentsOf(ctx, 'ThreeSimultaneityRecord').load(r.id);
  }
}
