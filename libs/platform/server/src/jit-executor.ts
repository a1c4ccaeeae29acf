import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { isCompiledQuery } from 'graphql-jit';
import { GraphQLError, getVariableValues, printSchema, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { withUnavailable, type ReadCompiler, type RequestContext } from '@platform/core';
import type { OperationCache } from './operations';

/** The request header that turns the read compiler off for one request, when READ_COMPILER_HEADER allows it. */
export const COMPILER_SWITCH = 'x-read-compiler';
/** The response header saying whether a query's data came from the read compiler (with SQL_COUNT_HEADER). */
export const COMPILED_HEADER = 'x-read-compiled';

/** The read compiler as a route uses it (READ_COMPILER, READ_COMPILER_HEADER, SQL_COUNT_HEADER). */
export interface ReadCompilation {
  readonly compiler: ReadCompiler;
  /** Whether a request may turn it off with `x-read-compiler: off`. */
  readonly switchHeader: boolean;
  /** Whether responses say which path answered (`x-read-compiled`). */
  readonly compiledHeader: boolean;
}

/** The read compiler for one request: queries only, unless the request turned it off where that is allowed. */
export function compilerFor(compilation: ReadCompilation | null, operation: string, switchValue: string | string[] | null | undefined): ReadCompiler | null {
  return compilation && operation === 'query' && !(compilation.switchHeader && switchValue === 'off') ? compilation.compiler : null;
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
          const text = await compiler.run(ctx, requestContext.document, requestContext.operation, variables);
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
