/*
 * The seeded law catalog: the documents and articles the enforcement module and the next issue cite,
 * each article with the office's own summary of its text and the matters it applies to. Evidence per
 * article: [V] read in the LawRefBook/Laws file named in its document's `source`, [S] a secondary
 * source, [U] not checked (from memory, or not read at all: the 2026 ministry order). Inserted by the
 * law catalog's migration; kinds and evidence are the values of `LawDocumentKind` and `LawEvidence`.
 */

export interface SeedLawDocument {
  readonly code: string;
  readonly kind: 'LAW' | 'ADMINISTRATIVE_REGULATION' | 'DEPARTMENT_RULE';
  readonly title: string;
  readonly documentNumber: string;
  readonly issuingBody: string;
  readonly adoptedOn: string | null;
  readonly promulgatedOn: string | null;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly source: string;
  readonly note: string | null;
}

/** [ordinal, number, caption, summary, topics, evidence, note?] */
export type SeedLawArticle = readonly [number, string, string, string, readonly string[], Evidence, string?];

type Evidence = 'VERIFIED' | 'SECONDARY' | 'UNVERIFIED';

/** A supersession: [document code, ordinal] superseded by [document code, ordinal] from a day. */
export interface SeedSupersession {
  readonly article: readonly [string, number];
  readonly by: readonly [string, number];
  readonly effectiveOn: string;
  readonly note: string;
}

const V: Evidence = 'VERIFIED';
const U: Evidence = 'UNVERIFIED';

export const WORK_SAFETY_LAW = 'work-safety-law-2021';
export const PENALTY_LAW = 'administrative-penalty-law-2021';
export const ORDER_493 = 'order-493';
export const PENALTY_MEASURES_2015 = 'safety-penalty-measures-2015';
export const PENALTY_MEASURES_2026 = 'safety-penalty-measures-2026';

export const SEED_LAW_DOCUMENTS: readonly SeedLawDocument[] = [
  {
    code: WORK_SAFETY_LAW,
    kind: 'LAW',
    title: '中华人民共和国安全生产法（2021年修正）',
    documentNumber: '主席令第八十八号',
    issuingBody: '全国人民代表大会常务委员会',
    adoptedOn: '2021-06-10',
    promulgatedOn: '2021-06-10',
    effectiveFrom: '2021-09-01',
    effectiveTo: null,
    source: 'LawRefBook/Laws 社会法/安全生产法(2021-06-10).md',
    note: '[V] articles read in the LawRefBook text; the summaries are the office\'s own.',
  },
  {
    code: PENALTY_LAW,
    kind: 'LAW',
    title: '中华人民共和国行政处罚法（2021年修订）',
    documentNumber: '主席令第七十号',
    issuingBody: '全国人民代表大会常务委员会',
    adoptedOn: '2021-01-22',
    promulgatedOn: '2021-01-22',
    effectiveFrom: '2021-07-15',
    effectiveTo: null,
    source: 'LawRefBook/Laws 行政法/行政处罚法(2021-01-22).md',
    note: '[V] for the articles the enforcement research read; arts. 49, 50, 53 and 59 are summarized from memory [U]. The order number was not checked [U].',
  },
  {
    code: ORDER_493,
    kind: 'ADMINISTRATIVE_REGULATION',
    title: '生产安全事故报告和调查处理条例',
    documentNumber: '国务院令第493号',
    issuingBody: '国务院',
    adoptedOn: '2007-03-28',
    promulgatedOn: '2007-04-09',
    effectiveFrom: '2007-06-01',
    effectiveTo: null,
    source: 'LawRefBook/Laws 行政法规/生产安全事故报告和调查处理条例(2007-04-09).md',
    note: '[V] grades, reporting and investigation articles; the fine articles 35–38 are superseded by 安全生产法 2021 (a later, higher law) from 2021-09-01, their amounts summarized from memory [U].',
  },
  {
    code: PENALTY_MEASURES_2015,
    kind: 'DEPARTMENT_RULE',
    title: '安全生产违法行为行政处罚办法（2015年修正）',
    documentNumber: '国家安全监管总局令第77号',
    issuingBody: '国家安全生产监督管理总局',
    adoptedOn: null,
    promulgatedOn: '2015-04-02',
    effectiveFrom: '2015-05-01',
    effectiveTo: '2026-01-31',
    source: '055110.com/law/1/16516.html (a mirror: cite the number, 总局令第15号公布、第77号修正)',
    note: '[S] days from a mirror of the text; replaced by 应急管理部令第18号 from 2026-02-01. The two seeded articles are [U]: numbers and contents from memory.',
  },
  {
    code: PENALTY_MEASURES_2026,
    kind: 'DEPARTMENT_RULE',
    title: '安全生产违法行为行政处罚办法',
    documentNumber: '应急管理部令第18号',
    issuingBody: '应急管理部',
    adoptedOn: '2025-11-24',
    promulgatedOn: '2025-11-27',
    effectiveFrom: '2026-02-01',
    effectiveTo: null,
    source: '应急管理部令第18号 as reposted (NetEase); the original at mem.gov.cn was not read',
    note: '[S] adopted at the ministry\'s 29th meeting on 2025-11-24, published 2025-11-27, in force 2026-02-01, repealing the 2007/2015 办法. Its articles were not read: the two seeded ones are [U] placeholders (条次待核) to correct with updateLawArticle.',
  },
];

export const SEED_LAW_ARTICLES: Readonly<Record<string, readonly SeedLawArticle[]>> = {
  [WORK_SAFETY_LAW]: [
    [21, '第二十一条', '主要负责人职责', '生产经营单位的主要负责人对本单位安全生产工作负有七项职责：建立健全并落实全员安全生产责任制，加强安全生产标准化建设；组织制定并实施安全生产规章制度和操作规程；组织制定并实施安全生产教育和培训计划；保证安全生产投入的有效实施；组织建立并落实安全风险分级管控和隐患排查治理双重预防工作机制，督促、检查安全生产工作，及时消除事故隐患；组织制定并实施生产安全事故应急救援预案；及时、如实报告生产安全事故。', ['principal-duties', 'inspection-checklist'], V],
    [30, '第三十条', '特种作业人员', '特种作业人员必须按照国家有关规定经专门的安全作业培训，取得相应资格，方可上岗作业；特种作业人员的范围由国务院应急管理部门会同有关部门确定。', ['special-operation-certificate', 'inspection-checklist'], V],
    [62, '第六十二条', '年度监督检查计划', '县级以上地方人民政府组织有关部门对容易发生重大生产安全事故的生产经营单位进行严格检查；应急管理部门按照分类分级监督管理的要求制定安全生产年度监督检查计划，按计划进行监督检查，发现事故隐患应当及时处理。', ['annual-inspection-plan', 'inspection'], V],
    [68, '第六十八条', '检查记录', '监督检查人员应当将检查的时间、地点、内容、发现的问题及其处理情况作出书面记录，由检查人员和被检查单位的负责人签字；负责人拒绝签字的，记录在案并向负有安全生产监督管理职责的部门报告。', ['inspection-record', 'inspection'], V],
    [94, '第九十四条', '主要负责人未履行职责', '主要负责人未履行本法规定的安全生产管理职责的，责令限期改正，处二万元以上五万元以下的罚款；逾期未改正的，处五万元以上十万元以下的罚款，责令生产经营单位停产停业整顿；受刑事处罚或者撤职处分的，五年内不得担任任何生产经营单位的主要负责人。', ['principal-duties-violation', 'person-fine'], V],
    [95, '第九十五条', '主要负责人事故罚款', '主要负责人未履行安全生产管理职责导致发生生产安全事故的，由应急管理部门处上一年年收入一定比例的罚款：一般事故百分之四十，较大事故百分之六十，重大事故百分之八十，特别重大事故百分之一百。', ['accident-principal-fine', 'person-fine'], V],
    [96, '第九十六条', '其他负责人和安全生产管理人员', '其他负责人和安全生产管理人员未履行安全生产管理职责的，责令限期改正，处一万元以上三万元以下的罚款；导致发生生产安全事故的，暂停或者吊销其与安全生产有关的资格，并处上一年年收入百分之二十以上百分之五十以下的罚款。', ['manager-duties-violation', 'person-fine'], V],
    [97, '第九十七条', '安全管理机构、培训、应急预案、特种作业持证', '未按规定设置安全生产管理机构或配备安全管理人员、注册安全工程师，主要负责人和安全管理人员未经考核合格，未按规定进行安全生产教育和培训或未如实记录，未如实记录或通报隐患排查治理情况，未制定应急预案或未定期演练，特种作业人员未持证上岗作业的：责令限期改正，处十万元以下的罚款；逾期未改正的，责令停产停业整顿，并处十万元以上二十万元以下的罚款，对直接负责的主管人员和其他直接责任人员处二万元以上五万元以下的罚款。', ['unit-fine-violation', 'special-operation-certificate', 'safety-training', 'emergency-plan'], V],
    [101, '第一百零一条', '危险物品、重大危险源、危险作业', '危险物品未建立专门安全管理制度或未采取可靠安全措施，重大危险源未登记建档、检测评估监控或未制定应急预案，进行爆破、吊装、动火、临时用电等危险作业未安排专门人员进行现场安全管理，未建立安全风险分级管控制度或隐患排查治理制度的：责令限期改正，处十万元以下的罚款；逾期未改正的，责令停产停业整顿，并处十万元以上二十万元以下的罚款，对直接责任人员处二万元以上五万元以下的罚款。', ['hazardous-operation', 'major-hazard-source', 'unit-fine-violation'], V],
    [102, '第一百零二条', '未消除事故隐患', '生产经营单位未采取措施消除事故隐患的，责令立即消除或者限期消除，处五万元以下的罚款；拒不执行的，责令停产停业整顿，对直接负责的主管人员和其他直接责任人员处五万元以上十万元以下的罚款。', ['hidden-danger-not-eliminated', 'unit-fine-violation'], V],
    [109, '第一百零九条', '安全生产责任保险', '高危行业、领域的生产经营单位未按照国家规定投保安全生产责任保险的，责令限期改正，处五万元以上十万元以下的罚款；逾期未改正的，处十万元以上二十万元以下的罚款。', ['liability-insurance', 'unit-fine-violation'], V],
    [110, '第一百一十条', '事故时不立即抢救、逃匿、瞒报', '主要负责人在本单位发生生产安全事故时不立即组织抢救，或者在事故调查处理期间擅离职守或者逃匿的，给予降级、撤职处分，由应急管理部门处上一年年收入百分之六十至百分之一百的罚款，逃匿的处十五日以下拘留；对事故隐瞒不报、谎报或者迟报的，依照前款处罚。', ['accident-report-violation', 'person-fine'], V],
    [112, '第一百一十二条', '按日连续处罚', '生产经营单位被责令改正且受到罚款处罚，拒不改正的，可以自作出责令改正之日的次日起，按照原处罚数额按日连续处罚。', ['daily-penalty'], V],
    [113, '第一百一十三条', '予以关闭', '存在重大事故隐患，一百八十日内三次或者一年内四次受到本法规定的行政处罚，经停产停业整顿仍不具备安全生产条件，不具备安全生产条件导致重大、特别重大事故，或者拒不执行停产停业整顿决定的，提请地方人民政府予以关闭，吊销有关证照；主要负责人五年内不得担任任何生产经营单位的主要负责人。', ['closure'], V],
    [114, '第一百一十四条', '事故单位罚款', '发生生产安全事故，对负有责任的生产经营单位由应急管理部门处以罚款：一般事故三十万元以上一百万元以下，较大事故一百万元以上二百万元以下，重大事故二百万元以上一千万元以下，特别重大事故一千万元以上二千万元以下；情节特别严重、影响特别恶劣的，可以按上述数额的二倍以上五倍以下处以罚款。', ['accident-unit-fine'], V],
  ],
  [PENALTY_LAW]: [
    [29, '第二十九条', '一事不再罚', '对当事人的同一个违法行为，不得给予两次以上罚款的行政处罚；同一个违法行为违反多个法律规范应当给予罚款处罚的，按照罚款数额高的规定处罚。', ['one-act-one-fine'], V],
    [33, '第三十三条', '不予处罚', '违法行为轻微并及时改正、没有造成危害后果的，不予行政处罚；初次违法且危害后果轻微并及时改正的，可以不予行政处罚；有证据足以证明没有主观过错的，不予行政处罚；不予处罚的应当对当事人进行教育。', ['first-violation-exemption'], V],
    [36, '第三十六条', '追责时效', '违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，延长至五年；期限从违法行为发生之日起计算，有连续或者继续状态的从行为终了之日起计算。', ['limitation-period'], V],
    [42, '第四十二条', '执法人员', '行政处罚应当由具有行政执法资格的执法人员实施；执法人员不得少于两人，法律另有规定的除外。', ['enforcement-staff', 'inspection'], V],
    [43, '第四十三条', '回避', '执法人员与案件有直接利害关系或者有其他关系可能影响公正执法的，应当回避；当事人有权申请回避，回避决定作出之前不停止调查。', ['recusal'], V],
    [44, '第四十四条', '处罚前告知', '作出行政处罚决定之前，应当告知当事人拟作出的行政处罚内容及事实、理由、依据，并告知其依法享有的陈述、申辩、要求听证等权利。', ['prior-notice'], V],
    [45, '第四十五条', '陈述申辩', '当事人有权陈述和申辩；行政机关必须充分听取并复核，成立的应当采纳；不得因当事人陈述、申辩而给予更重的处罚。', ['statement-defence'], V],
    [46, '第四十六条', '证据', '证据包括书证、物证、视听资料、电子数据、证人证言、当事人的陈述、鉴定意见、勘验笔录和现场笔录；须经查证属实方可作为定案根据，非法手段取得的证据不得作为根据。', ['evidence'], V],
    [47, '第四十七条', '全过程记录', '对行政处罚的启动、调查取证、审核、决定、送达、执行等进行全过程记录，归档保存。', ['full-process-record'], V],
    [48, '第四十八条', '处罚决定公开', '具有一定社会影响的行政处罚决定应当依法公开；公开的决定被变更、撤销、确认违法或者无效的，应当在三日内撤回信息并公开说明理由。', ['publication'], V],
    [49, '第四十九条', '突发事件快速从重', '发生重大传染病疫情等突发事件，对违反突发事件应对措施的行为依法快速、从重处罚。', ['emergency-violation'], U, 'Summarized from memory; not among the articles the research read.'],
    [50, '第五十条', '保密', '行政机关及其工作人员对实施行政处罚过程中知悉的国家秘密、商业秘密或者个人隐私，应当依法予以保密。', ['confidentiality'], U, 'Summarized from memory; not among the articles the research read.'],
    [51, '第五十一条', '当场处罚', '违法事实确凿并有法定依据，对公民处二百元以下、对法人或者其他组织处三千元以下罚款或者警告的，可以当场作出行政处罚决定；法律另有规定的从其规定。', ['on-the-spot-penalty'], V],
    [52, '第五十二条', '当场处罚程序', '当场处罚应当出示执法证件，填写预定格式、编有号码的行政处罚决定书并当场交付当事人，报所属行政机关备案。', ['on-the-spot-penalty'], V],
    [53, '第五十三条', '当场处罚的履行', '对当场作出的行政处罚决定，当事人依照本法关于罚款缴纳和当场收缴的规定履行。', ['on-the-spot-penalty'], U, 'Summarized from memory; not among the articles the research read.'],
    [54, '第五十四条', '调查与立案', '除当场处罚外，发现应当给予行政处罚的行为的，必须全面、客观、公正地调查，收集证据，必要时依法进行检查；符合立案标准的，应当及时立案。', ['case-filing', 'investigation'], V],
    [55, '第五十五条', '出示执法证件、询问检查笔录', '执法人员调查或者检查时应当主动出示执法证件，不出示的当事人有权拒绝；当事人应当如实回答询问并协助调查；询问或者检查应当制作笔录。', ['enforcement-staff', 'inspection', 'investigation'], V],
    [56, '第五十六条', '抽样取证与先行登记保存', '收集证据可以抽样取证；证据可能灭失或者以后难以取得的，经负责人批准可以先行登记保存，并应当在七日内及时作出处理决定。', ['evidence-preservation'], V],
    [57, '第五十七条', '处罚决定', '调查终结，负责人审查后分别作出给予处罚、不予处罚（违法行为轻微或者事实不能成立）或者移送司法机关的决定；情节复杂或者重大违法行为给予处罚的，应当集体讨论决定。', ['penalty-decision', 'criminal-referral'], V],
    [58, '第五十八条', '法制审核', '涉及重大公共利益、经过听证程序、案情疑难复杂或者法律法规规定的情形，作出决定前应当进行法制审核；未经审核或者审核未通过的，不得作出决定。', ['legal-review'], V],
    [59, '第五十九条', '处罚决定书', '给予行政处罚应当制作行政处罚决定书，载明当事人、违法事实和证据、处罚种类和依据、履行方式和期限、复议诉讼途径和期限、作出决定的机关和日期，并加盖印章。', ['penalty-decision'], U, 'Summarized from memory; not among the articles the research read.'],
    [60, '第六十条', '决定期限', '行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定；法律、法规、规章另有规定的，从其规定。', ['decision-deadline'], V],
    [61, '第六十一条', '送达', '行政处罚决定书应当在宣告后当场交付当事人；当事人不在场的，应当在七日内依照民事诉讼法的有关规定送达；当事人同意并签订确认书的，可以采用电子方式送达。', ['service-of-documents'], V],
    [62, '第六十二条', '未告知不得处罚', '未依法告知拟作出的处罚内容及事实、理由、依据，或者拒绝听取陈述、申辩的，不得作出行政处罚决定；当事人明确放弃的除外。', ['prior-notice', 'statement-defence'], V],
    [63, '第六十三条', '听证范围', '拟作出较大数额罚款、没收较大数额违法所得或较大价值非法财物、降低资质等级、吊销许可证件、责令停产停业、责令关闭、限制从业等处罚的，应当告知当事人有要求听证的权利；当事人要求的，应当组织听证，费用不由当事人承担。', ['hearing'], V],
    [64, '第六十四条', '听证程序', '当事人应当在告知后五日内提出听证要求；听证七日前通知时间、地点；除依法保密外公开举行；由非本案调查人员主持；当事人可以委托一至二人代理；调查人员提出违法事实、证据和处罚建议，当事人申辩和质证；听证笔录交当事人核对后签字或者盖章。', ['hearing'], V],
    [67, '第六十七条', '罚缴分离与缴纳期限', '作出罚款决定的行政机关应当与收缴罚款的机构分离；除当场收缴外不得自行收缴罚款；当事人应当自收到行政处罚决定书之日起十五日内缴纳罚款。', ['fine-payment'], V],
    [72, '第七十二条', '逾期不履行', '到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额；可以依法拍卖、划拨抵缴，采取其他行政强制执行方式，或者申请人民法院强制执行。', ['late-payment-surcharge', 'enforcement-execution'], V],
    [73, '第七十三条', '复议诉讼不停止执行', '当事人申请行政复议或者提起行政诉讼的，行政处罚不停止执行，法律另有规定的除外。', ['enforcement-execution'], V],
    [85, '第八十五条', '期间的计算', '本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日。', ['working-day-periods'], V],
  ],
  [ORDER_493]: [
    [3, '第三条', '事故等级', '特别重大事故：死亡30人以上，或者重伤（包括急性工业中毒）100人以上，或者直接经济损失1亿元以上；重大事故：死亡10人以上30人以下，或者重伤50人以上100人以下，或者直接经济损失5000万元以上1亿元以下；较大事故：死亡3人以上10人以下，或者重伤10人以上50人以下，或者直接经济损失1000万元以上5000万元以下；一般事故：死亡3人以下，或者重伤10人以下，或者直接经济损失1000万元以下。所称“以上”包括本数，“以下”不包括本数。', ['accident-grade'], V],
    [9, '第九条', '事故单位报告', '事故发生后，现场有关人员应当立即向本单位负责人报告；单位负责人接到报告后，应当于1小时内向事故发生地县级以上人民政府应急管理部门和负有安全生产监督管理职责的有关部门报告；情况紧急时现场有关人员可以直接报告。', ['accident-report'], V],
    [10, '第十条', '逐级上报', '接到事故报告的部门按事故等级逐级上报：特别重大、重大事故上报至国务院，较大事故上报至省级人民政府，一般事故上报至设区的市级人民政府，并通知公安机关、劳动保障行政部门、工会和人民检察院；必要时可以越级上报。', ['accident-report'], V],
    [11, '第十一条', '上报时限', '逐级上报事故情况，每级上报的时间不得超过2小时。', ['accident-report'], V],
    [12, '第十二条', '报告内容', '报告事故应当包括：事故发生单位概况；发生的时间、地点及现场情况；简要经过；已经造成或者可能造成的伤亡人数（包括下落不明的人数）和初步估计的直接经济损失；已经采取的措施；其他应当报告的情况。', ['accident-report'], V],
    [13, '第十三条', '补报', '事故报告后出现新情况的，应当及时补报；自事故发生之日起30日内（道路交通事故、火灾事故7日内）伤亡人数发生变化的，应当及时补报。', ['accident-report', 'accident-grade'], V],
    [19, '第十九条', '调查权限', '特别重大事故由国务院或者其授权的部门组织调查；重大、较大、一般事故分别由事故发生地省级、设区的市级、县级人民政府负责调查；未造成人员伤亡的一般事故，县级人民政府也可以委托事故发生单位组织调查。', ['accident-investigation'], V],
    [20, '第二十条', '提级调查', '上级人民政府认为必要时可以调查下级负责调查的事故；自事故发生之日起30日内（道路交通事故、火灾事故7日内）因伤亡人数变化导致等级变化、应当由上级调查的，上级人民政府可以另行组织调查。', ['accident-investigation', 'accident-grade'], V],
    [21, '第二十一条', '异地事故调查', '特别重大事故以下等级事故，事故发生地与事故发生单位不在同一行政区域的，由事故发生地人民政府负责调查，事故发生单位所在地人民政府派人参加。', ['accident-investigation'], U, 'Summarized from memory; not among the articles the research read.'],
    [22, '第二十二条', '调查组组成', '事故调查组由有关人民政府、应急管理部门、负有安全生产监督管理职责的有关部门、监察机关、公安机关以及工会派人组成，并应当邀请人民检察院派人参加，可以聘请有关专家参与调查。', ['accident-investigation'], V],
    [29, '第二十九条', '调查期限', '事故调查组应当自事故发生之日起60日内提交事故调查报告；特殊情况下经批准可以延长，延长最长不超过60日；技术鉴定所需时间不计入调查期限。', ['accident-investigation', 'investigation-deadline'], V],
    [30, '第三十条', '调查报告内容', '事故调查报告应当包括：事故发生单位概况；发生经过和救援情况；人员伤亡和直接经济损失；发生的原因和性质；责任认定以及对责任者的处理建议；防范和整改措施。', ['accident-investigation'], V],
    [31, '第三十一条', '调查工作结束', '事故调查报告报送负责事故调查的人民政府后，事故调查工作即告结束；有关资料应当归档保存。', ['accident-investigation'], U, 'Summarized from memory; not among the articles the research read.'],
    [32, '第三十二条', '批复', '重大、较大、一般事故，负责调查的人民政府应当自收到调查报告之日起15日内作出批复；特别重大事故30日内，特殊情况可延长，最长不超过30日；有关机关按批复对事故单位和有关人员进行处罚、处分，涉嫌犯罪的依法追究刑事责任。', ['accident-investigation'], V],
    [33, '第三十三条', '防范和整改措施', '事故发生单位应当落实防范和整改措施，接受工会和职工的监督；应急管理部门和有关部门应当对落实情况进行监督检查。', ['accident-follow-up'], V],
    [34, '第三十四条', '处理情况公布', '事故处理的情况由负责事故调查的人民政府或者其授权的部门、机构向社会公布，依法应当保密的除外。', ['publication'], V],
    [35, '第三十五条', '主要负责人不立即抢救、迟报漏报', '事故发生单位主要负责人不立即组织事故抢救、迟报或者漏报事故、在事故调查处理期间擅离职守的，处上一年年收入40%至80%的罚款。', ['accident-report-violation', 'person-fine'], U, 'Amounts from memory; superseded by 安全生产法 2021 第一百一十条 from 2021-09-01.'],
    [36, '第三十六条', '谎报瞒报、破坏现场、逃匿', '事故发生单位及其有关人员谎报或者瞒报事故、伪造或者故意破坏事故现场、转移隐匿资金财产或者销毁证据、拒绝接受调查、作伪证、事故发生后逃匿的，对单位处100万元以上500万元以下的罚款，对主要负责人和直接责任人员处上一年年收入60%至100%的罚款。', ['accident-report-violation'], U, 'Amounts from memory; superseded by 安全生产法 2021 第一百一十条 from 2021-09-01.'],
    [37, '第三十七条', '事故单位罚款（旧）', '事故发生单位对事故发生负有责任的，一般事故处10万元以上20万元以下，较大事故20万元以上50万元以下，重大事故50万元以上200万元以下，特别重大事故200万元以上500万元以下的罚款。', ['accident-unit-fine'], U, 'Amounts from memory; superseded by 安全生产法 2021 第一百一十四条 from 2021-09-01.'],
    [38, '第三十八条', '主要负责人事故罚款（旧）', '主要负责人未依法履行安全生产管理职责导致事故发生的，一般事故处上一年年收入30%，较大事故40%，重大事故60%，特别重大事故80%的罚款。', ['accident-principal-fine', 'person-fine'], U, 'Amounts from memory; superseded by 安全生产法 2021 第九十五条 from 2021-09-01.'],
  ],
  [PENALTY_MEASURES_2015]: [
    [30, '第三十条', '办案期限（旧）', '安全生产行政处罚案件应当自立案之日起30日内作出决定；客观原因不能完成的，经负责人同意可以延长，但不得超过90日；特殊情况经上一级部门批准可延长至180日。', ['decision-deadline'], U, 'Number and content from memory (research: "old 30/90/180-day case limits [U]").'],
    [33, '第三十三条', '听证及较大数额罚款（旧）', '作出责令停产停业整顿、吊销许可证、撤销执业资格或者较大数额罚款等决定之前，应当告知当事人有要求听证的权利；较大数额罚款为省级规定的数额，没有规定的，对个人为2万元以上、对生产经营单位为5万元以上。', ['hearing'], U, 'Number and content from memory (research: "old default ≥2万 person / ≥5万 unit [U]").'],
  ],
  [PENALTY_MEASURES_2026]: [
    [9001, '〔条次待核〕', '办案期限', '[U] 行政处罚案件的办理期限（应急管理部令第18号原文未读；行政处罚法第六十条为立案之日起九十日，规章另有规定的从其规定）。', ['decision-deadline'], U, 'Placeholder: the order was not read. Ordinal 9001 sorts after its real articles; correct number, ordinal and summary once read at mem.gov.cn.'],
    [9002, '〔条次待核〕', '听证及较大数额罚款', '[U] 听证的适用范围及较大数额罚款的标准（应急管理部令第18号原文未读，可能改变原“个人2万元、单位5万元”的默认标准）。', ['hearing'], U, 'Placeholder: the order was not read. Ordinal 9002 sorts after its real articles; correct number, ordinal and summary once read at mem.gov.cn.'],
  ],
};

const LATER_LAW = '上位法、新法优先：安全生产法（2021年修正）自2021-09-01施行，原条例的罚款规定不再适用，按';
const NEW_MEASURES = '应急管理部令第18号自2026-02-01施行，2007年公布、2015年修正的《安全生产违法行为行政处罚办法》同时废止';

export const SEED_SUPERSESSIONS: readonly SeedSupersession[] = [
  { article: [ORDER_493, 35], by: [WORK_SAFETY_LAW, 110], effectiveOn: '2021-09-01', note: `${LATER_LAW}第一百一十条处罚（[S] the research's mapping）。` },
  { article: [ORDER_493, 36], by: [WORK_SAFETY_LAW, 110], effectiveOn: '2021-09-01', note: `${LATER_LAW}第一百一十条处罚主要负责人（[U] the unit fine of art. 36 has no direct successor there）。` },
  { article: [ORDER_493, 37], by: [WORK_SAFETY_LAW, 114], effectiveOn: '2021-09-01', note: `${LATER_LAW}第一百一十四条处罚事故单位（[S]）。` },
  { article: [ORDER_493, 38], by: [WORK_SAFETY_LAW, 95], effectiveOn: '2021-09-01', note: `${LATER_LAW}第九十五条处罚主要负责人（[S]）。` },
  { article: [PENALTY_MEASURES_2015, 30], by: [PENALTY_MEASURES_2026, 9001], effectiveOn: '2026-02-01', note: `${NEW_MEASURES}（[S]; the new article is [U]）。` },
  { article: [PENALTY_MEASURES_2015, 33], by: [PENALTY_MEASURES_2026, 9002], effectiveOn: '2026-02-01', note: `${NEW_MEASURES}（[S]; the new article is [U]）。` },
];
