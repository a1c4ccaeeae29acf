import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The Open311 services as first seeded: one per tip category (`TipCategory`), coded in lower kebab case. */
export const OPEN311_SERVICE_SEED = [
  {
    serviceCode: 'major-hazard',
    category: 'MAJOR_HAZARD',
    serviceName: '重大事故隐患',
    description: '可能导致群死群伤或重大财产损失、依照重大事故隐患判定标准认定的隐患，如危险化学品违规储存、违规动火作业、矿山超层越界开采。Major accident hazards as the national criteria define them.',
    keywords: '重大隐患,事故隐患,危险化学品,动火,矿山',
    group: '安全隐患',
  },
  {
    serviceCode: 'hazard',
    category: 'HAZARD',
    serviceName: '一般事故隐患',
    description: '生产经营场所的一般安全隐患，如安全通道堵塞、设备缺少防护、警示标志缺失。Ordinary accident hazards at a workplace.',
    keywords: '隐患,安全通道,防护装置,警示标志',
    group: '安全隐患',
  },
  {
    serviceCode: 'illegal-operation',
    category: 'ILLEGAL_OPERATION',
    serviceName: '非法违法生产经营建设',
    description: '无证照或超范围生产经营建设、关闭取缔后擅自恢复生产、拒不执行停产停业指令。Production, business or construction without licence or against an order.',
    keywords: '无证经营,非法生产,违法建设,停产整顿',
    group: '违法行为',
  },
  {
    serviceCode: 'concealed-accident',
    category: 'CONCEALED_ACCIDENT',
    serviceName: '瞒报谎报事故',
    description: '生产安全事故发生后不报、迟报、漏报、谎报或者瞒报；涉及死亡的举报由县级以上人民政府核查。An accident concealed or falsely reported; tips involving deaths are verified by the district.',
    keywords: '事故,瞒报,谎报,迟报,死亡',
    group: '生产安全事故',
  },
  {
    serviceCode: 'fire-safety',
    category: 'FIRE_SAFETY',
    serviceName: '消防安全隐患',
    description: '消防通道堵塞、消防设施损坏、违规用火用电、人员密集场所安全出口封闭、电动自行车违规充电。Fire-safety hazards.',
    keywords: '消防,火灾,消防通道,安全出口,电动车充电',
    group: '消防安全',
  },
  {
    serviceCode: 'other',
    category: 'OTHER',
    serviceName: '其他安全生产问题',
    description: '其他安全生产和防灾减灾方面的问题。Anything else about work safety or disasters.',
    keywords: '其他,安全生产,防灾减灾',
    group: '其他',
  },
] as const;

const CATEGORIES = `('MAJOR_HAZARD', 'HAZARD', 'ILLEGAL_OPERATION', 'CONCEALED_ACCIDENT', 'FIRE_SAFETY', 'OTHER')`;

/**
 * The Open311 GeoReport v2 service list (GET /open311/v2/services.json): one service per tip
 * category, its code in lower kebab case, its name and description in Chinese, keywords and group.
 * Every service is `realtime` (a service_request_id, the tip's tracking code, is answered at once) and
 * has `metadata` false (its definition's attributes are all optional). Data, not constants: an admin
 * may reword a service in SQL; the category it files tips under is fixed by its code.
 */
export class CreateOpen311Services1764404150000 implements MigrationInterface {
  name = 'CreateOpen311Services1764404150000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE open311_service (
        service_code text PRIMARY KEY CHECK (service_code ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' AND length(service_code) <= 40),
        category text NOT NULL UNIQUE CHECK (category IN ${CATEGORIES}),
        service_name text NOT NULL CHECK (length(btrim(service_name)) BETWEEN 1 AND 100),
        description text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 1000),
        keywords text NOT NULL DEFAULT '' CHECK (length(keywords) <= 500),
        service_group text NOT NULL CHECK (length(btrim(service_group)) BETWEEN 1 AND 100),
        position int NOT NULL UNIQUE CHECK (position >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const [i, s] of OPEN311_SERVICE_SEED.entries()) {
      await q.query(`INSERT INTO open311_service (service_code, category, service_name, description, keywords, service_group, position) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        s.serviceCode,
        s.category,
        s.serviceName,
        s.description,
        s.keywords,
        s.group,
        i + 1,
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE open311_service`);
  }
}
