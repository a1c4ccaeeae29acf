import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { GraphQLError, printSchema, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';

/** Compiled operations kept per process; an entry is one parsed, validated document and operation name. */
export const COMPILED_OPERATION_CACHE_SIZE = 1000;

/**
 * Apollo Server's executor swapped for graphql-jit: each distinct operation (Apollo's query hash plus
 * operation name) is compiled once into a JavaScript function and kept in an LRU cache. Parsing,
 * validation (with the armor limits), context, plugins and error formatting stay Apollo's; only the
 * execution step changes. Subscriptions keep graphql-js (graphql-ws).
 *
 * It is plugged in through Apollo's gateway interface, the documented way to replace execution.
 */
export class JitExecutor implements GatewayInterface {
  private readonly compiled = new LRUCache<string, CompiledQuery | ExecutionResult>({ max: COMPILED_OPERATION_CACHE_SIZE });

  constructor(private readonly schema: GraphQLSchema) {}

  /** Operations compiled so far (tests and metrics). */
  get size(): number {
    return this.compiled.size;
  }

  async load(): Promise<{ executor: GatewayExecutor }> {
    return { executor: (requestContext) => this.execute(requestContext) };
  }

  onSchemaLoadOrUpdate(callback: Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0]): () => void {
    callback({ apiSchema: this.schema, coreSupergraphSdl: printSchema(this.schema) });
    return () => undefined;
  }

  async stop(): Promise<void> {
    this.compiled.clear();
  }

  private async execute(requestContext: Parameters<GatewayExecutor>[0]): Promise<ExecutionResult> {
    const key = `${requestContext.queryHash}:${requestContext.operationName ?? ''}`;
    let compiled = this.compiled.get(key);
    if (!compiled) {
      // Stack traces of resolver errors are not captured into GraphQL errors: formatError never shows them.
      compiled = compileQuery(this.schema, requestContext.document, requestContext.operationName ?? undefined, { disablingCapturingStackErrors: true }) as CompiledQuery | ExecutionResult;
      this.compiled.set(key, compiled);
    }
    if (!isCompiledQuery(compiled)) return compiled;
    const result = (await compiled.query(undefined, requestContext.context, requestContext.request.variables ?? {})) as ExecutionResult;
    return result.errors?.length ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  }
}

/**
 * graphql-jit's errors leave `extensions` undefined when the original error has none (a database
 * error, a bug); Apollo's formatting expects graphql-js's shape (`extensions` always an object).
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  if (error.extensions) return error;
  const converted = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined });
  (converted as { locations: GraphQLError['locations'] }).locations = error.locations;
  return converted;
}
