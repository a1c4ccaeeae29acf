import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { createLogger, loadConfig, migrate, openDatabase, runSeeds, selectModules } from '@platform/server';
import { AVAILABLE_MODULES, expandModuleGroups } from '../../apps/gateway/src/available-modules';
// The directory seed's own check-character code, so bench enterprises carry valid credit codes too.
import { creditCode } from '../../libs/platform/directory/src/seed/codes';
// The warnings module's own identifier rules, so bench warnings carry valid national identifiers.
import { defaultIssuerCode, warningIdentifier } from '../../libs/domains/warnings/src/warnings/warning-identifier';

/**
 * `npm run bench:seed`: the benchmark's database. The project's migrations and demo seed (with the
 * demo accounts), then a deterministic top-up in SQL: enterprises under the villages up to ~200
 * organizations, 50,000 hazards over all of them and their history (~100,000 steps). Every
 * "random" value is a hash of a row number, so two runs build the same rows; a second run on a
 * full database changes nothing (except applying new migrations). Then BENCH_WARNINGS graded warnings
 * (Q4), each delivered to the villages and communities with who acknowledged it, added to a database
 * seeded before they existed too. Usage: npm run bench:seed -- [--reset] (BENCH_DATABASE_URL).
 */

export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/town_bench';
export const BENCH_HAZARDS = 50_000;
/** Organizations wanted in total: the demo town's (~124) plus bench enterprises. */
export const BENCH_ORGANIZATIONS = 200;
/** Bench hazards are found in the two years before this moment (fixed, so the data never moves). */
const ANCHOR = '2026-08-31 18:00:00+08';
/** Bench warnings (Q4): the first BENCH_LIVE_WARNINGS in force, sent in the ten days before ANCHOR; the rest expired, over the two years before. */
export const BENCH_WARNINGS = 300;
export const BENCH_LIVE_WARNINGS = 40;
/**
 * Until when the live bench warnings are in force. Far beyond ANCHOR on purpose: the gateway's
 * escalation sweep (which runs at its start) marks ACTIVE records past their expiry EXPIRED by the
 * wall clock, which would empty Q4's live list the first time the benchmark starts the gateway.
 */
const LIVE_UNTIL = '2036-08-31T18:00:00+08:00';

export interface BenchCounts {
  readonly organizations: number;
  readonly enterprises: number;
  readonly persons: number;
  readonly users: number;
  readonly hazards: number;
  readonly hazardEvents: number;
  readonly hazardsByStatus: Readonly<Record<string, number>>;
  readonly warnings: number;
  readonly liveWarnings: number;
  readonly warningDeliveries: number;
}

export interface BenchSeedResult {
  /** True when the bench rows were written now; false when they were already there. */
  readonly seeded: boolean;
  /** Migrations applied now (the bench database follows the code's schema). */
  readonly migrations: readonly string[];
  readonly counts: BenchCounts;
  readonly ms: number;
}

export const benchDatabaseUrl = (env: NodeJS.ProcessEnv = process.env): string => env['BENCH_DATABASE_URL'] || DEFAULT_BENCH_DATABASE_URL;

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The database name of a URL and a URL of the same server's `postgres` database. */
export function adminTarget(url: string): { database: string; adminUrl: string } {
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!database) throw new Error(`${url}: no database name in the URL`);
  u.pathname = '/postgres';
  return { database, adminUrl: u.toString() };
}

/** Creates the database when missing; with `reset`, drops it first (closing its connections). */
async function ensureDatabase(url: string, reset: boolean): Promise<void> {
  const { database, adminUrl } = adminTarget(url);
  const admin = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await admin.connect();
  try {
    if (reset) await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${quoteIdent(database)}`);
  } finally {
    await admin.end();
  }
}

export async function readCounts(client: Client): Promise<BenchCounts> {
  const { rows } = await client.query<Record<string, string>>(`
    SELECT (SELECT count(*) FROM organization) AS organizations,
           (SELECT count(*) FROM organization WHERE kind = 'ENTERPRISE') AS enterprises,
           (SELECT count(*) FROM person) AS persons,
           (SELECT count(*) FROM app_user) AS users,
           (SELECT count(*) FROM hazard) AS hazards,
           (SELECT count(*) FROM hazard_event) AS hazard_events,
           (SELECT count(*) FROM warning) AS warnings,
           (SELECT count(*) FROM warning WHERE status = 'ACTIVE') AS live_warnings,
           (SELECT count(*) FROM warning_delivery) AS warning_deliveries`);
  const byStatus = await client.query<{ status: string; n: string }>('SELECT status, count(*) AS n FROM hazard GROUP BY status ORDER BY status');
  const r = rows[0]!;
  return {
    organizations: Number(r['organizations']),
    enterprises: Number(r['enterprises']),
    persons: Number(r['persons']),
    users: Number(r['users']),
    hazards: Number(r['hazards']),
    hazardEvents: Number(r['hazard_events']),
    hazardsByStatus: Object.fromEntries(byStatus.rows.map((s) => [s.status, Number(s.n)])),
    warnings: Number(r['warnings']),
    liveWarnings: Number(r['live_warnings']),
    warningDeliveries: Number(r['warning_deliveries']),
  };
}

/** Hazard count, or null when the schema is not there yet. */
async function hazardCount(client: Client): Promise<number | null> {
  const { rows } = await client.query<{ t: string | null }>(`SELECT to_regclass('public.hazard')::text AS t`);
  if (!rows[0]?.t) return null;
  const { rows: n } = await client.query<{ n: string }>('SELECT count(*) AS n FROM hazard');
  return Number(n[0]!.n);
}

/**
 * Pending migrations, then (with `seed`) the demo seed with the demo accounts, through the project's
 * own code. Returns the names of the migrations applied.
 */
async function migrateAndSeed(url: string, seed: boolean): Promise<string[]> {
  const config = { ...loadConfig({ ...process.env, DATABASE_URL: url, MODULES: 'all', LOG_LEVEL: 'warn' }, AVAILABLE_MODULES), migrateOnStart: false, demoAccounts: true };
  const log = createLogger(config.logLevel);
  const modules = selectModules(AVAILABLE_MODULES, expandModuleGroups(config.modules));
  const db = await openDatabase(config, modules, log);
  try {
    const applied = await migrate(db.dataSource, log);
    if (seed) await runSeeds(db.dataSource, modules, log, { demoAccounts: true });
    return applied;
  } finally {
    await db.close();
  }
}

// ---------------------------------------------------------------- bench enterprises

/** A stable UUID (SHA-1, version-5 layout) for a key, like the directory seed's ids. */
export function benchId(key: string): string {
  const h = createHash('sha1').update(`nanping-bench:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/** Deterministic draws for one key: the n-th 32-bit slice of SHA-256(key#block). */
function draws(key: string): (bound: number) => number {
  let block = 0;
  let buf = Buffer.alloc(0);
  let at = 0;
  return (bound) => {
    if (at + 4 > buf.length) {
      buf = createHash('sha256').update(`${key}#${block++}`).digest();
      at = 0;
    }
    const v = buf.readUInt32LE(at);
    at += 4;
    return v % bound;
  };
}

const TRADE_NAMES = [...'兴旺 永丰 鑫源 宏达 福泰 金鼎 顺利 瑞丰 恒发 华盛 长青 立信 宏图 富民 聚源 嘉禾 天宇 利达 昌盛 春晖 新源 益民 德兴 荣发'.split(' ')];
const BUSINESS_TYPES: ReadonlyArray<{ suffix: string; sector: string; employees: readonly [number, number]; scope: string; prefix: '91' | '92' }> = [
  { suffix: '五金厂', sector: 'MACHINERY', employees: [5, 25], prefix: '91', scope: '一般项目:五金产品制造、金属制品加工及销售。' },
  { suffix: '竹木加工厂', sector: 'LIGHT_INDUSTRY', employees: [6, 30], prefix: '91', scope: '一般项目:竹制品制造、木材加工、竹木制品销售。' },
  { suffix: '农机修理部', sector: 'MACHINERY', employees: [2, 6], prefix: '92', scope: '一般项目:农业机械维修、农机配件销售。' },
  { suffix: '建材经营部', sector: 'TRADE', employees: [2, 8], prefix: '92', scope: '一般项目:建筑材料、五金产品销售。' },
  { suffix: '砂石场', sector: 'BUILDING_MATERIALS', employees: [6, 20], prefix: '91', scope: '一般项目:建筑用石加工、机制砂生产及销售。' },
  { suffix: '生猪养殖场', sector: 'AGRICULTURE', employees: [3, 12], prefix: '91', scope: '许可项目:生猪养殖。一般项目:饲料销售。' },
  { suffix: '食品加工坊', sector: 'FOOD_PROCESSING', employees: [2, 8], prefix: '92', scope: '许可项目:食品小作坊经营(腌腊制品、豆制品)。' },
  { suffix: '汽车修理厂', sector: 'MACHINERY', employees: [4, 15], prefix: '91', scope: '一般项目:机动车修理和维护、汽车零配件销售。' },
  { suffix: '家具厂', sector: 'LIGHT_INDUSTRY', employees: [6, 25], prefix: '91', scope: '一般项目:家具制造、家具销售。' },
  { suffix: '茶叶加工厂', sector: 'FOOD_PROCESSING', employees: [5, 20], prefix: '91', scope: '许可项目:茶叶制品生产。一般项目:茶叶收购、销售。' },
  { suffix: '粮油加工厂', sector: 'FOOD_PROCESSING', employees: [4, 15], prefix: '91', scope: '许可项目:粮食加工食品生产、食用植物油加工。' },
  { suffix: '水泥预制板厂', sector: 'BUILDING_MATERIALS', employees: [6, 20], prefix: '91', scope: '一般项目:水泥制品制造、水泥预制构件销售。' },
  { suffix: '农家乐', sector: 'TOURISM', employees: [3, 10], prefix: '92', scope: '许可项目:餐饮服务、住宿服务。一般项目:休闲观光活动。' },
  { suffix: '液化气供应点', sector: 'GAS', employees: [2, 5], prefix: '92', scope: '许可项目:燃气经营(瓶装液化石油气零售,不含充装)。' },
];
const SURNAMES = [...'刘陈张王李杨黄赵周吴徐孙胡朱何郭罗梁宋郑谢韩唐冯董程曹袁邓许沈曾彭吕蒋蔡魏余潘杜夏钟汪田任姚谭廖邹熊秦冉向母甘付雷龚文万'];
const GIVEN = [...'伟刚勇毅俊峰强军平东文辉力明永健志兴良海山波宁贵福龙全胜学祥才发秀娟英华慧巧美娜静淑惠翠雅芝玉萍红玲芬芳燕'];
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

interface Area {
  id: string;
  kind: string;
  name: string;
  path: string;
  depth: number;
  longitude: number | null;
  latitude: number | null;
}

/** Enterprises under the villages and communities until the directory has BENCH_ORGANIZATIONS rows. */
async function topUpOrganizations(client: Client): Promise<number> {
  const candidates = Array.from({ length: BENCH_ORGANIZATIONS }, (_, i) => benchId(`enterprise:${i + 1}`));
  const { rows: others } = await client.query<{ n: string }>('SELECT count(*) AS n FROM organization WHERE NOT (id = ANY($1::uuid[]))', [candidates]);
  const wanted = Math.max(0, BENCH_ORGANIZATIONS - Number(others[0]!.n));
  if (!wanted) return 0;
  const { rows: areas } = await client.query<Area>(
    `SELECT id, kind, name, path::text AS path, depth, longitude, latitude FROM organization
     WHERE kind IN ('VILLAGE', 'COMMUNITY') AND archived_at IS NULL ORDER BY code, id`,
  );
  if (!areas.length) throw new Error('no villages to put bench enterprises under: the demo seed did not run');
  const { rows: existingCodes } = await client.query<{ code: string }>('SELECT code FROM organization WHERE code IS NOT NULL');
  const codes = new Set(existingCodes.map((c) => c.code));
  const names = new Set<string>();
  const orgs: unknown[] = [];
  const profiles: unknown[] = [];
  for (let i = 1; i <= wanted; i++) {
    const area = areas[(i - 1) % areas.length]!;
    const r = draws(`bench-enterprise:${i}`);
    let name: string;
    let type: (typeof BUSINESS_TYPES)[number];
    do {
      type = BUSINESS_TYPES[r(BUSINESS_TYPES.length)]!;
      name = `南川区南平镇${area.name}${TRADE_NAMES[r(TRADE_NAMES.length)]}${type.suffix}`;
    } while (names.has(name));
    names.add(name);
    let code: string;
    do {
      const body = `MA${['5U', '5Y', '60', '61', '6A'][r(5)]}${Array.from({ length: 4 }, () => CODE_CHARS[r(CODE_CHARS.length)]).join('')}`;
      code = creditCode(type.prefix, '500119', body);
    } while (codes.has(code));
    codes.add(code);
    const id = benchId(`enterprise:${i}`);
    const offset = () => (r(12_001) - 6_000) / 1e6;
    const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
    const phone = `023-71${String(r(1_000_000)).padStart(6, '0')}`;
    orgs.push({
      id,
      kind: 'ENTERPRISE',
      name,
      code,
      parent_id: area.id,
      path: `${area.path}.${id.replace(/-/g, '')}`,
      depth: area.depth + 1,
      address: area.kind === 'COMMUNITY' ? `重庆市南川区南平镇${area.name}${1 + r(200)}号` : `重庆市南川区南平镇${area.name}${1 + r(12)}组`,
      longitude: area.longitude === null ? null : round6(area.longitude + offset()),
      latitude: area.latitude === null ? null : round6(area.latitude + offset()),
      contacts: [{ name: '办公电话', role: null, phone }],
    });
    const first = GIVEN[r(GIVEN.length)]!;
    profiles.push({
      organization_id: id,
      sector_code: type.sector,
      employee_count: type.employees[0] + r(type.employees[1] - type.employees[0] + 1),
      legal_representative: SURNAMES[r(SURNAMES.length)]! + first + (r(10) < 3 ? '' : GIVEN[r(GIVEN.length)]!),
      business_scope: type.scope,
    });
  }
  const inserted = await client.query(
    `INSERT INTO organization (id, kind, name, code, parent_id, path, depth, address, longitude, latitude, contacts, created_at, updated_at)
     SELECT x.id, x.kind, x.name, x.code, x.parent_id, x.path::ltree, x.depth, x.address, x.longitude, x.latitude, x.contacts,
            timestamptz '2024-03-01 09:00:00+08' + make_interval(days => x.depth * 30), timestamptz '2024-03-01 09:00:00+08' + make_interval(days => x.depth * 30)
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, kind text, name text, code text, parent_id uuid, path text, depth int, address text,
                                            longitude double precision, latitude double precision, contacts jsonb)
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(orgs)],
  );
  await client.query(
    `INSERT INTO enterprise_profile (organization_id, sector_code, high_risk, employee_count, legal_representative, business_scope)
     SELECT x.organization_id, x.sector_code, s.high_risk, x.employee_count, x.legal_representative, x.business_scope
     FROM jsonb_to_recordset($1::jsonb) AS x(organization_id uuid, sector_code text, employee_count int, legal_representative text, business_scope text)
     JOIN industry_sector s ON s.code = x.sector_code
     ON CONFLICT (organization_id) DO NOTHING`,
    [JSON.stringify(profiles)],
  );
  return inserted.rowCount ?? 0;
}

// ---------------------------------------------------------------- bench hazards and their history

/** SQL: a UUID in the version-5 layout from an md5 hex string expression. */
const uuidFromMd5 = (h: string) =>
  `(substr(${h},1,8)||'-'||substr(${h},9,4)||'-5'||substr(${h},14,3)||'-'||to_hex((('x'||substr(${h},17,2))::bit(8)::int & 63) | 128)||substr(${h},19,2)||'-'||substr(${h},21,12))::uuid`;

/** SQL: an unsigned 32-bit draw from characters [from, from+8) of an md5 hex string. */
const draw = (h: string, from: number) => `('x'||substr(${h},${from},8))::bit(32)::bigint`;

const TITLES: Record<string, readonly string[]> = {
  WORK_SAFETY: ['安全警示标志缺失', '特种作业人员证书过期', '危险作业未办理审批', '设备防护罩缺失', '安全培训记录不全', '应急预案未演练', '静电接地线松动', '有限空间作业未检测', '劳动防护用品佩戴不规范', '叉车未定期检验', '配电箱未上锁', '气瓶未固定存放'],
  FIRE: ['灭火器压力不足', '疏散通道堆放杂物', '安全出口指示灯损坏', '消防栓水压不足', '电气线路私拉乱接', '消防控制室无人值守', '电动车违规室内充电', '防火门常闭失效'],
  GEOLOGICAL: ['厂区后坡出现裂缝', '挡墙排水孔堵塞', '房屋后侧边坡局部垮塌', '山体落石威胁道路'],
  FLOOD: ['排水沟淤塞', '低洼仓库无防水挡板', '河堤护坡冲刷', '涵洞过水能力不足'],
  FOREST_FIRE: ['林区周边违规用火', '防火隔离带杂草未清', '林下堆放可燃物'],
  ROAD_TRAFFIC: ['急弯路段缺少警示标志', '临水临崖路段护栏缺失', '货车超载运输'],
  OTHER: ['自建房加层未鉴定', '广告牌固定件锈蚀', '人员密集场所照明不足'],
};
const PLACES = ['配电室', '仓库', '生产车间', '办公楼', '厨房', '员工宿舍', '锅炉房', '装卸区', '储罐区', '停车场', '楼梯间', '门店'];
const MEASURES = ['按整改方案落实人防、物防、技防措施', '更换损坏设施并建立月检台账', '停用相关设备，检修合格后恢复使用', '清理现场并设置警示标识，加强日常巡查', '委托有资质单位治理，整改期间专人值守'];
/** The happy path, step by step; REJECTED is report then reject. */
const ACTIONS = ['report', 'confirm', 'planRectification', 'startRectification', 'submitRectification', 'verifyRectification', 'close'];
const STATES = ['REPORTED', 'CONFIRMED', 'PLANNED', 'RECTIFYING', 'SUBMITTED', 'VERIFIED', 'CLOSED'];

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;
const sqlArray = (items: readonly string[]) => `ARRAY[${items.map(sqlText).join(',')}]::text[]`;

/**
 * 50,000 hazards with every step of their history (so history always leads to the current state):
 * mostly early states, 1–3 steps, a tail through rectification to CLOSED (up to 7). ~103,000 steps.
 */
async function topUpHazards(client: Client): Promise<{ hazards: number; events: number }> {
  const titleCase = Object.entries(TITLES)
    .map(([category, titles]) => `WHEN '${category}' THEN (${sqlArray(titles)})[1 + (r6 % ${titles.length})]`)
    .join(' ');
  await client.query(`DROP TABLE IF EXISTS bench_hazard`);
  await client.query(`
    CREATE TEMP TABLE bench_hazard AS
    WITH pool AS (
      -- enterprises count three times: most hazards are found at companies
      SELECT o.id, o.longitude, o.latitude, p.safety_manager_id, row_number() OVER (ORDER BY o.path, w) - 1 AS i
      FROM organization o
      LEFT JOIN enterprise_profile p ON p.organization_id = o.id
      CROSS JOIN generate_series(1, 3) w
      WHERE o.archived_at IS NULL AND (w = 1 OR o.kind = 'ENTERPRISE')
    ),
    people AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM person),
    g AS (
      SELECT n, md5('bench-hazard:' || n) AS h, md5('bench-hazard-more:' || n) AS h2 FROM generate_series(1, ${BENCH_HAZARDS}) n
    ),
    d AS (
      SELECT n, h, ${draw('h', 1)} AS r1, ${draw('h', 9)} AS r2, ${draw('h', 17)} AS r3, ${draw('h', 25)} AS r4,
             ${draw('h2', 1)} AS r5, ${draw('h2', 9)} AS r6, ${draw('h2', 17)} AS r7, ${draw('h2', 25)} AS r8
      FROM g
    ),
    s AS (
      SELECT d.*,
        CASE WHEN r1 % 100 < 44 THEN 'REPORTED' WHEN r1 % 100 < 69 THEN 'CONFIRMED' WHEN r1 % 100 < 77 THEN 'REJECTED'
             WHEN r1 % 100 < 89 THEN 'PLANNED' WHEN r1 % 100 < 93 THEN 'RECTIFYING' WHEN r1 % 100 < 95 THEN 'SUBMITTED'
             WHEN r1 % 100 < 96 THEN 'VERIFIED' ELSE 'CLOSED' END AS status,
        CASE WHEN r2 % 100 < 55 THEN 'WORK_SAFETY' WHEN r2 % 100 < 80 THEN 'FIRE' WHEN r2 % 100 < 85 THEN 'GEOLOGICAL'
             WHEN r2 % 100 < 90 THEN 'FLOOD' WHEN r2 % 100 < 94 THEN 'FOREST_FIRE' WHEN r2 % 100 < 98 THEN 'ROAD_TRAFFIC' ELSE 'OTHER' END AS category,
        timestamptz '${ANCHOR}' - make_interval(mins => (r3 % (730 * 24 * 60))::int) AS found_at,
        18 + (r7 % 54)::int AS step_hours
      FROM d
    ),
    t AS (
      SELECT s.*,
        CASE status WHEN 'REPORTED' THEN 1 WHEN 'CONFIRMED' THEN 2 WHEN 'REJECTED' THEN 2 WHEN 'PLANNED' THEN 3
                    WHEN 'RECTIFYING' THEN 4 WHEN 'SUBMITTED' THEN 5 WHEN 'VERIFIED' THEN 6 ELSE 7 END AS steps,
        status NOT IN ('REPORTED', 'REJECTED') AS confirmed,
        status NOT IN ('REPORTED', 'REJECTED', 'CONFIRMED') AS planned,
        status NOT IN ('REPORTED', 'REJECTED') AND r5 % 100 < 5 AS major
      FROM s
    )
    SELECT t.n, ${uuidFromMd5('t.h')} AS id, o.id AS organization_id, t.status, t.category, t.found_at, t.steps, t.step_hours,
      t.confirmed, t.planned, t.major,
      t.found_at + interval '10 minutes' + make_interval(hours => (t.steps - 1) * t.step_hours) AS last_at,
      CASE WHEN t.category IN ('WORK_SAFETY', 'FIRE') THEN (${sqlArray(PLACES)})[1 + (t.r8 % ${PLACES.length})] ELSE '' END
        || CASE t.category ${titleCase} END AS title,
      (ARRAY['SELF_CHECK','SELF_CHECK','INSPECTION','GRID_PATROL','EXPERT_VISIT','PUBLIC_REPORT','SENSOR'])[1 + (t.r4 / 7 % 7)] AS source,
      (${sqlArray(MEASURES)})[1 + (t.r5 / 100 % ${MEASURES.length})] AS measures,
      coalesce(o.safety_manager_id, (SELECT pe.id FROM people pe WHERE pe.i = t.r6 % (SELECT count(*) FROM people))) AS responsible_person_id,
      round((500 + t.r7 % 4950000 / 100.0)::numeric, 2) AS funds,
      ((t.found_at AT TIME ZONE 'Asia/Shanghai')::date + (15 + (t.r8 / 100 % 46))::int) AS deadline,
      t.major AND t.r5 / 100 % 2 = 0 AS listed,
      CASE WHEN o.longitude IS NULL THEN NULL ELSE round((o.longitude + ((t.r8 % 2001) - 1000) / 500000.0)::numeric, 6)::double precision END AS longitude,
      CASE WHEN o.latitude IS NULL THEN NULL ELSE round((o.latitude + ((t.r6 % 2001) - 1000) / 500000.0)::numeric, 6)::double precision END AS latitude
    FROM t JOIN pool o ON o.i = t.r4 % (SELECT count(*) FROM pool)`);

  const hazards = await client.query(`
    INSERT INTO hazard (id, organization_id, title, description, category, source, found_at, status, grade, criteria_reference,
                        measures, responsible_person_id, funds, deadline, listed_supervision, closed_at, overdue_announced_at,
                        longitude, latitude, emergency_measures, created_at, updated_at, version)
    SELECT id, organization_id, title, '现场检查发现：' || title || '。', category, source, found_at, status,
      CASE WHEN NOT confirmed THEN NULL WHEN major THEN 'MAJOR' ELSE 'GENERAL' END,
      CASE WHEN major THEN '重庆市重大事故隐患判定标准（相关行业）' END,
      CASE WHEN planned THEN measures END,
      CASE WHEN planned THEN responsible_person_id END,
      CASE WHEN planned THEN funds END,
      CASE WHEN planned THEN deadline END,
      listed,
      CASE WHEN status = 'CLOSED' THEN last_at END,
      -- open and past its deadline: announced overdue the morning after, as the sweep would have
      CASE WHEN planned AND status <> 'CLOSED' THEN ((deadline + 1)::timestamp + interval '5 minutes') AT TIME ZONE 'Asia/Shanghai' END,
      longitude, latitude,
      CASE WHEN major AND planned THEN '设置警戒区，停用相关设备，专人值守至整改完成' END,
      found_at + interval '10 minutes', last_at, steps
    FROM bench_hazard
    ON CONFLICT (id) DO NOTHING`);

  const events = await client.query(`
    INSERT INTO hazard_event (id, hazard_id, action, from_status, to_status, actor_kind, actor_id, note, at)
    SELECT ${uuidFromMd5(`md5('bench-hazard-event:' || b.n || ':' || k)`)}, b.id,
      CASE WHEN b.status = 'REJECTED' AND k = 2 THEN 'reject' ELSE (${sqlArray(ACTIONS)})[k] END,
      CASE WHEN k = 1 THEN NULL ELSE (${sqlArray(STATES)})[k - 1] END,
      CASE WHEN b.status = 'REJECTED' AND k = 2 THEN 'REJECTED' ELSE (${sqlArray(STATES)})[k] END,
      'system', NULL,
      CASE WHEN b.status = 'REJECTED' AND k = 2 THEN '经核实不构成隐患' WHEN k = 7 THEN '整改完成，验收合格，同意销号' END,
      b.found_at + interval '10 minutes' + make_interval(hours => (k - 1) * b.step_hours)
    FROM bench_hazard b CROSS JOIN LATERAL generate_series(1, b.steps) k
    ON CONFLICT (id) DO NOTHING`);
  await client.query(`DROP TABLE bench_hazard`);
  return { hazards: hazards.rowCount ?? 0, events: events.rowCount ?? 0 };
}

// ---------------------------------------------------------------- bench warnings, deliveries and acknowledgements (Q4)

type Level = 'BLUE' | 'YELLOW' | 'ORANGE' | 'RED';

/** What one hazard type's warnings say: event names, the source, the forecast (from draws) and what to do. */
interface WarningKind {
  readonly type: string;
  /** Share out of 100. */
  readonly weight: number;
  readonly source: string;
  readonly events: ReadonlyArray<{ readonly name: string; readonly description: (r: (bound: number) => number, villages: readonly string[], level: Level) => string; readonly instruction: string }>;
}

const RISK_WORD: Readonly<Record<Level, string>> = { BLUE: '较高', YELLOW: '较高', ORANGE: '高', RED: '很高' };
const FIRE_DANGER: Readonly<Record<Level, string>> = { BLUE: '三级', YELLOW: '三级', ORANGE: '四级', RED: '五级' };
const LEVEL_COLOUR: Readonly<Record<Level, string>> = { BLUE: '蓝色', YELLOW: '黄色', ORANGE: '橙色', RED: '红色' };

const WARNING_KINDS: readonly WarningKind[] = [
  {
    type: 'RAINSTORM',
    weight: 30,
    source: '南川区气象局',
    events: [
      {
        name: '暴雨',
        description: (r) => {
          const low = 30 + 10 * r(8);
          return `受${['高空低槽东移', '西南暖湿气流', '低涡切变'][r(3)]}影响，预计未来${[12, 24][r(2)]}小时南平镇大部地区累计雨量可达${low}～${low + 40}毫米，局地伴有短时强降水和雷电大风，山区易发山洪、滑坡。`;
        },
        instruction: '各村（社区）落实24小时值班；地灾隐患点监测员加密巡查，危险区域群众提前转移；停止户外作业，关闭涉水景点。',
      },
    ],
  },
  {
    type: 'GEOLOGICAL',
    weight: 20,
    source: '南川区规划和自然资源局',
    events: [
      {
        name: '地质灾害气象风险',
        description: (_r, villages, level) => `受持续降雨影响，南平镇${villages.slice(0, 3).join('、')}等地发生滑坡、崩塌、泥石流等地质灾害的气象风险${RISK_WORD[level]}。`,
        instruction: '地灾隐患点监测员加密监测，每2小时报告一次；受威胁群众做好转移准备，发现险情立即撤离并报告。',
      },
    ],
  },
  {
    type: 'FOREST_FIRE',
    weight: 15,
    source: '南川区林业局',
    events: [
      {
        name: '森林火险',
        description: (r, _v, level) => `近期持续晴热少雨，林区可燃物干燥，预计未来${3 + r(5)}天南平镇森林火险等级达${FIRE_DANGER[level]}，极易发生森林火灾。`,
        instruction: '严禁一切野外用火，护林员加强巡山，劝阻上山祭祀用火；扑火队伍做好集结准备。',
      },
    ],
  },
  {
    type: 'METEOROLOGICAL',
    weight: 15,
    source: '南川区气象局',
    events: [
      { name: '高温', description: (r) => `预计未来${3 + r(3)}天南平镇最高气温将达${35 + r(5)}℃以上。`, instruction: '减少中午时段户外作业，注意防暑降温；加强用电用火安全巡查。' },
      { name: '大风', description: (r) => `预计未来12小时南平镇将出现${7 + r(3)}级以上阵风，并伴有雷电。`, instruction: '加固棚架、广告牌等临时设施，停止高空和户外作业。' },
      { name: '冰雹', description: () => '预计未来6小时南平镇部分地区将出现冰雹，并伴有雷电和短时强降水。', instruction: '做好农作物和设施大棚防护，人员避免在户外逗留。' },
      { name: '寒潮', description: (r) => `受强冷空气影响，预计未来48小时南平镇气温将下降${8 + r(5)}℃以上，高海拔地区有道路结冰。`, instruction: '做好防寒保暖和道路交通安全防范，注意用火用电安全。' },
      { name: '雷电', description: () => '预计未来6小时南平镇将发生雷电活动，可能伴有短时强降水和大风。', instruction: '人员避免在空旷地带和大树下停留，暂停户外作业。' },
    ],
  },
  {
    type: 'FLOOD',
    weight: 12,
    source: '南川区水利局',
    events: [
      {
        name: '山洪灾害气象风险',
        description: (r) => `受强降雨影响，预计未来24小时南平镇辖区河流水位将上涨${1 + r(2)}～${3 + r(2)}米，沿河低洼地带和山洪沟道发生山洪灾害的可能性较大。`,
        instruction: '沿河低洼地带和临河住户做好转移准备；巡查山坪塘、河堤，禁止群众涉水和在河边逗留。',
      },
    ],
  },
  {
    type: 'DROUGHT',
    weight: 8,
    source: '南川区气象局',
    events: [
      {
        name: '干旱',
        description: (r) => `南平镇已连续${20 + r(30)}天无有效降水，部分村（社区）出现人畜饮水困难，旱情将持续发展。`,
        instruction: '排查人畜饮水困难户并建立台账，合理调度水源，必要时启动应急送水。',
      },
    ],
  },
];

const ACK_CHANNELS: ReadonlyArray<readonly [string, number]> = [
  ['PHONE', 40],
  ['APP', 30],
  ['SMS', 15],
  ['IN_PERSON', 10],
  ['RADIO', 5],
];
const ACK_NOTES: ReadonlyArray<string | null> = ['已通知各组组长', '已电话叫应，正在组织巡查', '已安排地灾监测员到岗巡查', '已在村广播通知', '收到，值班人员已到岗', null, null, null];

/** The entry of a weighted list that a draw out of the weights' sum falls on. */
function weighted<T>(items: ReadonlyArray<readonly [T, number]>, draw: number): T {
  let at = draw;
  for (const [item, weight] of items) {
    if (at < weight) return item;
    at -= weight;
  }
  return items[items.length - 1]![0];
}

interface Village {
  id: string;
  name: string;
  lead: Holder | null;
  emergency: Holder | null;
  informant: Holder | null;
}
interface Holder {
  personId: string;
  userId: string | null;
  title: string;
}

/**
 * The bench warnings, unless they are there: BENCH_WARNINGS CAP alerts of the town government (the
 * demo seed's issuer and its default identifier unit code), BENCH_LIVE_WARNINGS of them in force until
 * LIVE_UNTIL and the rest expired; each delivered to 8–15 villages and communities (all of them for
 * RED; the domain's targets, one delivery per record and organization), the lead answering. Most
 * deliveries are acknowledged within their level's deadline by the emergency officer, the lead or
 * the information officer, with a channel; the others stay PENDING after the escalation the sweep
 * would have made (the chain without duty rosters: the town's lead, then the emergency office's
 * head), their deadline cleared so the gateway's sweep leaves them alone.
 */
async function topUpWarnings(client: Client): Promise<{ warnings: number; deliveries: number }> {
  const ids = Array.from({ length: BENCH_WARNINGS }, (_, i) => benchId(`warning:${i + 1}`));
  const { rows: present } = await client.query<{ n: string }>('SELECT count(*) AS n FROM warning WHERE id = ANY($1::uuid[])', [ids]);
  if (Number(present[0]!.n) === BENCH_WARNINGS) return { warnings: 0, deliveries: 0 };

  const { rows: towns } = await client.query<{ id: string; name: string; shortName: string | null; code: string | null }>(
    `SELECT id, name, short_name AS "shortName", code FROM organization WHERE kind = 'TOWN_GOVERNMENT' AND archived_at IS NULL ORDER BY depth DESC, id LIMIT 1`,
  );
  const town = towns[0];
  if (!town?.code || !/^\d{12}$/.test(town.code)) throw new Error('no town government with a 12-digit division code to issue bench warnings: the demo seed did not run');
  const unitCode = defaultIssuerCode(town.code);
  const { rows: areas } = await client.query<{ id: string; name: string }>(
    `SELECT id, name FROM organization WHERE kind IN ('VILLAGE', 'COMMUNITY') AND parent_id = $1 AND archived_at IS NULL ORDER BY code, id`,
    [town.id],
  );
  if (!areas.length) throw new Error('no villages or communities to deliver bench warnings to: the demo seed did not run');

  // Who answers in each village: current positions of persons not archived, the earliest started first (as the sweep's chain takes them).
  const { rows: holders } = await client.query<{ organizationId: string; personId: string; userId: string | null; title: string; isLead: boolean }>(
    `SELECT pp.organization_id AS "organizationId", pp.person_id AS "personId", pp.title, pp.is_lead AS "isLead",
            (SELECT u.id FROM app_user u WHERE u.person_id = pp.person_id ORDER BY u.id LIMIT 1) AS "userId"
     FROM person_position pp JOIN person p ON p.id = pp.person_id AND p.archived_at IS NULL
     WHERE pp.ended_on IS NULL AND (pp.organization_id = ANY($1::uuid[]) OR pp.organization_id = $2 OR pp.organization_id IN (SELECT id FROM organization WHERE parent_id = $2 AND kind = 'DEPARTMENT'))
     ORDER BY coalesce(pp.started_on, DATE '9999-12-31'), pp.person_id`,
    [areas.map((a) => a.id), town.id],
  );
  const first = (organizationId: string, test: (h: (typeof holders)[number]) => boolean): Holder | null => {
    const h = holders.find((x) => x.organizationId === organizationId && test(x));
    return h ? { personId: h.personId, userId: h.userId, title: h.title } : null;
  };
  const villages: Village[] = areas.map((a) => ({
    id: a.id,
    name: a.name,
    lead: first(a.id, (h) => h.isLead),
    emergency: first(a.id, (h) => h.title === '应急专干'),
    informant: first(a.id, (h) => h.title === '灾害信息员'),
  }));
  // The escalation chain as the sweep names it: step 1 the town's lead (上级单位负责人), step 2 the emergency office's head (else the work-safety office's).
  const townName = town.shortName ?? town.name;
  const { rows: departments } = await client.query<{ id: string; name: string }>(
    `SELECT id, coalesce(short_name, name) AS name FROM organization WHERE parent_id = $1 AND kind = 'DEPARTMENT' AND archived_at IS NULL
       AND (name LIKE '应急管理%' OR short_name LIKE '应急%' OR name LIKE '安全生产%' OR short_name LIKE '安全%') ORDER BY name LIKE '应急管理%' OR short_name LIKE '应急%' DESC, name, id`,
    [town.id],
  );
  const stepTarget = (step: number, current: string | null): { personId: string; role: string } | null => {
    if (step === 1) {
      const lead = holders.find((h) => h.organizationId === town.id && h.isLead && h.personId !== current);
      return lead ? { personId: lead.personId, role: `上级单位负责人（${townName}${lead.title}）` } : null;
    }
    for (const department of departments) {
      const lead = holders.find((h) => h.organizationId === department.id && h.isLead && h.personId !== current);
      if (lead) return { personId: lead.personId, role: `${department.name}${lead.title}` };
    }
    return null;
  };
  const { rows: policyRows } = await client.query<{ level: Level; minutes: number; maxSteps: number }>('SELECT level, minutes, max_steps AS "maxSteps" FROM warning_escalation_policy');
  const policies = new Map(policyRows.map((p) => [p.level, p]));

  const anchor = Date.parse(ANCHOR.replace(' ', 'T').replace(/\+08$/, '+08:00'));
  const minute = 60_000;
  const warnings: unknown[] = [];
  const targets: unknown[] = [];
  const deliveries: unknown[] = [];
  const escalations: unknown[] = [];
  for (let n = 1; n <= BENCH_WARNINGS; n++) {
    const r = draws(`bench-warning:${n}`);
    const live = n <= BENCH_LIVE_WARNINGS;
    // Each warning its own slot of minutes, so no two share a second (their identifiers' serial is 0): 6 h apart when live, ~2.7 days when expired.
    const minutesBefore = live ? (n - 1) * 360 + r(360) : 10 * 24 * 60 + (n - BENCH_LIVE_WARNINGS - 1) * 3_900 + r(3_900);
    const sentAt = new Date(anchor - minutesBefore * minute - r(60) * 1000);
    const kind = weighted(WARNING_KINDS.map((k) => [k, k.weight] as const), r(100));
    const event = kind.events[r(kind.events.length)]!;
    const level = weighted<Level>([['BLUE', 40], ['YELLOW', 32], ['ORANGE', 20], ['RED', 8]], r(100));
    const policy = policies.get(level);
    if (!policy) throw new Error(`no escalation policy for ${level}`);
    // The villages it is aimed at: a shuffle of them, all for RED.
    const order = [...villages];
    for (let i = order.length - 1; i > 0; i--) {
      const j = r(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const aimed = level === 'RED' ? order : order.slice(0, Math.min(order.length, 8 + r(8)));
    const expiresAt = live ? new Date(LIVE_UNTIL) : new Date(sentAt.getTime() + [12, 24, 48, 72][r(4)]! * 60 * minute);
    const id = ids[n - 1]!;
    warnings.push({
      id,
      identifier: warningIdentifier(unitCode, sentAt, 0),
      status: live ? 'ACTIVE' : 'EXPIRED',
      issuer_organization_id: town.id,
      sender_name: town.name,
      source: kind.source,
      hazard_type: kind.type,
      event_name: event.name,
      level,
      headline: `${town.name}发布${event.name}${LEVEL_COLOUR[level]}预警`,
      description: event.description(r, aimed.map((v) => v.name), level),
      instruction: event.instruction,
      sent_at: sentAt.toISOString(),
      expires_at: expiresAt.toISOString(),
      // Expired ones were marked by the sweep at their expiry (one more version).
      updated_at: (live ? sentAt : expiresAt).toISOString(),
      version: live ? 1 : 2,
    });
    for (const village of aimed) {
      const deliveryId = benchId(`warning-delivery:${n}:${village.id}`);
      targets.push({ warning_id: id, organization_id: village.id, added_at: sentAt.toISOString() });
      const acknowledged = r(100) < (live ? 85 : 93);
      let responsible = village.lead?.personId ?? village.emergency?.personId ?? null;
      if (acknowledged) {
        const pick = r(100);
        const by = (pick < 60 ? village.emergency : pick < 85 ? village.lead : village.informant) ?? village.emergency ?? village.lead;
        // Within the level's deadline, so nothing escalated before the answer.
        const acknowledgedAt = new Date(sentAt.getTime() + (1 + r(Math.max(1, policy.minutes - 1))) * minute + r(60) * 1000);
        deliveries.push({
          id: deliveryId,
          warning_id: id,
          organization_id: village.id,
          responsible_person_id: responsible,
          status: 'ACKNOWLEDGED',
          delivered_at: sentAt.toISOString(),
          acknowledged_at: acknowledgedAt.toISOString(),
          acknowledged_by_user_id: by?.userId ?? null,
          acknowledged_by_person_id: by?.personId ?? null,
          ack_channel: weighted(ACK_CHANNELS, r(100)),
          ack_note: ACK_NOTES[r(ACK_NOTES.length)] ?? null,
          escalation_step: 0,
          updated_at: acknowledgedAt.toISOString(),
          version: 2,
        });
        continue;
      }
      // Not answered: escalated step by step up to the level's last step, then no deadline any more.
      let at = sentAt;
      for (let step = 1; step <= policy.maxSteps; step++) {
        at = new Date(sentAt.getTime() + step * policy.minutes * minute);
        const target = stepTarget(step, responsible);
        const waited = `${LEVEL_COLOUR[level]}预警${policy.minutes}分钟内未叫应`;
        escalations.push({
          id: benchId(`warning-escalation:${n}:${village.id}:${step}`),
          delivery_id: deliveryId,
          warning_id: id,
          organization_id: village.id,
          step,
          escalated_at: at.toISOString(),
          from_person_id: responsible,
          to_person_id: target?.personId ?? null,
          reason: target ? `${waited}，第${step}次升级至${target.role}` : `${waited}，第${step}次升级：升级链上无可通知人员，仍由原责任人叫应`,
        });
        responsible = target?.personId ?? responsible;
      }
      deliveries.push({
        id: deliveryId,
        warning_id: id,
        organization_id: village.id,
        responsible_person_id: responsible,
        status: 'PENDING',
        delivered_at: sentAt.toISOString(),
        acknowledged_at: null,
        acknowledged_by_user_id: null,
        acknowledged_by_person_id: null,
        ack_channel: null,
        ack_note: null,
        escalation_step: policy.maxSteps,
        updated_at: at.toISOString(),
        version: 1 + policy.maxSteps,
      });
    }
  }

  const inserted = await client.query(
    `INSERT INTO warning (id, identifier, chain_id, supersedes_id, message_type, status, issuer_organization_id, sender_name, source, hazard_type, event_name, level,
                          headline, description, instruction, sent_at, effective_at, expires_at, created_at, updated_at, version)
     SELECT x.id, x.identifier, x.id, NULL, 'ALERT', x.status, x.issuer_organization_id, x.sender_name, x.source, x.hazard_type, x.event_name, x.level,
            x.headline, x.description, x.instruction, x.sent_at, x.sent_at, x.expires_at, x.sent_at, x.updated_at, x.version
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, identifier text, status text, issuer_organization_id uuid, sender_name text, source text, hazard_type text,
                                            event_name text, level text, headline text, description text, instruction text, sent_at timestamptz,
                                            expires_at timestamptz, updated_at timestamptz, version int)
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(warnings)],
  );
  await client.query(
    `INSERT INTO warning_target (warning_id, organization_id, added_at)
     SELECT x.warning_id, x.organization_id, x.added_at FROM jsonb_to_recordset($1::jsonb) AS x(warning_id uuid, organization_id uuid, added_at timestamptz)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(targets)],
  );
  const delivered = await client.query(
    `INSERT INTO warning_delivery (id, warning_id, organization_id, responsible_person_id, status, delivered_at, acknowledged_at, acknowledged_by_user_id,
                                   acknowledged_by_person_id, ack_channel, ack_note, escalation_step, next_escalation_at, created_at, updated_at, version)
     SELECT x.id, x.warning_id, x.organization_id, x.responsible_person_id, x.status, x.delivered_at, x.acknowledged_at, x.acknowledged_by_user_id,
            x.acknowledged_by_person_id, x.ack_channel, x.ack_note, x.escalation_step, NULL, x.delivered_at, x.updated_at, x.version
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, warning_id uuid, organization_id uuid, responsible_person_id uuid, status text, delivered_at timestamptz,
                                            acknowledged_at timestamptz, acknowledged_by_user_id uuid, acknowledged_by_person_id uuid, ack_channel text,
                                            ack_note text, escalation_step int, updated_at timestamptz, version int)
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(deliveries)],
  );
  await client.query(
    `INSERT INTO warning_escalation (id, delivery_id, warning_id, organization_id, step, escalated_at, from_person_id, to_person_id, reason, created_at)
     SELECT x.id, x.delivery_id, x.warning_id, x.organization_id, x.step, x.escalated_at, x.from_person_id, x.to_person_id, x.reason, x.escalated_at
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, delivery_id uuid, warning_id uuid, organization_id uuid, step int, escalated_at timestamptz,
                                            from_person_id uuid, to_person_id uuid, reason text)
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(escalations)],
  );
  return { warnings: inserted.rowCount ?? 0, deliveries: delivered.rowCount ?? 0 };
}

/** Runs `work` in one transaction of `client`: all of it or nothing. */
async function inTransaction<T>(client: Client, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Makes sure the bench database exists and holds the bench dataset; seeds what is missing.
 * `log` gets progress lines.
 */
export async function ensureBenchDataset(options: { url: string; reset?: boolean; log?: (line: string) => void }): Promise<BenchSeedResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  await ensureDatabase(options.url, options.reset ?? false);
  const client = new Client({ connectionString: options.url });
  await client.connect();
  try {
    const existing = await hazardCount(client);
    if (existing !== null && existing >= BENCH_HAZARDS) {
      // The data is there; the schema still follows the code (the gateway is started without migrating).
      const migrations = await migrateAndSeed(options.url, false);
      if (migrations.length) log(`applied ${migrations.length} new migration(s): ${migrations.join(', ')}`);
      // A database seeded before the bench warnings existed gets them now.
      const added = await inTransaction(client, () => topUpWarnings(client));
      if (added.warnings) log(`added ${added.warnings} bench warnings with ${added.deliveries} deliveries`);
      if (migrations.length || added.warnings) await client.query('ANALYZE');
      return { seeded: added.warnings > 0, migrations, counts: await readCounts(client), ms: Date.now() - started };
    }
    log('migrating and seeding the demo town …');
    const migrations = await migrateAndSeed(options.url, true);
    log('adding bench enterprises, hazards and history, warnings and their deliveries …');
    await inTransaction(client, async () => {
      await topUpOrganizations(client);
      await topUpHazards(client);
      await topUpWarnings(client);
    });
    await client.query('ANALYZE');
    return { seeded: true, migrations, counts: await readCounts(client), ms: Date.now() - started };
  } finally {
    await client.end();
  }
}

export function describeCounts(c: BenchCounts): string {
  const states = Object.entries(c.hazardsByStatus).map(([s, n]) => `${s} ${n}`).join(', ');
  return [
    `organizations ${c.organizations} (enterprises ${c.enterprises}), persons ${c.persons}, user accounts ${c.users}`,
    `hazards ${c.hazards} (${states})`,
    `hazard events ${c.hazardEvents}`,
    `warnings ${c.warnings} (ACTIVE ${c.liveWarnings}), deliveries ${c.warningDeliveries}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { reset: { type: 'boolean', default: false } } });
  const url = benchDatabaseUrl();
  console.log(`Bench database: ${url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}${values.reset ? ' (reset)' : ''}`);
  const result = await ensureBenchDataset({ url, reset: values.reset, log: (line) => console.log(`  ${line}`) });
  console.log(
    result.seeded
      ? `Seeded in ${(result.ms / 1000).toFixed(1)} s.`
      : `The bench dataset is already in place${result.migrations.length ? '' : '; nothing written'} (use --reset to rebuild).`,
  );
  console.log(describeCounts(result.counts));
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('Bench seeding failed:', error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
