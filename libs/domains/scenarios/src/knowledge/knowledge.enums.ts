import { registerEnumType } from 'type-graphql';

/** What kind of knowledge entry (应急百事通条目). */
export enum KnowledgeEntryKind {
  QUESTION_ANSWER = 'QUESTION_ANSWER',
  PLAN_EXCERPT = 'PLAN_EXCERPT',
  LAW_ARTICLE = 'LAW_ARTICLE',
  GUIDE = 'GUIDE',
}

/** The GraphQL type of an entry's source record (its global id names it). */
export enum KnowledgeSourceType {
  EMERGENCY_PLAN = 'EmergencyPlan',
  LAW_ARTICLE = 'LawArticle',
}

/** The source type an entry kind requires, if any. */
export const REQUIRED_SOURCE: Readonly<Partial<Record<KnowledgeEntryKind, KnowledgeSourceType>>> = {
  [KnowledgeEntryKind.PLAN_EXCERPT]: KnowledgeSourceType.EMERGENCY_PLAN,
  [KnowledgeEntryKind.LAW_ARTICLE]: KnowledgeSourceType.LAW_ARTICLE,
};

registerEnumType(KnowledgeEntryKind, {
  name: 'KnowledgeEntryKind',
  description: '条目类型。What kind of knowledge entry: a question with its answer, an excerpt of an emergency plan, a law article, or a guide.',
  valuesConfig: {
    QUESTION_ANSWER: { description: '问答。A question the public asks, with the office\'s answer.' },
    PLAN_EXCERPT: { description: '预案摘录。An excerpt of an emergency plan (its source is the plan).' },
    LAW_ARTICLE: { description: '法规条文。An article of the law catalog in plain words (its source is the article).' },
    GUIDE: { description: '指南。A how-to guide (避险、自救、报警).' },
  },
});

registerEnumType(KnowledgeSourceType, {
  name: 'KnowledgeSourceType',
  description: '来源类型。The type of record an entry was taken from.',
  valuesConfig: {
    EMERGENCY_PLAN: { description: '应急预案。An emergency plan revision (preparedness).' },
    LAW_ARTICLE: { description: '法律条文。An article of the law catalog (enforcement).' },
  },
});
