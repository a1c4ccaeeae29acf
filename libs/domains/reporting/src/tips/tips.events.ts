import { defineEvents, payload } from '@platform/core';
import { Tips } from './tips.entities';

/**
 * What a tip's events carry: ids, code, channel, category, the organization and status. Never the
 * reporter's identity or contact, nor the secret.
 */
export type TipPayload = { id: string; code: string; channel: string; category: string; organizationId: string; status: string; outcome: string | null; involvesDeaths: boolean };

const about = () => payload<TipPayload>(Tips);

/** Every event of tips: the intake and each workflow step. */
export const tipEvents = defineEvents({
  'reporting.tip.received': about(),
  'reporting.tip.accepted': about(),
  'reporting.tip.rejected': about(),
  'reporting.tip.sent-back': about(),
  'reporting.tip.escalated': about(),
  'reporting.tip.assigned': about(),
  'reporting.tip.verifying': about(),
  'reporting.tip.verified': about(),
  'reporting.tip.not-verified': about(),
  'reporting.tip.handled': about(),
  'reporting.tip.closed': about(),
  'reporting.tip.reopened': about(),
});

export type TipEvents = typeof tipEvents;
