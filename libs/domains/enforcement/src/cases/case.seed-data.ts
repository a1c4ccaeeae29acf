import { CaseEvidenceKind, CaseServiceMethod, PenaltyCaseDecision, PenaltyCaseStatus } from './case.enums';

/*
 * The town's demo penalty cases, one in every step of the procedure, as of the README's moment
 * (2026-11-29): filed, under investigation (one suspended), under legal review (one extended),
 * notified, awaiting a hearing, decided, served with the fine overdue, executing, closed and archived.
 * A PENALTY case states the fine notified and decided (`fineYuan`) and the unit band the penalties
 * part's seed puts its line in (`band`, of the case's item): that seed adds the lines and payments.
 */

export interface SeedCase {
  readonly key: string;
  readonly enterprise: string;
  /** The item of list 2025-07. */
  readonly item: string;
  readonly status: PenaltyCaseStatus;
  readonly cause: string;
  readonly facts: string;
  readonly actEndedOn: string;
  readonly filedOn: string;
  readonly enforcers: readonly string[];
  readonly inspection?: string;
  readonly majorOrComplex?: boolean;
  readonly evidence?: ReadonlyArray<readonly [CaseEvidenceKind, string, string]>;
  readonly suspensions?: ReadonlyArray<readonly [suspendedOn: string, reason: string, resumedOn?: string, resumeReason?: string]>;
  readonly extension?: readonly [on: string, days: number, reason: string];
  readonly investigated?: readonly [on: string, summary: string];
  readonly reviewed?: readonly [on: string, opinion: string];
  readonly discussed?: readonly [on: string, conclusion: string];
  readonly notified?: { readonly on: string; readonly basis: string; readonly intendedPenalty: string };
  /** The unit fine notified and decided (yuan) and the band of the item it falls in. */
  readonly fineYuan?: string;
  readonly band?: 'MINOR' | 'GENERAL' | 'SERIOUS' | 'GRAVE';
  readonly hearing?: { readonly requestedOn: string; readonly notifiedOn: string; readonly hearingOn: string; readonly place: string };
  readonly decided?: readonly [on: string, decision: PenaltyCaseDecision, reason: string];
  readonly served?: readonly [on: string, method: CaseServiceMethod, recipient: string];
  readonly executingOn?: string;
  readonly closed?: readonly [on: string, reason: string];
  readonly archivedOn?: string;
}

const PAIR = ['staff-1', 'staff-2'];
const D = CaseEvidenceKind;
const S = PenaltyCaseStatus;
const WSL = (article: string) => `《中华人民共和国安全生产法》${article}`;

export const SEED_CASES: readonly SeedCase[] = [
  {
    key: '2025-xiangrui-storage', enterprise: 'ent-xiangrui-fireworks', item: 'YJ-CF-005', status: S.ARCHIVED, inspection: '2025-xiangrui-special',
    cause: '在未经许可的场所储存烟花爆竹未采取措施消除重大事故隐患', facts: '2025年9月25日专项检查发现该店约40箱烟花爆竹存放于经营场所外未经许可的民房内，构成重大事故隐患。',
    actEndedOn: '2025-09-25', filedOn: '2025-09-30', enforcers: ['head', 'staff-2'], majorOrComplex: true,
    evidence: [[D.INSPECTION_RECORD, '现场检查记录（2025年9月25日）', '证明超量产品存放于民房'], [D.AUDIOVISUAL, '现场照片12张', '证明存放位置和数量'], [D.PARTY_STATEMENT, '李祥瑞询问笔录', '当事人承认违法事实']],
    investigated: ['2025-10-10', '查明当事人在未经许可的民房内储存烟花爆竹约40箱，构成重大事故隐患，事实清楚。'],
    reviewed: ['2025-10-13', '事实清楚，证据确凿，适用依据正确，程序合法，拟处罚款5万元适当。'],
    notified: { on: '2025-10-14', basis: WSL('第一百零二条'), intendedPenalty: '罚款人民币伍万元' }, fineYuan: '50000', band: 'SERIOUS',
    discussed: ['2025-10-24', '当事人未申请听证，同意罚款人民币伍万元。'],
    decided: ['2025-10-27', PenaltyCaseDecision.PENALTY, '事实清楚，证据确凿，经集体讨论决定。'],
    served: ['2025-10-28', CaseServiceMethod.DIRECT, '李祥瑞'], executingOn: '2025-10-28',
    closed: ['2025-11-10', '罚款已于2025年11月6日缴清。'], archivedOn: '2025-11-20',
  },
  {
    key: '2026-xianda-ammonia', enterprise: 'ent-xianda-cold-chain', item: 'YJ-CF-004', status: S.FILED,
    cause: '有限空间作业未安排专门人员进行现场安全管理', facts: '2026年11月20日检查发现冷库蒸发器检修属有限空间作业，未办理作业审批，未安排专人现场管理。',
    actEndedOn: '2026-11-20', filedOn: '2026-11-25', enforcers: ['head', 'staff-1'],
  },
  {
    key: '2026-dashi-electrician', enterprise: 'ent-dashi-stone', item: 'YJ-CF-003', status: S.INVESTIGATING,
    cause: '特种作业人员未按照规定经专门的安全作业培训并取得相应资格上岗作业', facts: '2026年9月15日检查发现该企业电工操作证已被撤销仍从事电气作业。',
    actEndedOn: '2026-09-15', filedOn: '2026-09-18', enforcers: PAIR,
    evidence: [[D.DOCUMENTARY, '特种作业操作证核查记录', '证明电工证已被撤销'], [D.WITNESS_TESTIMONY, '采场班长询问笔录', '证明撤证后仍安排其电气作业']],
    suspensions: [['2026-10-08', '向发证机关函询撤证时间，等待函复']],
  },
  {
    key: '2026-hongfa-blasting', enterprise: 'ent-hongfa-quarry', item: 'YJ-CF-004', status: S.LEGAL_REVIEW, majorOrComplex: true,
    cause: '爆破作业未安排专门人员进行现场安全管理', facts: '群众举报该采石场8月中旬爆破作业时未设警戒、无专人现场管理，飞石损坏邻近民房。',
    actEndedOn: '2026-08-14', filedOn: '2026-08-20', enforcers: ['head', 'staff-2'],
    evidence: [[D.WITNESS_TESTIMONY, '邻近村民证言3份', '证明爆破时无警戒'], [D.EXPERT_OPINION, '爆破飞石损害鉴定意见', '证明飞石来源和损害'], [D.ELECTRONIC, '爆破作业视频监控截取', '证明现场无专人管理']],
    suspensions: [['2026-09-01', '委托鉴定机构出具爆破飞石损害鉴定意见', '2026-09-21', '鉴定意见已出具']],
    extension: ['2026-11-10', 30, '案情复杂，需补充调查爆破作业人员资格'],
    investigated: ['2026-11-20', '查明8月14日爆破作业未设警戒、未安排专人现场管理，飞石损坏民房2户。'],
  },
  {
    key: '2026-desheng-training', enterprise: 'ent-desheng-concrete', item: 'YJ-CF-003', status: S.NOTIFIED,
    cause: '未按照规定对从业人员进行安全生产教育和培训', facts: '检查发现搅拌站5名新入职员工未经三级安全教育即上岗。',
    actEndedOn: '2026-10-15', filedOn: '2026-10-20', enforcers: PAIR,
    evidence: [[D.DOCUMENTARY, '员工花名册及培训档案', '证明5名员工未经培训'], [D.PARTY_STATEMENT, '站长询问笔录', '承认未组织培训']],
    investigated: ['2026-11-18', '查明5名新入职员工未经安全教育培训即上岗作业，违法情形两项。'],
    notified: { on: '2026-11-24', basis: WSL('第九十七条第（三）项'), intendedPenalty: '罚款人民币贰万元' }, fineYuan: '20000', band: 'GENERAL',
  },
  {
    key: '2026-jinlong-hotwork', enterprise: 'ent-jinlong-gas-station', item: 'YJ-CF-004', status: S.HEARING,
    cause: '动火作业未安排专门人员进行现场安全管理', facts: '加油站罩棚维修动火作业未办理动火作业票，未安排专人监护，且未停止加油作业。',
    actEndedOn: '2026-10-05', filedOn: '2026-10-09', enforcers: ['head', 'staff-1'],
    evidence: [[D.AUDIOVISUAL, '加油站监控录像', '证明动火时仍在加油'], [D.INSPECTION_RECORD, '现场笔录', '证明无作业票、无监护人']],
    investigated: ['2026-10-28', '查明动火作业未办理作业票、未安排专人监护且未停止加油作业。'],
    reviewed: ['2026-10-30', '事实清楚，拟处罚款6万元属较大数额，应告知听证权利。'],
    notified: { on: '2026-11-02', basis: WSL('第一百零一条第（二）项'), intendedPenalty: '罚款人民币陆万元' }, fineYuan: '60000', band: 'SERIOUS',
    hearing: { requestedOn: '2026-11-04', notifiedOn: '2026-11-05', hearingOn: '2026-12-02', place: '南平镇人民政府三楼会议室' },
  },
  {
    key: '2026-lvyuan-minor', enterprise: 'ent-lvyuan-bamboo-shoots', item: 'YJ-CF-003', status: S.DECIDED,
    cause: '未如实记录安全生产教育和培训情况', facts: '检查发现笋加工厂培训记录缺少两名季节工的签字。',
    actEndedOn: '2026-10-20', filedOn: '2026-10-26', enforcers: PAIR,
    evidence: [[D.DOCUMENTARY, '培训签到表', '证明记录缺项']],
    investigated: ['2026-11-16', '记录缺项系季节工入职当日培训后未补签，已当场补正，未造成危害后果。'],
    decided: ['2026-11-25', PenaltyCaseDecision.NO_PENALTY_MINOR, '违法行为轻微并及时改正，没有造成危害后果（《中华人民共和国行政处罚法》第三十三条第一款）。'],
  },
  {
    key: '2026-fengxiang-training', enterprise: 'ent-fengxiang-liquor', item: 'YJ-CF-003', status: S.SERVED,
    cause: '未按照规定对从业人员进行安全生产教育和培训', facts: '酒厂酿造车间3名临时工未经安全培训即从事蒸馏作业。',
    actEndedOn: '2026-08-28', filedOn: '2026-09-01', enforcers: PAIR,
    evidence: [[D.DOCUMENTARY, '临时用工登记表', '证明3名临时工在岗'], [D.WITNESS_TESTIMONY, '临时工询问笔录', '证明未经培训']],
    investigated: ['2026-09-29', '查明3名临时工未经安全培训上岗，违法情形一项，已改正。'],
    notified: { on: '2026-10-12', basis: WSL('第九十七条第（三）项'), intendedPenalty: '罚款人民币壹万元' }, fineYuan: '10000', band: 'MINOR',
    decided: ['2026-10-26', PenaltyCaseDecision.PENALTY, '事实清楚，证据确凿，当事人未提出陈述申辩。'],
    served: ['2026-10-28', CaseServiceMethod.DIRECT, '杨凤祥'],
  },
  {
    key: '2026-longmen-hazard', enterprise: 'ent-sinopec-longmen', item: 'YJ-CF-005', status: S.EXECUTING,
    cause: '未采取措施消除事故隐患', facts: '加油站油罐区静电接地装置损坏，经责令限期改正逾期未改正。',
    actEndedOn: '2026-06-30', filedOn: '2026-07-03', enforcers: PAIR,
    evidence: [[D.DOCUMENTARY, '责令限期整改指令书及复查意见', '证明逾期未整改'], [D.PHYSICAL, '损坏的接地线夹', '证明装置损坏']],
    investigated: ['2026-08-03', '查明静电接地装置损坏，逾期未整改。'],
    notified: { on: '2026-08-10', basis: WSL('第一百零二条'), intendedPenalty: '罚款人民币壹万伍仟元' }, fineYuan: '15000', band: 'GENERAL',
    decided: ['2026-08-24', PenaltyCaseDecision.PENALTY, '事实清楚，证据确凿。'],
    served: ['2026-08-25', CaseServiceMethod.POST, '赵龙门'], executingOn: '2026-09-15',
  },
  {
    key: '2026-hengtong-unproven', enterprise: 'ent-hengtong-construction', item: 'YJ-CF-004', status: S.CLOSED,
    cause: '吊装作业未安排专门人员进行现场安全管理（举报）', facts: '群众举报工地吊装作业无人指挥。',
    actEndedOn: '2026-02-05', filedOn: '2026-02-10', enforcers: ['head', 'staff-1'],
    evidence: [[D.WITNESS_TESTIMONY, '举报人证言', '反映吊装时无人指挥'], [D.DOCUMENTARY, '吊装作业票及监护记录', '证明当日安排了专职监护人']],
    investigated: ['2026-05-20', '现有证据不能证明吊装作业未安排专人现场管理。'],
    decided: ['2026-05-25', PenaltyCaseDecision.NO_PENALTY_UNPROVEN, '违法事实不能成立（《中华人民共和国行政处罚法》第五十七条第一款第（三）项）。'],
    served: ['2026-05-27', CaseServiceMethod.DIRECT, '恒通建设项目经理'],
    closed: ['2026-06-01', '不予行政处罚决定书已送达。'],
  },
];
