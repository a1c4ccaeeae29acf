import { ArgsType, Field, InputType, ObjectType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { FilterField, ListFilter, OrderByField, PageArgs, SortDirection, UUIDScalar, Untrimmed, Versioned, defineOrder, type OrderInput } from '@platform/core';
import { TrustedDocument } from './trusted-document.entity';

/** Most documents one registration takes (a client build's documents come in a few calls at most). */
export const MAX_DOCUMENTS_PER_REGISTRATION = 100;

@InputType({ description: '登记可信文档输入。GraphQL documents to approve for an API client.' })
export class RegisterTrustedDocumentsInput {
  @Field(() => UUIDScalar, { description: '接口客户端标识。The API client (within your reach) that may then run these documents.' })
  @IsUUID()
  apiClientId: string;

  @Field(() => [String], {
    description: `文档。The documents' texts exactly as the client sends them (1 to ${MAX_DOCUMENTS_PER_REGISTRATION}; not trimmed: the id is the SHA-256 of the text as sent). Each must parse and validate against the schema.`,
  })
  @Untrimmed()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_DOCUMENTS_PER_REGISTRATION)
  @IsString({ each: true })
  @Length(1, 100_000, { each: true })
  documents: string[];
}

@ObjectType({ description: '登记可信文档结果。The documents registered, in the order sent.' })
export class RegisterTrustedDocumentsPayload {
  @Field(() => [TrustedDocument], { description: '可信文档。One per text sent, in the same order: a text registered before (even revoked) gives the same record, in force again.' })
  documents: TrustedDocument[];
}

@InputType({ description: '锁定可信文档输入。Whether an API client may run only its trusted documents.' })
class TrustedDocumentsOnlyFields {
  @Field({ description: '仅限可信文档。true: the client may run only its registered documents (by documentId, or their exact text); false: any document, as before.' })
  @IsBoolean()
  trustedDocumentsOnly: boolean;
}

@InputType({ description: '锁定可信文档输入。The API client (id and version) and whether it may run only its trusted documents.' })
export class SetApiClientTrustedDocumentsOnlyInput extends Versioned(TrustedDocumentsOnlyFields) {}

@InputType({ description: '可信文档筛选。Which trusted documents to list.' })
export class TrustedDocumentFilter extends ListFilter {
  @Field(() => [UUIDScalar], { nullable: true, description: '接口客户端。Only the documents of these API clients (at most 100).' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  apiClientIds?: string[];

  @Field({ nullable: true, description: '包括已吊销。Also list revoked documents (default false; a change feed lists them as tombstones unless this is false).' })
  @IsOptional()
  @IsBoolean()
  includeRevoked?: boolean;

  @Field({ nullable: true, description: '文档标识。Only the document with this id (`sha256:…`).' })
  @IsOptional()
  @IsString()
  @Length(71, 71)
  documentId?: string;
}

/** `orderBy` of `trustedDocuments`. */
export const TrustedDocumentOrder = defineOrder(
  'TrustedDocument',
  '可信文档',
  {
    REGISTERED_AT: { column: 't.created_at', description: '登记时间。By when the document was first registered.' },
    DOCUMENT_ID: { column: 't.document_id', description: '文档标识。By document id (`sha256:…`), unique per client.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the document last changed (registered again, revoked).' },
  },
  [
    { column: 't.created_at', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

@ArgsType()
export class TrustedDocumentListArgs extends PageArgs {
  @FilterField(() => TrustedDocumentFilter, '筛选。Which documents.')
  filter?: TrustedDocumentFilter;

  @OrderByField(TrustedDocumentOrder, 'newest first')
  orderBy?: OrderInput<keyof typeof TrustedDocumentOrder.Field>[];
}

@ArgsType()
export class ApiClientTrustedDocumentArgs extends PageArgs {
  @Field({ nullable: true, description: '包括已吊销。Also list revoked documents (default false).' })
  @IsOptional()
  @IsBoolean()
  includeRevoked?: boolean;
}
