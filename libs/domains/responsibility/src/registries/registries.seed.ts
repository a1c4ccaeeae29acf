import { audit, type RequestContext } from '@platform/core';
import { seedId } from '@platform/directory';
import { FourOnesItemKind, KeyProjectStage, LinearFeatureKind, NewBusinessFormatStatus, ThreeSimultaneityStage } from './registries.enums';
import { insertSeedRows, type SeedRow, type SeedTable } from './registries.seed.sql';

const org = (key: string) => seedId(`org:${key}`);
const id = (key: string) => seedId(`registries:${key}`);
const BASIS = '《安全生产法》第三条；南平镇安全生产委员会成员单位安全生产工作职责（2025年）';

/**
 * 三管三必须 as the town office keeps it (invented but plausible): sector → department, town-wide
 * unless a subtree is named. Left uncovered on purpose, as a real map has gaps: WAREHOUSING (no
 * department named yet), TEXTILES (its assignment ended when 经发办's remit changed), and CATERING
 * outside 南平社区 (assigned there only).
 */
export const SEED_ASSIGNMENTS: readonly { department: string; sector: string; root?: string; endedOn?: string; endNote?: string }[] = [
  { department: 'dept-safety', sector: 'HAZARDOUS_CHEMICALS' },
  { department: 'dept-safety', sector: 'NON_COAL_MINE' },
  { department: 'dept-safety', sector: 'FIREWORKS' },
  { department: 'dept-safety', sector: 'CIVIL_EXPLOSIVES' },
  { department: 'dept-economy', sector: 'METALLURGY' },
  { department: 'dept-economy', sector: 'NONFERROUS' },
  { department: 'dept-economy', sector: 'BUILDING_MATERIALS' },
  { department: 'dept-economy', sector: 'MACHINERY' },
  { department: 'dept-economy', sector: 'LIGHT_INDUSTRY' },
  { department: 'dept-economy', sector: 'FOOD_PROCESSING' },
  { department: 'dept-economy', sector: 'TRADE' },
  { department: 'dept-economy', sector: 'CATERING', root: 'community-nanping' },
  { department: 'dept-economy', sector: 'TEXTILES', endedOn: '2025-06-30', endNote: '镇经发办职能调整，纺织服装行业监管待镇安委会重新明确' },
  { department: 'dept-planning', sector: 'CONSTRUCTION' },
  { department: 'dept-planning', sector: 'GAS' },
  { department: 'dept-planning', sector: 'ROAD_TRANSPORT' },
  { department: 'dept-enforcement', sector: 'CROWDED_PLACES' },
  { department: 'dept-agriculture', sector: 'AGRICULTURE' },
  { department: 'dept-agriculture', sector: 'OTHER' },
  { department: 'dept-social', sector: 'TOURISM' },
  { department: 'dept-social', sector: 'EDUCATION' },
  { department: 'dept-social', sector: 'HEALTHCARE' },
];

const FORMATS: readonly SeedRow[] = [
  { id: id('format:ebike-charging'), name: '电动自行车集中充电场所', description: '南平社区、龙门社区居民小区及城中村新建的电动自行车集中充电棚、换电柜，运营主体多为物业或个体经营者。', organization_id: org('town'), reported_on: '2025-04-10', status: NewBusinessFormatStatus.PENDING, department_id: null, decision_document: null, decided_on: null },
  { id: id('format:script-murder'), name: '剧本杀', description: '南平社区新街2家剧本杀、密室逃脱门店，封闭空间、装修材料可燃，营业至深夜。', organization_id: org('community-nanping'), reported_on: '2025-07-22', status: NewBusinessFormatStatus.PENDING, department_id: null, decision_document: null, decided_on: null },
  { id: id('format:homestay'), name: '民宿', description: '文凤村、马嘴村依托金佛山客流兴起的农村民宿，多为农房改建。', organization_id: org('town'), reported_on: '2025-03-18', status: NewBusinessFormatStatus.ASSIGNED, department_id: org('dept-social'), decision_document: '南川区人民政府办公室关于明确部分新兴业态安全监管职责的通知（南川府办发〔2025〕18号）', decided_on: '2025-05-20' },
];

const PROJECTS: readonly SeedRow[] = [
  { id: id('project:water'), name: '南平镇集中供水工程改扩建项目', owner_organization_id: org('ent-nanping-water'), builder_name: '重庆川平市政工程有限公司', stage: KeyProjectStage.CONSTRUCTION, supervising_department_id: org('dept-planning'), description: '新建日供水5000吨净水厂一座，改造主管网12公里，含加氯间、药剂库安全设施。' },
  { id: id('project:quarry'), name: '宏发采石场扩能技改项目', owner_organization_id: org('ent-hongfa-quarry'), builder_name: '重庆恒通建筑工程有限公司', stage: KeyProjectStage.COMPLETED, supervising_department_id: org('dept-safety'), description: '年开采建筑石料用灰岩由30万吨扩至50万吨，新建破碎筛分生产线及边坡监测系统。' },
  { id: id('project:concrete'), name: '德胜商品混凝土搅拌站迁建项目', owner_organization_id: org('ent-desheng-concrete'), builder_name: '重庆市南川区嘉瑞建设工程有限公司', stage: KeyProjectStage.TRIAL_OPERATION, supervising_department_id: org('dept-economy'), description: '搅拌站整体迁至双河村工业点，新建两条HZS120生产线及粉料仓除尘、防雷设施。' },
];

const STAGES: readonly SeedRow[] = [
  { id: id('tsr:water:design'), project_id: id('project:water'), stage: ThreeSimultaneityStage.DESIGN, document_number: '南川住建审〔2025〕27号', approved_on: '2025-03-14', note: '区住房城乡建委组织安全设施设计审查，同意实施。' },
  { id: id('tsr:quarry:design'), project_id: id('project:quarry'), stage: ThreeSimultaneityStage.DESIGN, document_number: '南川应急审批〔2024〕9号', approved_on: '2024-05-08', note: '区应急局审查批复安全设施设计。' },
  { id: id('tsr:quarry:construction'), project_id: id('project:quarry'), stage: ThreeSimultaneityStage.CONSTRUCTION, document_number: '恒通监理〔2024〕安施-031', approved_on: '2024-11-26', note: '监理单位确认边坡监测、防尘降噪设施与主体工程同时施工。' },
  { id: id('tsr:concrete:design'), project_id: id('project:concrete'), stage: ThreeSimultaneityStage.DESIGN, document_number: '南川经信审〔2025〕4号', approved_on: '2025-02-20', note: '安全设施设计专篇经专家评审通过。' },
  { id: id('tsr:concrete:construction'), project_id: id('project:concrete'), stage: ThreeSimultaneityStage.CONSTRUCTION, document_number: '嘉瑞施工〔2025〕安施-012', approved_on: '2025-09-30', note: '粉料仓除尘、防雷接地与主体同时施工完成。' },
];

const line = (...points: [number, number][]) => ({ type: 'LineString', coordinates: points });

const SECTIONS: readonly SeedRow[] = [
  { id: id('section:g65'), kind: LinearFeatureKind.ROAD, name: 'G65包茂高速南平段', geometry: line([107.021, 29.061], [107.048, 29.055], [107.074, 29.049], [107.103, 29.043]), responsible_organization_id: org('town'), responsible_department_id: org('dept-planning'), note: '高边坡落石、团雾路段，配合高速路政做好沿线隐患巡查。' },
  { id: id('section:tourism-road'), kind: LinearFeatureKind.ROAD, name: '南平至龙山旅游公路龙山村段', geometry: line([107.088, 29.048], [107.095, 29.046], [107.104, 29.044]), responsible_organization_id: org('village-longshan'), responsible_department_id: org('dept-planning'), note: '临崖临水路段，汛期滑坡、垮塌风险。' },
  { id: id('section:railway'), kind: LinearFeatureKind.RAILWAY, name: '渝湘高铁南平段', geometry: line([107.030, 29.020], [107.062, 29.031], [107.098, 29.038]), responsible_organization_id: null, responsible_department_id: org('dept-safety'), note: '沿线护路联防责任村（社区）尚待镇护路办明确。' },
  { id: id('section:longtan'), kind: LinearFeatureKind.RESERVOIR_BANK, name: '龙潭水库库岸双河村段', geometry: line([107.044, 29.036], [107.049, 29.039], [107.055, 29.041]), responsible_organization_id: org('village-shuanghe'), responsible_department_id: org('dept-agriculture'), note: '库岸塌岸、消落带垂钓溺水风险。' },
  { id: id('section:shixi'), kind: LinearFeatureKind.RESERVOIR_BANK, name: '石溪河库岸石溪村段', geometry: line([107.033, 29.058], [107.038, 29.062], [107.044, 29.066]), responsible_organization_id: org('village-shixi'), responsible_department_id: org('dept-agriculture'), note: '汛期山洪、库岸冲刷。' },
];

/** 2025 "四个一": 镇安办 and 综合执法大队 complete, the others in part or not at all. */
const FOUR_ONES: Readonly<Record<string, readonly FourOnesItemKind[]>> = {
  'dept-safety': [FourOnesItemKind.MEETING, FourOnesItemKind.TRAINING, FourOnesItemKind.INSPECTION, FourOnesItemKind.PUBLICITY],
  'dept-enforcement': [FourOnesItemKind.MEETING, FourOnesItemKind.TRAINING, FourOnesItemKind.INSPECTION, FourOnesItemKind.PUBLICITY],
  'dept-economy': [FourOnesItemKind.MEETING, FourOnesItemKind.TRAINING, FourOnesItemKind.INSPECTION],
  'dept-planning': [FourOnesItemKind.MEETING],
  'dept-social': [FourOnesItemKind.MEETING, FourOnesItemKind.PUBLICITY],
};
const FOUR_ONES_DONE: Readonly<Record<FourOnesItemKind, { doneOn: string; note: string }>> = {
  MEETING: { doneOn: '2025-04-15', note: '召开行业消防安全专题会议，部署年度行业消防安全工作。' },
  TRAINING: { doneOn: '2025-06-12', note: '组织行业单位负责人和消防安全管理人开展消防安全培训。' },
  INSPECTION: { doneOn: '2025-09-10', note: '对行业单位开展消防安全检查，发现问题已交办整改。' },
  PUBLICITY: { doneOn: '2025-11-09', note: '结合“119”消防宣传月开展行业消防安全宣传。' },
};

/**
 * A fixed, realistic registry: the 三管三必须 map with its gaps, two pending and one assigned new
 * format, three key projects at different stages (two missing a 三同时 stage), five linear sections
 * (one without a responsible organization), and the 2025 "四个一" of some departments.
 */
export async function seedRegistries(ctx: RequestContext): Promise<void> {
  const assignments: SeedRow[] = SEED_ASSIGNMENTS.map((a) => ({
    id: id(`assignment:${a.department}:${a.sector}:${a.root ?? 'town'}`),
    department_id: org(a.department),
    sector_code: a.sector,
    subtree_root_id: org(a.root ?? 'town'),
    basis: BASIS,
    started_on: '2025-01-01',
    ended_on: a.endedOn ?? null,
    end_note: a.endNote ?? null,
  }));
  const fourOnes: SeedRow[] = Object.entries(FOUR_ONES).flatMap(([department, kinds]) =>
    kinds.map((kind) => ({ id: id(`four-ones:2025:${department}:${kind}`), department_id: org(department), year: 2025, kind, done_on: FOUR_ONES_DONE[kind].doneOn, note: FOUR_ONES_DONE[kind].note })),
  );
  const batches: [SeedTable, readonly SeedRow[]][] = [
    ['supervision_assignment', assignments],
    ['new_business_format', FORMATS],
    ['key_project', PROJECTS],
    ['three_simultaneity_record', STAGES],
    ['linear_feature_section', SECTIONS],
    ['fire_four_ones_item', fourOnes],
  ];
  let inserted = 0;
  for (const [table, rows] of batches) inserted += await insertSeedRows(ctx, table, rows);
  if (inserted) await audit(ctx, { action: 'responsibility.registries.seed', entityType: 'SupervisionAssignment', entityId: null, changes: { inserted } });
}
