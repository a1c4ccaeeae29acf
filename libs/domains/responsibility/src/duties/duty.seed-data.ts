import { DutyCategory as C } from './duty.enums';

/** A seeded duty as written in the list. */
export interface SeedDuty {
  readonly key: string;
  readonly text: string;
  readonly legalBasis: string;
  readonly category: C;
}

/** A seeded official: their 2025 list (signed), how the 2026 revision differs, and the actions recorded. */
export interface SeedOfficial {
  /** `person-…` of the directory seed. */
  readonly person: string;
  /** `town`, `dept-<slug>` or `village-<slug>`. */
  readonly organization: string;
  readonly position: string;
  readonly duties2025: readonly SeedDuty[];
  readonly revision2026: {
    readonly removed: readonly string[];
    readonly changed: Readonly<Record<string, Partial<Pick<SeedDuty, 'text' | 'legalBasis' | 'category'>>>>;
    readonly added: readonly SeedDuty[];
    /** The day it was signed; a draft when absent. */
    readonly signedOn?: string;
  };
  /** Actions: item key, day, what was done, and the code of the 2025 key task it concerned (if any). */
  readonly actions: ReadonlyArray<readonly [string, string, string] | readonly [string, string, string, string]>;
}

const LAW = '《中华人民共和国安全生产法》';
const RESP = '《地方党政领导干部安全生产责任制规定》（厅字〔2018〕13号）';
const FIRE = '《中华人民共和国消防法》第三十二条';
const GEO = '《地质灾害防治条例》';
const EMERGENCY = '《生产安全事故应急条例》';
const EVENTS = '《中华人民共和国突发事件应对法》';

/**
 * The town's officials with duty lists (两张清单 之 职责清单): the party secretary, the mayor, the deputy
 * mayor in charge of safety, the heads of 镇安办 and 应急办, and the party secretary of 文凤村.
 */
export const SEED_OFFICIALS: readonly SeedOfficial[] = [
  {
    person: 'person-town-secretary', organization: 'town', position: '党委书记',
    duties2025: [
      { key: 'LEAD-01', text: '把安全生产和防灾减灾救灾工作纳入镇党委重要议事日程，每季度至少主持召开1次党委会研究安全生产工作', legalBasis: `${RESP}第五条`, category: C.LEADERSHIP },
      { key: 'LEAD-02', text: '落实“党政同责、一岗双责、齐抓共管、失职追责”，督促班子成员履行分管领域安全生产职责', legalBasis: `${LAW}第三条`, category: C.LEADERSHIP },
      { key: 'LEAD-03', text: '将安全生产工作纳入干部考核和评先评优，落实安全生产“一票否决”', legalBasis: `${RESP}第四章`, category: C.LEADERSHIP },
      { key: 'SUP-01', text: '每半年至少带队督导检查1次重点行业领域和村（社区）安全生产工作', legalBasis: `${RESP}第五条`, category: C.SUPERVISION },
      { key: 'HAZ-01', text: '听取重大事故隐患整改情况汇报，督促重大事故隐患挂牌督办、按期销号', legalBasis: `${LAW}第九条`, category: C.HAZARD_CONTROL },
      { key: 'EMG-01', text: '汛期和重要节假日带头值班值守，组织指挥较大及以上突发事件先期处置', legalBasis: `${EVENTS}第七条`, category: C.EMERGENCY },
      { key: 'PUB-01', text: '党委理论学习中心组每年至少集中学习1次安全生产法律法规和习近平总书记关于安全生产的重要论述', legalBasis: `${RESP}第五条`, category: C.PUBLICITY_TRAINING },
    ],
    revision2026: {
      removed: ['PUB-01'],
      changed: {
        'LEAD-03': { text: '将安全生产工作纳入干部考核、评先评优和干部任用，落实安全生产“一票否决”和履职评定' },
        'SUP-01': { legalBasis: `${RESP}第五条；《安全生产考核巡查办法》（厅字〔2024〕47号）` },
      },
      added: [{ key: 'DIS-01', text: '主持研究汛期地质灾害和洪涝灾害防范工作，督促落实“三个避让”和“三个紧急撤离”', legalBasis: `${GEO}第五条`, category: C.DISASTER_PREVENTION }],
      signedOn: '2026-02-10',
    },
    actions: [
      ['LEAD-01', '2025-03-18', '主持召开镇党委会，专题研究2025年安全生产和防灾减灾救灾工作要点'],
      ['LEAD-01', '2025-06-24', '主持召开镇党委会，研究汛期安全防范和主汛期值班安排'],
      ['SUP-01', '2025-05-20', '带队督导检查南平加油站和文凤村地质灾害隐患点'],
      ['HAZ-01', '2025-09-12', '听取镇安办关于重大事故隐患挂牌督办整改情况汇报'],
      ['EMG-01', '2025-07-08', '强降雨期间带班值守，指挥双河村受威胁群众转移避险'],
      ['LEAD-01', '2026-02-26', '主持召开镇党委会，研究2026年安全生产职责清单和重点任务清单'],
    ],
  },
  {
    person: 'person-town-mayor', organization: 'town', position: '镇长',
    duties2025: [
      { key: 'GOV-01', text: '组织实施全镇安全生产和防灾减灾救灾工作，每季度至少主持召开1次镇政府常务会议研究安全生产工作', legalBasis: `${RESP}第六条`, category: C.LEADERSHIP },
      { key: 'GOV-02', text: '将安全生产、应急管理和消防工作经费纳入镇财政预算并保障到位', legalBasis: `${LAW}第九条`, category: C.LEADERSHIP },
      { key: 'GOV-03', text: '按照“三管三必须”明确镇属各办（站、所）安全监管职责，消除监管盲区', legalBasis: `${LAW}第三条`, category: C.SUPERVISION },
      { key: 'HAZ-01', text: '组织开展安全生产大排查大整治，督办重大事故隐患整改', legalBasis: `${LAW}第九条第二款`, category: C.HAZARD_CONTROL },
      { key: 'EMG-01', text: '组织修订镇总体应急预案，每年至少组织1次综合应急演练', legalBasis: `${EMERGENCY}第五条`, category: C.EMERGENCY },
      { key: 'DIS-01', text: '组织汛期地质灾害和洪涝灾害隐患排查及受威胁群众避险转移', legalBasis: GEO, category: C.DISASTER_PREVENTION },
      { key: 'FIRE-01', text: '组织开展乡镇消防安全工作，推动多种形式消防队伍建设', legalBasis: FIRE, category: C.FIRE_SAFETY },
    ],
    revision2026: {
      removed: [],
      changed: { 'EMG-01': { text: '组织修订镇总体应急预案，每年至少组织1次综合应急演练，汛前组织1次防汛和地质灾害避险演练' } },
      added: [{ key: 'SUP-02', text: '组织开展涉企行政检查统筹，防止多头检查、重复检查', legalBasis: '《国务院办公厅关于严格规范涉企行政检查的意见》（国办发〔2024〕54号）', category: C.SUPERVISION }],
      signedOn: '2026-02-12',
    },
    actions: [
      ['GOV-01', '2025-04-15', '主持召开镇政府常务会议，部署安全生产月和防灾减灾日活动'],
      ['GOV-02', '2025-03-05', '审定2025年安全生产和应急管理专项经费预算'],
      ['EMG-01', '2025-06-13', '组织开展南平镇2025年防汛和地质灾害综合应急演练'],
      ['DIS-01', '2025-05-28', '带队检查龙山村、石溪村地质灾害隐患点监测预警设施'],
    ],
  },
  {
    person: 'person-town-deputy-safety', organization: 'town', position: '分管安全副镇长',
    duties2025: [
      { key: 'SAF-01', text: '协助镇长抓好全镇安全生产工作，具体负责镇安委会办公室日常工作', legalBasis: `${RESP}第八条`, category: C.LEADERSHIP },
      { key: 'SAF-02', text: '每月至少带队开展1次安全生产检查，督促企业落实安全生产主体责任', legalBasis: `${LAW}第九条第二款`, category: C.SUPERVISION },
      { key: 'SAF-03', text: '组织重大事故隐患排查治理，督促按期整改销号', legalBasis: `${LAW}第九条`, category: C.HAZARD_CONTROL },
      { key: 'SAF-04', text: '组织实施年度安全生产监督检查计划，推动“一案双罚”', legalBasis: '《安全生产违法行为行政处罚办法》', category: C.SUPERVISION },
      { key: 'EMG-01', text: '组织镇应急救援队伍建设和24小时应急值守', legalBasis: `${EVENTS}第三十五条`, category: C.EMERGENCY },
      { key: 'FIRE-01', text: '指导村（社区）微型消防站建设，组织开展群众性消防工作', legalBasis: FIRE, category: C.FIRE_SAFETY },
      { key: 'PUB-01', text: '组织开展“安全生产月”“防灾减灾日”“消防宣传月”宣传活动', legalBasis: `${LAW}第十三条`, category: C.PUBLICITY_TRAINING },
      { key: 'PUB-02', text: '组织企业主要负责人和安全管理人员安全培训', legalBasis: `${LAW}第二十七条`, category: C.PUBLICITY_TRAINING },
    ],
    revision2026: {
      removed: ['PUB-02'],
      changed: { 'SAF-04': { legalBasis: '《安全生产违法行为行政处罚办法》（应急管理部令第18号）' }, 'SAF-02': { category: C.HAZARD_CONTROL } },
      added: [],
      signedOn: '2026-02-12',
    },
    actions: [
      ['SAF-01', '2025-01-22', '主持召开镇安委会全体会议，部署春节前后安全防范工作'],
      ['SAF-02', '2025-04-09', '带队检查南平加油站、建筑工地安全生产主体责任落实情况'],
      ['SAF-02', '2025-08-14', '带队开展有限空间作业专项检查'],
      ['SAF-03', '2025-10-21', '组织重大事故隐患整改验收，督促按期销号', '（五）-1'],
      ['FIRE-01', '2025-11-09', '组织“119”消防宣传月暨村级微型消防站拉动'],
      ['PUB-01', '2025-06-16', '组织“安全生产月”宣传咨询日活动'],
      ['SAF-02', '2026-01-20', '带队开展节前安全生产检查'],
    ],
  },
  {
    person: 'person-dept-safety-head', organization: 'dept-safety', position: '主任',
    duties2025: [
      { key: 'OFF-01', text: '承担镇安委会办公室日常工作，拟定年度安全生产工作要点和领导干部职责清单', legalBasis: `${LAW}第十七条`, category: C.LEADERSHIP },
      { key: 'OFF-02', text: '建立辖区企业安全生产监管台账，按计划开展监督检查', legalBasis: `${LAW}第九条第二款`, category: C.SUPERVISION },
      { key: 'HAZ-01', text: '建立事故隐患台账，跟踪隐患整改闭环销号', legalBasis: '《安全生产事故隐患排查治理暂行规定》（国家安全监管总局令第16号）', category: C.HAZARD_CONTROL },
      { key: 'HAZ-02', text: '开展有限空间、燃气、危险化学品等重点领域专项整治', legalBasis: `${LAW}第九条`, category: C.HAZARD_CONTROL },
      { key: 'FIRE-01', text: '组织开展行业消防安全“四个一”活动', legalBasis: FIRE, category: C.FIRE_SAFETY },
      { key: 'PUB-01', text: '督促企业主要负责人和安全生产管理人员培训考核合格', legalBasis: `${LAW}第二十七条`, category: C.PUBLICITY_TRAINING },
      { key: 'SUP-01', text: '受理“12350”安全生产举报，按时核查并回复', legalBasis: `${LAW}第七十三条`, category: C.SUPERVISION },
    ],
    revision2026: {
      removed: ['FIRE-01'],
      changed: { 'HAZ-01': { text: '建立事故隐患台账，推行“安全隐患码上除”，跟踪隐患整改闭环销号' } },
      added: [{ key: 'HAZ-03', text: '督促企业落实重大事故隐患内部报告奖励制度', legalBasis: '《关于建立生产经营单位从业人员安全生产举报奖励机制的意见》（安委〔2024〕7号）', category: C.HAZARD_CONTROL }],
    },
    actions: [
      ['OFF-01', '2025-03-25', '拟定并印发2025年南平镇安全生产工作要点'],
      ['OFF-01', '2025-04-28', '拟定党政领导干部安全生产职责清单并组织签订', '（一）-1'],
      ['OFF-02', '2025-05-15', '更新辖区企业安全生产监管台账'],
      ['HAZ-01', '2025-07-30', '对上半年隐患台账开展销号核查'],
      ['SUP-01', '2025-09-03', '核查回复“12350”举报1件'],
    ],
  },
  {
    person: 'person-dept-emergency-head', organization: 'dept-emergency', position: '主任',
    duties2025: [
      { key: 'EMG-01', text: '修订镇安全生产与自然灾害应急预案，指导村（社区）编制应急预案', legalBasis: `${EMERGENCY}第五条`, category: C.EMERGENCY },
      { key: 'EMG-02', text: '每年至少组织1次综合应急演练，指导村（社区）开展应急演练', legalBasis: `${EMERGENCY}第八条`, category: C.EMERGENCY },
      { key: 'EMG-03', text: '落实24小时值班值守和突发事件信息报送', legalBasis: `${EVENTS}第六十一条`, category: C.EMERGENCY },
      { key: 'EMG-04', text: '管理镇级应急物资储备，每季度盘点更新', legalBasis: `${EVENTS}第四十五条`, category: C.EMERGENCY },
      { key: 'DIS-01', text: '组织汛期会商研判和预警“叫应”，确保预警直达村（社区）', legalBasis: GEO, category: C.DISASTER_PREVENTION },
      { key: 'DIS-02', text: '管理灾害信息员队伍，及时准确报送灾情', legalBasis: '《自然灾害救助条例》', category: C.DISASTER_PREVENTION },
    ],
    revision2026: {
      removed: [],
      changed: { 'EMG-04': { text: '管理镇级应急物资储备，每季度盘点更新，修订救灾物资管理办法' } },
      added: [{ key: 'EMG-05', text: '组织民兵应急救援队伍每半年至少开展1次集中训练', legalBasis: `${EMERGENCY}第十条`, category: C.EMERGENCY }],
    },
    actions: [
      ['EMG-01', '2025-05-30', '完成《南平镇安全生产与自然灾害防治应急预案》修订'],
      ['EMG-02', '2025-06-13', '组织全镇防汛和地质灾害综合应急演练'],
      ['DIS-01', '2025-07-02', '组织“1+7+N”会商研判，发布强降雨预警并叫应到村'],
      ['EMG-04', '2025-09-26', '开展第三季度应急物资盘点'],
    ],
  },
  {
    person: 'person-village-wenfeng-lead', organization: 'village-wenfeng', position: '党支部书记',
    duties2025: [
      { key: 'VIL-01', text: '组织村“两委”每季度至少研究1次安全生产和防灾减灾工作', legalBasis: `${LAW}第九条`, category: C.LEADERSHIP },
      { key: 'VIL-02', text: '落实网格员安全巡查，发现事故隐患和违法行为及时报告镇政府', legalBasis: `${LAW}第七十五条`, category: C.HAZARD_CONTROL },
      { key: 'DIS-01', text: '落实地质灾害隐患点群测群防和汛期巡查', legalBasis: GEO, category: C.DISASTER_PREVENTION },
      { key: 'DIS-02', text: '每年至少组织1次受威胁群众避险转移演练', legalBasis: `${EVENTS}第三十六条`, category: C.DISASTER_PREVENTION },
      { key: 'FIRE-01', text: '落实村级微型消防站建设和农村消防安全检查', legalBasis: FIRE, category: C.FIRE_SAFETY },
      { key: 'PUB-01', text: '开展安全宣传进村入户，张贴防灾避险明白卡', legalBasis: `${LAW}第十三条`, category: C.PUBLICITY_TRAINING },
    ],
    revision2026: {
      removed: ['PUB-01'],
      changed: { 'DIS-02': { text: '每年至少组织1次受威胁群众避险转移演练，汛前完成避险明白卡发放' } },
      added: [{ key: 'EMG-01', text: '组建村民兵应急分队，落实汛期24小时值守', legalBasis: `${EVENTS}第三十九条`, category: C.EMERGENCY }],
    },
    actions: [
      ['VIL-01', '2025-04-02', '召开村“两委”会研究春季森林防火和地灾防范'],
      ['DIS-01', '2025-06-20', '组织对文凤村2处地质灾害隐患点开展雨前雨中雨后巡查'],
      ['DIS-02', '2025-05-16', '组织受威胁群众避险转移演练，参演村民46人'],
      ['FIRE-01', '2025-11-20', '开展冬季农村消防安全检查'],
    ],
  },
];
