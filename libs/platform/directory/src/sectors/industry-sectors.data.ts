/**
 * Industry sector code list. The high-risk sectors follow the work plan (危险化学品、非煤矿山、
 * 烟花爆竹、冶金…) and the national high-risk industry list. Frozen here because the first
 * migration inserts it: add sectors with a new migration, never by editing this list (a migration
 * that changes a sector sets its `updated_at = now()`, for the change feed of `industrySectors`).
 */
export const INDUSTRY_SECTORS = [
  { code: 'HAZARDOUS_CHEMICALS', nameZh: '危险化学品', nameEn: 'Hazardous chemicals', highRisk: true },
  { code: 'NON_COAL_MINE', nameZh: '非煤矿山', nameEn: 'Non-coal mines and quarries', highRisk: true },
  { code: 'FIREWORKS', nameZh: '烟花爆竹', nameEn: 'Fireworks and firecrackers', highRisk: true },
  { code: 'METALLURGY', nameZh: '冶金', nameEn: 'Metallurgy', highRisk: true },
  { code: 'CONSTRUCTION', nameZh: '建筑施工', nameEn: 'Construction', highRisk: true },
  { code: 'ROAD_TRANSPORT', nameZh: '道路运输', nameEn: 'Road transport', highRisk: true },
  { code: 'GAS', nameZh: '燃气', nameEn: 'Gas supply', highRisk: true },
  { code: 'CIVIL_EXPLOSIVES', nameZh: '民用爆炸物品', nameEn: 'Civil explosives', highRisk: true },
  { code: 'CROWDED_PLACES', nameZh: '人员密集场所', nameEn: 'Crowded places (markets, hotels, entertainment)', highRisk: true },
  { code: 'NONFERROUS', nameZh: '有色金属', nameEn: 'Non-ferrous metals', highRisk: false },
  { code: 'BUILDING_MATERIALS', nameZh: '建材', nameEn: 'Building materials', highRisk: false },
  { code: 'MACHINERY', nameZh: '机械', nameEn: 'Machinery', highRisk: false },
  { code: 'LIGHT_INDUSTRY', nameZh: '轻工', nameEn: 'Light industry', highRisk: false },
  { code: 'TEXTILES', nameZh: '纺织', nameEn: 'Textiles', highRisk: false },
  { code: 'TOBACCO', nameZh: '烟草', nameEn: 'Tobacco', highRisk: false },
  { code: 'TRADE', nameZh: '商贸', nameEn: 'Trade and retail', highRisk: false },
  { code: 'FOOD_PROCESSING', nameZh: '食品加工', nameEn: 'Food processing', highRisk: false },
  { code: 'AGRICULTURE', nameZh: '农业', nameEn: 'Agriculture and forestry', highRisk: false },
  { code: 'TOURISM', nameZh: '旅游', nameEn: 'Tourism and scenic areas', highRisk: false },
  { code: 'CATERING', nameZh: '餐饮', nameEn: 'Catering', highRisk: false },
  { code: 'WAREHOUSING', nameZh: '仓储物流', nameEn: 'Warehousing and logistics', highRisk: false },
  { code: 'EDUCATION', nameZh: '教育', nameEn: 'Education', highRisk: false },
  { code: 'HEALTHCARE', nameZh: '医疗卫生', nameEn: 'Healthcare', highRisk: false },
  { code: 'OTHER', nameZh: '其他', nameEn: 'Other', highRisk: false },
] as const;
