import { defineWorkflow, type StepDeclaration } from '@platform/core';
import { CatastropheClaim } from './catastrophe.entity';
import { CatastropheClaimStatus } from './insurance.enums';
import { InsurancePermission } from './insurance.permissions';
import { insuranceEvents, type CatastropheClaimPayload } from './insurance.events';

const S = CatastropheClaimStatus;
const E = insuranceEvents;

/** A claim's life: FILED → PAID (amount paid) or REJECTED (reason). Each step's mutation takes its permission, state check, audit action and event from here. */
export const CLAIM_STEPS = {
  pay: { from: [S.FILED], to: S.PAID, permission: InsurancePermission.Manage, event: E['reporting.catastrophe-claim.paid'], description: '赔付。The insurer paid; the amount is recorded (payCatastropheClaim).' },
  reject: { from: [S.FILED], to: S.REJECTED, permission: InsurancePermission.Manage, event: E['reporting.catastrophe-claim.rejected'], description: '拒赔。The insurer refused; the reason is recorded (rejectCatastropheClaim).' },
} as const satisfies Record<string, StepDeclaration<CatastropheClaimStatus>>;

/** The payload of every event of a claim. */
export const claimPayload = (c: CatastropheClaim): CatastropheClaimPayload => ({ id: c.id, policyId: c.policyId, incidentId: c.incidentId, organizationId: c.organizationId, status: c.status });

export const CLAIM_WORKFLOW = defineWorkflow({
  name: 'reporting.catastrophe-claim',
  entity: CatastropheClaim,
  entityName: 'CatastropheClaim',
  state: 'status',
  steps: CLAIM_STEPS,
  payload: claimPayload,
});
