import type { OrganizationKind } from '../organizations/organization-kind.enum';
import type { Gender } from '../persons/gender.enum';

/** A seed organization. `key` is a stable slug from which the UUID is derived; `parentKey` likewise. */
export interface SeedOrganization {
  readonly key: string;
  readonly parentKey: string | null;
  readonly kind: OrganizationKind;
  readonly name: string;
  readonly shortName?: string;
  /** 统一社会信用代码 (18 chars, valid check digit) for enterprises/institutions; 行政区划代码 (12 digits) for town/villages/communities. */
  readonly code?: string;
  readonly address?: string;
  readonly longitude?: number;
  readonly latitude?: number;
  readonly contacts?: ReadonlyArray<{ name: string; role: string | null; phone: string }>;
  readonly enterprise?: {
    readonly sectorCode: string;
    readonly employeeCount: number;
    readonly legalRepresentative: string;
    readonly businessScope: string;
    /** key of a SeedPerson */
    readonly safetyManagerKey?: string;
  };
}

export interface SeedPerson {
  readonly key: string;
  readonly name: string;
  readonly gender: Gender;
  readonly phone: string;
  /** 18-character resident ID number with a valid GB 11643 check digit. */
  readonly idNumber: string;
}

export interface SeedPosition {
  readonly personKey: string;
  readonly organizationKey: string;
  readonly title: string;
  readonly isLead: boolean;
  readonly startedOn: string;
}

export interface TownData {
  readonly organizations: readonly SeedOrganization[];
  readonly persons: readonly SeedPerson[];
  readonly positions: readonly SeedPosition[];
}
