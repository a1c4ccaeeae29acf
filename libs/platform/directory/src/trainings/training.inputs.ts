import { Field, Float, InputType } from 'type-graphql';
import { IsEnum, IsNumber, IsOptional, IsPositive, IsUUID, Length, Max } from 'class-validator';
import { LocalDateScalar, UUIDScalar } from '@platform/core';
import { TrainingKind } from './training-kind.enum';

@InputType({ description: '记录培训输入。A training a person took part in; it is added to the person\'s trainings.' })
export class RecordTrainingInput {
  @Field(() => UUIDScalar, { description: '人员标识。The person trained (an active person you may maintain).' })
  @IsUUID()
  personId: string;

  @Field({ description: '培训主题。What the training covered (2–100 characters).' })
  @Length(2, 100)
  topic: string;

  @Field(() => TrainingKind, { description: '培训类别。What kind of training it was.' })
  @IsEnum(TrainingKind)
  kind: TrainingKind;

  @Field(() => LocalDateScalar, { description: '培训日期。Day of the training, YYYY-MM-DD, not in the future (China time).' })
  trainedOn: string;

  @Field(() => Float, { description: '学时。Length in hours: more than 0, at most 9999.9, one decimal at most.' })
  @IsNumber({ maxDecimalPlaces: 1 })
  @IsPositive()
  @Max(9999.9)
  hours: number;

  @Field({ description: '培训单位。Who gave the training (2–100 characters).' })
  @Length(2, 100)
  provider: string;

  @Field(() => String, { nullable: true, description: '证书编号。Number of the certificate issued (1–60 characters).' })
  @IsOptional()
  @Length(1, 60)
  certificateNo?: string | null;
}
