import { registerEnumType } from 'type-graphql';
import type { Principal } from './principal';

/**
 * The kind of a principal, as the schema's enum `PrincipalKind` spells it everywhere (who a request
 * acts as, who wrote an audit entry or took a step, whom a role is assigned to). Its values are the
 * kinds the code and the database spell (`Principal.kind`, `audit_log.actor_kind`, …), so a stored
 * kind is answered as it is: a field typed `Principal['kind']` declares `@Field(() => PrincipalKind)`.
 */
export enum PrincipalKind {
  ANONYMOUS = 'anonymous',
  USER = 'user',
  API_CLIENT = 'api-client',
  SYSTEM = 'system',
}

type SameUnion<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** Compiles only while the enum's values are exactly the kinds of `Principal` (it fails when either gains one). */
export type PrincipalKindsMatch = Assert<SameUnion<`${PrincipalKind}`, Principal['kind']>>;

registerEnumType(PrincipalKind, {
  name: 'PrincipalKind',
  description: '主体类型。Who acts or is acted for: a user account, an API client, the system (seeds, sweeps, command-line tools) or an anonymous caller.',
  valuesConfig: {
    ANONYMOUS: { description: '匿名。A caller without credentials.' },
    USER: { description: '用户。A user account.' },
    API_CLIENT: { description: 'API 客户端。Another system with an API key.' },
    SYSTEM: { description: '系统。The platform itself: seeds, periodic jobs and command-line tools.' },
  },
});
