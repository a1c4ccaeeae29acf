import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

/*
 * The console's only way to the API: POST /graphql with one of the generated documents
 * (src/generated/graphql.ts, from src/operations/*.graphql) and the signed-in account's access token.
 * Errors come back as ApiError with the API's own `extensions.code` and field errors, shown in words by
 * the pages (src/i18n/errors.ts). An expired access token is refreshed once (refresh rotation) and the
 * request repeated; a refused refresh signs the console out.
 */

/** A field the API refused, with its rule (`extensions.fields`). */
export interface FieldError {
  readonly field: string;
  readonly rule?: string;
  readonly message: string;
}

/** An error the API answered, by its typed code (`extensions.code`). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly fields: readonly FieldError[] = [],
    readonly status = 200,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; fields?: FieldError[] };
}

/** What the client needs from the session: the token to send, and a way to get a new one once. */
export interface TokenSource {
  accessToken(): string | null;
  /** A fresh access token after a refresh, or null when the session has ended. */
  refresh(): Promise<string | null>;
}

let tokens: TokenSource | null = null;

/** Set by the session (src/app/session.tsx). */
export function setTokenSource(source: TokenSource | null): void {
  tokens = source;
}

async function post(query: string, variables: unknown, token: string | null): Promise<{ status: number; body: { data?: unknown; errors?: GraphQLErrorShape[] } }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers['authorization'] = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables: variables ?? {} }) });
  } catch {
    throw new ApiError('The gateway cannot be reached.', 'NETWORK_ERROR', [], 0);
  }
  let body: { data?: unknown; errors?: GraphQLErrorShape[] };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new ApiError(`The gateway answered ${res.status} without JSON.`, 'BAD_RESPONSE', [], res.status);
  }
  return { status: res.status, body };
}

function firstError(errors: GraphQLErrorShape[], status: number): ApiError {
  const e = errors[0]!;
  return new ApiError(e.message, e.extensions?.code ?? 'INTERNAL_SERVER_ERROR', e.extensions?.fields ?? [], status);
}

/**
 * Runs one generated operation. The text sent is the generated document's text, unchanged (the browser
 * tests check that every request is one of them).
 */
export async function request<TResult, TVariables>(document: DocumentTypeDecoration<TResult, TVariables> & { toString(): string }, ...[variables]: TVariables extends Record<string, never> ? [] | [TVariables] : [TVariables]): Promise<TResult> {
  const query = document.toString();
  let token = tokens?.accessToken() ?? null;
  let answer = await post(query, variables, token);
  if (answer.body.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED' && token && tokens) {
    token = await tokens.refresh();
    if (token) answer = await post(query, variables, token);
  }
  if (answer.body.errors?.length) throw firstError(answer.body.errors, answer.status);
  if (answer.body.data === undefined || answer.body.data === null) throw new ApiError(`The gateway answered ${answer.status} without data.`, 'BAD_RESPONSE', [], answer.status);
  return answer.body.data as TResult;
}
