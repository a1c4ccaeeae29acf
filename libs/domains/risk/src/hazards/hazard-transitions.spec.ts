import { WrongStateError } from '@platform/core';
import { HAZARD_WORKFLOW, type HazardAction } from './hazard-transitions';
import { HazardStatus } from './hazard.enums';
import type { Hazard } from './hazard.entity';

const { REPORTED, CONFIRMED, REJECTED, PLANNED, RECTIFYING, SUBMITTED, VERIFIED, CLOSED } = HazardStatus;
const ALL_STATES = Object.values(HazardStatus);
const MANAGE = 'risk.hazard:manage';
const RECTIFY = 'risk.hazard:rectify';

/** The life cycle as the README draws it: each step, the states it starts from, where it leads and who may take it. */
const README: Record<HazardAction, { from: HazardStatus[]; to: HazardStatus; permission: string }> = {
  confirm: { from: [REPORTED], to: CONFIRMED, permission: MANAGE },
  reject: { from: [REPORTED], to: REJECTED, permission: MANAGE },
  planRectification: { from: [CONFIRMED, PLANNED], to: PLANNED, permission: RECTIFY },
  startRectification: { from: [PLANNED], to: RECTIFYING, permission: RECTIFY },
  submitRectification: { from: [RECTIFYING], to: SUBMITTED, permission: RECTIFY },
  verifyRectification: { from: [SUBMITTED], to: VERIFIED, permission: MANAGE },
  sendBackRectification: { from: [SUBMITTED], to: RECTIFYING, permission: MANAGE },
  close: { from: [VERIFIED], to: CLOSED, permission: MANAGE },
};
const STEP_NAMES = Object.keys(README) as HazardAction[];

const hazard = (status: HazardStatus): Hazard => ({ id: 'h1', version: 4, status }) as Hazard;

/** Whether the workflow lets `step` start from `status`, by its own state check. */
function allowed(step: HazardAction, status: HazardStatus): boolean {
  try {
    HAZARD_WORKFLOW.assertCanStep(step, hazard(status));
    return true;
  } catch (e) {
    if (e instanceof WrongStateError) return false;
    throw e;
  }
}

describe('HAZARD_WORKFLOW', () => {
  it('declares exactly the README\'s steps, in life-cycle order', () => {
    expect(Object.keys(HAZARD_WORKFLOW.steps)).toEqual(STEP_NAMES);
    expect(HAZARD_WORKFLOW.name).toBe('risk.hazard');
    expect(HAZARD_WORKFLOW.state).toBe('status');
  });

  describe.each(ALL_STATES)('from %s', (status) => {
    it.each(STEP_NAMES)(`allows %s exactly as the README says`, (step) => {
      const expected = README[step].from.includes(status);
      expect(allowed(step, status)).toBe(expected);
      expect(HAZARD_WORKFLOW.stepsFrom(status).includes(step)).toBe(expected);
    });
  });

  it('lists the steps from each state, in declaration order', () => {
    expect(Object.fromEntries(ALL_STATES.map((s) => [s, HAZARD_WORKFLOW.stepsFrom(s)]))).toEqual({
      REPORTED: ['confirm', 'reject'],
      CONFIRMED: ['planRectification'],
      PLANNED: ['planRectification', 'startRectification'],
      RECTIFYING: ['submitRectification'],
      SUBMITTED: ['verifyRectification', 'sendBackRectification'],
      VERIFIED: ['close'],
      CLOSED: [],
      REJECTED: [],
    });
  });

  it.each(STEP_NAMES)('leads %s to the README\'s state', (step) => {
    expect(HAZARD_WORKFLOW.steps[step].to).toBe(README[step].to);
    expect(HAZARD_WORKFLOW.step(step).from).toEqual(README[step].from);
  });

  it.each(STEP_NAMES)('requires the README\'s permission for %s', (step) => {
    expect(HAZARD_WORKFLOW.permissionOf(step)).toBe(README[step].permission);
    expect(HAZARD_WORKFLOW.steps[step].permission).toBe(README[step].permission);
  });

  it('requires risk.hazard:manage to judge and risk.hazard:rectify to rectify', () => {
    const byPermission = (permission: string) => STEP_NAMES.filter((s) => HAZARD_WORKFLOW.permissionOf(s) === permission);
    expect(byPermission(MANAGE)).toEqual(['confirm', 'reject', 'verifyRectification', 'sendBackRectification', 'close']);
    expect(byPermission(RECTIFY)).toEqual(['planRectification', 'startRectification', 'submitRectification']);
  });

  it.each(STEP_NAMES)('audits and announces %s as risk.hazard.<step>', (step) => {
    expect(HAZARD_WORKFLOW.steps[step].action).toBe(`risk.hazard.${step}`);
    expect(HAZARD_WORKFLOW.steps[step].event).toBe(`risk.hazard.${step}`);
  });

  it('lists every step\'s event type in declaration order', () => {
    expect(HAZARD_WORKFLOW.eventTypes).toEqual([
      'risk.hazard.confirm',
      'risk.hazard.reject',
      'risk.hazard.planRectification',
      'risk.hazard.startRectification',
      'risk.hazard.submitRectification',
      'risk.hazard.verifyRectification',
      'risk.hazard.sendBackRectification',
      'risk.hazard.close',
    ]);
  });

  it('refuses a step from a wrong state naming the current and the allowed states', () => {
    expect(() => HAZARD_WORKFLOW.assertCanStep('sendBackRectification', hazard(VERIFIED))).toThrow(
      expect.objectContaining({
        current: VERIFIED,
        allowed: [SUBMITTED],
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'input.id', rule: 'state', message: 'cannot sendBackRectification a Hazard whose status is VERIFIED (allowed from SUBMITTED).' }],
        },
      }),
    );
    expect(() => HAZARD_WORKFLOW.assertCanStep('planRectification', hazard(RECTIFYING))).toThrow('(allowed from CONFIRMED, PLANNED)');
  });
});

describe('HAZARD_WORKFLOW as a graph (derived from its own table)', () => {
  const steps = Object.values(HAZARD_WORKFLOW.steps);
  const successors = (state: HazardStatus): HazardStatus[] => steps.filter((s) => s.from.includes(state)).map((s) => s.to);

  function reachableFrom(start: HazardStatus): Set<HazardStatus> {
    const seen = new Set<HazardStatus>([start]);
    const queue = [start];
    while (queue.length) {
      for (const next of successors(queue.shift()!)) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    return seen;
  }

  it('only uses hazard states', () => {
    for (const s of steps) {
      expect(ALL_STATES).toContain(s.to);
      for (const from of s.from) expect(ALL_STATES).toContain(from);
    }
  });

  it('reaches every state from REPORTED', () => {
    expect([...reachableFrom(REPORTED)].sort()).toEqual([...ALL_STATES].sort());
  });

  it('has CLOSED and REJECTED as its only terminal states', () => {
    const terminal = ALL_STATES.filter((s) => successors(s).length === 0);
    expect(terminal.sort()).toEqual([CLOSED, REJECTED].sort());
    expect(HAZARD_WORKFLOW.stepsFrom(CLOSED)).toEqual([]);
    expect(HAZARD_WORKFLOW.stepsFrom(REJECTED)).toEqual([]);
  });

  it('lets every open hazard still end, closed or rejected', () => {
    for (const state of ALL_STATES) {
      const reach = reachableFrom(state);
      expect([state, reach.has(CLOSED) || reach.has(REJECTED)]).toEqual([state, true]);
    }
  });

  it('never leads back to REPORTED: the report is the only way in', () => {
    expect(steps.filter((s) => s.to === REPORTED)).toEqual([]);
  });

  it('rejects only before confirmation: REJECTED is not reachable once confirmed', () => {
    expect(reachableFrom(CONFIRMED).has(REJECTED)).toBe(false);
    expect(reachableFrom(REPORTED).has(REJECTED)).toBe(true);
  });
});
