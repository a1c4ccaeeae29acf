import { createHash } from 'node:crypto';
import { Kind, parse, specifiedRules, validate, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';
import { BadUserInputError, type FieldViolation } from '@platform/core';
import { GraphQLOperationType, type TrustedDocumentOperation } from './trusted-document.entity';
import { accessRules } from '../access.rules';

/** A trusted document's id: `sha256:` and the lower-case hex SHA-256 of its UTF-8 text (the GraphQL-over-HTTP persisted documents appendix's "SHA256 hex document identifier"). */
export function documentIdOf(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/** A document text checked for registration: its id and the operations it defines. */
export interface CheckedDocument {
  readonly documentId: string;
  readonly document: string;
  readonly operations: TrustedDocumentOperation[];
}

const where = (error: GraphQLError): string => (error.locations?.length ? ` (${error.locations.map((l) => `${l.line}:${l.column}`).join(', ')})` : '');

/**
 * Parses each text and validates it against the schema the gateway runs (graphql-js's rules), as the
 * gateway would before running it. BAD_USER_INPUT names every error of every text that fails, as
 * `<field>.<index>` with rule `graphqlSyntax` or `graphqlValidation`; nothing is registered then.
 * The gateway's own limits (tokens, depth, aliases, directives, cost with the variables) still
 * apply each time the document runs.
 */
export function checkDocuments(schema: GraphQLSchema, texts: readonly string[], field: string): CheckedDocument[] {
  const violations: FieldViolation[] = [];
  const checked = texts.map((text, i): CheckedDocument | null => {
    let document: DocumentNode;
    try {
      document = parse(text);
    } catch (error) {
      violations.push(accessRules.violation(`${field}.${i}`, 'graphqlSyntax', `${(error as GraphQLError).message}${where(error as GraphQLError)}`));
      return null;
    }
    const errors = validate(schema, document, specifiedRules);
    if (errors.length) {
      for (const e of errors) violations.push(accessRules.violation(`${field}.${i}`, 'graphqlValidation', `${e.message}${where(e)}`));
      return null;
    }
    const operations = document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [{ name: d.name?.value ?? null, type: d.operation as unknown as GraphQLOperationType }] : []));
    return { documentId: documentIdOf(text), document: text, operations };
  });
  if (violations.length) throw BadUserInputError.fields(violations);
  return checked as CheckedDocument[];
}
