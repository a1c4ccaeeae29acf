import { HazardStatus } from './hazard.enums';
import { RiskPermission } from '../permissions';

/** One workflow step: the states it starts from, the state it leads to, and the permission it needs. */
export interface HazardTransition {
  readonly from: readonly HazardStatus[];
  readonly to: HazardStatus;
  readonly permission: string;
}

/**
 * The hazard life cycle as data (reported → confirmed → planned → rectifying → submitted →
 * verified → closed; rejected from reported; sent back from submitted to rectifying). Each
 * mutation names its step; anything else is refused with the current state.
 */
export const HAZARD_TRANSITIONS = {
  confirm: { from: [HazardStatus.REPORTED], to: HazardStatus.CONFIRMED, permission: RiskPermission.HazardManage },
  reject: { from: [HazardStatus.REPORTED], to: HazardStatus.REJECTED, permission: RiskPermission.HazardManage },
  planRectification: { from: [HazardStatus.CONFIRMED, HazardStatus.PLANNED], to: HazardStatus.PLANNED, permission: RiskPermission.HazardRectify },
  startRectification: { from: [HazardStatus.PLANNED], to: HazardStatus.RECTIFYING, permission: RiskPermission.HazardRectify },
  submitRectification: { from: [HazardStatus.RECTIFYING], to: HazardStatus.SUBMITTED, permission: RiskPermission.HazardRectify },
  verifyRectification: { from: [HazardStatus.SUBMITTED], to: HazardStatus.VERIFIED, permission: RiskPermission.HazardManage },
  sendBackRectification: { from: [HazardStatus.SUBMITTED], to: HazardStatus.RECTIFYING, permission: RiskPermission.HazardManage },
  close: { from: [HazardStatus.VERIFIED], to: HazardStatus.CLOSED, permission: RiskPermission.HazardManage },
} as const satisfies Record<string, HazardTransition>;

export type HazardAction = keyof typeof HAZARD_TRANSITIONS;
