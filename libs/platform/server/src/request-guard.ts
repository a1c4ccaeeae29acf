import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { BadUserInputError, type RequestContext } from '@platform/core';
import { costOf, costPlan, type CostPlan } from './query-cost';
import { unstorableLiteral, unstorableVariable, type TextProblem } from './input-text';

/** Every "Did you mean …?" graphql-js writes: names, enum values, inline fragments. */
const SUGGESTION = /Did you mean [^?]*\?/g;
const SUGGESTION_MASK = '[Suggestion hidden]';

/** BAD_USER_INPUT naming where the text is, as a 400 on either path (both read `extensions.http`; formatError shows the inner error). */
function textError(problem: TextProblem): GraphQLError {
  const error = BadUserInputError.field(problem.path, 'text', problem.message);
  return new GraphQLError(error.message, { originalError: error, extensions: { ...error.extensions, http: { status: 400 } } });
}

/**
 * The checks that need the request's variables, run after validation and before execution on both
 * ways in (the HTTP fast path and Apollo, through `apolloPlugin`): the cost limit with the page sizes
 * the operation will run with, and text PostgreSQL cannot store (NUL, unpaired surrogates) in the
 * variables or the document. What depends on the document alone is worked out once per operation.
 * Also hides "Did you mean" suggestions when introspection is off.
 */
export class RequestGuard {
  private readonly plans = new WeakMap<OperationDefinitionNode, CostPlan>();
  private readonly literals = new WeakMap<DocumentNode, TextProblem | null>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly options: { maxCost: number; hideSuggestions: boolean },
  ) {}

  /** The error that refuses this request, or null when it may run. */
  check(document: DocumentNode, operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>>): GraphQLError | null {
    let plan = this.plans.get(operation);
    if (plan === undefined) {
      plan = costPlan(this.schema, document, operation);
      this.plans.set(operation, plan);
    }
    const cost = costOf(plan, variables);
    if (cost > this.options.maxCost) {
      return new GraphQLError(`Query cost limit of ${this.options.maxCost} exceeded: found ${Math.ceil(cost)}.`, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
    }
    let literal = this.literals.get(document);
    if (literal === undefined) {
      literal = unstorableLiteral(document);
      this.literals.set(document, literal);
    }
    const text = literal ?? unstorableVariable(operation, variables);
    return text ? textError(text) : null;
  }

  /** The message as a client may see it: suggestions masked when introspection is off. */
  message(message: string): string {
    return this.options.hideSuggestions ? message.replace(SUGGESTION, SUGGESTION_MASK) : message;
  }

  /** The same checks and masking on Apollo's route. */
  apolloPlugin(): ApolloServerPlugin<RequestContext> {
    return {
      requestDidStart: async () => ({
        didResolveOperation: async ({ document, operation, request }) => {
          // No operation (unknown operationName): execution answers with graphql's 400.
          if (!operation) return;
          const error = this.check(document, operation, request.variables ?? {});
          if (error) throw error;
        },
        didEncounterErrors: async ({ errors }) => {
          if (!this.options.hideSuggestions) return;
          for (const error of errors) (error as { message: string }).message = this.message(error.message);
        },
      }),
    };
  }
}
