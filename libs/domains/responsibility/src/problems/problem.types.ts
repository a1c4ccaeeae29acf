import { Field, Int, ObjectType } from 'type-graphql';
import { UUIDScalar } from '@platform/core';
import { ProblemCategory } from './problem.enums';
import type { RepeatFigure } from './problem.orders';

@ObjectType({ description: '重复问题统计。For one organization and category: the problems found in the period and how many of them repeat an earlier one (same organization and category within the window).' })
export class ProblemRepeatFigure implements RepeatFigure {
  @Field({ description: '统计键。The organization id and the category, joined by a colon; unique in the list.' })
  key: string;

  @Field(() => UUIDScalar, { description: '单位标识。The organization the problems were found in.' })
  organizationId: string;

  @Field(() => ProblemCategory, { description: '问题类别。The category.' })
  category: ProblemCategory;

  @Field(() => Int, { description: '问题数。Problems of the organization and category found in the period.' })
  problemCount: number;

  @Field(() => Int, { description: '重复问题数。Those of them that repeat an earlier problem (which may lie before the period).' })
  repeatCount: number;
}
