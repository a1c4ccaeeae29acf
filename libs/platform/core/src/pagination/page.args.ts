import { ArgsType, Field, Int } from 'type-graphql';
import { IsOptional, IsString, Max, Min } from 'class-validator';

/** Largest page a client may ask for; larger `first` or `last` values are refused with BAD_USER_INPUT. */
export const MAX_PAGE_SIZE = 100;
/** The page size when neither `first` nor `last` is given (not a schema default: `last` alone must not meet a `first`). */
export const DEFAULT_PAGE_SIZE = 20;

/**
 * Cursor pagination shared by every list, both ways (Relay cursor connections): the window after
 * `after` and before `before`, of which the first `first` or the last `last` items. `first` with
 * `last` is refused (BAD_USER_INPUT `last`/`exclusive`, see `pageWindow`).
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `每页条数。How many items to return from the start (after \`after\`): 1 to ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when neither \`first\` nor \`last\` is given. Not together with \`last\`.`,
  })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: '起始游标。Return items after this cursor (a previous page\'s `pageInfo.endCursor`).' })
  @IsOptional()
  @IsString()
  after?: string;

  @Field(() => Int, {
    nullable: true,
    description: `末尾条数。How many items to return from the end (just before \`before\`, or the end of the list): 1 to ${MAX_PAGE_SIZE}, to page backward. Not together with \`first\`.`,
  })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  last?: number;

  @Field(() => String, { nullable: true, description: '截止游标。Return items before this cursor (a later page\'s `pageInfo.startCursor`), to page backward.' })
  @IsOptional()
  @IsString()
  before?: string;
}
