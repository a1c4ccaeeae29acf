import { GraphQLEnumType } from 'graphql';

/**
 * Every code a client can receive in `errors[].extensions.code`, on every way in (GraphQL over
 * HTTP, WebSocket, module routes, attachments). Listed in the schema as the enum `ErrorCode` and in
 * the README; the end-to-end tests refuse any other code.
 */
export enum ErrorCode {
  /** Input broke a rule: `extensions.fields` names each field and rule (请求参数不符合规则). */
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** No credentials where they are needed, or credentials that are wrong, expired or revoked (HTTP 401). */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** The caller lacks the permission (`extensions.permission`) for this operation. */
  FORBIDDEN = 'FORBIDDEN',
  /** The record is missing or outside the caller's reach (the same answer for both): `entity`, `id`, `field`. */
  NOT_FOUND = 'NOT_FOUND',
  /** The record changed since it was read (version), or the change clashes with another record. */
  CONFLICT = 'CONFLICT',
  /** Too many requests (or sign-in failures) from the caller: retry after `extensions.retryAfterSeconds` (HTTP 429, Retry-After). */
  RATE_LIMITED = 'RATE_LIMITED',
  /** The database cannot be reached or is overloaded right now: retry after `extensions.retryAfterSeconds` (HTTP 503, Retry-After). */
  UNAVAILABLE = 'UNAVAILABLE',
  /** The HTTP request itself is wrong: malformed JSON or multipart body, body over the limit (413), missing CSRF header, wrong method or media type. */
  BAD_REQUEST = 'BAD_REQUEST',
  /** The document is not valid GraphQL syntax, or has more tokens than allowed (HTTP 400). */
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  /** The document does not validate against the schema or breaks a limit: depth, aliases, directives, cost, introspection off (HTTP 400). */
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  /** `operationName` names no operation of the document, or a document with several operations has none (HTTP 400). */
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
  /** Automatic persisted queries: the hash is not known yet; send the query text with it. */
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  /** Automatic persisted queries: the extension's version is not supported. */
  PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED',
  /** Automatic persisted queries: the hash sent does not match the query text sent. */
  PERSISTED_QUERY_HASH_MISMATCH = 'PERSISTED_QUERY_HASH_MISMATCH',
  /** Trusted documents: the `documentId` names no document registered (and not revoked) for the caller (HTTP 404). */
  PERSISTED_DOCUMENT_NOT_FOUND = 'PERSISTED_DOCUMENT_NOT_FOUND',
  /** Trusted documents: the API client may run only its registered documents, and the text sent is not one of them (HTTP 403). */
  PERSISTED_DOCUMENT_REQUIRED = 'PERSISTED_DOCUMENT_REQUIRED',
  /** A fault of the server: the message is fixed and the detail is in the server's log under `extensions.requestId`. */
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** Each code's description in the schema: the Chinese term and an English sentence. */
const DESCRIPTIONS: Readonly<Record<ErrorCode, string>> = {
  [ErrorCode.BAD_USER_INPUT]: '输入不符合规则。Input broke a rule: `extensions.fields` names each field (`field`), the rule (`rule`) and a message.',
  [ErrorCode.UNAUTHENTICATED]: '未认证。Credentials are missing where needed, or wrong, expired or revoked (HTTP 401).',
  [ErrorCode.FORBIDDEN]: '无权限。The caller lacks the permission named in `extensions.permission`.',
  [ErrorCode.NOT_FOUND]: '不存在或超出范围。The record is missing or beyond the caller\'s reach (one answer for both): `entity`, `id`, `field`.',
  [ErrorCode.CONFLICT]: '冲突。The record changed since it was read (`currentVersion`), or the change clashes with another record.',
  [ErrorCode.RATE_LIMITED]: '请求过多。Over the caller\'s budget: retry after `extensions.retryAfterSeconds` (HTTP 429, Retry-After).',
  [ErrorCode.UNAVAILABLE]: '暂不可用。The database cannot serve the request now, or this replica is shutting down: retry after `extensions.retryAfterSeconds` (HTTP 503).',
  [ErrorCode.BAD_REQUEST]: '请求格式错误。The HTTP request itself is wrong: malformed body, body over the limit (413), missing CSRF header, batch, wrong method or media type.',
  [ErrorCode.GRAPHQL_PARSE_FAILED]: '语法错误。The document is not GraphQL syntax or has more tokens than allowed (HTTP 400).',
  [ErrorCode.GRAPHQL_VALIDATION_FAILED]: '校验失败。The document does not validate against the schema, or breaks a limit: depth, aliases, directives, cost, introspection off (HTTP 400).',
  [ErrorCode.OPERATION_RESOLUTION_FAILURE]: '操作名无效。`operationName` names no operation of the document (HTTP 400).',
  [ErrorCode.PERSISTED_QUERY_NOT_FOUND]: '持久化查询未知。Automatic persisted queries: the hash is not known yet; send the query text with it.',
  [ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED]: '持久化查询版本不支持。Automatic persisted queries: the extension version is not supported.',
  [ErrorCode.PERSISTED_QUERY_HASH_MISMATCH]: '持久化查询哈希不符。Automatic persisted queries: the hash does not match the query text.',
  [ErrorCode.PERSISTED_DOCUMENT_NOT_FOUND]: '可信文档不存在。Trusted documents: the `documentId` names no document registered (and not revoked) for the caller (HTTP 404).',
  [ErrorCode.PERSISTED_DOCUMENT_REQUIRED]: '须用可信文档。Trusted documents: this API client may run only its registered documents, and the text sent is not one of them; `extensions.documentId` is the id of the text sent (HTTP 403).',
  [ErrorCode.INTERNAL_SERVER_ERROR]: '服务器内部错误。A fault of the server: the message is fixed; the detail is in the server log under `extensions.requestId`.',
};

/**
 * `ErrorCode` as a schema type, so clients (and code generators) see every code they can receive.
 * No field returns it: the gateway adds it to the schema's types.
 */
export const ErrorCodeType = new GraphQLEnumType({
  name: 'ErrorCode',
  description: '错误代码。Every value `errors[].extensions.code` can take, on every way in (HTTP, WebSocket, module routes, attachments); each error also carries `extensions.requestId`.',
  values: Object.fromEntries(Object.values(ErrorCode).map((code) => [code, { value: code, description: DESCRIPTIONS[code] }])),
});

/** One failing input field: its path (e.g. `input.name`), the rule it broke and a readable message. */
export interface FieldViolation {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}
