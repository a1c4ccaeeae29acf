import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

/** One break of schema.graphql accepted on purpose: `path` and `message` exactly as graphql-inspector reports them. */
export interface AllowedBreak {
  path: string;
  message: string;
  reason: string;
}

/** A change between two schemas, as printed and as matched against the allow list. */
export interface SchemaChange {
  type: string;
  path: string;
  message: string;
}

const ALLOW_FILE = 'schema-breaks.json';
const DEFAULT_BASE = 'HEAD~1';

/** Checks the parsed content of schema-breaks.json: an array of { path, message, reason } with a non-empty reason. */
export function validateAllowList(value: unknown): AllowedBreak[] {
  if (!Array.isArray(value)) throw new Error(`${ALLOW_FILE} must be an array of { path, message, reason }`);
  const problems: string[] = [];
  value.forEach((entry: unknown, index) => {
    const at = `${ALLOW_FILE}[${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`${at} is not an object`);
      return;
    }
    const { path: where, message, reason } = entry as Record<string, unknown>;
    if (typeof where !== 'string' || !where) problems.push(`${at} has no path`);
    if (typeof message !== 'string' || !message) problems.push(`${at} has no message`);
    if (typeof reason !== 'string' || !reason.trim()) problems.push(`${at} has no reason: say why the break is acceptable`);
  });
  if (problems.length) throw new Error(problems.join('\n'));
  return value as AllowedBreak[];
}

/** The breaking and dangerous changes from `oldSdl` to `newSdl`. */
export async function schemaChanges(oldSdl: string, newSdl: string): Promise<{ breaking: SchemaChange[]; dangerous: SchemaChange[] }> {
  const changes = await diff(buildSchema(oldSdl), buildSchema(newSdl));
  const pick = (level: CriticalityLevel): SchemaChange[] =>
    changes
      .filter((change) => change.criticality.level === level)
      .map((change) => ({ type: String(change.type), path: change.path ?? '', message: change.message }));
  return { breaking: pick(CriticalityLevel.Breaking), dangerous: pick(CriticalityLevel.Dangerous) };
}

const listed = (allowList: readonly AllowedBreak[], change: SchemaChange): boolean =>
  allowList.some((entry) => entry.path === change.path && entry.message === change.message);

/** The breaking changes from `oldSdl` to `newSdl` that the allow list does not name (path + message). Refuses an invalid list. */
export async function breakingChanges(oldSdl: string, newSdl: string, allowList: readonly AllowedBreak[]): Promise<SchemaChange[]> {
  const allowed = validateAllowList(allowList);
  const { breaking } = await schemaChanges(oldSdl, newSdl);
  return breaking.filter((change) => !listed(allowed, change));
}

const line = (change: SchemaChange): string => `  ${change.type}  ${change.path}  ${change.message}`;

function git(root: string, args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

/** The committed schema.graphql at `rev`, or why there is none (no git, no such revision, no file there). */
function schemaAt(root: string, rev: string): { sdl: string } | { missing: string; badRev: boolean } {
  try {
    git(root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  } catch {
    return { missing: `revision ${rev} is not available (no git, a shallow clone or the first commit)`, badRev: true };
  }
  try {
    return { sdl: git(root, ['show', `${rev}:./schema.graphql`]) };
  } catch {
    return { missing: `schema.graphql does not exist at ${rev}`, badRev: false };
  }
}

/**
 * `npm run schema:breaks`: schema.graphql must not break clients compared with the base revision (`--base <rev>`,
 * else env SCHEMA_BASE, else HEAD~1) unless each break is listed with a reason in schema-breaks.json.
 */
async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  const flag = process.argv.indexOf('--base');
  const explicit = flag >= 0 ? process.argv[flag + 1] : process.env['SCHEMA_BASE'] || undefined;
  if (flag >= 0 && !explicit) throw new Error('--base needs a revision');
  if (explicit?.startsWith('-')) throw new Error(`Not a revision: ${explicit}`);
  const base = explicit ?? DEFAULT_BASE;

  let allowList: AllowedBreak[] = [];
  let raw: string | undefined;
  try {
    raw = readFileSync(path.join(root, ALLOW_FILE), 'utf8');
  } catch {
    // no file: nothing is allowed
  }
  if (raw !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      throw new Error(`${ALLOW_FILE} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    allowList = validateAllowList(parsed);
  }

  const old = schemaAt(root, base);
  if ('missing' in old) {
    if (old.badRev && explicit) throw new Error(`Schema break check: ${old.missing}.`);
    console.log(`Schema break check skipped: ${old.missing}.`);
    return;
  }
  const current = readFileSync(path.join(root, 'schema.graphql'), 'utf8');
  const { breaking, dangerous } = await schemaChanges(old.sdl, current);

  if (dangerous.length) console.warn(`Dangerous schema changes since ${base} (clients may need care):\n${dangerous.map(line).join('\n')}`);
  const accepted = breaking.filter((change) => listed(allowList, change));
  for (const change of accepted) {
    const reason = allowList.find((entry) => entry.path === change.path && entry.message === change.message)!.reason;
    console.log(`Accepted break (${ALLOW_FILE}): ${change.path}  ${change.message}  — ${reason}`);
  }
  const unlisted = breaking.filter((change) => !listed(allowList, change));
  if (unlisted.length) {
    const skeleton = unlisted.map((change) => ({ path: change.path, message: change.message, reason: '' }));
    console.error(
      `Breaking schema changes since ${base}:\n${unlisted.map(line).join('\n')}\n` +
        `Keep the old schema compatible, or list each break in ${ALLOW_FILE} with a non-empty reason:\n` +
        JSON.stringify(skeleton, null, 2),
    );
    process.exit(1);
  }
  console.log(`No unlisted breaking schema changes since ${base} (${breaking.length} breaking, ${dangerous.length} dangerous).`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
