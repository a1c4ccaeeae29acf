/** pg-boss's schema in the platform's database (created and migrated by the webhooks module's migration, never at run time). */
export const JOB_SCHEMA = 'pgboss';

/** The queue of deliveries: one job per attempt round of a delivery (`singletonKey` = the delivery's id). */
export const DELIVERY_QUEUE = 'webhook-delivery';

/** Where pg-boss moves a delivery's job that failed for good without the worker saying so (a gateway that stopped during the last attempt). */
export const DEAD_LETTER_QUEUE = 'webhook-dead';
