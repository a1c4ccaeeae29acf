import { createHash } from 'node:crypto';
import { audit, type RequestContext } from '@platform/core';
import { Organization } from '../organizations/organization.entity';
import { EnterpriseProfile } from '../organizations/enterprise-profile.entity';
import { Person } from '../persons/person.entity';
import { Position } from '../persons/position.entity';
import { INDUSTRY_SECTORS } from '../sectors/industry-sectors.data';
import { pathLabel } from '../organizations/organization.service';
import { insertMissing } from './seed-rows.sql';
import type { TownData } from './town-data.types';
import { TOWN } from './town-data';

/** A stable UUID (name-based, SHA-1, version 5 layout) for a seed key, so re-seeding finds the same rows. */
export function seedId(key: string): string {
  const h = createHash('sha1').update(`nanping-town:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

const highRiskSectors = new Set<string>(INDUSTRY_SECTORS.filter((s) => s.highRisk).map((s) => s.code));

/**
 * Inserts the demo town (organizations, persons, enterprise profiles, positions) with ids derived
 * from stable keys; rows that exist already are left alone, so running it twice changes nothing.
 */
export async function seedDirectory(ctx: RequestContext, data: TownData = TOWN): Promise<{ inserted: number }> {
  let inserted = 0;

  const persons = data.persons.map((p) => ({ id: seedId(`person:${p.key}`), name: p.name, gender: p.gender, phone: p.phone, idNumber: p.idNumber, archivedAt: null }));
  inserted += await insertMissing(ctx, Person, persons, 'id');

  const byKey = new Map<string, { id: string; path: string; depth: number }>();
  const orgs = data.organizations.map((o) => {
    const id = seedId(`org:${o.key}`);
    const parent = o.parentKey ? byKey.get(o.parentKey) : undefined;
    if (o.parentKey && !parent) throw new Error(`seed: parent ${o.parentKey} of ${o.key} must come first`);
    const node = { id, path: parent ? `${parent.path}.${pathLabel(id)}` : pathLabel(id), depth: parent ? parent.depth + 1 : 0 };
    byKey.set(o.key, node);
    return {
      ...node,
      kind: o.kind,
      name: o.name,
      shortName: o.shortName ?? null,
      code: o.code ?? null,
      parentId: parent?.id ?? null,
      address: o.address ?? null,
      longitude: o.longitude ?? null,
      latitude: o.latitude ?? null,
      contacts: (o.contacts ?? []) as Organization['contacts'],
      archivedAt: null,
    };
  });
  inserted += await insertMissing(ctx, Organization, orgs, 'id');

  const profiles = data.organizations
    .filter((o) => o.enterprise)
    .map((o) => ({
      organizationId: byKey.get(o.key)!.id,
      sectorCode: o.enterprise!.sectorCode,
      highRisk: highRiskSectors.has(o.enterprise!.sectorCode),
      employeeCount: o.enterprise!.employeeCount,
      legalRepresentative: o.enterprise!.legalRepresentative,
      businessScope: o.enterprise!.businessScope,
      safetyManagerId: o.enterprise!.safetyManagerKey ? seedId(`person:${o.enterprise!.safetyManagerKey}`) : null,
    }));
  inserted += await insertMissing(ctx, EnterpriseProfile, profiles, 'organization_id');

  const positions = data.positions.map((p) => ({
    id: seedId(`position:${p.personKey}:${p.organizationKey}:${p.title}`),
    personId: seedId(`person:${p.personKey}`),
    organizationId: byKey.get(p.organizationKey)!.id,
    title: p.title,
    isLead: p.isLead,
    startedOn: p.startedOn,
    endedOn: null,
  }));
  inserted += await insertMissing(ctx, Position, positions, 'id');

  if (inserted > 0) await audit(ctx, { action: 'directory.seed', entityType: 'Directory', entityId: null, changes: { inserted } });
  return { inserted };
}
