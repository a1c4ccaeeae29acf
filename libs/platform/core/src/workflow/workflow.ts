import type { EntityTarget } from 'typeorm';
import { registerEnumType } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { BadUserInputError } from '../errors/errors';
import { WRONG_STATE_RULE } from '../errors/rule-catalog';
import { assertVersion, updateRecord, type Patch } from '../data/update-with-version';

/** One step as a module declares it: the states it starts from, the state it leads to, the permission its mutation requires. */
export interface StepDeclaration<S extends string> {
  readonly from: readonly S[];
  readonly to: S;
  readonly permission: string;
  /** The audit action; `<workflow name>.<step>` when absent. */
  readonly action?: string;
  /** The event type (delivered after commit); `<workflow name>.<step>` when absent. */
  readonly event?: string;
  /** What the step does, Chinese term then English (`确认。Confirmed and graded.`): its value's description in the workflow's GraphQL enum (`registerStepEnum`). */
  readonly description?: string;
}

/** A step as the workflow applies it: named, with its audit action and event type resolved. */
export interface WorkflowStep<S extends string, K extends string = string> extends Required<Omit<StepDeclaration<S>, 'description'>> {
  readonly name: K;
  /** The declared description; null when none was declared. */
  readonly description: string | null;
}

/** A record that takes workflow steps: an id and an optimistic-concurrency version. */
export interface Steppable {
  readonly id: string;
  readonly version: number;
}

/** The states of records of type T kept in property F. */
export type StateOf<T, F extends keyof T> = T[F] & string;

/** What a history hook is given for one step, after the record changed. */
export interface StepHistory<T, S extends string, K extends string, D> {
  readonly step: K;
  readonly from: S;
  readonly to: S;
  /** The record after the step. */
  readonly record: T;
  /** What the caller recorded beside the change (a note, evidence…). */
  readonly details: D | undefined;
}

export interface WorkflowDeclaration<T extends Steppable, F extends keyof T & string, K extends string, D> {
  /** `<module>.<entity>`, e.g. `risk.hazard`: the prefix of the steps' audit actions and event types. */
  readonly name: string;
  readonly entity: EntityTarget<T>;
  /** The entity's name in errors and audit entries, e.g. `Hazard`. */
  readonly entityName: string;
  /** The property holding the state, e.g. `status`. */
  readonly state: F;
  readonly steps: { readonly [P in K]: StepDeclaration<StateOf<T, F>> };
  /** Writes the record's history row for a step, in the step's transaction (for entities that keep one). */
  readonly history?: (tx: RequestContext, entry: StepHistory<T, StateOf<T, F>, NoInfer<K>, D>) => Promise<void>;
  /** The event's payload from the record after the step; `{ id, <state>: <new state> }` when absent. */
  readonly payload?: (record: T, step: NoInfer<K>) => Record<string, unknown>;
}

/** A declared workflow: the table of steps and what reads it (permissions, state checks, event types). */
export interface Workflow<T extends Steppable, F extends keyof T & string, K extends string, D> extends Omit<WorkflowDeclaration<T, F, K, D>, 'steps'> {
  readonly steps: { readonly [P in K]: WorkflowStep<StateOf<T, F>, P> };
  /** Every step's event type, in declaration order (e.g. for a subscription's filter). */
  readonly eventTypes: readonly string[];
  /** The step named `name`; throws for a name the workflow does not declare (a programming error, not the client's). */
  step(name: K): WorkflowStep<StateOf<T, F>, K>;
  /** The permission the step's mutation requires: `@RequirePermission(workflow.permissionOf('confirm'))`. */
  permissionOf(name: K): string;
  /** The steps that may start from `state`, in declaration order. */
  stepsFrom(state: StateOf<T, F>): K[];
  /** Refuses the step on a record in another state with `WrongStateError` on `field`. */
  assertCanStep(name: K, record: T, field?: string): void;
}

/**
 * A step asked of a record in a state it does not start from: BAD_USER_INPUT with rule `state` on
 * the field naming the record, the message naming the state property, its value and the allowed ones.
 */
export class WrongStateError extends BadUserInputError {
  readonly current: string;
  readonly allowed: readonly string[];

  constructor(entityName: string, step: string, stateField: string, current: string, allowed: readonly string[], field = 'input.id') {
    const message = `cannot ${step} a ${entityName} whose ${stateField} is ${current} (allowed from ${allowed.join(', ')}).`;
    super(`${field}: ${message}`, [{ field, rule: WRONG_STATE_RULE, message }]);
    this.current = current;
    this.allowed = allowed;
  }
}

const WORKFLOW_NAME = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;
const STEP_NAME = /^[a-z][A-Za-z0-9]*$/;

/**
 * Declares a state machine as data: steps `{ from, to, permission }` keyed by name. The table then
 * gives each step's mutation its permission, its state check, its audit action and event type
 * (`<name>.<step>` unless the step says otherwise) and its history row (the `history` hook); `applyStep`
 * runs them. Checked once at start: a bad name or a step from no state throws.
 */
export function defineWorkflow<T extends Steppable, F extends keyof T & string, const K extends string, D = undefined>(
  declaration: WorkflowDeclaration<T, F, K, D>,
): Workflow<T, F, K, D> {
  type S = StateOf<T, F>;
  const { name, entityName, state } = declaration;
  if (!WORKFLOW_NAME.test(name)) throw new Error(`Workflow name "${name}" is not <module>.<entity>.`);
  const steps = {} as Record<K, WorkflowStep<S, K>>;
  for (const [key, step] of Object.entries(declaration.steps) as Array<[K, StepDeclaration<S>]>) {
    if (!STEP_NAME.test(key)) throw new Error(`Workflow ${name}: step name "${key}" is not camelCase.`);
    if (!step.from.length) throw new Error(`Workflow ${name}: step ${key} starts from no state.`);
    steps[key] = Object.freeze({ name: key, from: [...step.from], to: step.to, permission: step.permission, action: step.action ?? `${name}.${key}`, event: step.event ?? `${name}.${key}`, description: step.description ?? null });
  }
  const stepNamed = (key: K): WorkflowStep<S, K> => {
    if (!Object.hasOwn(steps, key)) throw new Error(`Workflow ${name} has no step "${String(key)}".`);
    return steps[key];
  };
  const names = Object.keys(steps) as K[];
  return Object.freeze({
    ...declaration,
    steps: Object.freeze(steps) as Workflow<T, F, K, D>['steps'],
    eventTypes: Object.freeze(names.map((k) => steps[k].event)),
    step: stepNamed,
    permissionOf: (key: K) => stepNamed(key).permission,
    stepsFrom: (from: S) => names.filter((k) => steps[k].from.includes(from)),
    assertCanStep(key: K, record: T, field?: string): void {
      const step = stepNamed(key);
      const current = record[state] as S;
      if (!step.from.includes(current)) throw new WrongStateError(entityName, key, state, current, step.from, field);
    },
  });
}

/** One step asked of one record. */
export interface StepRequest<T, F extends keyof T, D> {
  /** The record read and locked in this transaction within the step's permission scope (`records(tx, X, workflow.permissionOf(step)).lock(id)`). */
  readonly current: T;
  /** The version the client read. */
  readonly version: number;
  /**
   * Other columns the step sets (the state is the workflow's to set), or how to work them out once the
   * version, the state and `check` have passed: for a step whose own checks and writes (rows of its
   * own, a hazard reported elsewhere) must not run on a stale or wrong-state record.
   */
  readonly patch?: Patch<Omit<T, F>> | (() => Promise<Patch<Omit<T, F>>>);
  /** What the history hook records beside the change (a note, evidence…). */
  readonly details?: D;
  /** The step's own checks of its input: run once version and state are right, before anything is written. */
  readonly check?: () => void | Promise<void>;
  /** The audit entry's changes besides the state's `[from, to]` (or how to make them, after `patch`); the patch's plain values when absent. */
  readonly changes?: Record<string, unknown> | (() => Record<string, unknown>);
  /** The input field a wrong-state refusal names; `input.id` when absent. */
  readonly field?: string;
  /**
   * The event's payload for this request, when it carries more than the record holds (e.g. the
   * organization of the parent a task belongs to); the workflow's `payload` when absent.
   */
  readonly payload?: (record: T) => Record<string, unknown>;
}

/**
 * Takes one step in the caller's transaction: version check (CONFLICT), state check
 * (`WrongStateError`), the request's own checks, then the versioned update with the new state, its
 * audit entry and event (`updateRecord`), and the history row. Returns the record after the step.
 */
export async function applyStep<T extends Steppable, F extends keyof T & string, K extends string, D>(
  tx: RequestContext,
  workflow: Workflow<T, F, K, D>,
  name: K,
  request: StepRequest<T, F, D>,
): Promise<T> {
  if (!tx.inTransaction) throw new Error(`applyStep(${workflow.name}.${name}) must run inside transaction().`);
  const step = workflow.step(name);
  const { current, version } = request;
  // The version before the state: a client whose record moved on since it read it is told to reload
  // (CONFLICT), not that its step is wrong for a state it never saw.
  assertVersion(workflow.entityName, current, version);
  workflow.assertCanStep(name, current, request.field);
  await request.check?.();
  const from = current[workflow.state] as StateOf<T, F>;
  const changed = typeof request.patch === 'function' ? await request.patch() : request.patch;
  const patch = { ...changed, [workflow.state]: step.to } as Patch<T>;
  const updated = await updateRecord(tx, workflow.entity, workflow.entityName, current, version, patch, {
    action: step.action,
    event: step.event,
    payload: (record) => (request.payload ? request.payload(record) : workflow.payload ? workflow.payload(record, name) : { id: record.id, [workflow.state]: step.to }),
    changes: { [workflow.state]: [from, step.to], ...((typeof request.changes === 'function' ? request.changes() : request.changes) ?? plainValues(changed)) },
  });
  // Same transaction as the update: the history row commits with it or not at all.
  await workflow.history?.(tx, { step: name, from, to: step.to, record: updated, details: request.details });
  return updated;
}

/** The patch without its SQL expressions (functions), for the audit entry. */
function plainValues(patch: object | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(patch ?? {}).filter(([, v]) => typeof v !== 'function'));
}

/** A step's name as an enum value's name: `planRectification` → `PLAN_RECTIFICATION`. */
const enumValueName = (step: string): string => step.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/**
 * Registers the GraphQL enum of a workflow's steps (a declared workflow, or the steps table it is
 * declared from when an entity's file must not import the workflow), with `entries` that are not
 * steps (the report that creates the record, a sweep's `overdue`), and returns it for `@Field(() => …)`:
 * the schema's list of steps is the declaration's, never a second hand-written one. Each value's
 * name is its step in UPPER_SNAKE_CASE (`PLAN_RECTIFICATION`), its internal value the step's name as
 * the code stores, audits and compares it (`planRectification`), its description the step's. A step
 * without a description throws at start.
 */
export function registerStepEnum<K extends string, E extends string = never>(
  workflow: { readonly name: string; readonly steps: { readonly [P in K]: { readonly description?: string | null } } },
  options: { readonly name: string; readonly description: string; readonly entries?: { readonly [P in E]: string } },
): Readonly<Record<string, K | E>> {
  const described: Array<[K | E, string | null]> = [
    ...(Object.entries(options.entries ?? {}) as Array<[E, string]>),
    ...(Object.entries(workflow.steps) as Array<[K, { readonly description?: string | null }]>).map(([step, s]): [K, string | null] => [step, s.description ?? null]),
  ];
  const values: Record<string, K | E> = {};
  const valuesConfig: Record<string, { description: string }> = {};
  for (const [step, description] of described) {
    if (!description) throw new Error(`Workflow ${workflow.name}: step ${step} has no description for the enum ${options.name}.`);
    const key = enumValueName(step);
    if (key in values) throw new Error(`Enum ${options.name}: ${step} is listed twice.`);
    values[key] = step;
    valuesConfig[key] = { description };
  }
  registerEnumType(values, { name: options.name, description: options.description, valuesConfig });
  return Object.freeze(values);
}
