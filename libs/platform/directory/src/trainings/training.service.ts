import { assertNotFuture, audit, emitEvent, records, sql, transaction, type RequestContext } from '@platform/core';
import { TrainingRecord } from './training-record.entity';
import { rethrowMissing } from '../persons/person-scope';
import { Persons } from '../directory.entities';
import { DirectoryPermission } from '../permissions';
import { directoryRules } from '../directory.rules';
import { directoryEvents } from '../directory.events';
import type { RecordTrainingInput } from './training.inputs';

export class TrainingService {
  /** Adds a training to a person the caller may maintain; the person row (and its version) is left alone. */
  async record(ctx: RequestContext, input: RecordTrainingInput): Promise<TrainingRecord> {
    assertNotFuture(input.trainedOn, 'input.trainedOn');
    return transaction(ctx, async (tx) => {
      // FOR SHARE: a concurrent archive waits for this record instead of racing it. A person outside
      // the caller's scope is answered like a missing one.
      const person = await records(tx, Persons, DirectoryPermission.PersonWrite)
        .where(sql`t.archived_at IS NULL`)
        .lock(input.personId, 'share')
        .catch(rethrowMissing(() => directoryRules.field('input.personId', 'exists', `no active person ${input.personId} you may maintain.`)));
      // Not createRecord: a training is audited as a change of its person (entity Person), and
      // createRecord files the entry under the new record.
      const record = await tx.manager.save(
        tx.manager.create(TrainingRecord, {
          personId: person.id,
          topic: input.topic,
          kind: input.kind,
          trainedOn: input.trainedOn,
          hours: input.hours,
          provider: input.provider,
          certificateNo: input.certificateNo ?? null,
        }),
      );
      await audit(tx, { action: 'directory.training.record', entityType: 'Person', entityId: person.id, changes: { trainingId: record.id, ...input } });
      await emitEvent(tx, directoryEvents, 'directory.training.recorded', { id: record.id, personId: person.id, kind: record.kind });
      return record;
    });
  }
}
