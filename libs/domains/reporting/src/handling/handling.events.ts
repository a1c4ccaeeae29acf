import { defineEvents, payload } from '@platform/core';
import { Tips } from '../tips/public';

/** What the handling part's events carry: the tip, its organization and channel, the action's kind; never the reporter. */
export type TipActionPayload = { id: string; code: string; organizationId: string; channel: string; actionId: string; kind: string };

const about = () => payload<TipActionPayload>(Tips);

/** Events of the actions beside the workflow (the workflow's own are the tips part's `tipEvents`). */
export const tipHandlingEvents = defineEvents({
  'reporting.tip.urged': about(),
  'reporting.tip.supervised': about(),
  'reporting.tip.extended': about(),
  'reporting.tip.followed-up': about(),
  'reporting.tip.merged': about(),
});
