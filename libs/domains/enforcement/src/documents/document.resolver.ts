import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { ObjectLiteral } from 'typeorm';
import { Connection, Node, ReadsColumns, ReadsRelation, RequirePermission, UUIDScalar, nodeById, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, organizationById } from '@platform/directory';
import { EnforcementDocument } from './document.entity';
import { EnforcementDocumentTemplate } from './document-template.entity';
import { CorrectEnforcementDocumentInput, EnforcementDocumentListArgs } from './document.inputs';
import { DOCUMENT_KEY_PROPERTIES, DocumentService } from './document.service';
import { EnforcementDocumentReference, EnforcementDocumentTemplateReference, supersededBy } from './document.loaders';
import { DocumentPermission } from './documents.permissions';

export const EnforcementDocumentConnection = Connection(EnforcementDocument, '执法文书');
const input = { description: '输入。The fields of the request.' };
/** Where a connection's nodes are in its selection. */
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;

@Resolver(() => EnforcementDocument)
export class EnforcementDocumentResolver {
  private readonly service = new DocumentService();

  @Query(() => EnforcementDocument, { nullable: true, description: '执法文书详情。One enforcement document by id; null when there is none in your scope (an enterprise reads those addressed to it).' })
  @RequirePermission(DocumentPermission.DocumentRead)
  enforcementDocument(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Document id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<EnforcementDocument | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, EnforcementDocument, info, SELF));
  }

  @Query(() => EnforcementDocumentConnection, { description: '执法文书列表。Enforcement documents in your scope, the most recently issued first; filter by addressee, subtree, issuer, kinds, subject, issue days, number and whether a correction replaced them.' })
  @RequirePermission(DocumentPermission.DocumentRead)
  enforcementDocuments(@Ctx() ctx: RequestContext, @Args(() => EnforcementDocumentListArgs) args: EnforcementDocumentListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<EnforcementDocument>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, EnforcementDocument, info, NODE, DOCUMENT_KEY_PROPERTIES));
  }

  @FieldResolver(() => Organization, { nullable: true, description: '受文单位。The organization it is addressed to; null when you may not read it.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() d: EnforcementDocument): Promise<Organization | null> {
    return organizationById(ctx).load(d.organizationId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '发文机关。The organization that issued it; null when you may not read it (an enterprise reads its name in the text).' })
  @ReadsColumns('issuingOrganizationId')
  @ReadsRelation(OrganizationReference, 'issuingOrganizationId')
  issuingOrganization(@Ctx() ctx: RequestContext, @Root() d: EnforcementDocument): Promise<Organization | null> {
    return organizationById(ctx).load(d.issuingOrganizationId);
  }

  @FieldResolver(() => Node, { nullable: true, description: '关联对象。The record it concerns (by `subjectNodeId`, e.g. an inspection); null when you may not read it or its module is not enabled.' })
  @ReadsColumns('subjectNodeId')
  subject(@Ctx() ctx: RequestContext, @Root() d: EnforcementDocument): Promise<ObjectLiteral | null> {
    return nodeById(ctx).load(d.subjectNodeId);
  }

  @FieldResolver(() => EnforcementDocumentTemplate, { nullable: true, description: '模板。The template version it was rendered from; null when you may not read templates.' })
  @ReadsColumns('templateId')
  @ReadsRelation(EnforcementDocumentTemplateReference, 'templateId')
  template(@Ctx() ctx: RequestContext, @Root() d: EnforcementDocument): Promise<EnforcementDocumentTemplate | null> {
    return EnforcementDocumentTemplateReference.byId(ctx).load(d.templateId);
  }

  @FieldResolver(() => EnforcementDocument, { nullable: true, description: '被更正的文书。For a correction, the document it replaces (kept as it was); null otherwise.' })
  @ReadsColumns('supersedesId')
  @ReadsRelation(EnforcementDocumentReference, 'supersedesId')
  supersedes(@Ctx() ctx: RequestContext, @Root() d: EnforcementDocument): Promise<EnforcementDocument | null> {
    return d.supersedesId ? EnforcementDocumentReference.byId(ctx).load(d.supersedesId) : Promise.resolve(null);
  }

  @FieldResolver(() => EnforcementDocument, { nullable: true, description: '更正文书。The correction that replaced this document; null while it is in force.' })
  @ReadsColumns('id')
  supersededBy(@Ctx() ctx: RequestContext, @Root() d: EnforcementDocument): Promise<EnforcementDocument | null> {
    return supersededBy(ctx).load(d.id);
  }

  @Mutation(() => EnforcementDocument, {
    description:
      '更正执法文书。Corrects a document in your scope with a new one (same kind, addressee, issuer and subject; the next number of its sequence; the current template; the old values changed by `fields`), which prints the reason and supersedes the old one. The old one is kept as it was. Refused with rule state for a document corrected already.',
  })
  @RequirePermission(DocumentPermission.DocumentManage)
  correctEnforcementDocument(@Ctx() ctx: RequestContext, @Arg('input', () => CorrectEnforcementDocumentInput, input) data: CorrectEnforcementDocumentInput): Promise<EnforcementDocument> {
    return this.service.correct(ctx, data);
  }
}
