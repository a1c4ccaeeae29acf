import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: '分页信息。Where the current page sits in the whole list (Relay cursor connection).' })
export class PageInfo {
  @Field({ description: '是否有下一页。True when more items follow the last edge of this page: paging forward (`first`, or no size given), when the list goes on after it; with `before`, also when an item lies at or after `before`.' })
  hasNextPage: boolean;

  @Field({ description: '是否有上一页。True when items precede the first edge of this page: for a `last` page, when the list goes on before it; with `after`, always (the cursor\'s item came before it).' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: '首条游标。Cursor of the first edge, null on an empty page; pass it as `before` for the previous page.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: '末条游标。Cursor of the last edge; pass it as `after` for the next page.' })
  endCursor: string | null;
}
