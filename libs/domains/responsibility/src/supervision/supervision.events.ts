import { defineEvents, payload } from '@platform/core';
import { SupervisionActions } from './supervision.entities';

/** What a supervision action's events carry (ids only, with the kind and status). */
export type SupervisionActionPayload = { id: string; kind: string; addresseeOrganizationId: string; status: string };

const about = () => payload<SupervisionActionPayload>(SupervisionActions);

/** Every event of supervision actions: the issue, each workflow step, and the extension request and decision. */
export const supervisionEvents = defineEvents({
  'responsibility.supervision-action.issued': about(),
  'responsibility.supervision-action.acknowledged': about(),
  'responsibility.supervision-action.planSubmitted': about(),
  'responsibility.supervision-action.rectificationStarted': about(),
  'responsibility.supervision-action.acceptanceRequested': about(),
  'responsibility.supervision-action.verified': about(),
  'responsibility.supervision-action.verificationFailed': about(),
  'responsibility.supervision-action.closed': about(),
  'responsibility.supervision-action.escalated': about(),
  'responsibility.supervision-action.extensionRequested': about(),
  'responsibility.supervision-action.extensionDecided': about(),
});

export type SupervisionEvents = typeof supervisionEvents;
