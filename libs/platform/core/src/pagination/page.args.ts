import { ArgsType, Field, Int } from 'type-graphql';
import { IsOptional, IsString, Max, Min } from 'class-validator';

/** Largest page a client may ask for; larger `first` values are refused with BAD_USER_INPUT. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Forward cursor pagination shared by every list (`first`, `after`). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `每页条数。How many items to return: 1 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}.`,
  })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: '起始游标。Return items after this cursor (a previous page\'s `pageInfo.endCursor`).' })
  @IsOptional()
  @IsString()
  after?: string;
}
