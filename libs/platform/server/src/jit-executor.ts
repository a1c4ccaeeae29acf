import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { isCompiledQuery } from 'graphql-jit';
import { GraphQLError, getVariableValues, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { runUncounted, withUnavailable, type ReadCompiler, type RequestContext } from '@platform/core';
import type { OperationCache } from './operations';

/** The request header that turns the read compiler off for one request, when READ_COMPILER_HEADER allows it. */
export const COMPILER_SWITCH = 'x-read-compiler';
/** The response header saying whether a query's data came from the read compiler (with SQL_COUNT_HEADER). */
export const COMPILED_HEADER = 'x-read-compiled';

/** The read compiler as a route uses it (READ_COMPILER, READ_COMPILER_HEADER, SQL_COUNT_HEADER). */
export interface ReadCompilation {
  readonly compiler: ReadCompiler;
  /**
   * READ_COMPILER_PARITY (tests): each compiled query is also run through its resolvers in the same
   * REPEATABLE READ snapshot, outside the request's statement counts, and the two JSON texts compared
   * (`compiledData`).
   */
  readonly parity: boolean;
  /** Whether a request may turn it off with `x-read-compiler: off`. */
  readonly switchHeader: boolean;
  /** Whether responses say which path answered (`x-read-compiled`). */
  readonly compiledHeader: boolean;
}

/** The read compiler for one request: queries only, unless the request turned it off where that is allowed. */
export function compilerFor(compilation: ReadCompilation | null, operation: string, switchValue: string | string[] | null | undefined): ReadCompiler | null {
  return compilation && operation === 'query' && !(compilation.switchHeader && switchValue === 'off') ? compilation.compiler : null;
}

/** Thrown in parity mode when the compiled statement and the resolvers answered differently. */
export class ParityMismatch extends Error {}

/**
 * A query's `data` from the read compiler as JSON text, or null when it is to run its resolvers
 * (`run`, which is given the context to run them with). In parity mode both run in one snapshot and
 * must give the same text: a difference is logged with both texts and fails the request.
 */
export async function compiledData(
  compilation: ReadCompilation,
  compiler: ReadCompiler,
  ctx: RequestContext,
  query: { readonly document: DocumentNode; readonly operation: OperationDefinitionNode; readonly variables: Record<string, unknown> },
  run: (ctx: RequestContext) => Promise<ExecutionResult> | ExecutionResult,
): Promise<string | null> {
  if (!compilation.parity) return compiler.run(ctx, query.document, query.operation, query.variables);
  const runner = ctx.dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runUncounted(() => runner.startTransaction('REPEATABLE READ'));
    const snapshot = ctx.withTransaction(runner.manager, []);
    const text = await compiler.run(snapshot, query.document, query.operation, query.variables);
    if (text === null) return null;
    const compiled = `{"data":${text}}`;
    const resolved = JSON.stringify(withGraphQLErrors(await runUncounted(async () => run(snapshot))));
    if (compiled !== resolved) {
      ctx.log.error({ query: query.operation.loc?.source.body, compiled, resolved }, 'read compiler parity: the compiled statement and the resolvers differ');
      process.stderr.write(`read compiler parity mismatch\nquery: ${query.operation.loc?.source.body}\ncompiled:  ${compiled}\nresolvers: ${resolved}\n`);
      throw new ParityMismatch('read compiler parity mismatch');
    }
    return text;
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    await runner.release();
  }
}

/** Runs an execution in a trace span (`RequestPipeline.traceExecution` for the request's call); given only when tracing is on. */
export type TraceExecution = (context: unknown, operation: { readonly name: string | null | undefined; readonly type: string }, run: () => unknown) => unknown;

/**
 * Apollo Server's executor swapped for graphql-jit: each distinct operation is compiled once into a
 * JavaScript function and kept in the shared `OperationCache`. Parsing, validation (with the armor
 * limits), context, plugins and error formatting stay Apollo's; only the execution step changes.
 * Subscriptions keep graphql-js (graphql-ws).
 *
 * It is plugged in through Apollo's gateway interface, the documented way to replace execution.
 */
export class JitExecutor implements GatewayInterface {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly operations: OperationCache,
    /** The read compiler, null when off: a compiled query's data is parsed here, since Apollo serializes results itself. */
    private readonly compilation: ReadCompilation | null,
    private readonly trace?: TraceExecution,
  ) {}

  async load(): Promise<{ executor: GatewayExecutor }> {
    return { executor: (requestContext) => this.execute(requestContext) };
  }

  onSchemaLoadOrUpdate(callback: Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0]): () => void {
    callback({ apiSchema: this.schema, coreSupergraphSdl: printSchema(this.schema) });
    return () => undefined;
  }

  /** Nothing to release: the operation cache belongs to the gateway. */
  stop(): Promise<void> {
    return Promise.resolve();
  }

  private async execute(requestContext: Parameters<GatewayExecutor>[0]): Promise<ExecutionResult> {
    // The name the client sent, not the one Apollo resolved: when no operation matches, Apollo's is null,
    // and graphql-jit would then run a document's only operation instead of answering "Unknown operation".
    const compiled = this.operations.compile(requestContext.source, requestContext.document, requestContext.request.operationName ?? undefined);
    if (!isCompiledQuery(compiled)) return compiled;
    const variables = requestContext.request.variables ?? {};
    const ctx = requestContext.context as RequestContext;
    const compiler = compilerFor(this.compilation, requestContext.operation.operation, requestContext.request.http?.headers.get(COMPILER_SWITCH));
    const execute = compiler
      ? async () => {
          const text = await compiledData(this.compilation!, compiler, ctx, { document: requestContext.document, operation: requestContext.operation, variables }, (c) => compiled.query(undefined, c, variables) as Promise<ExecutionResult> | ExecutionResult);
          if (this.compilation?.compiledHeader) requestContext.response?.http?.headers.set(COMPILED_HEADER, text === null ? 'false' : 'true');
          return text === null ? compiled.query(undefined, ctx, variables) : { data: JSON.parse(text) as Record<string, unknown> };
        }
      : () => compiled.query(undefined, ctx, variables);
    const result = (await (this.trace ? this.trace(requestContext.context, { name: requestContext.operationName, type: requestContext.operation.operation }, execute) : execute())) as ExecutionResult;
    // No `data`: the variables did not coerce and nothing ran (Apollo answers 400).
    if (!('data' in result) && result.errors?.length) return { errors: variableErrors(this.schema, requestContext.operation, variables, result.errors) };
    return withGraphQLErrors(result);
  }
}

/**
 * Why variables did not coerce, as BAD_USER_INPUT. graphql-jit names an input object's field as if it
 * were the variable (`Variable "$heldOn" got invalid value …`); graphql-js's coercion names the variable
 * and the path within it with the scalar's reason (`Variable "$input" got invalid value "2025-02-30" at
 * "input.heldOn"; LocalDate must be …`), so it is asked again here, on this failure path only.
 */
function variableErrors(schema: GraphQLSchema, operation: Parameters<GatewayExecutor>[0]['operation'], variables: Record<string, unknown>, jitErrors: readonly GraphQLError[]): GraphQLError[] {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (!coerced.errors?.length) return jitErrors.map((e) => asGraphQLError(e, 'BAD_USER_INPUT'));
  return coerced.errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, originalError: e.originalError ?? undefined, extensions: { code: 'BAD_USER_INPUT' } }));
}

/** The result with graphql-jit's errors in graphql-js's shape, and database outages as UNAVAILABLE (HTTP 503, Retry-After). */
export function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  return result.errors?.length ? { ...result, errors: result.errors.map((e) => withUnavailable(asGraphQLError(e))) } : result;
}

/**
 * graphql-jit's errors leave `extensions` undefined when the original error has none (a database
 * error, a bug); Apollo's formatting expects graphql-js's shape (`extensions` always an object).
 */
function asGraphQLError(error: GraphQLError, code?: string): GraphQLError {
  if (error.extensions && !code) return error;
  // graphql-jit leaves a scalar's reason (e.g. the DateTime range) out of a variable's message; graphql-js keeps it.
  const reason = code && error.originalError?.message ? ` ${error.originalError.message}` : '';
  const converted = new GraphQLError(error.message + reason, { path: error.path, originalError: error.originalError ?? undefined, ...(code ? { extensions: { code } } : {}) });
  (converted as { locations: GraphQLError['locations'] }).locations = error.locations;
  return converted;
}
