import { registerEnumType } from 'type-graphql';

/** The kind of a document of the law catalog (效力位阶 and the standards beside them). */
export enum LawDocumentKind {
  LAW = 'LAW',
  ADMINISTRATIVE_REGULATION = 'ADMINISTRATIVE_REGULATION',
  DEPARTMENT_RULE = 'DEPARTMENT_RULE',
  LOCAL_REGULATION = 'LOCAL_REGULATION',
  LOCAL_RULE = 'LOCAL_RULE',
  NATIONAL_STANDARD = 'NATIONAL_STANDARD',
  INDUSTRY_STANDARD = 'INDUSTRY_STANDARD',
  NORMATIVE_DOCUMENT = 'NORMATIVE_DOCUMENT',
}

registerEnumType(LawDocumentKind, {
  name: 'LawDocumentKind',
  description: '文件类别。The kind of a document of the law catalog, by its legal rank (a higher and a later law prevails), and standards and normative documents beside them.',
  valuesConfig: {
    LAW: { description: '法律。A law of the National People\'s Congress or its Standing Committee (主席令), e.g. 安全生产法.' },
    ADMINISTRATIVE_REGULATION: { description: '行政法规。A regulation of the State Council (国务院令), e.g. 生产安全事故报告和调查处理条例.' },
    DEPARTMENT_RULE: { description: '部门规章。A rule of a ministry (部令), e.g. 应急管理部令第18号.' },
    LOCAL_REGULATION: { description: '地方性法规。A regulation of a provincial people\'s congress, e.g. 重庆市安全生产条例.' },
    LOCAL_RULE: { description: '地方政府规章。A rule of a provincial or city government (政府令).' },
    NATIONAL_STANDARD: { description: '国家标准。A national standard (GB, GB/T).' },
    INDUSTRY_STANDARD: { description: '行业标准。An industry standard (AQ, XF…).' },
    NORMATIVE_DOCUMENT: { description: '规范性文件。A normative document of a government or department (…〔2025〕28号).' },
  },
});

/** How far a catalog entry was checked (the research's marks [V]/[S]/[U]). */
export enum LawEvidence {
  VERIFIED = 'VERIFIED',
  SECONDARY = 'SECONDARY',
  UNVERIFIED = 'UNVERIFIED',
}

registerEnumType(LawEvidence, {
  name: 'LawEvidence',
  description: '核对情况。How far an article\'s number and summary were checked against the text: read in the primary text [V], taken from a secondary source [S], or not checked [U] (correct it with updateLawArticle once read).',
  valuesConfig: {
    VERIFIED: { description: '已核对原文 [V]。Read in the primary text (e.g. the LawRefBook/Laws file named in `source`).' },
    SECONDARY: { description: '二手来源 [S]。Taken from a secondary source (a government mirror, a local implementing document).' },
    UNVERIFIED: { description: '未核对 [U]。Not checked against any text: a working entry to verify before relying on it.' },
  },
});

/** Where a document stands on a day. */
export enum LawDocumentStatus {
  NOT_YET_IN_FORCE = 'NOT_YET_IN_FORCE',
  IN_FORCE = 'IN_FORCE',
  REPEALED = 'REPEALED',
}

registerEnumType(LawDocumentStatus, {
  name: 'LawDocumentStatus',
  description: '文件效力状态。Where a document stands on a day: not yet in force, in force, or no longer in force (repealed or replaced).',
  valuesConfig: {
    NOT_YET_IN_FORCE: { description: '尚未施行。The day is before its effective day.' },
    IN_FORCE: { description: '现行有效。In force on the day.' },
    REPEALED: { description: '已废止/失效。The day is after its last day in force.' },
  },
});

/** Where an article stands on a day. */
export enum LawArticleStatus {
  NOT_YET_IN_FORCE = 'NOT_YET_IN_FORCE',
  IN_FORCE = 'IN_FORCE',
  SUPERSEDED = 'SUPERSEDED',
  REPEALED = 'REPEALED',
}

registerEnumType(LawArticleStatus, {
  name: 'LawArticleStatus',
  description: '条文效力状态。Where an article stands on a day: not yet in force, in force, superseded by later articles (see `supersededBy`), or repealed.',
  valuesConfig: {
    NOT_YET_IN_FORCE: { description: '尚未施行。The day is before the article\'s effective day.' },
    IN_FORCE: { description: '现行有效。In force on the day.' },
    SUPERSEDED: { description: '已被取代。Superseded from an earlier day by the articles in `supersededBy` (a later or higher law).' },
    REPEALED: { description: '已废止。The day is after its last day in force, and no article supersedes it.' },
  },
});
