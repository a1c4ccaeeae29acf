import { defineRules, type RuleOf } from '@platform/core';
import { enforcementRules } from '../enforcement.rules';

/**
 * The validation rules of enforcement documents (`extensions.fields[].rule`), on top of the module's
 * and the kernel's (`required` for a missing template field, `state` for correcting a document that
 * was corrected already). Raise them with `documentRules.field(field, rule, message)`.
 */
export const documentRules = defineRules(
  [
    /** A template that does not parse (an unclosed section or tag), or uses a partial. */
    'templateSyntax',
    /** An HTML template writing a value unescaped (`{{{x}}}` or `{{& x}}`). */
    'unescaped',
    /** A name a template uses but does not declare, or a field value given that the template does not declare. */
    'undeclaredField',
    /** A field declared with a name the renderer gives itself (`number`, `issuedOn`, `organization`, …). */
    'reservedName',
    /** A field value of the wrong shape for its declared type (text, a YYYY-MM-DD day, a list of rows). */
    'fieldType',
    /** An issuing organization with no document short name (文书代字) configured: it cannot number documents. */
    'issuer',
  ] as const,
  enforcementRules,
);

export type DocumentRule = RuleOf<typeof documentRules>;
