import { WRONG_STATE_RULE, WrongStateError } from '@platform/core';
import { DRILL_TASK_WORKFLOW, PLAN_WORKFLOW, type PlanStep } from './plan-workflows';
import { DrillProblemStatus, EmergencyPlanStatus } from './plan.enums';
import type { DrillProblem } from './drill.entity';
import type { EmergencyPlan } from './emergency-plan.entity';
import { preparednessEvents } from '../preparedness.events';

const { DRAFT, EFFECTIVE, SUPERSEDED, ARCHIVED } = EmergencyPlanStatus;
const WRITE = 'rescue.plan:write';

/** The plan life cycle as the mutations had it before the kernel workflow: states each starts from, where it leads, audit action and event. */
const TABLE: Record<PlanStep, { from: EmergencyPlanStatus[]; to: EmergencyPlanStatus; action: string; event: string }> = {
  approve: { from: [DRAFT], to: EFFECTIVE, action: 'rescue.plan.approve', event: 'rescue.plan.approved' },
  review: { from: [EFFECTIVE], to: EFFECTIVE, action: 'rescue.plan.review', event: 'rescue.plan.reviewed' },
  archive: { from: [DRAFT, EFFECTIVE], to: ARCHIVED, action: 'rescue.plan.archive', event: 'rescue.plan.archived' },
};
const STEPS = Object.keys(TABLE) as PlanStep[];
const plan = (status: EmergencyPlanStatus): EmergencyPlan => ({ id: 'p1', version: 3, status }) as EmergencyPlan;

describe('PLAN_WORKFLOW', () => {
  it('declares the steps of the plan mutations, with their permission, audit action and declared event', () => {
    expect(Object.keys(PLAN_WORKFLOW.steps)).toEqual(STEPS);
    for (const step of STEPS) {
      expect(PLAN_WORKFLOW.step(step)).toMatchObject({ name: step, from: TABLE[step].from, to: TABLE[step].to, permission: WRITE, action: TABLE[step].action, event: TABLE[step].event });
      expect(Object.values(preparednessEvents)).toContain(PLAN_WORKFLOW.step(step).event);
    }
    expect(PLAN_WORKFLOW.eventTypes).toEqual(['rescue.plan.approved', 'rescue.plan.reviewed', 'rescue.plan.archived']);
  });

  it.each(Object.values(EmergencyPlanStatus))('allows from %s exactly the steps of the table', (status) => {
    expect(PLAN_WORKFLOW.stepsFrom(status)).toEqual(STEPS.filter((s) => TABLE[s].from.includes(status)));
    for (const step of STEPS) {
      const check = () => PLAN_WORKFLOW.assertCanStep(step, plan(status));
      if (TABLE[step].from.includes(status)) expect(check).not.toThrow();
      else expect(check).toThrow(WrongStateError);
    }
  });

  it('keeps superseded and archived revisions as history: no step leaves them', () => {
    expect(PLAN_WORKFLOW.stepsFrom(SUPERSEDED)).toEqual([]);
    expect(PLAN_WORKFLOW.stepsFrom(ARCHIVED)).toEqual([]);
  });

  it('refuses a wrong state with BAD_USER_INPUT rule `state` on input.id, naming the state and the allowed ones', () => {
    try {
      PLAN_WORKFLOW.assertCanStep('review', plan(DRAFT));
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(WrongStateError);
      expect((e as WrongStateError).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'input.id', rule: WRONG_STATE_RULE, message: 'cannot review a EmergencyPlan whose status is DRAFT (allowed from EFFECTIVE).' }],
      });
    }
  });

  it('gives the events the payloads they had: the plan and its organization, the next review day for a review', () => {
    const record = { id: 'p1', organizationId: 'o1', nextReviewOn: '2030-01-01' } as EmergencyPlan;
    expect(PLAN_WORKFLOW.payload!(record, 'review')).toEqual({ id: 'p1', organizationId: 'o1', nextReviewOn: '2030-01-01' });
    expect(PLAN_WORKFLOW.payload!(record, 'archive')).toEqual({ id: 'p1', organizationId: 'o1' });
  });
});

describe('DRILL_TASK_WORKFLOW', () => {
  const problem = (status: DrillProblemStatus | null): DrillProblem => ({ id: 'x1', version: 1, status }) as DrillProblem;

  it('completes an OPEN task (DONE) with the action and event the mutation had', () => {
    expect(DRILL_TASK_WORKFLOW.step('complete')).toMatchObject({ from: [DrillProblemStatus.OPEN], to: DrillProblemStatus.DONE, permission: WRITE, action: 'rescue.drill.completeProblem', event: 'rescue.drill.problemCompleted' });
    expect(() => DRILL_TASK_WORKFLOW.assertCanStep('complete', problem(DrillProblemStatus.OPEN))).not.toThrow();
    expect(() => DRILL_TASK_WORKFLOW.assertCanStep('complete', problem(DrillProblemStatus.DONE))).toThrow(WrongStateError);
    expect(DRILL_TASK_WORKFLOW.stepsFrom(DrillProblemStatus.DONE)).toEqual([]);
  });
});
