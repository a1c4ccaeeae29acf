import type { RequestContext } from '@platform/core';
import type { Warning } from '../model/warning.entity';
import type { WarningHazardType, WarningLevel } from '../model/warning.enums';
import type { IssueWarningInput } from './warning.inputs';
import { WarningService, defaultHeadline } from './warning.service';

/** A warning as another module proposes it (e.g. from a sensor alarm): the fields of `issueWarning`, headline filled in. */
export interface WarningDraft {
  readonly hazardType: WarningHazardType;
  readonly eventName: string;
  readonly level: WarningLevel;
  readonly headline: string;
  readonly description: string;
  readonly instruction: string;
  readonly source: string;
  readonly effectiveAt: string;
  readonly expiresAt: string;
  readonly targetOrganizationIds: readonly string[];
}

/**
 * Composes a warning draft (nothing is written): the headline the issue would default to
 * (〈发布单位〉发布〈事件〉〈颜色〉预警) unless one is given. The office issues it with `issueWarning`
 * as it stands or after editing.
 */
export function draftWarning(senderName: string, fields: Omit<WarningDraft, 'headline'> & { readonly headline?: string | null }): WarningDraft {
  return { ...fields, headline: fields.headline || defaultHeadline(senderName, fields.eventName, fields.level) };
}

const service = new WarningService();

/**
 * The warnings module's public way to issue a warning from a draft: the same checks (targets in the
 * caller's rescue.warning:issue scope, else NOT_FOUND), identifier, deliveries, audit entry and event
 * as the `issueWarning` mutation. Inside another module's `transaction()` it joins that transaction.
 */
export function issueWarningDraft(ctx: RequestContext, draft: WarningDraft): Promise<Warning> {
  const input: IssueWarningInput = {
    hazardType: draft.hazardType,
    eventName: draft.eventName,
    level: draft.level,
    headline: draft.headline,
    description: draft.description,
    instruction: draft.instruction,
    source: draft.source,
    effectiveAt: new Date(draft.effectiveAt),
    expiresAt: new Date(draft.expiresAt),
    targetOrganizationIds: [...draft.targetOrganizationIds],
    areaPolygon: null,
  };
  return service.issue(ctx, input);
}
