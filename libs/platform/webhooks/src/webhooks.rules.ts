import { defineRules, kernelRules, type RuleOf } from '@platform/core';

/**
 * Every validation rule the webhooks module's BAD_USER_INPUT answers name: the kernel's shared ones it
 * uses (`exists` for an event type no enabled module offers, `state` for a step the subscription's or
 * delivery's state does not allow, `required`) and its own below.
 */
export const webhooksRules = defineRules(
  [
    /**
     * A destination the gateway does not send to: not `https://` (plain `http://` only for the hosts
     * in WEBHOOK_INTERNAL_HOSTS), with user or password, or an address on a private, loopback or
     * link-local network that WEBHOOK_INTERNAL_HOSTS does not list.
     */
    'destination',
  ] as const,
  kernelRules,
);

export type WebhooksRule = RuleOf<typeof webhooksRules>;
