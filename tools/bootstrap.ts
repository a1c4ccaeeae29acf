import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { SortDirection, sql, transaction, unscoped, validateInput, type FieldViolation } from '@platform/core';
import { CreateOrganizationInput, OrganizationKind, Organizations, createOrganizationAsCommand, type Organization } from '@platform/directory';
import { CreateUserInput, Users, createUserWithRole } from '@platform/access';
import { withSystemContext } from './lib/system-context';

/**
 * `npm run bootstrap`: a real installation without the demo town. On an empty, migrated database it
 * creates the root organization (the town government, with its 12-digit 统计用区划代码) and the first
 * administrator (super-admin anchored at that root) in one transaction, through the directory's and
 * access's own services, audited as the system. The password comes from ADMIN_PASSWORD, never an
 * argument (it would stay in shell history and the process list):
 *
 *   read -rs ADMIN_PASSWORD && export ADMIN_PASSWORD
 *   npm run bootstrap -- --organization-name 某某镇人民政府 --division-code 500119108000 \
 *     --username chen --display-name 陈工 [--short-name 某某镇] [--address …]
 *
 * Exit codes: 0 done; 2 refused input (each field and rule printed) or usage; 3 already bootstrapped
 * (an organization or an account exists: nothing written); 1 anything else (database unreachable …).
 * Errors print the field and rule or the message, never a stack trace or SQL.
 */

const USAGE =
  'usage: npm run bootstrap -- --organization-name 名称 --division-code 12位统计用区划代码 --username NAME --display-name 显示名 [--short-name 简称] [--address 地址]\n' +
  '       with the password in the ADMIN_PASSWORD environment variable (e.g. read -rs ADMIN_PASSWORD && export ADMIN_PASSWORD)';

/** 统计用区划代码 of a town-level unit (乡级: 镇, 乡, 街道): 6-digit county, 3-digit town (not 000), village part 000. */
const TOWN_DIVISION_CODE = /^[1-9]\d{5}(?!000)\d{3}000$/;

/** What the refusal names: the command's own flags and variable, not the API's field names. */
const FLAG_OF: Readonly<Record<string, string>> = {
  name: '--organization-name',
  code: '--division-code',
  shortName: '--short-name',
  address: '--address',
  username: '--username',
  password: 'ADMIN_PASSWORD',
  displayName: '--display-name',
};

const flagOf = (field: string): string => FLAG_OF[field.replace(/^input\./, '')] ?? field;

/** A refusal the operator can act on: printed as is, with its exit code. */
class Refusal extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly violations: readonly FieldViolation[] = [],
    /** Printed after the violations, e.g. the usage line. */
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** The violations of a BAD_USER_INPUT error (the API's answer), or null for any other error. */
function violationsOf(error: unknown): FieldViolation[] | null {
  const fields = (error as { extensions?: { code?: unknown; fields?: unknown } } | null)?.extensions;
  return fields?.code === 'BAD_USER_INPUT' && Array.isArray(fields.fields) ? (fields.fields as FieldViolation[]) : null;
}

/** Runs a check, collecting its field violations (named by flag) instead of failing. */
async function collect<T>(out: FieldViolation[], check: () => Promise<T>): Promise<T | null> {
  try {
    return await check();
  } catch (error) {
    const fields = violationsOf(error);
    if (!fields) throw error;
    out.push(...fields.map((f) => ({ ...f, field: flagOf(f.field) })));
    return null;
  }
}

interface Arguments {
  readonly organization: CreateOrganizationInput;
  readonly admin: { username: string; password: string; displayName: string };
}

/** Reads and checks every argument by the API's input rules before the database is touched; null for --help. */
async function readArguments(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<Arguments | null> {
  if (argv.some((a) => /^--(admin-)?password(=|$)/.test(a))) {
    throw new Refusal('the password is read from the ADMIN_PASSWORD environment variable, never from an argument (it would stay in shell history and the process list).', 2);
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        'organization-name': { type: 'string' },
        'division-code': { type: 'string' },
        username: { type: 'string' },
        'display-name': { type: 'string' },
        'short-name': { type: 'string' },
        address: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new Refusal(error instanceof Error ? error.message : String(error), 2, [], USAGE);
  }
  if (values['help']) return null;
  const str = (name: string): string | undefined => values[name] as string | undefined;
  const password = env['ADMIN_PASSWORD'];

  const missing: FieldViolation[] = [];
  for (const flag of ['organization-name', 'division-code', 'username', 'display-name']) {
    if (!str(flag)?.trim()) missing.push({ field: `--${flag}`, rule: 'required', message: `--${flag} is required.` });
  }
  if (!password) missing.push({ field: 'ADMIN_PASSWORD', rule: 'required', message: 'set ADMIN_PASSWORD in the environment (not as an argument).' });
  if (missing.length) throw new Refusal('missing input: nothing was written', 2, missing, USAGE);

  const violations: FieldViolation[] = [];
  // The rules of createOrganization's input (name length, code pattern, short name, address) ...
  const organization = await collect(violations, () =>
    validateInput(CreateOrganizationInput, { kind: OrganizationKind.TOWN_GOVERNMENT, name: str('organization-name'), code: str('division-code'), shortName: str('short-name'), address: str('address') }),
  );
  // ... and, for the root, a town-level division code: what warnings need as their issuer (a credit code or a county's code is refused).
  if (organization?.code && !TOWN_DIVISION_CODE.test(organization.code)) {
    violations.push({ field: '--division-code', rule: 'divisionCode', message: 'the root organization needs the 12-digit 统计用区划代码 of a town (镇, 乡 or 街道): 6-digit county, 3-digit town, 000 (e.g. 500119108000).' });
  }
  // The rules of createUser's input (username pattern, password strength, name length); createUserWithRole checks them again.
  const admin = await collect(violations, () => validateInput(CreateUserInput, { username: str('username'), password, displayName: str('display-name') }));
  if (violations.length || !organization || !admin) throw new Refusal('invalid input: nothing was written', 2, violations);
  return { organization, admin: { username: admin.username, password: admin.password, displayName: admin.displayName } };
}

/** The root organization and the first administrator, in one transaction, as the system principal. */
async function bootstrap(args: Arguments): Promise<{ root: Organization; username: string; userId: string }> {
  return withSystemContext('bootstrap', (ctx) =>
    transaction(ctx, async (tx) => {
      // Two bootstraps at once: the second waits here, then finds the first one's root.
      await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('town-safety:bootstrap'))`);
      const [root] = await unscoped(tx, Organizations, 'bootstrap runs once, on a directory without any organization')
        .where(sql`t.parent_id IS NULL`)
        .list({ keys: [{ column: 't.created_at', direction: SortDirection.ASC }], limit: 1 });
      if (root) {
        throw new Refusal(`already bootstrapped: root organization ${root.name} exists (${root.code ?? 'no code'}, ${root.id}); nothing was written. Add administrators with npm run create-admin.`, 3);
      }
      const accounts = await unscoped(tx, Users, 'bootstrap runs once, on a database without any account').count();
      if (accounts) throw new Refusal(`already bootstrapped: ${accounts} user account(s) exist; nothing was written.`, 3);

      const created = await createOrganizationAsCommand(tx, args.organization);
      const user = await createUserWithRole(tx, { ...args.admin, roleCode: 'super-admin', organizationId: created.id });
      return { root: created, username: user.username, userId: user.id };
    }),
  );
}

/** Prints a failure as field, rule and message (or the message alone), never a stack trace or SQL. */
function report(error: unknown): never {
  const violations = error instanceof Refusal ? error.violations : (violationsOf(error) ?? []).map((f) => ({ ...f, field: flagOf(f.field) }));
  const field = (error as { extensions?: { field?: unknown } } | null)?.extensions?.field;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Refusal) console.error(`bootstrap refused: ${message}`);
  else if (violations.length) console.error('bootstrap refused: invalid input: nothing was written');
  // Anything else (database unreachable, a failed statement): its message only; the transaction rolled back.
  else console.error(`bootstrap failed: ${typeof field === 'string' ? `${flagOf(field)}: ` : ''}${message}`);
  for (const v of violations) console.error(`  ${v.field} (${v.rule}): ${v.message}`);
  if (error instanceof Refusal && error.hint) console.error(error.hint);
  process.exit(error instanceof Refusal ? error.exitCode : violations.length ? 2 : 1);
}

async function main(): Promise<void> {
  const args = await readArguments(process.argv.slice(2), process.env);
  if (!args) return console.log(USAGE);
  const { root, username, userId } = await bootstrap(args);
  console.log(`Bootstrapped: root organization ${root.name} (${root.code}, ${root.id}); administrator ${username} (${userId}) with role super-admin at it.`);
}

main().catch(report);
