/**
 * Seed data of 南平镇 (重庆市南川区): the town government, its offices, villages, communities and
 * grids, the enterprises and public institutions under them, and the people holding positions.
 * Invented but plausible; fully deterministic: every random-looking value comes from a PRNG
 * seeded with the record's key, so editing one record does not reshuffle the others.
 */
import { SeedRandom } from '@platform/core';
import { OrganizationKind } from '../organizations/organization-kind.enum';
import { Gender } from '../persons/gender.enum';
import { creditCode, idNumber } from './codes';
import type { SeedOrganization, SeedPerson, SeedPosition, TownData } from './town-data.types';

const REGION = '500119'; // 重庆市南川区
const TOWN_DIVISION_CODE = '500119108000';
const ADDRESS_PREFIX = '重庆市南川区南平镇';
const TOWN_ADDRESS = `${ADDRESS_PREFIX}南平大街1号`;
const CENTRE = { lon: 107.07, lat: 29.05 };
const MAX_OFFSET = 0.059;
const SEED = 0x108; // any fixed number; changing it regenerates every person and code

// ---------------------------------------------------------------- name lists

/** Common surnames, the locally frequent ones (刘, 陈, 张, 冉, 向, 谭…) repeated to weigh them. */
const SURNAMES = [...'刘刘刘陈陈陈张张张王王李李杨杨黄赵周吴徐孙胡朱何郭罗梁宋郑谢韩唐唐冯董程曹袁邓邓许沈曾彭吕蒋蔡魏余余潘杜夏钟汪田任姚谭谭廖邹熊秦秦冉冉向向母甘付雷龚文万'];
const MALE_GIVEN = [...'伟刚勇毅俊峰强军平东文辉力明永健志兴良海山波宁贵福龙全胜学祥才发武新利清飞彬富顺杰涛昌成康光天达安岩中茂进林坚和博诚庆磊民友江超浩亮宏鹏泽建家德盛雄航洪川红春云华国忠'];
const FEMALE_GIVEN = [...'秀娟英华慧巧美娜静淑惠翠雅芝玉萍红玲芬芳燕彩春菊兰凤洁梅琳素云莲雪荣霞香月艳佳琼勤珍莉桂叶晶妍秋倩婷颖露瑶怡丹蓉琴薇梦岚馨韵悦欣晓芸敏丽娅'];
const MOBILE_PREFIXES = ['133', '135', '136', '137', '138', '139', '147', '150', '151', '152', '153', '157', '158', '159', '166', '173', '176', '177', '180', '181', '182', '183', '186', '187', '189', '191', '198', '199'];
const CN_NUMERALS = ['零', '一', '二', '三', '四', '五'];

// ---------------------------------------------------------------- town offices

interface DepartmentDef {
  readonly slug: string;
  readonly name: string;
  readonly shortName: string;
  readonly headTitle: string;
  readonly staffTitle: string;
  readonly staff: number;
}

const DEPARTMENTS: readonly DepartmentDef[] = [
  { slug: 'office', name: '党政办公室', shortName: '党政办', headTitle: '主任', staffTitle: '科员', staff: 3 },
  { slug: 'safety', name: '安全生产办公室', shortName: '镇安办', headTitle: '主任', staffTitle: '安全生产监管员', staff: 3 },
  { slug: 'emergency', name: '应急管理办公室', shortName: '应急办', headTitle: '主任', staffTitle: '应急值守员', staff: 2 },
  { slug: 'economy', name: '经济发展办公室', shortName: '经发办', headTitle: '主任', staffTitle: '科员', staff: 2 },
  { slug: 'planning', name: '规划建设管理环保办公室', shortName: '规建环保办', headTitle: '主任', staffTitle: '科员', staff: 2 },
  { slug: 'agriculture', name: '农业服务中心', shortName: '农服中心', headTitle: '主任', staffTitle: '农技员', staff: 2 },
  { slug: 'social', name: '社会事务办公室', shortName: '社事办', headTitle: '主任', staffTitle: '科员', staff: 1 },
  { slug: 'enforcement', name: '综合行政执法大队', shortName: '综合执法大队', headTitle: '大队长', staffTitle: '执法队员', staff: 3 },
  { slug: 'peace', name: '平安建设办公室', shortName: '平安办', headTitle: '主任', staffTitle: '综治专干', staff: 1 },
];

// ---------------------------------------------------------------- villages and communities

interface AreaDef {
  readonly slug: string;
  readonly name: string;
  readonly kind: OrganizationKind.VILLAGE | OrganizationKind.COMMUNITY;
  /** last 3 digits of the 12-digit division code: 0xx 居委会, 2xx 村委会 */
  readonly code: string;
  readonly grids: number;
  readonly lon: number;
  readonly lat: number;
  /** streets of a community, for addresses; villages use 组 (村民小组) numbers instead */
  readonly streets?: readonly string[];
}

const AREAS: readonly AreaDef[] = [
  { slug: 'nanping', name: '南平社区', kind: OrganizationKind.COMMUNITY, code: '001', grids: 3, lon: 107.0702, lat: 29.0497, streets: ['南平大街', '新街', '河街', '文化路'] },
  { slug: 'longmen', name: '龙门社区', kind: OrganizationKind.COMMUNITY, code: '002', grids: 3, lon: 107.0631, lat: 29.0562, streets: ['龙门路', '滨河路', '龙门街', '工业路'] },
  { slug: 'wenfeng', name: '文凤村', kind: OrganizationKind.VILLAGE, code: '200', grids: 3, lon: 107.0868, lat: 29.0713 },
  { slug: 'shuanghe', name: '双河村', kind: OrganizationKind.VILLAGE, code: '201', grids: 2, lon: 107.0497, lat: 29.0384 },
  { slug: 'longshan', name: '龙山村', kind: OrganizationKind.VILLAGE, code: '202', grids: 3, lon: 107.1012, lat: 29.0456 },
  { slug: 'shixi', name: '石溪村', kind: OrganizationKind.VILLAGE, code: '203', grids: 2, lon: 107.0385, lat: 29.0621 },
  { slug: 'jinlong', name: '金龙村', kind: OrganizationKind.VILLAGE, code: '204', grids: 3, lon: 107.0794, lat: 29.0265 },
  { slug: 'xinhua', name: '新华村', kind: OrganizationKind.VILLAGE, code: '205', grids: 2, lon: 107.0573, lat: 29.0806 },
  { slug: 'fushou', name: '福寿村', kind: OrganizationKind.VILLAGE, code: '206', grids: 2, lon: 107.1094, lat: 29.0688 },
  { slug: 'yonglong', name: '永隆村', kind: OrganizationKind.VILLAGE, code: '207', grids: 2, lon: 107.0281, lat: 29.0417 },
  { slug: 'dashi', name: '大石村', kind: OrganizationKind.VILLAGE, code: '208', grids: 2, lon: 107.0936, lat: 29.0142 },
  { slug: 'baiguo', name: '白果村', kind: OrganizationKind.VILLAGE, code: '209', grids: 2, lon: 107.0462, lat: 29.0128 },
  { slug: 'qinglong', name: '青龙村', kind: OrganizationKind.VILLAGE, code: '210', grids: 3, lon: 107.1153, lat: 29.0317 },
  { slug: 'qingyuan', name: '庆元村', kind: OrganizationKind.VILLAGE, code: '211', grids: 2, lon: 107.0721, lat: 29.0931 },
  { slug: 'mazui', name: '马嘴村', kind: OrganizationKind.VILLAGE, code: '212', grids: 2, lon: 107.0248, lat: 29.0773 },
];

// ---------------------------------------------------------------- enterprises

interface EnterpriseType {
  readonly sector: string;
  readonly employees: readonly [number, number];
  readonly scope: string;
  /** first two characters of the credit code: 91 company, 92 individual business, 93 farmers' cooperative */
  readonly codePrefix?: '91' | '92' | '93';
  /** small businesses where the owner is also the safety manager */
  readonly selfManaged?: boolean;
}

const T = {
  gasStation: { sector: 'HAZARDOUS_CHEMICALS', employees: [6, 14], scope: '许可项目:成品油零售(汽油、柴油);危险化学品经营。一般项目:润滑油、日用百货销售。' },
  industrialGas: { sector: 'HAZARDOUS_CHEMICALS', employees: [3, 6], scope: '许可项目:危险化学品经营(工业氧气、溶解乙炔、液氩,不带储存设施)。一般项目:焊接器材销售。' },
  lpg: { sector: 'GAS', employees: [5, 12], scope: '许可项目:燃气经营(瓶装液化石油气充装、销售)。一般项目:燃气器具销售、安装、维修。' },
  pipedGas: { sector: 'GAS', employees: [8, 20], scope: '许可项目:燃气经营(管道天然气供应);燃气燃烧器具安装、维修。' },
  quarry: { sector: 'NON_COAL_MINE', employees: [15, 45], scope: '许可项目:非煤矿山矿产资源开采(建筑石料用灰岩)。一般项目:建筑用石加工、砂石销售。' },
  fireworks: { sector: 'FIREWORKS', employees: [1, 3], codePrefix: '92', selfManaged: true, scope: '许可项目:烟花爆竹零售。一般项目:日用百货、文具用品零售。' },
  construction: { sector: 'CONSTRUCTION', employees: [30, 120], scope: '许可项目:建设工程施工。一般项目:土石方工程施工、园林绿化工程施工、建筑材料销售。' },
  freight: { sector: 'ROAD_TRANSPORT', employees: [12, 40], scope: '许可项目:道路货物运输(不含危险货物)。一般项目:装卸搬运、汽车租赁。' },
  passenger: { sector: 'ROAD_TRANSPORT', employees: [25, 60], scope: '许可项目:道路旅客运输经营、道路旅客运输站经营。一般项目:停车场服务。' },
  market: { sector: 'CROWDED_PLACES', employees: [8, 20], scope: '一般项目:农贸市场管理服务、柜台及摊位出租、物业管理。' },
  hotel: { sector: 'CROWDED_PLACES', employees: [15, 40], scope: '许可项目:住宿服务、餐饮服务。一般项目:会议及展览服务、停车场服务。' },
  mall: { sector: 'CROWDED_PLACES', employees: [20, 50], scope: '许可项目:食品销售、烟草制品零售。一般项目:日用百货、服装鞋帽、家用电器销售。' },
  entertainment: { sector: 'CROWDED_PLACES', employees: [6, 15], scope: '许可项目:歌舞娱乐活动。一般项目:棋牌室服务、茶艺服务。' },
  foundry: { sector: 'METALLURGY', employees: [20, 60], scope: '一般项目:黑色金属铸造、机械零部件加工及销售。' },
  aluminium: { sector: 'NONFERROUS', employees: [30, 80], scope: '一般项目:有色金属压延加工(铝型材)、金属门窗制造及销售。' },
  concrete: { sector: 'BUILDING_MATERIALS', employees: [20, 45], scope: '一般项目:商品混凝土生产及销售、水泥制品制造、砂石加工。' },
  brick: { sector: 'BUILDING_MATERIALS', employees: [15, 40], scope: '一般项目:砖瓦制造(页岩砖、多孔砖)、建筑材料销售。' },
  cementProducts: { sector: 'BUILDING_MATERIALS', employees: [8, 20], scope: '一般项目:水泥制品制造、水泥预制构件销售。' },
  sand: { sector: 'BUILDING_MATERIALS', employees: [6, 15], scope: '一般项目:建筑用石加工、机制砂生产及销售。' },
  bambooShoots: { sector: 'FOOD_PROCESSING', employees: [20, 60], scope: '许可项目:食品生产(方竹笋罐头、蔬菜制品)。一般项目:农产品收购、初加工。' },
  tea: { sector: 'FOOD_PROCESSING', employees: [10, 30], scope: '许可项目:茶叶制品生产。一般项目:茶叶种植、销售,农业观光。' },
  liquor: { sector: 'FOOD_PROCESSING', employees: [5, 15], scope: '许可项目:酒类生产(固态法白酒)、食品销售。' },
  rice: { sector: 'FOOD_PROCESSING', employees: [6, 15], scope: '许可项目:粮食加工食品生产。一般项目:粮食收购、稻谷加工。' },
  curedMeat: { sector: 'FOOD_PROCESSING', employees: [5, 20], scope: '许可项目:食品生产(腌腊肉制品)。一般项目:食用农产品初加工。' },
  tofu: { sector: 'FOOD_PROCESSING', employees: [2, 6], codePrefix: '92', selfManaged: true, scope: '许可项目:食品小作坊经营(豆制品)。' },
  herbCoop: { sector: 'AGRICULTURE', employees: [5, 20], codePrefix: '93', scope: '一般项目:中药材种植、收购、初加工;组织收购、销售成员种植的产品;开展技术培训。' },
  livestock: { sector: 'AGRICULTURE', employees: [6, 20], scope: '许可项目:生猪养殖、种畜禽生产经营。一般项目:饲料销售。' },
  cropCoop: { sector: 'AGRICULTURE', employees: [5, 15], codePrefix: '93', scope: '一般项目:蔬菜、水果、方竹种植与销售;组织采购、供应成员所需的农业生产资料;农业技术推广。' },
  familyFarm: { sector: 'AGRICULTURE', employees: [2, 6], codePrefix: '92', selfManaged: true, scope: '一般项目:粮食、蔬菜种植,家禽饲养,休闲观光活动。' },
  scenic: { sector: 'TOURISM', employees: [20, 60], scope: '一般项目:游览景区管理、旅游开发项目策划咨询、休闲观光活动。许可项目:餐饮服务、住宿服务。' },
  agriTourism: { sector: 'TOURISM', employees: [8, 20], scope: '一般项目:农业观光、休闲垂钓、采摘体验。许可项目:餐饮服务。' },
  farmstay: { sector: 'TOURISM', employees: [3, 10], codePrefix: '92', selfManaged: true, scope: '许可项目:餐饮服务、住宿服务。一般项目:农家乐休闲观光、垂钓服务。' },
  agriSupply: { sector: 'TRADE', employees: [2, 5], scope: '许可项目:农药经营(不含危险化学品农药)。一般项目:化肥、种子、农膜、农机具销售。' },
  buildingSupply: { sector: 'TRADE', employees: [2, 6], scope: '一般项目:建筑材料、五金产品、卫生洁具销售。' },
  grocery: { sector: 'TRADE', employees: [2, 5], codePrefix: '92', selfManaged: true, scope: '许可项目:食品销售、烟草制品零售。一般项目:日用百货销售。' },
  logistics: { sector: 'WAREHOUSING', employees: [8, 25], scope: '一般项目:普通货物仓储服务(不含危险化学品)、装卸搬运、国内货物运输代理。' },
  coldChain: { sector: 'WAREHOUSING', employees: [6, 15], scope: '一般项目:低温仓储(不含危险化学品)、农产品收购、冷链运输代理。' },
  restaurant: { sector: 'CATERING', employees: [4, 10], codePrefix: '92', selfManaged: true, scope: '许可项目:餐饮服务。' },
  catering: { sector: 'CATERING', employees: [8, 20], scope: '许可项目:餐饮服务、食品销售。一般项目:餐饮管理。' },
  farmMachinery: { sector: 'MACHINERY', employees: [4, 10], scope: '一般项目:农业机械维修、销售,机械零部件加工。' },
  machinery: { sector: 'MACHINERY', employees: [20, 50], scope: '一般项目:通用设备制造、机械零部件加工及销售。' },
  bamboo: { sector: 'LIGHT_INDUSTRY', employees: [10, 30], scope: '一般项目:竹制品制造、竹木加工、日用木制品销售。' },
  furniture: { sector: 'LIGHT_INDUSTRY', employees: [8, 20], scope: '一般项目:家具制造、家具销售。' },
  garment: { sector: 'TEXTILES', employees: [20, 60], scope: '一般项目:服装制造、服装服饰批发零售。' },
  hydropower: { sector: 'OTHER', employees: [4, 10], scope: '许可项目:发电业务。一般项目:水力发电站运行维护。' },
  waterSupply: { sector: 'OTHER', employees: [8, 20], scope: '许可项目:集中式供水。一般项目:供水设施安装、维修。' },
} satisfies Record<string, EnterpriseType>;

type EnterpriseRow = readonly [key: string, name: string, type: keyof typeof T, parentKey: string];

/** 60 enterprises; 22 of them in high-risk sectors. */
const ENTERPRISES: readonly EnterpriseRow[] = [
  ['ent-sinopec-nanping', '中国石化销售股份有限公司重庆南川南平加油站', 'gasStation', 'grid-nanping-2'],
  ['ent-sinopec-longmen', '中国石化销售股份有限公司重庆南川龙门加油站', 'gasStation', 'grid-longmen-3'],
  ['ent-jinlong-gas-station', '重庆市南川区南平镇金龙加油站有限公司', 'gasStation', 'grid-jinlong-1'],
  ['ent-fengming-industrial-gas', '重庆市南川区南平镇凤鸣气体经营部', 'industrialGas', 'grid-longmen-1'],
  ['ent-xinyuan-lpg', '重庆市南川区南平镇鑫源液化气有限公司', 'lpg', 'grid-nanping-3'],
  ['ent-shunan-gas', '重庆南川顺安燃气有限公司南平供气站', 'pipedGas', 'grid-longmen-1'],
  ['ent-hongfa-quarry', '重庆市南川区南平镇宏发采石场', 'quarry', 'grid-longshan-2'],
  ['ent-dashi-stone', '重庆市南川区南平镇大石石材有限公司', 'quarry', 'grid-dashi-1'],
  ['ent-qinglong-quarry', '重庆市南川区南平镇青龙采石场', 'quarry', 'grid-qinglong-3'],
  ['ent-xiangrui-fireworks', '南川区南平镇祥瑞烟花爆竹经营部', 'fireworks', 'grid-nanping-1'],
  ['ent-longteng-fireworks', '南川区南平镇龙腾烟花爆竹经营部', 'fireworks', 'grid-longmen-2'],
  ['ent-fushou-fireworks', '南川区南平镇福寿烟花爆竹零售点', 'fireworks', 'village-fushou'],
  ['ent-hengtong-construction', '重庆恒通建筑工程有限公司', 'construction', 'grid-nanping-2'],
  ['ent-jiarui-construction', '重庆市南川区嘉瑞建设工程有限公司', 'construction', 'grid-longmen-1'],
  ['ent-chuanping-construction', '重庆川平市政工程有限公司', 'construction', 'village-shuanghe'],
  ['ent-shunda-transport', '重庆市南川区南平镇顺达运输有限公司', 'freight', 'grid-longmen-3'],
  ['ent-nanping-passenger', '重庆市南川区南平客运有限公司', 'passenger', 'grid-nanping-1'],
  ['ent-nanping-market', '重庆市南川区南平镇农贸市场管理有限公司', 'market', 'grid-nanping-1'],
  ['ent-jinfo-hotel', '重庆市南川区南平镇金佛大酒店有限公司', 'hotel', 'grid-nanping-3'],
  ['ent-juxin-mall', '重庆市南川区聚鑫购物广场有限公司', 'mall', 'grid-longmen-2'],
  ['ent-xingyun-ktv', '重庆市南川区南平镇星韵娱乐有限公司', 'entertainment', 'grid-nanping-2'],
  ['ent-jinxing-foundry', '重庆市南川区金兴铸造有限公司', 'foundry', 'grid-shixi-1'],
  ['ent-xintai-aluminium', '重庆市南川区南平镇鑫泰铝业有限公司', 'aluminium', 'grid-shixi-1'],
  ['ent-desheng-concrete', '重庆市南川区德胜商品混凝土有限公司', 'concrete', 'grid-shuanghe-1'],
  ['ent-hongsheng-brick', '重庆市南川区南平镇宏盛页岩砖有限公司', 'brick', 'grid-jinlong-2'],
  ['ent-fumin-brick', '重庆市南川区南平镇富民砖厂', 'brick', 'grid-xinhua-1'],
  ['ent-lisheng-cement', '重庆市南川区南平镇利生水泥制品有限公司', 'cementProducts', 'grid-yonglong-1'],
  ['ent-yongxing-sand', '重庆市南川区南平镇永兴砂石加工厂', 'sand', 'grid-qinglong-2'],
  ['ent-lvyuan-bamboo-shoots', '重庆市南川区绿源方竹笋食品有限公司', 'bambooShoots', 'grid-wenfeng-1'],
  ['ent-shanzhen-food', '重庆市南川区南平镇山珍食品有限公司', 'bambooShoots', 'grid-mazui-2'],
  ['ent-dashu-tea', '重庆市南川区南平镇大树茶业有限公司', 'tea', 'grid-longshan-1'],
  ['ent-fengxiang-liquor', '重庆市南川区南平镇凤香酒厂', 'liquor', 'grid-wenfeng-2'],
  ['ent-fengshou-rice', '重庆市南川区南平镇丰收米业有限公司', 'rice', 'grid-shuanghe-2'],
  ['ent-laowei-food', '重庆市南川区南平镇老味食品有限公司', 'curedMeat', 'grid-baiguo-1'],
  ['ent-xianghe-tofu', '南川区南平镇香河豆制品加工坊', 'tofu', 'grid-dashi-1'],
  ['ent-yikang-herbs', '重庆市南川区南平镇益康中药材种植专业合作社', 'herbCoop', 'grid-longshan-3'],
  ['ent-xingwang-pigs', '重庆市南川区南平镇兴旺生猪养殖有限公司', 'livestock', 'grid-jinlong-3'],
  ['ent-fuyuan-produce', '重庆市南川区南平镇福源果蔬种植专业合作社', 'cropCoop', 'grid-fushou-1'],
  ['ent-cuizhu-bamboo-coop', '重庆市南川区南平镇翠竹方竹种植专业合作社', 'cropCoop', 'grid-qingyuan-1'],
  ['ent-yunwu-tea-coop', '重庆市南川区南平镇云雾茶叶专业合作社', 'herbCoop', 'grid-qinglong-1'],
  ['ent-lvye-farm', '南川区南平镇绿野家庭农场', 'familyFarm', 'grid-yonglong-1'],
  ['ent-shixigu-tourism', '重庆市南川区石溪谷乡村旅游开发有限公司', 'scenic', 'grid-shixi-2'],
  ['ent-baiguowan-eco', '重庆市南川区南平镇白果湾生态农业观光有限公司', 'agriTourism', 'grid-baiguo-2'],
  ['ent-qingshan-farmstay', '南川区南平镇青山农家乐', 'farmstay', 'grid-wenfeng-3'],
  ['ent-youran-farmstay', '南川区南平镇悠然山庄', 'farmstay', 'grid-mazui-1'],
  ['ent-huinong-agri-supply', '重庆市南川区南平镇惠农农资有限公司', 'agriSupply', 'grid-nanping-1'],
  ['ent-xingye-building-supply', '重庆市南川区南平镇兴业建材有限公司', 'buildingSupply', 'grid-longmen-1'],
  ['ent-wanjiafu-grocery', '南川区南平镇万家福超市', 'grocery', 'grid-xinhua-2'],
  ['ent-shunfa-grocery', '南川区南平镇顺发便利店', 'grocery', 'grid-nanping-3'],
  ['ent-tongda-logistics', '重庆市南川区南平镇通达物流有限公司', 'logistics', 'grid-longmen-3'],
  ['ent-xianda-cold-chain', '重庆市南川区鲜达农产品冷链仓储有限公司', 'coldChain', 'grid-shuanghe-1'],
  ['ent-laojie-restaurant', '南川区南平镇老街餐馆', 'restaurant', 'grid-nanping-3'],
  ['ent-jufu-catering', '重庆市南川区南平镇聚福餐饮有限公司', 'catering', 'grid-longmen-2'],
  ['ent-limin-farm-machinery', '重庆市南川区南平镇利民农机修理厂', 'farmMachinery', 'grid-yonglong-2'],
  ['ent-hongda-machinery', '重庆市南川区宏达机械制造有限公司', 'machinery', 'grid-dashi-2'],
  ['ent-zhuyun-bamboo', '重庆市南川区南平镇竹韵竹木制品有限公司', 'bamboo', 'grid-qingyuan-2'],
  ['ent-xingjia-furniture', '重庆市南川区南平镇兴家家具厂', 'furniture', 'grid-xinhua-1'],
  ['ent-jinxiu-garment', '重庆市南川区南平镇锦绣服装加工有限公司', 'garment', 'grid-longmen-1'],
  ['ent-longtan-hydropower', '重庆市南川区南平镇龙潭水电站', 'hydropower', 'grid-shuanghe-2'],
  ['ent-nanping-water', '重庆市南川区南平自来水有限公司', 'waterSupply', 'grid-nanping-1'],
];

interface InstitutionDef {
  readonly key: string;
  readonly name: string;
  readonly shortName: string;
  readonly parentKey: string;
  readonly headTitle: string;
}

const INSTITUTIONS: readonly InstitutionDef[] = [
  { key: 'inst-central-primary', name: '重庆市南川区南平镇中心小学', shortName: '南平镇中心小学', parentKey: 'grid-nanping-1', headTitle: '校长' },
  { key: 'inst-health-centre', name: '重庆市南川区南平镇卫生院', shortName: '南平镇卫生院', parentKey: 'grid-nanping-2', headTitle: '院长' },
  { key: 'inst-middle-school', name: '重庆市南川区南平中学校', shortName: '南平中学', parentKey: 'grid-longmen-2', headTitle: '校长' },
  { key: 'inst-nursing-home', name: '重庆市南川区南平镇敬老院', shortName: '南平镇敬老院', parentKey: 'village-wenfeng', headTitle: '院长' },
];

// ---------------------------------------------------------------- deterministic helpers

/** FNV-1a hash of a string, used to seed one PRNG per record. */
function hashKey(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The kernel's seed generator, keyed by the FNV-1a hash of a record key and SEED, with the town data's own helpers. */
class Rng extends SeedRandom {
  constructor(key: string) {
    super(hashKey(key) ^ SEED);
  }

  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  /** A coordinate offset by up to ±spread, kept within MAX_OFFSET of the town centre, 6 decimals. */
  near(value: number, centre: number, spread: number): number {
    const v = Math.min(centre + MAX_OFFSET, Math.max(centre - MAX_OFFSET, value + (this.next() * 2 - 1) * spread));
    return Math.round(v * 1e6) / 1e6;
  }
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function date(rng: Rng, fromYear: number, toYear: number): string {
  return `${rng.int(fromYear, toYear)}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`;
}

/** Draws until the value is new, then records it. */
function unique(used: Set<string>, draw: () => string): string {
  for (;;) {
    const value = draw();
    if (!used.has(value)) {
      used.add(value);
      return value;
    }
  }
}

function chineseName(rng: Rng, gender: Gender): string {
  const given = gender === Gender.MALE ? MALE_GIVEN : FEMALE_GIVEN;
  const first = rng.pick(given);
  return rng.pick(SURNAMES) + first + (rng.next() < 0.3 ? '' : rng.pick(given.filter((c) => c !== first)));
}

// ---------------------------------------------------------------- builder

interface PersonOptions {
  readonly gender?: Gender;
  readonly born?: readonly [number, number];
  readonly maleShare?: number;
}

class TownBuilder {
  readonly organizations: SeedOrganization[] = [];
  readonly persons: SeedPerson[] = [];
  readonly positions: SeedPosition[] = [];
  private readonly used = { names: new Set<string>(), phones: new Set<string>(), ids: new Set<string>(), codes: new Set<string>() };

  org(org: SeedOrganization): SeedOrganization {
    this.organizations.push(org);
    return org;
  }

  person(key: string, options: PersonOptions = {}): SeedPerson {
    const rng = new Rng(key);
    const gender = options.gender ?? (rng.next() < (options.maleShare ?? 0.6) ? Gender.MALE : Gender.FEMALE);
    const [from, to] = options.born ?? [1965, 1998];
    const birthDate = `${rng.int(from, to)}${pad2(rng.int(1, 12))}${pad2(rng.int(1, 28))}`;
    const genderDigits = gender === Gender.MALE ? '13579' : '02468';
    const person: SeedPerson = {
      key,
      name: unique(this.used.names, () => chineseName(rng, gender)),
      gender,
      phone: unique(this.used.phones, () => rng.pick(MOBILE_PREFIXES) + rng.chars('0123456789', 8)),
      idNumber: unique(this.used.ids, () => idNumber(REGION, birthDate, rng.chars('0123456789', 2) + rng.chars(genderDigits, 1))),
    };
    this.persons.push(person);
    return person;
  }

  hold(person: SeedPerson, organizationKey: string, title: string, isLead = false): void {
    const startedOn = date(new Rng(`${person.key}@${organizationKey}/${title}`), 2018, 2024);
    this.positions.push({ personKey: person.key, organizationKey, title, isLead, startedOn });
  }

  /** Office landline of the 023 area, 023-71xxxxxx; landlines share the phone set with mobiles. */
  landline(key: string): string {
    const rng = new Rng(`landline:${key}`);
    return unique(this.used.phones, () => `023-71${rng.chars('0123456789', 6)}`);
  }

  /** Unified social credit code with a numeric (older) or MA-prefixed (post-2015) organization code body. */
  creditCode(key: string, prefix: string): string {
    const rng = new Rng(`code:${key}`);
    return unique(this.used.codes, () => {
      const body = prefix !== '12' && rng.next() < 0.7
        ? `MA${rng.pick(['5U', '5Y', '60', '61', '6A'])}${rng.chars('0123456789ABCDEFGHJKLMNPQRTUWXY', 4)}`
        : `${prefix === '12' ? '4' : rng.int(5, 7)}${rng.chars('0123456789', 7)}`;
      return creditCode(prefix, REGION, body);
    });
  }
}

// ---------------------------------------------------------------- the town

function buildTown(): TownData {
  const b = new TownBuilder();
  const coords = new Map<string, { lon: number; lat: number; area: AreaDef | null }>();

  b.org({
    key: 'town', parentKey: null, kind: OrganizationKind.TOWN_GOVERNMENT, name: '南平镇人民政府', shortName: '南平镇',
    code: TOWN_DIVISION_CODE, address: TOWN_ADDRESS, longitude: CENTRE.lon, latitude: CENTRE.lat,
    contacts: [
      { name: '值班电话', role: null, phone: b.landline('town-duty') },
      { name: '党政办公室', role: null, phone: b.landline('town-office') },
      { name: '安全生产举报电话', role: '镇安办', phone: b.landline('town-safety-report') },
    ],
  });
  coords.set('town', { ...CENTRE, area: null });
  b.hold(b.person('person-town-secretary', { born: [1972, 1982], maleShare: 0.8 }), 'town', '党委书记', true);
  b.hold(b.person('person-town-mayor', { born: [1975, 1985], maleShare: 0.7 }), 'town', '镇长', true);
  b.hold(b.person('person-town-deputy-safety', { born: [1978, 1988], maleShare: 0.7 }), 'town', '分管安全副镇长');

  for (const d of DEPARTMENTS) {
    const key = `dept-${d.slug}`;
    const duty = d.slug === 'emergency' ? '应急值班电话' : '办公电话';
    b.org({
      key, parentKey: 'town', kind: OrganizationKind.DEPARTMENT, name: d.name, shortName: d.shortName,
      address: TOWN_ADDRESS, longitude: CENTRE.lon, latitude: CENTRE.lat,
      contacts: [{ name: duty, role: null, phone: b.landline(key) }],
    });
    b.hold(b.person(`person-${key}-head`, { born: [1970, 1988] }), key, d.headTitle, true);
    for (let i = 1; i <= d.staff; i++) b.hold(b.person(`person-${key}-staff-${i}`, { born: [1980, 1998] }), key, d.staffTitle);
  }

  for (const a of AREAS) {
    const key = `${a.kind === OrganizationKind.COMMUNITY ? 'community' : 'village'}-${a.slug}`;
    const rng = new Rng(key);
    const community = a.kind === OrganizationKind.COMMUNITY;
    b.org({
      key, parentKey: 'town', kind: a.kind, name: a.name, code: `500119108${a.code}`,
      address: community ? `${ADDRESS_PREFIX}${a.streets?.[0]}${rng.int(2, 80)}号` : `${ADDRESS_PREFIX}${a.name}${rng.int(1, 8)}组`,
      longitude: a.lon, latitude: a.lat,
      contacts: [{ name: community ? '社区值班电话' : '村委会值班电话', role: null, phone: b.landline(key) }],
    });
    coords.set(key, { lon: a.lon, lat: a.lat, area: a });
    b.hold(b.person(`person-${key}-lead`, { born: [1965, 1985], maleShare: 0.75 }), key, community ? '居委会主任' : '党支部书记', true);
    const emergency = b.person(`person-${key}-emergency`, { born: [1975, 1995], maleShare: 0.7 });
    b.hold(emergency, key, '应急专干');
    // in the smaller villages the emergency officer doubles as disaster information officer
    const disaster = !community && a.grids === 2 ? emergency : b.person(`person-${key}-disaster`, { born: [1970, 1995], maleShare: 0.5 });
    b.hold(disaster, key, '灾害信息员');

    for (let g = 1; g <= a.grids; g++) {
      const gridKey = `grid-${a.slug}-${g}`;
      const gridRng = new Rng(gridKey);
      const lon = gridRng.near(a.lon, CENTRE.lon, 0.008);
      const lat = gridRng.near(a.lat, CENTRE.lat, 0.008);
      b.org({ key: gridKey, parentKey: key, kind: OrganizationKind.GRID, name: `${a.name}第${CN_NUMERALS[g]}网格`, longitude: lon, latitude: lat });
      coords.set(gridKey, { lon, lat, area: a });
      b.hold(b.person(`person-${gridKey}-gridman`, { born: [1965, 1998], maleShare: 0.5 }), gridKey, '网格员');
    }
  }

  const addressIn = (rng: Rng, area: AreaDef): string =>
    area.streets ? `${ADDRESS_PREFIX}${rng.pick(area.streets)}${rng.int(1, 260)}号` : `${ADDRESS_PREFIX}${area.name}${rng.int(1, 12)}组`;

  for (const [key, name, typeName, parentKey] of ENTERPRISES) {
    const type: EnterpriseType = T[typeName];
    const rng = new Rng(key);
    const parent = coords.get(parentKey);
    if (!parent?.area) throw new Error(`enterprise ${key}: unknown parent ${parentKey}`);
    const lead = b.person(`person-${key}-lead`, { born: [1962, 1990], maleShare: 0.75 });
    const safetyManager = type.selfManaged ? lead : b.person(`person-${key}-safety`, { born: [1970, 1998] });
    b.org({
      key, parentKey, kind: OrganizationKind.ENTERPRISE, name,
      code: b.creditCode(key, type.codePrefix ?? '91'), address: addressIn(rng, parent.area),
      longitude: rng.near(parent.lon, CENTRE.lon, 0.006), latitude: rng.near(parent.lat, CENTRE.lat, 0.006),
      contacts: [{ name: '办公电话', role: null, phone: b.landline(key) }],
      enterprise: {
        sectorCode: type.sector, employeeCount: rng.int(type.employees[0], type.employees[1]),
        legalRepresentative: lead.name, businessScope: type.scope, safetyManagerKey: safetyManager.key,
      },
    });
    b.hold(lead, key, '主要负责人', true);
    b.hold(safetyManager, key, '安全管理员');
  }

  for (const inst of INSTITUTIONS) {
    const rng = new Rng(inst.key);
    const parent = coords.get(inst.parentKey);
    if (!parent?.area) throw new Error(`institution ${inst.key}: unknown parent ${inst.parentKey}`);
    const contacts = [{ name: '办公电话', role: null, phone: b.landline(inst.key) }];
    if (inst.key === 'inst-health-centre') contacts.push({ name: '急诊电话', role: null, phone: b.landline(`${inst.key}-emergency`) });
    b.org({
      key: inst.key, parentKey: inst.parentKey, kind: OrganizationKind.PUBLIC_INSTITUTION, name: inst.name, shortName: inst.shortName,
      code: b.creditCode(inst.key, '12'), address: addressIn(rng, parent.area),
      longitude: rng.near(parent.lon, CENTRE.lon, 0.004), latitude: rng.near(parent.lat, CENTRE.lat, 0.004), contacts,
    });
    b.hold(b.person(`person-${inst.key}-head`, { born: [1965, 1985] }), inst.key, inst.headTitle, true);
    b.hold(b.person(`person-${inst.key}-safety`, { born: [1975, 1995] }), inst.key, '安全管理员');
  }

  return { organizations: b.organizations, persons: b.persons, positions: b.positions };
}

export const TOWN: TownData = buildTown();
