import { WrongStateError, compile, eventType, kernelRules } from '@platform/core';
import { communityEvents } from './community.events';
import { communityRules } from './community.rules';
import { ACTION_ITEM_WORKFLOW, actionItemPayload, type ActionItemStep } from './consultations/action-item-workflow';
import { ConsultationActionStatus } from './consultations/consultation.enums';
import type { ConsultationActionItem } from './consultations/consultation.entity';
import { vulnerableHousehold } from './joint-defense/joint-defense.sensitive';
import { CommunityPermission } from './permissions';

const { OPEN, DONE, CANCELLED } = ConsultationActionStatus;
const item = (status: ConsultationActionStatus): ConsultationActionItem => ({ id: 'i1', version: 2, consultationId: 'c1', status }) as ConsultationActionItem;

/** Whether the workflow lets `step` start from `status`, by its own state check. */
function allowed(step: ActionItemStep, status: ConsultationActionStatus): boolean {
  try {
    ACTION_ITEM_WORKFLOW.assertCanStep(step, item(status));
    return true;
  } catch (e) {
    if (e instanceof WrongStateError) return false;
    throw e;
  }
}

describe('ACTION_ITEM_WORKFLOW', () => {
  it('completes or cancels an OPEN item only; DONE and CANCELLED are final', () => {
    expect(Object.keys(ACTION_ITEM_WORKFLOW.steps)).toEqual(['complete', 'cancel']);
    expect(Object.fromEntries(Object.values(ConsultationActionStatus).map((s) => [s, ACTION_ITEM_WORKFLOW.stepsFrom(s)]))).toEqual({ OPEN: ['complete', 'cancel'], DONE: [], CANCELLED: [] });
    for (const status of [OPEN, DONE, CANCELLED]) for (const step of ['complete', 'cancel'] as const) expect(allowed(step, status)).toBe(status === OPEN);
    expect(ACTION_ITEM_WORKFLOW.steps.complete.to).toBe(DONE);
    expect(ACTION_ITEM_WORKFLOW.steps.cancel.to).toBe(CANCELLED);
  });

  it('keeps the mutations\' permission, audit actions and event names', () => {
    expect(ACTION_ITEM_WORKFLOW.permissionOf('complete')).toBe(CommunityPermission.ConsultationWrite);
    expect(ACTION_ITEM_WORKFLOW.permissionOf('cancel')).toBe(CommunityPermission.ConsultationWrite);
    expect([ACTION_ITEM_WORKFLOW.steps.complete.action, ACTION_ITEM_WORKFLOW.steps.cancel.action]).toEqual(['rescue.consultation-action-item.complete', 'rescue.consultation-action-item.cancel']);
    expect(ACTION_ITEM_WORKFLOW.eventTypes).toEqual(['rescue.consultation.actionItemCompleted', 'rescue.consultation.actionItemCancelled']);
  });

  it('refuses a step from a final state with rule `state` on input.id, naming the allowed state', () => {
    const refusal = (() => {
      try {
        ACTION_ITEM_WORKFLOW.assertCanStep('complete', item(DONE));
      } catch (e) {
        return e as WrongStateError;
      }
      return null;
    })();
    expect(refusal).toBeInstanceOf(WrongStateError);
    expect(refusal!.current).toBe(DONE);
    expect(refusal!.allowed).toEqual([OPEN]);
  });

  it('gives each step\'s event the item, its consultation and the organization that convened it', () => {
    expect(actionItemPayload({ id: 'c1', organizationId: 'o1' })(item(DONE))).toEqual({ id: 'i1', consultationId: 'c1', organizationId: 'o1' });
    // The table knows no consultation: each request gives its payload (applyStep's `payload`).
    expect(ACTION_ITEM_WORKFLOW.payload).toBeUndefined();
  });
});

describe('community catalogs', () => {
  it('declares every event the module emits, the workflow\'s included', () => {
    const declared = Object.keys(communityEvents);
    for (const name of ACTION_ITEM_WORKFLOW.eventTypes) expect(declared).toContain(name);
    for (const name of declared) expect(eventType(communityEvents, name as keyof typeof communityEvents)).toBe(name);
    expect(declared.every((name) => /^rescue\.(consultation|joint-defense-group|household)\./.test(name))).toBe(true);
  });

  it('builds its own rules on the kernel\'s', () => {
    for (const name of kernelRules.names) expect(communityRules.has(name)).toBe(true);
    expect(communityRules.names).toEqual(expect.arrayContaining(['floodSeason', 'oneSevenN', 'notBeforeMeeting', 'notAfterActionItems', 'notAboveMemberCount', 'notLeader', 'kind']));
    expect(() => communityRules.field('input.id', 'transition' as never, 'x')).toThrow(/not declared/);
  });
});

describe('vulnerableHousehold', () => {
  it('is the partial index\'s condition over the alias, as a fragment with no parameters', () => {
    const { text, params } = compile(vulnerableHousehold('h'));
    expect(text).toBe('(h.archived_at IS NULL AND (h.elderly_living_alone OR h.disabled_members > 0 OR h.children_members > 0 OR h.vulnerability_note IS NOT NULL))');
    expect(params).toEqual({});
  });

  it('refuses what is not a table alias', () => {
    expect(() => vulnerableHousehold('h; DROP TABLE x')).toThrow(/not a table alias/);
  });
});
