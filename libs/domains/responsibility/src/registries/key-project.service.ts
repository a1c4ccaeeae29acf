import {
  assertNotFuture,
  claimAttachments,
  createRecord,
  records,
  recordEvent,
  sentFields,
  sql,
  transaction,
  unscoped,
  updateRecord,
  whereChanged,
  type ConnectionResult,
  type Patch,
  type RequestContext,
  type Sql,
} from '@platform/core';
import { OrganizationKind, Organizations, organizationIdWithinSubtree } from '@platform/directory';
import { KeyProject, ThreeSimultaneityRecord } from './key-project.entity';
import { KeyProjectStage, STAGES_REACHED, type ThreeSimultaneityStage } from './registries.enums';
import { KeyProjectOrder } from './registries.orders';
import { KeyProjects, ThreeSimultaneityRecords } from './registries.entities';
import { registriesEvents } from './registries.events';
import { registriesRules } from './registries.rules';
import { RegistriesPermission } from './registries.permissions';
import type { CreateKeyProjectInput, KeyProjectListArgs, RecordThreeSimultaneityInput, UpdateKeyProjectInput } from './key-project.inputs';

const STAGE_ORDER = Object.values(KeyProjectStage);

/** SQL: the project under `t` lacks a record of a 三同时 stage it has reached (`STAGES_REACHED`, passed as one JSON parameter). */
export function missingStageSql(ctx: RequestContext): Sql {
  const recorded = records(ctx, ThreeSimultaneityRecords).as('tsr').where(sql`tsr.project_id = t.id AND tsr.stage = reached.stage`).subquery(sql`1`);
  return sql`EXISTS (SELECT 1 FROM jsonb_array_elements_text(CAST(${JSON.stringify(STAGES_REACHED)} AS jsonb) -> t.stage) AS reached(stage) WHERE NOT EXISTS ${recorded})`;
}

/** The 三同时 stages a project at `stage` has reached and has no record of. */
export function missingStages(stage: KeyProjectStage, recorded: readonly ThreeSimultaneityStage[]): ThreeSimultaneityStage[] {
  return STAGES_REACHED[stage].filter((s) => !recorded.includes(s));
}

/**
 * The supervising department: any active department of the town, whatever the caller's scope (a
 * village officer registering a project in the village names a town department it cannot read
 * otherwise); a missing one answers NOT_FOUND, another kind `departmentKind`, naming the field.
 */
async function checkSupervisor(tx: RequestContext, id: string): Promise<void> {
  const field = 'input.supervisingDepartmentId';
  const org = await unscoped(tx, Organizations, 'a project names the town department supervising it; that department need not lie in the caller\'s scope').reference(id, field, { properties: ['id', 'kind', 'name'] });
  if (org.kind !== OrganizationKind.DEPARTMENT) throw registriesRules.field(field, 'departmentKind', `${org.name} is a ${org.kind}, not a department of the town government.`);
}

const payloadOf = (p: KeyProject) => ({ id: p.id, ownerOrganizationId: p.ownerOrganizationId });

/** Key construction projects and their 三同时 record. */
export class KeyProjectService {
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<KeyProject | null> {
    return records(ctx, KeyProjects).one(id, properties);
  }

  list(ctx: RequestContext, args: KeyProjectListArgs, withCount: boolean, properties: readonly string[] | null): Promise<ConnectionResult<KeyProject>> {
    const f = args.filter ?? {};
    let rows = records(ctx, KeyProjects);
    if (f.stages?.length) rows = rows.where(sql`t.stage = ANY(${f.stages})`);
    if (f.missingStage !== undefined && f.missingStage !== null) rows = rows.where(f.missingStage ? missingStageSql(ctx) : sql`NOT ${missingStageSql(ctx)}`);
    if (f.withinSubtreeOf) rows = rows.where(organizationIdWithinSubtree('t.owner_organization_id', f.withinSubtreeOf));
    if (f.supervisingDepartmentId) rows = rows.where(sql`t.supervising_department_id = ${f.supervisingDepartmentId}`);
    return whereChanged(rows, f).page({ keys: KeyProjectOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  create(ctx: RequestContext, input: CreateKeyProjectInput): Promise<KeyProject> {
    return transaction(ctx, async (tx) => {
      await records(tx, Organizations, RegistriesPermission.ProjectManage).reference(input.ownerOrganizationId, 'input.ownerOrganizationId', { properties: ['id'] });
      await checkSupervisor(tx, input.supervisingDepartmentId);
      return createRecord(
        tx,
        KeyProject,
        'KeyProject',
        { name: input.name, ownerOrganizationId: input.ownerOrganizationId, builderName: input.builderName, stage: input.stage ?? KeyProjectStage.PLANNING, supervisingDepartmentId: input.supervisingDepartmentId, description: input.description ?? null },
        { action: 'responsibility.key-project.create', ...recordEvent(registriesEvents['responsibility.key-project.created'], payloadOf) },
      );
    });
  }

  update(ctx: RequestContext, input: UpdateKeyProjectInput): Promise<KeyProject> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, KeyProjects, RegistriesPermission.ProjectManage).lock(input.id);
      const patch: Patch<KeyProject> = sentFields(input, ['name', 'builderName', 'stage', 'supervisingDepartmentId', 'description']);
      if (input.stage !== undefined && STAGE_ORDER.indexOf(input.stage) < STAGE_ORDER.indexOf(current.stage)) {
        throw registriesRules.field('input.stage', 'state', `the project is at ${current.stage}: stages go forward only.`);
      }
      if (input.supervisingDepartmentId !== undefined) await checkSupervisor(tx, input.supervisingDepartmentId);
      return updateRecord(tx, KeyProject, 'KeyProject', current, input.version, patch, { action: 'responsibility.key-project.update', ...recordEvent(registriesEvents['responsibility.key-project.updated'], payloadOf(current)) });
    });
  }

  /** One 三同时 stage of a project that has reached it, once, with evidence readable by whoever may read the project. */
  recordStage(ctx: RequestContext, input: RecordThreeSimultaneityInput): Promise<ThreeSimultaneityRecord> {
    assertNotFuture(input.approvedOn, 'input.approvedOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      // Locked: two records of the same stage wait for each other (the unique index backs it).
      const project = await records(tx, KeyProjects, RegistriesPermission.ProjectManage).reference(input.projectId, 'input.projectId', { lock: 'update' });
      if (!STAGES_REACHED[project.stage].includes(input.stage)) throw registriesRules.field('input.stage', 'stageNotReached', `the project is at ${project.stage} and has not reached the ${input.stage} stage of 三同时.`);
      const taken = await records(tx, ThreeSimultaneityRecords, RegistriesPermission.ProjectManage).where(sql`t.project_id = ${project.id} AND t.stage = ${input.stage}`).count();
      if (taken) throw registriesRules.field('input.stage', 'unique', `the ${input.stage} stage of this project is recorded already.`);
      const record = await createRecord(
        tx,
        ThreeSimultaneityRecord,
        'ThreeSimultaneityRecord',
        { projectId: project.id, stage: input.stage, documentNumber: input.documentNumber, approvedOn: input.approvedOn, note: input.note ?? null },
        {
          action: 'responsibility.three-simultaneity.record',
          ...recordEvent(registriesEvents['responsibility.three-simultaneity.recorded'], (r: ThreeSimultaneityRecord) => ({ id: r.id, projectId: r.projectId })),
        },
      );
      if (input.attachmentIds?.length) {
        const owner = (await records(tx, Organizations, RegistriesPermission.ProjectManage).one(project.ownerOrganizationId, ['id', 'path']))!;
        await claimAttachments(tx, input.attachmentIds, { entityType: 'ThreeSimultaneityRecord', entityId: record.id, readPermission: RegistriesPermission.Read, organization: { id: owner.id, path: owner.path } }, 'input.attachmentIds');
      }
      return record;
    });
  }
}
