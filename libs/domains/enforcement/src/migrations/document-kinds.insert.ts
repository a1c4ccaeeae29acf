import type { QueryRunner } from 'typeorm';

/*
 * Kinds of enforcement documents as migrations add them (the documents part's tables, migration
 * 1764403935000): each kind with its first template, written as the data it is. Here, not in the
 * documents folder, so that the migrations folder imports nothing that imports it back.
 */

/** One declared field of a template (see `TemplateFieldDeclaration`). */
export type FieldDeclaration = { name: string; label: string; type: 'TEXT' | 'DATE' | 'LIST'; required: boolean };

export interface KindSeed {
  readonly kind: string;
  readonly nameZh: string;
  readonly numberPrefix: string;
  readonly sortOrder: number;
  readonly title: string;
  readonly text: string;
  readonly body: string;
  readonly fields: readonly FieldDeclaration[];
}

/** The HTML page around a document's body: A4-like, 仿宋 text and 黑体 heading, printable; no script, no external resource. */
export const documentPage = (heading: string, body: string): string => `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{{kindName}} {{number}}</title>
<style>
body { font-family: "FangSong", "仿宋", "STFangsong", serif; font-size: 16pt; line-height: 1.8; max-width: 40em; margin: 2em auto; }
h1 { font-family: "SimHei", "黑体", sans-serif; text-align: center; letter-spacing: .3em; margin-bottom: .2em; }
.number { text-align: center; margin-top: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #000; padding: .2em .5em; text-align: left; vertical-align: top; }
th { white-space: nowrap; font-weight: normal; }
.signature, .seal { text-align: right; margin-top: 2em; }
.correction { border: 1px solid #000; padding: .3em .6em; }
</style>
</head>
<body>
<h1>${heading}</h1>
<p class="number">{{number}}</p>
${body}
</body>
</html>
`;

/** The correction notice every kind carries when it replaces an earlier document. */
export const correctionText = (what: string) => `{{#correction}}
更正说明：本${what}更正{{supersedesNumber}}（{{supersedesIssuedOnZh}}），更正原因：{{reason}}。原文书作废，存档备查。
{{/correction}}
`;
export const correctionHtml = (what: string) => `{{#correction}}
<p class="correction">更正说明：本${what}更正{{supersedesNumber}}（{{supersedesIssuedOnZh}}），更正原因：{{reason}}。原文书作废，存档备查。</p>
{{/correction}}`;

/** Full-width spaces where a signature goes. */
export const gap = (n: number): string => '\u3000'.repeat(n);

export const INSPECTORS: FieldDeclaration = { name: 'inspectors', label: '执法人员（姓名、执法证号）', type: 'LIST', required: true };

/** Inserts each kind with its first template (version 1) and makes it the kind's current one. */
export async function insertDocumentKinds(q: QueryRunner, kinds: readonly KindSeed[], note: string): Promise<void> {
  for (const k of kinds) {
    await q.query(`INSERT INTO enforcement_document_kind (kind, name_zh, number_prefix, sort_order) VALUES ($1, $2, $3, $4)`, [k.kind, k.nameZh, k.numberPrefix, k.sortOrder]);
    const [template] = (await q.query(
      `INSERT INTO enforcement_document_template (kind, template_version, title_template, text_template, html_template, fields, note) VALUES ($1, 1, $2, $3, $4, $5, $6) RETURNING id`,
      [k.kind, k.title, k.text, documentPage(k.nameZh, k.body), JSON.stringify(k.fields), note],
    )) as Array<{ id: string }>;
    await q.query(`UPDATE enforcement_document_kind SET current_template_id = $2, current_template_version = 1 WHERE kind = $1`, [k.kind, template!.id]);
  }
}
