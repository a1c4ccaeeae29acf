import { Field, Int, ObjectType } from 'type-graphql';
import type { ClassType } from '../graphql/class-type';
import { PageInfo } from './page-info.type';

/** The plain shape every connection resolver returns. */
export interface ConnectionResult<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Builds `<Name>Connection` and `<Name>Edge` object types for a node type, once per node type.
 * `zh` is the Chinese term of the node, used in the descriptions.
 */
export function Connection<T extends object>(nodeType: ClassType<T>, zh: string) {
  const name = nodeType.name;

  @ObjectType(`${name}Edge`, { description: `${zh}列表项。One ${name} in a list, with its cursor.` })
  class Edge {
    @Field({ description: '游标。Opaque position of this item; pass it as `after` to continue after it, or as `before` to page back from it.' })
    cursor: string;

    @Field(() => nodeType, { description: `${zh}。The ${name} itself.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `${zh}分页列表。A page of ${name} items with cursors and the total count.` })
  class ConnectionType implements ConnectionResult<T> {
    @Field(() => [Edge], { description: '本页条目。The items of this page, in order.' })
    edges: Edge[];

    @Field(() => PageInfo, { description: '分页信息。Cursors and whether more pages exist.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: '总数。How many items match the filter across all pages.' })
    totalCount: number;
  }

  return ConnectionType;
}
