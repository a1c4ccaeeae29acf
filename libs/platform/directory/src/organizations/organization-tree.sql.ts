import type { RequestContext } from '@platform/core';

/**
 * Re-roots the subtree below a moved organization in one statement: every descendant's path gets
 * the moved organization's new path as prefix, and its depth follows. Hand-written because it
 * rewrites many rows from their own paths, which the write helpers (one versioned record at a
 * time) do not express. The caller has locked and updated the moved organization itself.
 */
export async function reRootSubtree(tx: RequestContext, moved: { readonly id: string; readonly oldPath: string; readonly newPath: string }): Promise<void> {
  await tx.manager.query(
    `UPDATE organization SET path = $1::ltree || subpath(path, nlevel($2::ltree)), depth = nlevel($1::ltree || subpath(path, nlevel($2::ltree))) - 1, updated_at = now()
     WHERE path <@ $2::ltree AND id <> $3`,
    [moved.newPath, moved.oldPath, moved.id],
  );
}
