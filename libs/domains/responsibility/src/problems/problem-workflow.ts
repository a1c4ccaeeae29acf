import { claimAttachments, createRecord, defineWorkflow, type RequestContext } from '@platform/core';
import { Problem, ProblemUpdate } from './problem.entity';
import { EffectivenessResult, ProblemStatus } from './problem.enums';
import { problemEvents } from './problems.events';
import { ProblemPermission } from './problems.permissions';

/** What a step records in the problem's timeline. */
export interface ProblemStepDetails {
  readonly recordedOn: string;
  readonly note: string;
  readonly effectivenessResult?: EffectivenessResult;
  /** Evidence files, claimed for the timeline entry (readable where the problem is). */
  readonly attachmentIds?: readonly string[];
  /** The problem's organization, for the evidence's download scope. */
  readonly organization?: { readonly id: string; readonly path: string };
}

/** A step's timeline entry (`ProblemUpdate`), in the step's transaction: readable by whoever may read the problem. */
async function recordProblemStep(
  tx: RequestContext,
  entry: { readonly step: string; readonly to: ProblemStatus; readonly record: Problem; readonly details: ProblemStepDetails | undefined },
): Promise<void> {
  const d = entry.details!;
  const update = await createRecord(
    tx,
    ProblemUpdate,
    'ProblemUpdate',
    { problemId: entry.record.id, recordedOn: d.recordedOn, status: entry.to, effectivenessResult: d.effectivenessResult ?? null, note: d.note, actorName: tx.principal.displayName },
    { action: 'responsibility.problem-update.record', changes: { problemId: entry.record.id, step: entry.step } },
  );
  if (d.attachmentIds?.length && d.organization) {
    await claimAttachments(tx, d.attachmentIds, { entityType: 'ProblemUpdate', entityId: update.id, readPermission: ProblemPermission.ProblemRead, organization: d.organization }, 'input.attachmentIds');
  }
}

/**
 * A problem's life cycle as data: OPEN → (rectify) RECTIFYING → (close) CLOSED → (confirmEffective)
 * EFFECTIVE, or (reopen, an INEFFECTIVE check) back to RECTIFYING. Closing is the owner's; the check
 * is a separate step with its own permission, by someone other than the closer. Each step writes a
 * timeline entry (`ProblemUpdate`) in its transaction; its audit action is `responsibility.problem.<step>`.
 */
export const PROBLEM_WORKFLOW = defineWorkflow({
  name: 'responsibility.problem',
  entity: Problem,
  entityName: 'Problem',
  state: 'status',
  steps: {
    rectify: { from: [ProblemStatus.OPEN, ProblemStatus.RECTIFYING], to: ProblemStatus.RECTIFYING, permission: ProblemPermission.ProblemRectify, event: problemEvents['responsibility.problem.rectifying'], description: '报告整改。Rectification reported.' },
    close: { from: [ProblemStatus.OPEN, ProblemStatus.RECTIFYING], to: ProblemStatus.CLOSED, permission: ProblemPermission.ProblemRectify, event: problemEvents['responsibility.problem.closed'], description: '销号。Closed by its owner, with the criteria of its effectiveness check.' },
    confirmEffective: { from: [ProblemStatus.CLOSED], to: ProblemStatus.EFFECTIVE, permission: ProblemPermission.ProblemVerify, event: problemEvents['responsibility.problem.verified-effective'], description: '验证有效。Checked and found effective.' },
    reopen: { from: [ProblemStatus.CLOSED], to: ProblemStatus.RECTIFYING, permission: ProblemPermission.ProblemVerify, event: problemEvents['responsibility.problem.reopened'], description: '验证无效重新整改。Checked and found ineffective: rectification resumes.' },
  },
  payload: (p) => ({ id: p.id, organizationId: p.organizationId, category: p.category }),
  history: recordProblemStep,
});

export type ProblemStep = keyof typeof PROBLEM_WORKFLOW.steps;
