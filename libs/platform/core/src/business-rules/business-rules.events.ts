import { defineEvents, payload } from '../events/event-catalog';
import { BusinessRuleVersions } from './business-rules.entities';

/** What a rule-version event carries: the version, its rule and its first day. */
type BusinessRuleVersionPayload = { id: string; ruleCode: string; effectiveFrom: string };

/** The business rules' events: a version added, or withdrawn before it came into force. */
export const businessRuleEvents = defineEvents({
  'kernel.business-rule-version.added': payload<BusinessRuleVersionPayload>(BusinessRuleVersions),
  'kernel.business-rule-version.withdrawn': payload<BusinessRuleVersionPayload>(BusinessRuleVersions),
});
