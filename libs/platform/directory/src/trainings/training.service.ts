import { assertNotFuture, createRecord, records, recordEvent, transaction, type RequestContext } from '@platform/core';
import { TrainingRecord } from './training-record.entity';
import { Persons } from '../directory.entities';
import { DirectoryPermission } from '../permissions';
import { directoryEvents } from '../directory.events';
import type { RecordTrainingInput } from './training.inputs';

export class TrainingService {
  /** Adds a training to a person the caller may maintain; the person row (and its version) is left alone. */
  async record(ctx: RequestContext, input: RecordTrainingInput): Promise<TrainingRecord> {
    assertNotFuture(input.trainedOn, 'input.trainedOn');
    return transaction(ctx, async (tx) => {
      // FOR SHARE: a concurrent archive waits for this record instead of racing it. A person outside
      // the caller's scope is answered like a missing one (NOT_FOUND).
      const person = await records(tx, Persons, DirectoryPermission.PersonWrite).reference(input.personId, 'input.personId', { lock: 'share' });
      return createRecord(
        tx,
        TrainingRecord,
        'TrainingRecord',
        { personId: person.id, topic: input.topic, kind: input.kind, trainedOn: input.trainedOn, hours: input.hours, provider: input.provider, certificateNo: input.certificateNo ?? null },
        {
          action: 'directory.training.record',
          // A training is part of the person's file: audited as a change of the person.
          auditUnder: { entityType: 'Person', entityId: person.id },
          changes: (record) => ({ trainingId: record.id, ...input }),
          ...recordEvent(directoryEvents['directory.training.recorded'], (record: TrainingRecord) => ({ id: record.id, personId: person.id, kind: record.kind })),
        },
      );
    });
  }
}
