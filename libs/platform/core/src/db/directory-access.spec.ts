import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ancestry, blockedOnTheWayTo, describeMode, existingChain, firstBlocked, mayExecute } from './directory-access';

const postgres = { uid: 101, gid: 104 };
const entry = (mode: number, uid = 0, gid = 0, p = '/x') => ({ path: p, mode: 0o40000 | mode, uid, gid });

describe('mayExecute', () => {
  it('uses the others’ bit for a user who neither owns the directory nor is in its group', () => {
    expect(mayExecute(entry(0o755), postgres)).toBe(true);
    expect(mayExecute(entry(0o701), postgres)).toBe(true);
    expect(mayExecute(entry(0o770), postgres)).toBe(false);
    expect(mayExecute(entry(0o700), postgres)).toBe(false);
  });

  it('uses only the owner’s bits for the owner, and only the group’s for the group', () => {
    expect(mayExecute(entry(0o700, 101, 0), postgres)).toBe(true);
    // The kernel does not fall back to the others' bits when the owner's deny.
    expect(mayExecute(entry(0o601, 101, 0), postgres)).toBe(false);
    expect(mayExecute(entry(0o710, 0, 104), postgres)).toBe(true);
    expect(mayExecute(entry(0o701, 0, 104), postgres)).toBe(false);
  });

  it('lets root through anything', () => {
    expect(mayExecute(entry(0o000), { uid: 0, gid: 0 })).toBe(true);
  });
});

describe('firstBlocked / ancestry', () => {
  it('finds the first directory from the root down that the user cannot enter', () => {
    const chain = [entry(0o755, 0, 0, '/'), entry(0o700, 0, 0, '/root'), entry(0o755, 0, 0, '/root/project'), entry(0o700, 0, 0, '/root/project/x')];
    expect(firstBlocked(chain, postgres)?.path).toBe('/root');
    expect(firstBlocked(chain.slice(2), postgres)?.path).toBe('/root/project/x');
    expect(firstBlocked([chain[0]!, chain[2]!], postgres)).toBeUndefined();
  });

  it('lists every prefix of a path, root first', () => {
    expect(ancestry('/a/b/c')).toEqual(['/', '/a', '/a/b', '/a/b/c']);
    expect(ancestry('/')).toEqual(['/']);
  });

  it('describes a mode as octal with its owner', () => {
    expect(describeMode(entry(0o700, 0, 0))).toBe('mode 0700, owner 0:0');
  });
});

describe('blockedOnTheWayTo (real directories)', () => {
  let base: string;
  beforeEach(() => {
    base = mkdtempSync(path.join(tmpdir(), 'dir-access-'));
    chmodSync(base, 0o755);
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));
  // Some uid that owns nothing here: the others' bits decide for it.
  const stranger = { uid: 54321, gid: 54321 };

  it('names the closed directory above a path that does not exist yet', async () => {
    const closed = path.join(base, 'home');
    mkdirSync(path.join(closed, 'project'), { recursive: true });
    chmodSync(closed, 0o700);
    const blocked = await blockedOnTheWayTo(path.join(closed, 'project', 'data', 'pg'), stranger);
    expect(blocked?.path).toBe(closed);
    expect(blocked!.mode & 0o777).toBe(0o700);
    chmodSync(closed, 0o701);
    expect(await blockedOnTheWayTo(path.join(closed, 'project', 'data', 'pg'), stranger)).toBeUndefined();
  });

  it('also walks the real path behind a symlink', async () => {
    const closed = path.join(base, 'closed');
    mkdirSync(path.join(closed, 'inside'), { recursive: true });
    chmodSync(closed, 0o700);
    symlinkSync(path.join(closed, 'inside'), path.join(base, 'link'));
    const chain = await existingChain(path.join(base, 'link'));
    expect(chain.map((e) => e.path)).toEqual(expect.arrayContaining([path.join(base, 'link'), closed, path.join(closed, 'inside')]));
    expect((await blockedOnTheWayTo(path.join(base, 'link', 'data'), stranger))?.path).toBe(closed);
  });
});
