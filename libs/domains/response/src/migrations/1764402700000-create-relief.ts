import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 救灾救助 (work-plan point 十五: relief paid in full to the right person): relief cases of households
 * with their approval path (申请→村评议→公示→镇审核→审批), the steps taken, and the payments to the
 * payee. The case keeps the sum paid so far; a CHECK keeps it at or below the approved amount.
 * Runs after the incidents migration (1764402600000), whose `incident` table a case may follow from.
 */
export class CreateRelief1764402700000 implements MigrationInterface {
  name = 'CreateRelief1764402700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE relief_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        household_id uuid REFERENCES joint_defense_household (id) ON DELETE SET NULL,
        head_name text NOT NULL CHECK (length(btrim(head_name)) > 0),
        address text NOT NULL CHECK (length(btrim(address)) > 0),
        kind text NOT NULL CHECK (kind IN ('EMERGENCY_PERIOD','TRANSITIONAL','WINTER_SPRING','DROUGHT','DEATH_CONDOLENCE','HOUSE_REBUILD','HOUSE_REPAIR')),
        incident_id uuid REFERENCES incident (id) ON DELETE SET NULL,
        basis text NOT NULL CHECK (length(btrim(basis)) > 0),
        requested_amount_yuan numeric(12,2) NOT NULL CHECK (requested_amount_yuan > 0),
        approved_amount_yuan numeric(12,2) CHECK (approved_amount_yuan > 0),
        paid_amount_yuan numeric(12,2) NOT NULL DEFAULT 0 CHECK (paid_amount_yuan >= 0 AND paid_amount_yuan <= coalesce(approved_amount_yuan, 0)),
        due_by date NOT NULL,
        status text NOT NULL CHECK (status IN ('APPLIED','ASSESSED','NOTICE','REVIEWED','APPROVED','REJECTED','PAID')),
        notice_starts_on date,
        notice_ends_on date,
        rejection_reason text,
        paid_in_full_on date,
        CHECK (notice_ends_on >= notice_starts_on),
        CHECK ((notice_starts_on IS NULL) = (notice_ends_on IS NULL)),
        CHECK (status IN ('APPLIED','ASSESSED') OR notice_starts_on IS NOT NULL),
        CHECK ((status IN ('APPROVED','PAID')) = (approved_amount_yuan IS NOT NULL)),
        CHECK ((status = 'REJECTED') = (rejection_reason IS NOT NULL)),
        CHECK ((status = 'PAID') = (paid_in_full_on IS NOT NULL)),
        CHECK (status <> 'PAID' OR paid_amount_yuan = approved_amount_yuan)
      )`);
    await q.query(`CREATE INDEX relief_case_organization_idx ON relief_case (organization_id)`);
    await q.query(`CREATE INDEX relief_case_created_idx ON relief_case (created_at, id)`);
    // reliefPaymentCheck: approved and paid cases by their deadline.
    await q.query(`CREATE INDEX relief_case_due_idx ON relief_case (due_by, id) WHERE status IN ('APPROVED','PAID')`);
    await q.query(`CREATE INDEX relief_case_incident_idx ON relief_case (incident_id) WHERE incident_id IS NOT NULL`);
    await q.query(`CREATE INDEX relief_case_household_idx ON relief_case (household_id) WHERE household_id IS NOT NULL`);
    await q.query(`COMMENT ON TABLE relief_case IS '救灾救助案件: a household''s relief case, its approval path and the sum paid'`);
    await q.query(`COMMENT ON COLUMN relief_case.head_name IS 'personal data (户主)'`);
    await q.query(`
      CREATE TABLE relief_case_step (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES relief_case (id) ON DELETE CASCADE,
        action text NOT NULL CHECK (action IN ('apply','assess','startNotice','review','approve','reject','pay')),
        from_status text CHECK (from_status IN ('APPLIED','ASSESSED','NOTICE','REVIEWED','APPROVED','REJECTED','PAID')),
        to_status text NOT NULL CHECK (to_status IN ('APPLIED','ASSESSED','NOTICE','REVIEWED','APPROVED','REJECTED','PAID')),
        actor_kind text NOT NULL,
        actor_id uuid,
        actor_person_id uuid REFERENCES person (id),
        actor_name text NOT NULL,
        note text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX relief_case_step_case_at_idx ON relief_case_step (case_id, at, id)`);
    await q.query(`
      CREATE TABLE relief_payment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        case_id uuid NOT NULL REFERENCES relief_case (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organization (id),
        amount_yuan numeric(12,2) NOT NULL CHECK (amount_yuan > 0),
        paid_on date NOT NULL,
        payee_name text NOT NULL CHECK (length(btrim(payee_name)) > 0),
        payee_relation text NOT NULL CHECK (length(btrim(payee_relation)) > 0),
        payee_id_number text NOT NULL CHECK (payee_id_number ~ '^[0-9]{17}[0-9X]$'),
        account_reference text,
        method text NOT NULL CHECK (method IN ('BANK_TRANSFER','CASH','OTHER')),
        note text,
        recorded_by_kind text NOT NULL,
        recorded_by_id uuid,
        recorded_by_name text NOT NULL,
        CHECK (method <> 'BANK_TRANSFER' OR account_reference IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX relief_payment_case_idx ON relief_payment (case_id, paid_on, id)`);
    await q.query(`CREATE INDEX relief_payment_organization_idx ON relief_payment (organization_id)`);
    await q.query(`COMMENT ON TABLE relief_payment IS '救助资金发放: one payment of a relief case to its payee'`);
    await q.query(`COMMENT ON COLUMN relief_payment.payee_id_number IS 'sensitive personal data (居民身份证号码)'`);
    await q.query(`COMMENT ON COLUMN relief_payment.account_reference IS 'sensitive personal data (bank or social security card number)'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE relief_payment`);
    await q.query(`DROP TABLE relief_case_step`);
    await q.query(`DROP TABLE relief_case`);
  }
}
