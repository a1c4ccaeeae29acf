import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import {
  GraphQLError,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type OperationTypeNode,
  type ValidationRule,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import { DateTimeScalar, UUIDScalar } from '@platform/core';

/** Distinct operations kept per process (each: one document, validated, and its compiled function). */
export const OPERATION_CACHE_SIZE = 1000;

/**
 * Output serializers for the two scalars on every row: a Date becomes its ISO string, a UUID read
 * from a uuid column is passed on as it is; anything else goes through the scalar's own checks.
 */
const FAST_SERIALIZERS = {
  [DateTimeScalar.name]: (value: unknown) => (value instanceof Date ? value.toISOString() : DateTimeScalar.serialize(value)),
  [UUIDScalar.name]: (value: unknown) => (typeof value === 'string' && value.length === 36 ? value : UUIDScalar.serialize(value)),
};

/** An operation ready to run: validated with every rule and limit, compiled by graphql-jit. */
export interface PreparedOperation {
  readonly type: OperationTypeNode;
  readonly name: string | null;
  readonly compiled: CompiledQuery;
  /** The parsed document and its operation, for the checks that need the request's variables (`RequestGuard`). */
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
}

/**
 * One cache of compiled operations for both ways in: Apollo's pipeline (through `JitExecutor`, which
 * hands over documents Apollo parsed and validated) and the HTTP fast path (`prepare`, which parses
 * with graphql-js's token limit, as Apollo's `parseOptions` do, and validates with the same rules as
 * Apollo: graphql-js's, armor's depth, alias and directive limits, no introspection when it is off).
 * Keyed by the query text and operation name; only documents that passed are kept by `prepare`,
 * anything else goes to Apollo for its standard error response.
 */
export class OperationCache {
  private readonly compiled = new LRUCache<string, CompiledQuery | ExecutionResult>({ max: OPERATION_CACHE_SIZE });
  private readonly prepared = new LRUCache<string, PreparedOperation | false>({ max: OPERATION_CACHE_SIZE });
  private readonly rules: readonly ValidationRule[];

  constructor(
    private readonly schema: GraphQLSchema,
    extraRules: readonly ValidationRule[],
    private readonly maxTokens: number,
  ) {
    this.rules = [...specifiedRules, ...extraRules];
  }

  /** Operations compiled so far. */
  get size(): number {
    return this.compiled.size;
  }

  /** The compiled form of a document Apollo has validated, or the errors graphql-jit reports for it. */
  compile(source: string, document: DocumentNode, operationName: string | undefined): CompiledQuery | ExecutionResult {
    const key = `${operationName ?? ''}\n${source}`;
    let entry = this.compiled.get(key);
    if (!entry) {
      // Stack traces of resolver errors are not captured into GraphQL errors: formatError never shows them.
      entry = compileQuery(this.schema, document, operationName, { disablingCapturingStackErrors: true, customSerializers: FAST_SERIALIZERS }) as CompiledQuery | ExecutionResult;
      this.compiled.set(key, entry);
    }
    return entry;
  }

  /** Parses, validates and compiles a request's operation; null when it does not pass (Apollo then answers with the errors). */
  prepare(source: string, operationName: string | undefined): PreparedOperation | null {
    const key = `${operationName ?? ''}\n${source}`;
    const known = this.prepared.get(key);
    if (known !== undefined) return known || null;
    const operation = this.tryPrepare(source, operationName);
    this.prepared.set(key, operation ?? false);
    return operation;
  }

  /**
   * Parses and validates a document with the same token limit and rules as `prepare`, returning the
   * errors rather than leaving them to Apollo (subscriptions over WebSocket, which Apollo never sees).
   */
  validated(source: string, operationName: string | undefined): { document: DocumentNode; operation: OperationDefinitionNode } | readonly GraphQLError[] {
    let document: DocumentNode;
    try {
      document = parse(source, { maxTokens: this.maxTokens });
    } catch (error) {
      return [new GraphQLError(error instanceof GraphQLError ? error.message : 'Malformed document.', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
    }
    // The codes Apollo gives the same failures on the HTTP routes.
    const errors = validate(this.schema, document, this.rules);
    if (errors.length) return errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
    const operation = getOperationAST(document, operationName);
    if (operation) return { document, operation };
    return [new GraphQLError(operationName ? `Unknown operation named "${operationName}".` : 'Name the operation to run.', { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })];
  }

  private tryPrepare(source: string, operationName: string | undefined): PreparedOperation | null {
    let document: DocumentNode;
    try {
      document = parse(source, { maxTokens: this.maxTokens });
    } catch {
      return null;
    }
    if (validate(this.schema, document, this.rules).length) return null;
    const ast = getOperationAST(document, operationName);
    if (!ast) return null;
    let compiled: CompiledQuery | ExecutionResult;
    try {
      compiled = this.compile(source, document, operationName);
    } catch {
      return null;
    }
    if (!isCompiledQuery(compiled)) return null;
    return { type: ast.operation, name: ast.name?.value ?? null, compiled, document, operation: ast };
  }
}
