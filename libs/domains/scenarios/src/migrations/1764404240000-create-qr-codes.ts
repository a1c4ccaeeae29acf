import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertBusinessRuleVersions } from '@platform/core';
import { QR_SECTOR_LISTS_SEEDS } from '../business-rules/qr-codes';

const AUDIT_COLUMNS = `created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), version int NOT NULL DEFAULT 1`;

/**
 * QR codes (issue 22, 安全隐患码上除): codes per enterprise or place with their daily scan counts, the
 * owners' monthly self-checks, and the rule `scenarios.qr-sector-lists` (tip categories and self-check
 * lists by sector).
 */
export class CreateQrCodes1764404240000 implements MigrationInterface {
  name = 'CreateQrCodes1764404240000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE qr_code (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[0-9A-HJKMNP-TV-Z]{12}$'),
        kind text NOT NULL CHECK (kind IN ('ENTERPRISE', 'PLACE')),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'REVOKED')),
        enterprise_id uuid REFERENCES organization (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        place_name text NOT NULL CHECK (length(btrim(place_name)) BETWEEN 2 AND 100),
        address text CHECK (address IS NULL OR length(btrim(address)) BETWEEN 1 AND 200),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        sector_code text NOT NULL,
        revoked_at timestamptz,
        revocation_reason text,
        ${AUDIT_COLUMNS},
        CHECK (kind = 'PLACE' OR enterprise_id IS NOT NULL),
        CHECK (enterprise_id IS NULL OR organization_id = enterprise_id),
        CHECK ((longitude IS NULL) = (latitude IS NULL)),
        CHECK ((status = 'REVOKED') = (revoked_at IS NOT NULL)),
        CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL))
      )`);
    // One active enterprise code per enterprise (places of it may have codes of their own).
    await q.query(`CREATE UNIQUE INDEX qr_code_enterprise_active_idx ON qr_code (enterprise_id) WHERE kind = 'ENTERPRISE' AND status = 'ACTIVE'`);
    await q.query(`CREATE INDEX qr_code_organization_idx ON qr_code (organization_id, created_at, id)`);
    await q.query(`CREATE INDEX qr_code_enterprise_idx ON qr_code (enterprise_id, created_at, id)`);
    await q.query(`CREATE INDEX qr_code_created_idx ON qr_code (created_at, id)`);
    await q.query(`CREATE INDEX qr_code_updated_idx ON qr_code (updated_at, id)`);
    await q.query(`CREATE INDEX qr_code_place_name_idx ON qr_code (place_name, id)`);
    await q.query(`COMMENT ON TABLE qr_code IS '安全隐患码上除: QR codes of enterprises and places; resolve publicly to the tip form prefilled, and for the owner to the self-check list'`);

    await q.query(`
      CREATE TABLE qr_code_scan_day (
        qr_code_id uuid NOT NULL REFERENCES qr_code (id),
        day date NOT NULL,
        scans int NOT NULL CHECK (scans > 0),
        PRIMARY KEY (qr_code_id, day)
      )`);
    await q.query(`CREATE INDEX qr_code_scan_day_day_idx ON qr_code_scan_day (day)`);
    await q.query(`COMMENT ON TABLE qr_code_scan_day IS 'Scans (resolutions) of a QR code per China day, counted by one upsert per scan'`);

    await q.query(`
      CREATE TABLE qr_self_check (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        qr_code_id uuid NOT NULL REFERENCES qr_code (id),
        enterprise_id uuid NOT NULL REFERENCES organization (id),
        period_month date NOT NULL CHECK (extract(day FROM period_month) = 1),
        submitted_at timestamptz NOT NULL,
        submitted_by_user_id uuid,
        rule_version_id uuid NOT NULL REFERENCES business_rule_version (id),
        items jsonb NOT NULL CHECK (jsonb_typeof(items) = 'array' AND jsonb_array_length(items) BETWEEN 1 AND 40),
        not_ok_count int NOT NULL CHECK (not_ok_count >= 0),
        ${AUDIT_COLUMNS},
        CHECK (not_ok_count <= jsonb_array_length(items)),
        UNIQUE (qr_code_id, period_month)
      )`);
    await q.query(`CREATE INDEX qr_self_check_code_idx ON qr_self_check (qr_code_id, period_month, id)`);
    await q.query(`CREATE INDEX qr_self_check_enterprise_idx ON qr_self_check (enterprise_id, period_month, id)`);
    await q.query(`CREATE INDEX qr_self_check_submitted_idx ON qr_self_check (submitted_at, id)`);
    await q.query(`CREATE INDEX qr_self_check_period_idx ON qr_self_check (period_month, id)`);
    await q.query(`CREATE INDEX qr_self_check_updated_idx ON qr_self_check (updated_at, id)`);
    await q.query(`COMMENT ON TABLE qr_self_check IS 'Owners'' monthly self-checks at QR codes; each NOT_OK item raised a SELF_CHECK hazard (its id kept in items)'`);
    await insertBusinessRuleVersions(q, QR_SECTOR_LISTS_SEEDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE qr_self_check`);
    await q.query(`DROP TABLE qr_code_scan_day`);
    await q.query(`DROP TABLE qr_code`);
    // The rule's versions stay: versions are never deleted (the table refuses it).
  }
}
