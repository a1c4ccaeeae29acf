import { assertNotFuture, assertVersion, records, transaction, updateRecord, type Patch, type RecordChange, type RequestContext, type ScopedEntity } from '@platform/core';
import { certificateRules } from './certificates.rules';
import type { RevokeCertificateInput } from './enforcement-certificate.inputs';

/** What both kinds of certificate have for a change and a revocation. */
interface Revocable {
  readonly id: string;
  readonly version: number;
  readonly revokedOn: string | null;
  readonly revocationReason: string | null;
}

/**
 * The certificate a versioned input names, locked within the scope of `permission` (else NOT_FOUND),
 * at the version read (else CONFLICT) and not revoked (else `state` on `input.id`): what every change
 * of a certificate starts from.
 */
export async function lockUnrevoked<T extends Revocable>(tx: RequestContext, def: ScopedEntity<T>, permission: string, input: { readonly id: string; readonly version: number }): Promise<T> {
  const current = await records(tx, def, permission).lock(input.id);
  assertVersion(def.typeName, current, input.version);
  if (current.revokedOn) throw certificateRules.field('input.id', 'state', `the certificate was revoked on ${current.revokedOn}.`);
  return current;
}

/**
 * Revokes a certificate from `input.revokedOn` (default today; not in the future), after the
 * kind's own `check` of the day: the change, its audit entry and event (`change`) in one transaction.
 */
export function revokeCertificate<T extends Revocable>(
  ctx: RequestContext,
  def: ScopedEntity<T>,
  permission: string,
  input: RevokeCertificateInput,
  change: (current: T) => RecordChange<T>,
  check: (current: T, revokedOn: string) => void = () => undefined,
): Promise<T> {
  const revokedOn = input.revokedOn ?? ctx.clock.today();
  assertNotFuture(revokedOn, 'input.revokedOn', ctx.clock.today());
  return transaction(ctx, async (tx) => {
    const current = await lockUnrevoked(tx, def, permission, input);
    check(current, revokedOn);
    return updateRecord(tx, def.entity, def.typeName, current, input.version, { revokedOn, revocationReason: input.reason } as Patch<T>, change(current));
  });
}
