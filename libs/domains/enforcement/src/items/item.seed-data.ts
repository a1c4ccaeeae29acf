import { DiscretionLevel, DiscretionSubject, EnforcementItemCategory, EnforcementItemKind } from './item.enums';

/*
 * The demo item lists of 南平镇: '2025-01' (the town's list before the reform, 2025-01-01 to
 * 2025-06-30) and '2025-07' (in force from 2025-07-01 under 渝府办发〔2025〕28号, with the delegated
 * penalties of 区应急管理局 and 区消防救援支队). Items follow the district lists of 江津 and 綦江
 * [S]; 南川's own list was not found [U], so codes, scopes and bands are the office's working data.
 */

/** A band: [subject, level, from, to, condition], in yuan, or in percent of income when `percent`. */
export type SeedBand = readonly [DiscretionSubject, DiscretionLevel, string | number, string | number, string, 'percent'?];

export interface SeedItem {
  readonly code: string;
  readonly name: string;
  readonly kind: EnforcementItemKind;
  readonly category: EnforcementItemCategory;
  /** 原行使部门 (DELEGATED) or 委托机关 (ENTRUSTED). */
  readonly holder?: string;
  readonly scope: string;
  readonly legalBasis: string;
  /** Catalog articles: [law code, ordinal]. */
  readonly basis?: ReadonlyArray<readonly [string, number]>;
  readonly bands?: readonly SeedBand[];
  readonly note?: string;
}

export interface SeedList {
  readonly code: string;
  readonly title: string;
  readonly documentNumber: string | null;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly publishedOn: string;
  readonly note: string;
  readonly items: readonly SeedItem[];
}

const { STATUTORY, DELEGATED, ENTRUSTED } = EnforcementItemKind;
const { INSPECTION, PENALTY, COERCIVE_MEASURE, OTHER } = EnforcementItemCategory;
const { UNIT, PERSON } = DiscretionSubject;
const { MINOR, GENERAL, SERIOUS, GRAVE } = DiscretionLevel;
const WSL = 'work-safety-law-2021';
const O493 = 'order-493';
const EMERGENCY = '南川区应急管理局';
const FIRE = '南川区消防救援支队';
const DELEGATED_SCOPE = '行政处罚权以及与其有关的行政检查、行政强制措施';
const UNCHECKED = '[U] basis article not checked against the text.';

/** Items both lists hold (the town's own inspections and reports, and the entrusted ones). */
const STANDING: readonly SeedItem[] = [
  { code: 'AQ-JC-001', name: '对生产经营单位安全生产状况的监督检查', kind: STATUTORY, category: INSPECTION, scope: '辖区内生产经营单位（依法由区级部门直接监管的除外）', legalBasis: '《重庆市安全生产条例》第六条第三款；《中华人民共和国安全生产法》第六十二条、第六十八条', basis: [[WSL, 62], [WSL, 68]], note: '[S] 重庆市安全生产条例 第六条第三款 per the district lists.' },
  { code: 'XF-JC-001', name: '消防安全检查', kind: STATUTORY, category: INSPECTION, scope: '辖区内单位、村（社区）和人员密集场所', legalBasis: '《中华人民共和国消防法》第三十一条', note: '[S] per the district lists.' },
  { code: 'DZ-JC-001', name: '地质灾害隐患排查、核查和重点防范期巡查', kind: STATUTORY, category: INSPECTION, scope: '辖区内地质灾害隐患点和受威胁区域', legalBasis: '《地质灾害防治条例》（国务院令第394号）', note: UNCHECKED },
  { code: 'JS-JC-001', name: '村镇建设工程安全生产检查', kind: STATUTORY, category: INSPECTION, scope: '辖区内农村建房和限额以下村镇建设工程', legalBasis: '《建设工程安全生产管理条例》（国务院令第393号）；《重庆市安全生产条例》', note: UNCHECKED },
  { code: 'FX-JC-001', name: '防汛安全检查', kind: STATUTORY, category: INSPECTION, scope: '辖区内河道、山坪塘、小型水库和在建涉水工程', legalBasis: '《中华人民共和国防洪法》', note: UNCHECKED },
  { code: 'SL-JC-001', name: '森林防火检查', kind: STATUTORY, category: INSPECTION, scope: '辖区内林区、林缘和进山入口', legalBasis: '《森林防火条例》（国务院令第541号）', note: UNCHECKED },
  { code: 'RQ-JC-001', name: '瓶装液化石油气用户燃气安全检查', kind: STATUTORY, category: INSPECTION, scope: '辖区内餐饮场所、农家乐和其他非居民用户', legalBasis: '《城镇燃气管理条例》（国务院令第583号）', note: UNCHECKED },
  { code: 'YJ-QT-001', name: '生产安全事故信息报告', kind: STATUTORY, category: OTHER, scope: '辖区内发生的生产安全事故', legalBasis: '《生产安全事故报告和调查处理条例》第九条、第十条', basis: [[O493, 9], [O493, 10]] },
  { code: 'XF-WT-001', name: '对“九小场所”等单位遵守消防法律法规情况的监督检查', kind: ENTRUSTED, category: INSPECTION, holder: FIRE, scope: '辖区内小商店、小餐饮、小旅馆等“九小场所”', legalBasis: '《中华人民共和国消防法》第五十三条；《消防监督检查规定》（公安部令第120号）', note: UNCHECKED },
  { code: 'YJ-WT-001', name: '对烟花爆竹零售经营单位安全生产条件的监督检查', kind: ENTRUSTED, category: INSPECTION, holder: EMERGENCY, scope: '辖区内烟花爆竹零售点', legalBasis: '《烟花爆竹安全管理条例》（国务院令第455号）', note: UNCHECKED },
  { code: 'NY-WT-001', name: '对农业机械安全使用情况的检查', kind: ENTRUSTED, category: INSPECTION, holder: '南川区农业农村委员会', scope: '辖区内拖拉机、联合收割机等农业机械', legalBasis: '《农业机械安全监督管理条例》（国务院令第563号）', note: UNCHECKED },
];

/** The delegated penalties, measures and inspections of 渝府办发〔2025〕28号, and the items it added. */
const REFORM: readonly SeedItem[] = [
  { code: 'YJ-JC-001', name: '对生产经营单位执行安全生产法律法规情况的行政检查（与承接处罚权有关）', kind: DELEGATED, category: INSPECTION, holder: EMERGENCY, scope: DELEGATED_SCOPE, legalBasis: '《中华人民共和国安全生产法》第六十二条、第六十五条', basis: [[WSL, 62]] },
  { code: 'YJ-QZ-001', name: '对不符合安全生产国家标准或者行业标准的设施、设备、器材予以查封或者扣押', kind: DELEGATED, category: COERCIVE_MEASURE, holder: EMERGENCY, scope: DELEGATED_SCOPE, legalBasis: '《中华人民共和国安全生产法》第六十五条第一款第四项', note: UNCHECKED },
  {
    code: 'YJ-CF-001', name: '对生产经营单位主要负责人未履行法定安全生产管理职责的行政处罚', kind: DELEGATED, category: PENALTY, holder: EMERGENCY, scope: DELEGATED_SCOPE, legalBasis: '《中华人民共和国安全生产法》第九十四条', basis: [[WSL, 94]],
    bands: [[PERSON, GENERAL, '20000', '30000', '未履行职责一项，责令限期改正的'], [PERSON, SERIOUS, '30000', '50000', '未履行职责两项以上，责令限期改正的'], [PERSON, GRAVE, '50000', '100000', '逾期未改正的（并责令生产经营单位停产停业整顿）']],
  },
  {
    code: 'YJ-CF-002', name: '对生产经营单位其他负责人和安全生产管理人员未履行安全生产管理职责的行政处罚', kind: DELEGATED, category: PENALTY, holder: EMERGENCY, scope: DELEGATED_SCOPE, legalBasis: '《中华人民共和国安全生产法》第九十六条', basis: [[WSL, 96]],
    bands: [[PERSON, GENERAL, '10000', '20000', '未履行职责，责令限期改正的'], [PERSON, SERIOUS, '20000', '30000', '未履行职责，经责令后仍未完全改正的'], [PERSON, GRAVE, 20, 50, '导致发生生产安全事故的（并暂停或者吊销其与安全生产有关的资格）', 'percent']],
  },
  {
    code: 'YJ-CF-003', name: '对生产经营单位未按规定进行安全生产教育和培训、特种作业人员未持证上岗等行为的行政处罚', kind: DELEGATED, category: PENALTY, holder: EMERGENCY, scope: DELEGATED_SCOPE, legalBasis: '《中华人民共和国安全生产法》第九十七条', basis: [[WSL, 97]],
    bands: [
      [UNIT, MINOR, '0', '20000', '违法情形一项，及时改正的'],
      [UNIT, GENERAL, '20000', '50000', '违法情形两项的'],
      [UNIT, SERIOUS, '50000', '100000', '违法情形三项以上的'],
      [UNIT, GRAVE, '100000', '200000', '逾期未改正的（并责令停产停业整顿）'],
      [PERSON, GRAVE, '20000', '50000', '逾期未改正的，对直接负责的主管人员和其他直接责任人员'],
    ],
  },
  {
    code: 'YJ-CF-004', name: '对生产经营单位进行爆破、吊装、动火、临时用电等危险作业未安排专门人员现场安全管理等行为的行政处罚', kind: DELEGATED, category: PENALTY, holder: EMERGENCY, scope: DELEGATED_SCOPE, legalBasis: '《中华人民共和国安全生产法》第一百零一条', basis: [[WSL, 101]],
    bands: [[UNIT, GENERAL, '10000', '50000', '责令限期改正的'], [UNIT, SERIOUS, '50000', '100000', '危险作业未安排专人现场管理且有其他违法情形的'], [UNIT, GRAVE, '100000', '200000', '逾期未改正的（并责令停产停业整顿）'], [PERSON, GRAVE, '20000', '50000', '逾期未改正的，对直接责任人员']],
  },
  {
    code: 'YJ-CF-005', name: '对生产经营单位未采取措施消除事故隐患的行政处罚', kind: DELEGATED, category: PENALTY, holder: EMERGENCY, scope: DELEGATED_SCOPE, legalBasis: '《中华人民共和国安全生产法》第一百零二条', basis: [[WSL, 102]],
    bands: [[UNIT, GENERAL, '0', '20000', '一般事故隐患，责令立即消除或者限期消除的'], [UNIT, SERIOUS, '20000', '50000', '重大事故隐患，或者逾期未消除的'], [PERSON, GRAVE, '50000', '100000', '拒不执行的，对直接负责的主管人员和其他直接责任人员（并责令停产停业整顿）']],
  },
  {
    code: 'YJ-CF-006', name: '对高危行业、领域生产经营单位未投保安全生产责任保险的行政处罚', kind: DELEGATED, category: PENALTY, holder: EMERGENCY, scope: DELEGATED_SCOPE, legalBasis: '《中华人民共和国安全生产法》第一百零九条', basis: [[WSL, 109]],
    bands: [[UNIT, GENERAL, '50000', '100000', '责令限期改正的'], [UNIT, GRAVE, '100000', '200000', '逾期未改正的']],
  },
  { code: 'YJ-CF-007', name: '对生产经营单位被责令改正且受到罚款处罚后拒不改正的按日连续处罚', kind: DELEGATED, category: PENALTY, holder: EMERGENCY, scope: DELEGATED_SCOPE, legalBasis: '《中华人民共和国安全生产法》第一百一十二条', basis: [[WSL, 112]] },
  { code: 'YJ-CF-008', name: '对生产经营单位主要负责人在事故发生时不立即组织抢救或者迟报、谎报、瞒报事故的行政处罚', kind: DELEGATED, category: PENALTY, holder: EMERGENCY, scope: DELEGATED_SCOPE, legalBasis: '《中华人民共和国安全生产法》第一百一十条', basis: [[WSL, 110]], bands: [[PERSON, GENERAL, 60, 80, '迟报或者不立即组织抢救的', 'percent'], [PERSON, GRAVE, 80, 100, '谎报、瞒报或者逃匿的', 'percent']] },
  {
    code: 'XF-CF-001', name: '对单位消防设施、器材或者消防安全标志的配置、设置不符合标准或者未保持完好有效的行政处罚', kind: DELEGATED, category: PENALTY, holder: FIRE, scope: DELEGATED_SCOPE, legalBasis: '《中华人民共和国消防法》第六十条第一款第一项',
    bands: [[UNIT, GENERAL, '5000', '20000', '配置或者设置不符合标准、及时改正的'], [UNIT, SERIOUS, '20000', '50000', '人员密集场所或者未保持完好有效的']],
  },
  { code: 'XF-CF-002', name: '对损坏、挪用或者擅自拆除、停用消防设施、器材的行政处罚', kind: DELEGATED, category: PENALTY, holder: FIRE, scope: DELEGATED_SCOPE, legalBasis: '《中华人民共和国消防法》第六十条第一款第二项、第二款', bands: [[UNIT, GENERAL, '5000', '50000', '单位有此行为的'], [PERSON, MINOR, '0', '500', '个人有此行为的（或者警告）']] },
  {
    code: 'XF-CF-003', name: '对占用、堵塞、封闭疏散通道、安全出口的行政处罚', kind: DELEGATED, category: PENALTY, holder: FIRE, scope: DELEGATED_SCOPE, legalBasis: '《中华人民共和国消防法》第六十条第一款第三项、第二款',
    bands: [[UNIT, GENERAL, '5000', '20000', '占用或者堵塞，当场改正的'], [UNIT, SERIOUS, '20000', '50000', '封闭安全出口，或者人员密集场所的'], [PERSON, MINOR, '0', '500', '个人有此行为的（或者警告）']],
  },
  { code: 'XF-CF-004', name: '对埋压、圈占、遮挡消火栓或者占用防火间距的行政处罚', kind: DELEGATED, category: PENALTY, holder: FIRE, scope: DELEGATED_SCOPE, legalBasis: '《中华人民共和国消防法》第六十条第一款第四项、第二款' },
  { code: 'XF-CF-005', name: '对占用、堵塞、封闭消防车通道，妨碍消防车通行的行政处罚', kind: DELEGATED, category: PENALTY, holder: FIRE, scope: DELEGATED_SCOPE, legalBasis: '《中华人民共和国消防法》第六十条第一款第五项、第二款' },
  { code: 'XF-CF-006', name: '对人员密集场所在门窗上设置影响逃生和灭火救援的障碍物的行政处罚', kind: DELEGATED, category: PENALTY, holder: FIRE, scope: DELEGATED_SCOPE, legalBasis: '《中华人民共和国消防法》第六十条第一款第六项' },
  { code: 'XF-CF-007', name: '对火灾隐患经消防救援机构通知后不及时采取措施消除的行政处罚', kind: DELEGATED, category: PENALTY, holder: FIRE, scope: DELEGATED_SCOPE, legalBasis: '《中华人民共和国消防法》第六十条第一款第七项' },
  { code: 'XF-QZ-001', name: '对经责令改正拒不改正的占用、堵塞、封闭疏散通道等行为的强制执行', kind: DELEGATED, category: COERCIVE_MEASURE, holder: FIRE, scope: DELEGATED_SCOPE, legalBasis: '《中华人民共和国消防法》第六十条第三款', note: UNCHECKED },
  { code: 'ZR-CF-001', name: '对在地质灾害危险区内爆破、削坡、进行工程建设等可能引发地质灾害活动的行政处罚', kind: DELEGATED, category: PENALTY, holder: '南川区规划和自然资源局', scope: DELEGATED_SCOPE, legalBasis: '《地质灾害防治条例》第四十三条', note: UNCHECKED },
  { code: 'FW-JC-001', name: '经营性自建房安全检查', kind: STATUTORY, category: INSPECTION, scope: '辖区内用于生产经营的农村自建房', legalBasis: '《全国自建房安全专项整治工作方案》（国办发明电〔2022〕10号）', note: UNCHECKED },
  { code: 'JT-JC-001', name: '农村道路交通安全检查', kind: STATUTORY, category: INSPECTION, scope: '辖区内乡村道路、农村客运站点和临水临崖路段', legalBasis: '《中华人民共和国道路交通安全法》', note: UNCHECKED },
  { code: 'YJ-QT-002', name: '事故隐患和安全生产违法行为举报受理', kind: STATUTORY, category: OTHER, scope: '辖区内群众举报的事故隐患和安全生产违法行为', legalBasis: '《中华人民共和国安全生产法》第七十四条', note: UNCHECKED },
  { code: 'YJ-WT-002', name: '对采石场等非煤矿山的日常安全巡查', kind: ENTRUSTED, category: INSPECTION, holder: EMERGENCY, scope: '辖区内采石场、砂石加工场', legalBasis: '《中华人民共和国安全生产法》第六十二条', basis: [[WSL, 62]] },
  { code: 'JT-WT-001', name: '对农村客运和乡村道路运输安全的检查', kind: ENTRUSTED, category: INSPECTION, holder: '南川区交通运输委员会', scope: '辖区内农村客运班线和乡村道路运输经营者', legalBasis: '《中华人民共和国道路运输条例》', note: UNCHECKED },
  { code: 'SL-WT-001', name: '对山坪塘、小型水库安全运行的巡查', kind: ENTRUSTED, category: INSPECTION, holder: '南川区水利局', scope: '辖区内山坪塘和小（二）型水库', legalBasis: '《水库大坝安全管理条例》', note: UNCHECKED },
];

export const SEED_ITEM_LISTS: readonly SeedList[] = [
  {
    code: '2025-01',
    title: '南平镇行政执法事项清单（2025年1月版）',
    documentNumber: null,
    effectiveFrom: '2025-01-01',
    effectiveTo: '2025-06-30',
    publishedOn: '2024-12-27',
    note: 'The town\'s list before the 2025 reform (demo data): its own inspections and the entrusted ones; void from 2025-07-01, open matters finish under it.',
    items: [
      ...STANDING,
      { code: 'AQ-JC-009', name: '安全生产“打非治违”联合检查', kind: STATUTORY, category: INSPECTION, scope: '辖区内非法违法生产经营建设行为', legalBasis: '《中华人民共和国安全生产法》第六十二条', basis: [[WSL, 62]], note: 'Dropped from the 2025-07 list (joint inspections go through the district).' },
    ],
  },
  {
    code: '2025-07',
    title: '南平镇行政执法事项清单（2025年版）',
    documentNumber: '渝府办发〔2025〕28号',
    effectiveFrom: '2025-07-01',
    effectiveTo: null,
    publishedOn: '2025-06-27',
    note: '[S] 渝府办发〔2025〕28号: town-level items in force from 2025-07-01 (法定、承接赋权、委托); cases opened before finish under the old list. 南川\'s own list was not found [U]: items follow the 江津 and 綦江 lists, bands are working values after 重庆市安全生产行政处罚裁量基准(试行) [U].',
    items: [...STANDING, ...REFORM],
  },
];
