import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, PageArgs, ReadsColumns, ReadsRelation, RequirePermission, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, organizationById } from '@platform/directory';
import { EnforcementDocumentForm, EnforcementDocumentIssuer, EnforcementDocumentTemplate } from './document-template.entity';
import {
  AddEnforcementDocumentTemplateInput,
  CreateEnforcementDocumentIssuerInput,
  EnforcementDocumentFormListArgs,
  EnforcementDocumentIssuerListArgs,
  UpdateEnforcementDocumentIssuerInput,
} from './document-template.inputs';
import { DocumentTemplateService } from './document-template.service';
import { DocumentTemplatePages, EnforcementDocumentTemplateReference } from './document.loaders';
import { DocumentPermission } from './documents.permissions';

export const EnforcementDocumentFormConnection = Connection(EnforcementDocumentForm, '执法文书种类');
export const EnforcementDocumentTemplateConnection = Connection(EnforcementDocumentTemplate, '文书模板版本');
export const EnforcementDocumentIssuerConnection = Connection(EnforcementDocumentIssuer, '发文机关代字');
const input = { description: '输入。The fields of the request.' };
/** Where a connection's nodes are in its selection. */
const NODE = ['edges', 'node'] as const;

@Resolver(() => EnforcementDocumentForm)
export class EnforcementDocumentFormResolver {
  private readonly service = new DocumentTemplateService();

  @Query(() => EnforcementDocumentFormConnection, { description: '执法文书种类。The kinds of enforcement documents with their number prefix and templates, in the order of a case file.' })
  @RequirePermission(DocumentPermission.DocumentRead)
  enforcementDocumentKinds(@Ctx() ctx: RequestContext, @Args(() => EnforcementDocumentFormListArgs) args: EnforcementDocumentFormListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<EnforcementDocumentForm>> {
    return this.service.forms(ctx, args, selectsField(info, 'totalCount'));
  }

  @FieldResolver(() => EnforcementDocumentTemplate, { nullable: true, description: '现行模板。The template version new documents of the kind are rendered from; null for a kind with no template yet.' })
  @ReadsColumns('currentTemplateId')
  @ReadsRelation(EnforcementDocumentTemplateReference, 'currentTemplateId')
  currentTemplate(@Ctx() ctx: RequestContext, @Root() f: EnforcementDocumentForm): Promise<EnforcementDocumentTemplate | null> {
    return f.currentTemplateId ? EnforcementDocumentTemplateReference.byId(ctx).load(f.currentTemplateId) : Promise.resolve(null);
  }

  @FieldResolver(() => EnforcementDocumentTemplateConnection, { description: '模板版本。Every template version of the kind, the newest first.' })
  @ReadsColumns('kind')
  @ReadsRelation(DocumentTemplatePages, 'kind')
  templates(@Ctx() ctx: RequestContext, @Root() f: EnforcementDocumentForm, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<EnforcementDocumentTemplate>> {
    return DocumentTemplatePages.load(ctx, f.kind, page, info, selectedProperties(ctx.manager, EnforcementDocumentTemplate, info, NODE));
  }

  @Mutation(() => EnforcementDocumentTemplate, {
    description:
      '新增文书模板版本。Adds the next template version of a kind (title, text and HTML in Mustache, with the fields they declare), which documents issued from then on use; documents issued before keep theirs. Refused when a template does not parse (templateSyntax), uses a name it does not declare (undeclaredField) or writes a value unescaped in HTML (unescaped).',
  })
  @RequirePermission(DocumentPermission.TemplateManage)
  addEnforcementDocumentTemplate(@Ctx() ctx: RequestContext, @Arg('input', () => AddEnforcementDocumentTemplateInput, input) data: AddEnforcementDocumentTemplateInput): Promise<EnforcementDocumentTemplate> {
    return this.service.addTemplate(ctx, data);
  }
}

@Resolver(() => EnforcementDocumentIssuer)
export class EnforcementDocumentIssuerResolver {
  private readonly service = new DocumentTemplateService();

  @Query(() => EnforcementDocumentIssuerConnection, { description: '发文机关代字。The short names document numbers start with, by issuing organization.' })
  @RequirePermission(DocumentPermission.DocumentRead)
  enforcementDocumentIssuers(@Ctx() ctx: RequestContext, @Args(() => EnforcementDocumentIssuerListArgs) args: EnforcementDocumentIssuerListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<EnforcementDocumentIssuer>> {
    return this.service.issuers(ctx, args, selectsField(info, 'totalCount'));
  }

  @FieldResolver(() => Organization, { nullable: true, description: '发文机关。The issuing organization; null when you may not read it.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() i: EnforcementDocumentIssuer): Promise<Organization | null> {
    return organizationById(ctx).load(i.organizationId);
  }

  @Mutation(() => EnforcementDocumentIssuer, { description: '设置发文机关代字。Gives an organization a short name for its document numbers (refused with rule unique when it has one or another uses it).' })
  @RequirePermission(DocumentPermission.TemplateManage)
  createEnforcementDocumentIssuer(@Ctx() ctx: RequestContext, @Arg('input', () => CreateEnforcementDocumentIssuerInput, input) data: CreateEnforcementDocumentIssuerInput): Promise<EnforcementDocumentIssuer> {
    return this.service.createIssuer(ctx, data);
  }

  @Mutation(() => EnforcementDocumentIssuer, { description: '修改发文机关代字。Changes a short name; documents already issued keep their numbers and the sequences go on.' })
  @RequirePermission(DocumentPermission.TemplateManage)
  updateEnforcementDocumentIssuer(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateEnforcementDocumentIssuerInput, input) data: UpdateEnforcementDocumentIssuerInput): Promise<EnforcementDocumentIssuer> {
    return this.service.updateIssuer(ctx, data);
  }
}
