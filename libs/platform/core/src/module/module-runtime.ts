import type { Principal } from '../context/principal';
import type { RequestContext } from '../context/request-context';

/*
 * What a started module works with besides its `ModuleRuntime` (declared with `DomainModule` in
 * domain-module.ts): the rate limiters the runtime makes, and what the module hands back to the
 * gateway (an authenticator, services, plain HTTP routes).
 */

export interface LimiterOptions {
  /** Key prefix, unique per limiter, e.g. `login`. */
  readonly name: string;
  readonly points: number;
  readonly windowSeconds: number;
}

/** A rate limiter shared by all gateway replicas when Redis is configured. */
export interface Limiter {
  /** Counts one use of `key`; resolves with the seconds to wait when over the limit, else 0. */
  consume(key: string): Promise<number>;
  /** The seconds to wait when `key` has used up its points, else 0; counts nothing (e.g. to refuse before an expensive check whose failures are what is counted). */
  check(key: string): Promise<number>;
}

/** The request facts an authenticator may use. */
export interface CredentialSource {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly ip: string | null;
}

/**
 * Turns a request's credentials into a principal with its grants. No credentials: the anonymous
 * principal (with whatever the public role holds). Bad, expired or revoked credentials: throws
 * UnauthenticatedError; never falls back to anonymous.
 */
export interface Authenticator {
  authenticate(request: CredentialSource): Promise<Principal>;
}

/**
 * The trusted documents (persisted operations) an admin registered for API clients: the gateway
 * resolves a request's `documentId` with it, and checks the text a locked client
 * (`Principal.trustedDocumentsOnly`) sends, on every way in.
 */
export interface TrustedDocumentStore {
  /**
   * The text of the document registered for `principal` under `documentId` (`sha256:` and the
   * lower-case hex SHA-256 of its UTF-8 text) and not revoked; null when there is none (users and
   * anonymous callers have none). A revocation applies to the next lookup in every process.
   */
  find(principal: Principal, documentId: string): Promise<string | null>;
}

/** What a started module hands back to the gateway. */
export interface StartedModule {
  readonly authenticator?: Authenticator;
  /** The trusted documents of API clients (at most one module provides them: access). */
  readonly trustedDocuments?: TrustedDocumentStore;
  /** Named services resolvers reach through `ctx.service(name)`. */
  readonly services?: Readonly<Record<string, unknown>>;
  /** Plain HTTP endpoints (e.g. an XML export), mounted by the gateway with its authentication, rate limit and error format. */
  readonly httpRoutes?: readonly ModuleHttpRoute[];
  stop?(): Promise<void>;
}

/**
 * An endpoint a module serves outside GraphQL, e.g. `GET /cap/warnings/:id` or Open311's
 * `POST /open311/v2/requests.json`. The gateway authenticates the caller (401 on bad credentials),
 * demands `permission` (403, or 401 when anonymous), builds the request context and answers errors
 * in the GraphQL error format; the handler only produces the body.
 */
export interface ModuleHttpRoute {
  /** GET (the default) or POST: a POST route gets its parsed form or JSON body in `ModuleHttpRequest.body`. */
  readonly method?: 'GET' | 'POST';
  /** Express path, e.g. `/cap/warnings/:id`. */
  readonly path: string;
  readonly permission: string;
  /**
   * POST only: the body field that may carry an API key (Open311's `api_key`). When the request came
   * without credentials, the key is authenticated as `X-Api-Key` would be (a wrong one is 401, and counts
   * as a failed authentication of the address); the field is not passed on in `body`.
   */
  readonly bodyApiKey?: string;
  readonly handler: (ctx: RequestContext, params: Readonly<Record<string, string>>, request: ModuleHttpRequest) => Promise<ModuleHttpResponse>;
}

/** What a module route may know of its HTTP request besides the context and the path's parameters. */
export interface ModuleHttpRequest {
  /**
   * The origin the client addressed, e.g. `https://safety.example.gov.cn`, for absolute links in the
   * answer: `X-Forwarded-Proto` and `X-Forwarded-Host` count only from a proxy `TRUST_PROXY` trusts.
   */
  readonly origin: string;
  /** The query string's parameters as sent (e.g. `bbox` and `limit` of a GeoJSON collection). */
  readonly query: URLSearchParams;
  /**
   * A POST's body (`application/x-www-form-urlencoded` or `application/json`, within the gateway's
   * BODY_LIMIT): the form's fields, or the JSON object's members with scalar values as strings (nested
   * values are left out). Empty for GET.
   */
  readonly body: URLSearchParams;
}

/**
 * A route's answer. To a 200 the gateway adds an `ETag` (the body's SHA-256) and answers a
 * conditional GET whose `If-None-Match` matches it (or, without one, whose `If-Modified-Since` is not
 * before the `Last-Modified` header the route sets) with `304 Not Modified` and no body.
 * `Cache-Control` is `private, no-store` unless the route sets its own.
 */
export interface ModuleHttpResponse {
  readonly status?: number;
  readonly contentType: string;
  readonly body: string | Buffer;
  /** Extra headers, e.g. Content-Disposition, Last-Modified, Cache-Control. */
  readonly headers?: Readonly<Record<string, string>>;
}
