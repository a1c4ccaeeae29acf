import { createRecord, records, recordEvent, sentFields, sql, transaction, updateRecord, whereChanged, type ConnectionResult, type Patch, type RequestContext } from '@platform/core';
import { Organizations } from '@platform/directory';
import { LinearFeatureSection } from './linear-section.entity';
import { parseLineString } from './line-string';
import { LinearFeatureSectionOrder } from './registries.orders';
import { LinearFeatureSections } from './registries.entities';
import { registriesEvents } from './registries.events';
import { RegistriesPermission } from './registries.permissions';
import { checkDepartment } from './supervision-map.service';
import type { CreateLinearFeatureSectionInput, LinearFeatureSectionListArgs, UpdateLinearFeatureSectionInput } from './linear-section.inputs';

const UNASSIGNED = sql`(t.responsible_organization_id IS NULL OR t.responsible_department_id IS NULL)`;

/** Responsibility along roads, railways and reservoir banks. */
export class LinearSectionService {
  list(ctx: RequestContext, args: LinearFeatureSectionListArgs, withCount: boolean, properties: readonly string[] | null): Promise<ConnectionResult<LinearFeatureSection>> {
    const f = args.filter ?? {};
    let rows = records(ctx, LinearFeatureSections);
    if (f.kinds?.length) rows = rows.where(sql`t.kind = ANY(${f.kinds})`);
    if (f.unassigned !== undefined && f.unassigned !== null) rows = rows.where(f.unassigned ? UNASSIGNED : sql`NOT ${UNASSIGNED}`);
    if (f.responsibleDepartmentId) rows = rows.where(sql`t.responsible_department_id = ${f.responsibleDepartmentId}`);
    return whereChanged(rows, f).page({ keys: LinearFeatureSectionOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  create(ctx: RequestContext, input: CreateLinearFeatureSectionInput): Promise<LinearFeatureSection> {
    const geometry = parseLineString(input.geometry, 'input.geometry');
    return transaction(ctx, async (tx) => {
      await this.checkResponsible(tx, input.responsibleOrganizationId ?? null, input.responsibleDepartmentId ?? null);
      return createRecord(
        tx,
        LinearFeatureSection,
        'LinearFeatureSection',
        { kind: input.kind, name: input.name, geometry, responsibleOrganizationId: input.responsibleOrganizationId ?? null, responsibleDepartmentId: input.responsibleDepartmentId ?? null, note: input.note ?? null },
        { action: 'responsibility.linear-section.create', ...recordEvent(registriesEvents['responsibility.linear-section.created'], (s: LinearFeatureSection) => ({ id: s.id })) },
      );
    });
  }

  update(ctx: RequestContext, input: UpdateLinearFeatureSectionInput): Promise<LinearFeatureSection> {
    const geometry = input.geometry !== undefined ? parseLineString(input.geometry, 'input.geometry') : undefined;
    return transaction(ctx, async (tx) => {
      const current = await records(tx, LinearFeatureSections, RegistriesPermission.SectionManage).lock(input.id);
      const patch: Patch<LinearFeatureSection> = { ...sentFields(input, ['name', 'responsibleOrganizationId', 'responsibleDepartmentId', 'note']), ...(geometry ? { geometry } : {}) };
      await this.checkResponsible(tx, input.responsibleOrganizationId ?? null, input.responsibleDepartmentId ?? null);
      return updateRecord(tx, LinearFeatureSection, 'LinearFeatureSection', current, input.version, patch, { action: 'responsibility.linear-section.update', ...recordEvent(registriesEvents['responsibility.linear-section.updated'], { id: current.id }) });
    });
  }

  /** The responsible organization in the caller's scope and the department of kind DEPARTMENT, when given. */
  private async checkResponsible(tx: RequestContext, organizationId: string | null, departmentId: string | null): Promise<void> {
    if (organizationId) await records(tx, Organizations, RegistriesPermission.SectionManage).reference(organizationId, 'input.responsibleOrganizationId', { properties: ['id'] });
    if (departmentId) await checkDepartment(tx, departmentId, 'input.responsibleDepartmentId', RegistriesPermission.SectionManage);
  }
}
