import type { DataSource, EntityManager } from 'typeorm';
import { SYSTEM } from '../context/principal';
import { RequestContext } from '../context/request-context';
import type { DomainEvent, EventBus } from '../events/event-bus';
import type { Logger } from 'pino';
import { ConflictError } from '../errors/errors';
import { WRONG_STATE_RULE } from '../errors/rule-catalog';
import { applyStep, defineWorkflow, registerStepEnum, WrongStateError } from './workflow';
import { buildSchemaSync, Query, Resolver } from 'type-graphql';
import type { GraphQLEnumType } from 'graphql';

type State = 'DRAFT' | 'SENT' | 'DONE' | 'VOID';
class Letter {
  id!: string;
  version!: number;
  status!: State;
  note!: string | null;
}

const letters = () =>
  defineWorkflow({
    name: 'mail.letter',
    entity: Letter,
    entityName: 'Letter',
    state: 'status',
    steps: {
      send: { from: ['DRAFT'], to: 'SENT', permission: 'mail.letter:send' },
      deliver: { from: ['SENT'], to: 'DONE', permission: 'mail.letter:deliver', event: 'mail.letter.delivered' },
      cancel: { from: ['DRAFT', 'SENT'], to: 'VOID', permission: 'mail.letter:manage', action: 'mail.letter.void' },
    },
  });

const PARCEL_WORKFLOW = defineWorkflow({
  name: 'mail.parcel',
  entity: Letter,
  entityName: 'Letter',
  state: 'status',
  steps: {
    send: { from: ['DRAFT'], to: 'SENT', permission: 'p', description: '寄出。Sent.' },
    sendBack: { from: ['SENT'], to: 'DRAFT', permission: 'p', description: '退回。Sent back.' },
  },
});
const PARCEL_ACTION = registerStepEnum(PARCEL_WORKFLOW, { name: 'ParcelAction', description: '邮包操作。What happened to a parcel.', entries: { write: '写信。Written.' } });

@Resolver()
class ParcelResolver {
  @Query(() => PARCEL_ACTION, { description: '最近操作。The last step.' })
  lastParcelAction(): string {
    return 'sendBack';
  }
}

const letter = (status: State, version = 3): Letter => Object.assign(new Letter(), { id: 'l1', version, status, note: null });

/** A transaction whose database must not be touched: any use of the manager fails the test. */
function untouchableTransaction(): { tx: RequestContext; events: DomainEvent[] } {
  const manager = new Proxy({}, { get: (_t, p) => { throw new Error(`the database was touched (${String(p)})`); } }) as EntityManager;
  const events: DomainEvent[] = [];
  const init = { requestId: 'r1', principal: SYSTEM, dataSource: { manager } as unknown as DataSource, events: {} as EventBus, log: {} as Logger };
  return { tx: new RequestContext(init, manager, events), events };
}

describe('defineWorkflow', () => {
  it('lists the steps that start from a state, in declaration order', () => {
    const w = letters();
    expect(w.stepsFrom('DRAFT')).toEqual(['send', 'cancel']);
    expect(w.stepsFrom('SENT')).toEqual(['deliver', 'cancel']);
    expect(w.stepsFrom('DONE')).toEqual([]);
  });

  it('gives each step its permission, audit action and event type (defaults <name>.<step>)', () => {
    const w = letters();
    expect(w.permissionOf('send')).toBe('mail.letter:send');
    expect(w.permissionOf('cancel')).toBe('mail.letter:manage');
    expect(w.steps.send).toEqual({ name: 'send', from: ['DRAFT'], to: 'SENT', permission: 'mail.letter:send', action: 'mail.letter.send', event: 'mail.letter.send', description: null });
    expect(w.steps.deliver).toMatchObject({ action: 'mail.letter.deliver', event: 'mail.letter.delivered' });
    expect(w.steps.cancel).toMatchObject({ action: 'mail.letter.void', event: 'mail.letter.cancel' });
    expect(w.eventTypes).toEqual(['mail.letter.send', 'mail.letter.delivered', 'mail.letter.cancel']);
  });

  it('derives a GraphQL enum of its steps and extra entries, names in UPPER_SNAKE_CASE, values as stored', () => {
    expect(PARCEL_ACTION).toEqual({ WRITE: 'write', SEND: 'send', SEND_BACK: 'sendBack' });
    const schema = buildSchemaSync({ resolvers: [ParcelResolver], validate: false });
    const type = schema.getType('ParcelAction') as GraphQLEnumType;
    expect(type.getValues().map((v) => [v.name, v.value, v.description])).toEqual([
      ['WRITE', 'write', '写信。Written.'],
      ['SEND', 'send', '寄出。Sent.'],
      ['SEND_BACK', 'sendBack', '退回。Sent back.'],
    ]);
    expect(type.serialize('sendBack')).toBe('SEND_BACK');
    // Every step needs its description.
    expect(() => registerStepEnum(letters(), { name: 'LetterAction', description: '信件操作。Letter steps.' })).toThrow('Workflow mail.letter: step send has no description for the enum LetterAction.');
  });

  it('refuses a step from another state with BAD_USER_INPUT rule `state`, naming the field, the current and the allowed states', () => {
    const w = letters();
    expect(() => w.assertCanStep('send', letter('DRAFT'))).not.toThrow();
    let error: unknown;
    try {
      w.assertCanStep('cancel', letter('DONE'), 'input.letterId');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WrongStateError);
    const e = error as WrongStateError;
    expect(e.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.letterId', rule: WRONG_STATE_RULE, message: 'cannot cancel a Letter whose status is DONE (allowed from DRAFT, SENT).' }],
    });
    expect(e.current).toBe('DONE');
    expect(e.allowed).toEqual(['DRAFT', 'SENT']);
    expect(WRONG_STATE_RULE).toBe('state');
    // The record's id is the field by default.
    expect(() => w.assertCanStep('deliver', letter('DRAFT'))).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ fields: [expect.objectContaining({ field: 'input.id' })] }) }));
  });

  it('treats an unknown step as a programming error, not a client error', () => {
    const w = letters();
    const unknown = 'archive' as 'send';
    expect(() => w.step(unknown)).toThrow('Workflow mail.letter has no step "archive".');
    expect(() => w.permissionOf(unknown)).toThrow(Error);
    expect(() => w.permissionOf(unknown)).not.toThrow(WrongStateError);
    // Inherited names are not steps either.
    expect(() => w.step('toString' as 'send')).toThrow('has no step "toString"');
  });

  it('refuses a bad declaration when it is made', () => {
    const base = { entity: Letter, entityName: 'Letter', state: 'status' as const };
    expect(() => defineWorkflow({ ...base, name: 'Letter', steps: { send: { from: ['DRAFT' as State], to: 'SENT' as State, permission: 'p' } } })).toThrow('is not <module>.<entity>');
    expect(() => defineWorkflow({ ...base, name: 'mail.letter', steps: { send: { from: [] as State[], to: 'SENT' as State, permission: 'p' } } })).toThrow('step send starts from no state');
    expect(() => defineWorkflow({ ...base, name: 'mail.letter', steps: { 'Send-Now': { from: ['DRAFT' as State], to: 'SENT' as State, permission: 'p' } } })).toThrow('is not camelCase');
  });
});

describe('applyStep refusals', () => {
  it('answers a stale version with CONFLICT before looking at the state, writing nothing', async () => {
    const { tx, events } = untouchableTransaction();
    const check = jest.fn();
    const refusal = applyStep(tx, letters(), 'deliver', { current: letter('DONE', 4), version: 3, check });
    await expect(refusal).rejects.toBeInstanceOf(ConflictError);
    await expect(refusal).rejects.toMatchObject({ extensions: { code: 'CONFLICT', entity: 'Letter', id: 'l1', currentVersion: 4 } });
    expect(check).not.toHaveBeenCalled();
    expect(events).toEqual([]);
  });

  it('answers a wrong state before the step\'s own checks, writing nothing', async () => {
    const { tx, events } = untouchableTransaction();
    const check = jest.fn();
    await expect(applyStep(tx, letters(), 'deliver', { current: letter('DRAFT'), version: 3, check })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.id', rule: 'state', message: 'cannot deliver a Letter whose status is DRAFT (allowed from SENT).' }] },
    });
    expect(check).not.toHaveBeenCalled();
    expect(events).toEqual([]);
  });

  it('lets the step\'s own check refuse before anything is written', async () => {
    const { tx, events } = untouchableTransaction();
    const refused = new Error('no recipient');
    await expect(applyStep(tx, letters(), 'send', { current: letter('DRAFT'), version: 3, check: () => Promise.reject(refused) })).rejects.toBe(refused);
    expect(events).toEqual([]);
  });

  it('runs only inside a transaction', async () => {
    const { tx } = untouchableTransaction();
    const outside = new RequestContext(tx, tx.manager, null);
    await expect(applyStep(outside, letters(), 'send', { current: letter('DRAFT'), version: 3 })).rejects.toThrow('applyStep(mail.letter.send) must run inside transaction().');
  });
});
