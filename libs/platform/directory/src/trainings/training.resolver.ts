import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, PageArgs, ReadsRelation, RequirePermission, LocalDateScalar, type ConnectionResult, type RequestContext } from '@platform/core';
import { Person } from '../persons/person.entity';
import { PersonReference, personById } from '../persons/person.loaders';
import { TrainingRecord } from './training-record.entity';
import { RecordTrainingInput } from './training.inputs';
import { TrainingService } from './training.service';
import { PersonTrainings, lastTrainedOn } from './training.loaders';
import { DirectoryPermission } from '../permissions';

export const TrainingRecordConnection = Connection(TrainingRecord, '培训记录');

@Resolver(() => TrainingRecord)
export class TrainingRecordResolver {
  private readonly service = new TrainingService();

  @Mutation(() => TrainingRecord, { description: '记录培训。Adds a training to a person you may maintain; the person itself and its version are not changed.' })
  @RequirePermission(DirectoryPermission.PersonWrite)
  recordTraining(@Ctx() ctx: RequestContext, @Arg('input', () => RecordTrainingInput, { description: '输入。The fields of the request.' }) input: RecordTrainingInput): Promise<TrainingRecord> {
    return this.service.record(ctx, input);
  }

  @FieldResolver(() => Person, { nullable: true, description: '人员。The person trained; null when you may not read them.' })
  @ReadsRelation(PersonReference, 'personId')
  person(@Ctx() ctx: RequestContext, @Root() r: TrainingRecord): Promise<Person | null> {
    return personById(ctx).load(r.personId);
  }
}

@Resolver(() => Person)
export class PersonTrainingsResolver {
  @FieldResolver(() => TrainingRecordConnection, { description: '培训记录。Trainings the person took part in, newest first (needs directory.person:read).' })
  @RequirePermission(DirectoryPermission.PersonRead)
  @ReadsRelation(PersonTrainings)
  trainings(@Ctx() ctx: RequestContext, @Root() person: Person, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<TrainingRecord>> {
    return PersonTrainings.load(ctx, person.id, page, info);
  }

  @FieldResolver(() => LocalDateScalar, { nullable: true, description: '最近培训日期。Day of the newest training of any kind (YYYY-MM-DD); null when never trained (needs directory.person:read).' })
  @RequirePermission(DirectoryPermission.PersonRead)
  lastTrainedOn(@Ctx() ctx: RequestContext, @Root() person: Person): Promise<string | null> {
    return lastTrainedOn(ctx).load(person.id);
  }
}
