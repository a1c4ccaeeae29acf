import type { Client } from 'pg';

/*
 * The statements of the principal cache's own listening connection (a plain `pg` client, outside the
 * pool and any request). Hand-written: they read no data, they only listen for the access tables'
 * notices and check that the connection still answers.
 */

/** The channel the access tables' triggers notify on (migration NotifyAccessChanges). */
export const ACCESS_CHANGED_CHANNEL = 'access_changed';

/** Starts listening for the access tables' notices on this connection. */
export async function listenForAccessChanges(client: Client): Promise<void> {
  await client.query(`LISTEN ${ACCESS_CHANGED_CHANNEL}`);
}

/** A round trip on the listening connection: answered after every notice sent before it. */
export async function pingListener(client: Client): Promise<void> {
  await client.query('SELECT 1');
}
