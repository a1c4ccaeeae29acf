import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** The identity a process spawned with `{ uid, gid }` runs under (libuv drops supplementary groups). */
export interface PosixUser {
  readonly uid: number;
  readonly gid: number;
}

/** A path with the owner and mode bits the kernel checks. */
export interface PathEntry {
  readonly path: string;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
}

/**
 * Whether `user` has the execute bit on `entry` (for a directory: may enter it), decided like the
 * kernel does without ACLs: the owner's bits for the owner, else the group's, else the others'.
 * The owner's bits alone count even when others have more.
 */
export function mayExecute(entry: PathEntry, user: PosixUser): boolean {
  if (user.uid === 0) return true;
  const bit = entry.uid === user.uid ? 0o100 : entry.gid === user.gid ? 0o010 : 0o001;
  return (entry.mode & bit) !== 0;
}

/** The first entry of `chain` (root first) that `user` may not pass through, if any. */
export function firstBlocked(chain: readonly PathEntry[], user: PosixUser): PathEntry | undefined {
  return chain.find((entry) => !mayExecute(entry, user));
}

/** `/a/b/c` → `/`, `/a`, `/a/b`, `/a/b/c`. */
export function ancestry(target: string): string[] {
  const absolute = path.resolve(target);
  const { root } = path.parse(absolute);
  const parts = absolute.slice(root.length).split(path.sep).filter(Boolean);
  return [root, ...parts.map((_, i) => path.join(root, ...parts.slice(0, i + 1)))];
}

/**
 * The directories from the root down to `target` that exist, with their modes (symlinks followed),
 * plus the chain of the real path when a symlink leads elsewhere: the kernel walks both.
 */
export async function existingChain(target: string): Promise<PathEntry[]> {
  const entries: PathEntry[] = [];
  for (const dir of ancestry(target)) {
    const s = await stat(dir).catch(() => null);
    if (!s) break;
    entries.push({ path: dir, mode: s.mode, uid: s.uid, gid: s.gid });
  }
  const deepest = entries.at(-1)?.path;
  const real = deepest ? await realpath(deepest).catch(() => deepest) : undefined;
  if (real && real !== deepest) {
    const seen = new Set(entries.map((e) => e.path));
    for (const e of await existingChain(real)) if (!seen.has(e.path)) entries.push(e);
  }
  return entries;
}

/** The first existing directory on the way to `target` that `user` cannot enter, if any. */
export async function blockedOnTheWayTo(target: string, user: PosixUser): Promise<PathEntry | undefined> {
  return firstBlocked(await existingChain(target), user);
}

/** `0700, owner 0:0` for messages. */
export function describeMode(entry: PathEntry): string {
  return `mode ${(entry.mode & 0o7777).toString(8).padStart(4, '0')}, owner ${entry.uid}:${entry.gid}`;
}
