import type { BusinessRuleDefinition } from '@platform/core';
import { SUPERVISION_INTERVIEW_RULE, SUPERVISION_LISTED_RULE, SUPERVISION_NOTICE_RULE, SUPERVISION_URGING_LETTER_RULE, type SupervisionRuleValue } from '../business-rules/supervision';
import { SupervisionKind } from './supervision.enums';

/** The rule each kind is governed by. */
export const SUPERVISION_RULES: Readonly<Record<SupervisionKind, BusinessRuleDefinition<SupervisionRuleValue>>> = {
  [SupervisionKind.NOTICE]: SUPERVISION_NOTICE_RULE,
  [SupervisionKind.URGING_LETTER]: SUPERVISION_URGING_LETTER_RULE,
  [SupervisionKind.INTERVIEW]: SUPERVISION_INTERVIEW_RULE,
  [SupervisionKind.LISTED]: SUPERVISION_LISTED_RULE,
};
