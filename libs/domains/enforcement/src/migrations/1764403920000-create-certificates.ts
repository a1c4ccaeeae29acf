import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertBusinessRuleVersions } from '@platform/core';
import { CERTIFICATE_RULE_SEEDS } from '../business-rules/certificates';

/**
 * Certificates: inspectors' enforcement certificates (行政执法证) by legal subject, special-operation
 * certificates (特种作业操作证) of enterprises' workers with the rule version that set their validity
 * and reviews, the reviews (复审), and the first version of the certificate rule.
 */
export class CreateCertificates1764403920000 implements MigrationInterface {
  name = 'CreateCertificates1764403920000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE enforcement_certificate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person (id),
        number text NOT NULL CHECK (length(btrim(number)) > 0),
        issuing_authority text NOT NULL CHECK (length(btrim(issuing_authority)) > 0),
        legal_subject_organization_id uuid NOT NULL REFERENCES organization (id),
        enforcement_field text NOT NULL CHECK (length(btrim(enforcement_field)) > 0),
        valid_from date NOT NULL,
        valid_to date NOT NULL,
        revoked_on date,
        revocation_reason text,
        previous_certificate_id uuid REFERENCES enforcement_certificate (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CONSTRAINT enforcement_certificate_number_key UNIQUE (number),
        -- A certificate is renewed once.
        CONSTRAINT enforcement_certificate_previous_key UNIQUE (previous_certificate_id),
        CHECK (valid_to > valid_from),
        CHECK ((revoked_on IS NULL) = (revocation_reason IS NULL)),
        CHECK (previous_certificate_id <> id)
      )`);
    // The check of an inspection's inspectors looks up holders by person and legal subject.
    await q.query(`CREATE INDEX enforcement_certificate_person_idx ON enforcement_certificate (person_id, valid_to, id)`);
    await q.query(`CREATE INDEX enforcement_certificate_subject_idx ON enforcement_certificate (legal_subject_organization_id, valid_to, id)`);
    await q.query(`CREATE INDEX enforcement_certificate_valid_to_idx ON enforcement_certificate (valid_to, id)`);
    await q.query(`CREATE INDEX enforcement_certificate_created_idx ON enforcement_certificate (created_at, id)`);
    await q.query(`COMMENT ON TABLE enforcement_certificate IS '行政执法证: enforcement certificates of inspectors by legal subject, with validity, revocation and renewal'`);

    await q.query(`
      CREATE TABLE special_operation_certificate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person (id),
        enterprise_id uuid NOT NULL REFERENCES organization (id),
        operation_type text NOT NULL CHECK (operation_type IN ('ELECTRICAL', 'WELDING_AND_CUTTING', 'WORK_AT_HEIGHT', 'REFRIGERATION', 'MINE_SAFETY', 'OIL_AND_GAS', 'METALLURGY_GAS', 'HAZARDOUS_CHEMICALS', 'FIREWORKS', 'OTHER')),
        operation_item text NOT NULL CHECK (length(btrim(operation_item)) > 0),
        number text NOT NULL CHECK (length(btrim(number)) > 0),
        issued_on date NOT NULL,
        issuing_authority text NOT NULL CHECK (length(btrim(issuing_authority)) > 0),
        rule_version_id uuid NOT NULL REFERENCES business_rule_version (id),
        valid_until date NOT NULL,
        review_due_on date NOT NULL,
        revoked_on date,
        revocation_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CONSTRAINT special_operation_certificate_number_key UNIQUE (number, operation_item, issued_on),
        CHECK (valid_until > issued_on),
        CHECK (review_due_on > issued_on),
        CHECK (revoked_on IS NULL OR revoked_on >= issued_on),
        CHECK ((revoked_on IS NULL) = (revocation_reason IS NULL))
      )`);
    // The lists' default order: the day the holder next has to act (the review when it comes before expiry, else the expiry).
    await q.query(`CREATE INDEX special_operation_certificate_enterprise_idx ON special_operation_certificate (enterprise_id, (CASE WHEN review_due_on < valid_until THEN review_due_on ELSE valid_until END), id)`);
    await q.query(`CREATE INDEX special_operation_certificate_next_due_idx ON special_operation_certificate ((CASE WHEN review_due_on < valid_until THEN review_due_on ELSE valid_until END), id)`);
    await q.query(`CREATE INDEX special_operation_certificate_person_idx ON special_operation_certificate (person_id, issued_on)`);
    await q.query(`CREATE INDEX special_operation_certificate_valid_until_idx ON special_operation_certificate (valid_until, id)`);
    await q.query(`CREATE INDEX special_operation_certificate_created_idx ON special_operation_certificate (created_at, id)`);
    await q.query(`COMMENT ON TABLE special_operation_certificate IS '特种作业操作证: certificates of special operators by employer enterprise, with the rule version that set validity and reviews'`);

    await q.query(`
      CREATE TABLE special_operation_certificate_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        certificate_id uuid NOT NULL REFERENCES special_operation_certificate (id),
        reviewed_on date NOT NULL,
        result text NOT NULL CHECK (result IN ('PASSED', 'FAILED')),
        authority text NOT NULL CHECK (length(btrim(authority)) > 0),
        note text,
        extended_interval boolean NOT NULL DEFAULT false,
        years_in_trade int CHECK (years_in_trade BETWEEN 0 AND 60),
        due_on_before date NOT NULL,
        due_on_after date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        -- A passed review moves the due day on; a failed one leaves it and never extends the interval.
        CHECK (result <> 'PASSED' OR due_on_after > due_on_before),
        CHECK (result <> 'FAILED' OR (due_on_after = due_on_before AND NOT extended_interval)),
        CHECK (NOT extended_interval OR years_in_trade IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX special_operation_certificate_review_certificate_idx ON special_operation_certificate_review (certificate_id, reviewed_on, created_at, id)`);
    await q.query(`COMMENT ON TABLE special_operation_certificate_review IS '特种作业操作证复审: reviews of special-operation certificates and the due day before and after each'`);
    await insertBusinessRuleVersions(q, CERTIFICATE_RULE_SEEDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE special_operation_certificate_review`);
    await q.query(`DROP TABLE special_operation_certificate`);
    await q.query(`DROP TABLE enforcement_certificate`);
    // The rule's versions stay: versions are never deleted (the table refuses it), and records elsewhere may name them.
  }
}
