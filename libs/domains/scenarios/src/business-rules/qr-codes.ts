import { z } from 'zod';
import { defineBusinessRule, ruleVersionSeed, type BusinessRuleVersionSeed } from '@platform/core';
import { TipCategory } from '@domains/reporting';

/** The area of an owner's self-check item (九小场所 self-check lists: 消防、厨房用火、电气、建筑 …). */
export enum SelfCheckArea {
  FIRE = 'FIRE',
  KITCHEN_FIRE = 'KITCHEN_FIRE',
  ELECTRICAL = 'ELECTRICAL',
  BUILDING = 'BUILDING',
  GAS = 'GAS',
  HAZARDOUS_MATERIALS = 'HAZARDOUS_MATERIALS',
  EVACUATION = 'EVACUATION',
}

/** The list that applies to a sector the rule does not name. */
export const DEFAULT_SECTOR_LIST = 'DEFAULT';

const ITEM = z.object({
  /** Stable code of the item within its list, e.g. GAS_HOSE (answers name it). */
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/),
  area: z.enum(SelfCheckArea),
  /** What the owner checks, in the words of the list (2–100 characters). */
  title: z.string().min(2).max(100),
});

const SECTOR_LIST = z.object({
  /** A directory sector code (e.g. CATERING), or DEFAULT for every sector not named. */
  sectorCode: z.string().regex(/^[A-Z][A-Z0-9_]{1,49}$/),
  /** The tip categories the public form offers at a code of this sector, most likely first. */
  tipCategories: z.array(z.enum(TipCategory)).min(1).max(6),
  /** The owner's monthly self-check list. */
  items: z.array(ITEM).min(1).max(40),
});

/**
 * 安全隐患码上除 lists by sector: the tip categories a code offers the public, and the owner's monthly
 * self-check list (九小场所: 消防、厨房用火、电气、建筑 …). A code answers with the list of its sector
 * in force today, else the DEFAULT list.
 */
export const QR_SECTOR_LISTS_RULE = defineBusinessRule({
  code: 'scenarios.qr-sector-lists',
  nameZh: '安全隐患码行业清单',
  description: 'Per sector (directory code, or DEFAULT): the tip categories a QR code offers the public form, most likely first, and the owner\'s monthly self-check list (items with a code, an area and what is checked).',
  schema: z.object({ lists: z.array(SECTOR_LIST).min(1).max(60) }),
});

export type QrSectorLists = z.infer<typeof QR_SECTOR_LISTS_RULE.schema>;
export type QrSectorList = QrSectorLists['lists'][number];
export type QrSelfCheckItemDefinition = QrSectorList['items'][number];

/** The list of a sector in a version's value: its own, else DEFAULT. */
export function sectorListOf(value: QrSectorLists, sectorCode: string): QrSectorList {
  const list = value.lists.find((l) => l.sectorCode === sectorCode) ?? value.lists.find((l) => l.sectorCode === DEFAULT_SECTOR_LIST);
  if (!list) throw new Error(`scenarios.qr-sector-lists has no list for ${sectorCode} and no DEFAULT list.`);
  return list;
}

const A = SelfCheckArea;
const T = TipCategory;
const item = (code: string, area: SelfCheckArea, title: string) => ({ code, area, title });

/** What every small place (九小场所) checks. */
const COMMON = [
  item('FIRE_EXTINGUISHER', A.FIRE, '灭火器配置到位、压力正常、在有效期内'),
  item('ESCAPE_ROUTE', A.EVACUATION, '安全出口和疏散通道畅通，未上锁、未堆放物品'),
  item('EMERGENCY_LIGHTING', A.EVACUATION, '应急照明和疏散指示标志完好有效'),
  item('WIRING', A.ELECTRICAL, '电气线路无私拉乱接、无老化破损，插座不超负荷'),
  item('EBIKE_CHARGING', A.ELECTRICAL, '电动自行车不在室内、楼道和安全出口停放充电'),
  item('NO_LIVING', A.BUILDING, '经营场所不住人，或住宿部分与经营部分有防火分隔和独立疏散出口'),
  item('STRUCTURE', A.BUILDING, '无私搭乱建、无擅自改变建筑结构，彩钢板房不用于住宿和经营'),
];
/** What a place that cooks checks besides. */
const KITCHEN = [
  item('STOVE_WATCH', A.KITCHEN_FIRE, '炉灶使用时有人看管，人离开时关火'),
  item('FUME_DUCT', A.KITCHEN_FIRE, '排油烟管道定期清洗，无油垢积聚'),
  item('GAS_HOSE', A.GAS, '燃气软管无老化破损，连接牢固，长度不超过2米'),
  item('GAS_ALARM', A.GAS, '使用燃气的厨房安装可燃气体报警装置并能联动切断'),
  item('CYLINDER_STORAGE', A.GAS, '液化石油气钢瓶不超量存放，不放在地下室和半地下室'),
];

export const QR_SECTOR_LISTS_SEEDS: readonly BusinessRuleVersionSeed[] = [
  ruleVersionSeed({
    rule: QR_SECTOR_LISTS_RULE,
    jurisdiction: 'TOWN',
    jurisdictionName: '南平镇',
    documentNumber: '南平镇安全隐患码上除行业清单',
    documentTitle: '安全隐患码上除行业清单（九小场所自查）',
    value: {
      lists: [
        { sectorCode: 'CATERING', tipCategories: [T.FIRE_SAFETY, T.HAZARD, T.MAJOR_HAZARD, T.ILLEGAL_OPERATION, T.OTHER], items: [...COMMON, ...KITCHEN] },
        { sectorCode: 'TRADE', tipCategories: [T.FIRE_SAFETY, T.HAZARD, T.ILLEGAL_OPERATION, T.OTHER], items: [...COMMON, item('HAZARDOUS_GOODS', A.HAZARDOUS_MATERIALS, '不违规储存、销售烟花爆竹等易燃易爆物品')] },
        { sectorCode: 'TOURISM', tipCategories: [T.FIRE_SAFETY, T.HAZARD, T.MAJOR_HAZARD, T.ILLEGAL_OPERATION, T.OTHER], items: [...COMMON, item('ROOM_SMOKE_ALARM', A.FIRE, '客房安装独立式感烟火灾探测报警器'), ...KITCHEN] },
        { sectorCode: 'CROWDED_PLACES', tipCategories: [T.FIRE_SAFETY, T.MAJOR_HAZARD, T.HAZARD, T.ILLEGAL_OPERATION, T.OTHER], items: [...COMMON, item('ROOM_SMOKE_ALARM', A.FIRE, '客房安装独立式感烟火灾探测报警器'), item('FIRE_DRILL', A.FIRE, '每半年组织一次灭火和疏散演练')] },
        {
          sectorCode: 'HAZARDOUS_CHEMICALS',
          tipCategories: [T.MAJOR_HAZARD, T.HAZARD, T.ILLEGAL_OPERATION, T.FIRE_SAFETY, T.CONCEALED_ACCIDENT, T.OTHER],
          items: [
            item('STATIC_GROUNDING', A.HAZARDOUS_MATERIALS, '卸油静电接地装置完好，卸油时可靠连接'),
            item('GAS_DETECTION', A.GAS, '可燃气体检测报警系统运行正常'),
            item('EXPLOSION_PROOF', A.ELECTRICAL, '爆炸危险区域内电气设备防爆完好'),
            item('NO_OPEN_FLAME', A.FIRE, '站区严禁烟火标志醒目，无未审批的动火作业'),
            item('FIRE_EXTINGUISHER', A.FIRE, '灭火器、灭火毯、消防沙配置到位且有效'),
            item('ESCAPE_ROUTE', A.EVACUATION, '安全出口和疏散通道畅通'),
          ],
        },
        { sectorCode: 'DEFAULT', tipCategories: [T.HAZARD, T.FIRE_SAFETY, T.MAJOR_HAZARD, T.ILLEGAL_OPERATION, T.CONCEALED_ACCIDENT, T.OTHER], items: COMMON },
      ],
    },
    effectiveFrom: '2026-01-01',
    note: '[U] The town office\'s own lists, modelled on the Chongqing 九小场所 QR scenes (a code at each premises giving the business data, the safety notice and a self-check list of 消防、厨房、电气、建筑 items; cq.gov.cn 2024-10-04) and on common fire-safety self-check items for small places; not a published document. The effective day is the office\'s choice.',
  }),
];
