import { defineRules, type RuleOf } from '@platform/core';
import { scenariosRules } from '../scenarios.rules';

/** The QR codes part's validation rules (`extensions.fields[].rule`), on top of the module's and the kernel's. */
export const qrCodeRules = defineRules(
  [
    /** A code that is not 12 characters of Crockford base 32 (after dashes and spaces are dropped). */
    'qrCode',
    /** The organization named is not of the kind the code needs (an enterprise; a village, community or grid for a public place). */
    'organizationKind',
    /** A self-check that does not answer every item of its list exactly once, or names an item not on it. */
    'selfCheckItems',
    /** A self-check at a code with no enterprise (a public place has no owner to check it). */
    'selfCheckOwner',
  ] as const,
  scenariosRules,
);

export type QrCodeRule = RuleOf<typeof qrCodeRules>;
