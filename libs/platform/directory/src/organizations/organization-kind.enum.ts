import { registerEnumType } from 'type-graphql';

/** Kinds of organization in the town's directory. */
export enum OrganizationKind {
  TOWN_GOVERNMENT = 'TOWN_GOVERNMENT',
  DEPARTMENT = 'DEPARTMENT',
  VILLAGE = 'VILLAGE',
  COMMUNITY = 'COMMUNITY',
  GRID = 'GRID',
  ENTERPRISE = 'ENTERPRISE',
  PUBLIC_INSTITUTION = 'PUBLIC_INSTITUTION',
}

registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: '组织类型。What kind of body an organization is.',
  valuesConfig: {
    TOWN_GOVERNMENT: { description: '镇政府。The town government, root of the directory.' },
    DEPARTMENT: { description: '部门/办公室。An office or department of the town government.' },
    VILLAGE: { description: '村。A village (村民委员会).' },
    COMMUNITY: { description: '社区/居委。An urban community (居民委员会).' },
    GRID: { description: '网格。A grid-governance cell inside a village or community.' },
    ENTERPRISE: { description: '企业。A company operating in the town.' },
    PUBLIC_INSTITUTION: { description: '事业单位。A public institution such as a school or health centre.' },
  },
});

/** Which kinds may sit under which parent kinds. The town government is the only root. */
export const ALLOWED_PARENT_KINDS: Readonly<Record<OrganizationKind, readonly OrganizationKind[]>> = {
  [OrganizationKind.TOWN_GOVERNMENT]: [],
  [OrganizationKind.DEPARTMENT]: [OrganizationKind.TOWN_GOVERNMENT, OrganizationKind.DEPARTMENT],
  [OrganizationKind.VILLAGE]: [OrganizationKind.TOWN_GOVERNMENT],
  [OrganizationKind.COMMUNITY]: [OrganizationKind.TOWN_GOVERNMENT],
  [OrganizationKind.GRID]: [OrganizationKind.VILLAGE, OrganizationKind.COMMUNITY],
  [OrganizationKind.ENTERPRISE]: [OrganizationKind.TOWN_GOVERNMENT, OrganizationKind.VILLAGE, OrganizationKind.COMMUNITY, OrganizationKind.GRID],
  [OrganizationKind.PUBLIC_INSTITUTION]: [OrganizationKind.TOWN_GOVERNMENT, OrganizationKind.VILLAGE, OrganizationKind.COMMUNITY, OrganizationKind.GRID],
};
