import type { MigrationInterface, QueryRunner } from 'typeorm';
import { INSPECTORS, correctionHtml, correctionText, gap, insertDocumentKinds, type KindSeed } from './document-kinds.insert';

/*
 * 执法文书 (issue 19): numbered enforcement documents rendered from versioned templates, kept as
 * issued forever. The first template of each kind is written here, as the data it is (a later
 * version is added with `addEnforcementDocumentTemplate`, never by editing this file).
 */

const APPEAL = '如果不服本指令，可以依法在六十日内向重庆市南川区人民政府申请行政复议，或者在六个月内依法向重庆市南川区人民法院提起行政诉讼，但本指令不停止执行，法律另有规定的除外。';

const KINDS: readonly KindSeed[] = [
  {
    kind: 'FIELD_INSPECTION_RECORD',
    nameZh: '现场检查记录',
    numberPrefix: '现检',
    sortOrder: 1,
    title: '现场检查记录（{{organization.name}}）',
    fields: [
      { name: 'place', label: '检查场所', type: 'TEXT', required: true },
      { name: 'inspectedOn', label: '检查日期', type: 'DATE', required: true },
      { name: 'inspectionTime', label: '检查时间（起止）', type: 'TEXT', required: true },
      INSPECTORS,
      { name: 'siteResponsible', label: '被检查单位现场负责人', type: 'TEXT', required: true },
      { name: 'items', label: '检查情况（检查项目、检查结果）', type: 'LIST', required: true },
      { name: 'summary', label: '检查说明', type: 'TEXT', required: false },
    ],
    text: `现场检查记录
{{number}}
被检查单位：{{organization.name}}
检查场所：{{place}}
检查时间：{{inspectedOn}}{{inspectionTime}}
执法人员：{{#inspectors}}{{name}}（执法证号：{{certificateNumber}}）{{^last}}、{{/last}}{{/inspectors}}
被检查单位现场负责人：{{siteResponsible}}
我们是{{issuer.name}}的执法人员，已出示执法证件，现依法对你单位进行现场检查，请予配合。
检查情况：
{{#items}}
{{index}}. {{item}}：{{result}}
{{/items}}
{{#summary}}
检查说明：{{summary}}
{{/summary}}
${correctionText('记录')}执法人员（签名）：${gap(8)}被检查单位现场负责人（签名）：
{{issuedOnZh}}
`,
    body: `<table>
<tr><th>被检查单位</th><td>{{organization.name}}</td></tr>
<tr><th>检查场所</th><td>{{place}}</td></tr>
<tr><th>检查时间</th><td>{{inspectedOn}}{{inspectionTime}}</td></tr>
<tr><th>执法人员</th><td>{{#inspectors}}{{name}}（执法证号：{{certificateNumber}}）{{^last}}、{{/last}}{{/inspectors}}</td></tr>
<tr><th>现场负责人</th><td>{{siteResponsible}}</td></tr>
</table>
<p>我们是{{issuer.name}}的执法人员，已出示执法证件，现依法对你单位进行现场检查，请予配合。</p>
<p>检查情况：</p>
<ol>
{{#items}}
<li>{{item}}：{{result}}</li>
{{/items}}
</ol>
{{#summary}}
<p>检查说明：{{summary}}</p>
{{/summary}}
${correctionHtml('记录')}
<p class="signature">执法人员（签名）：${gap(6)}被检查单位现场负责人（签名）：</p>
<p class="seal">{{issuedOnZh}}</p>`,
  },
  {
    kind: 'RECTIFICATION_ORDER',
    nameZh: '责令限期整改指令书',
    numberPrefix: '责改',
    sortOrder: 2,
    title: '责令限期整改指令书（{{organization.name}}）',
    fields: [
      { name: 'problems', label: '存在的问题', type: 'LIST', required: true },
      { name: 'legalBasis', label: '依据', type: 'TEXT', required: true },
      { name: 'deadline', label: '整改期限', type: 'DATE', required: true },
    ],
    text: `责令限期整改指令书
{{number}}
{{organization.name}}：
经查，你单位存在下列问题：
{{#problems}}
{{index}}. {{description}}
{{/problems}}
依据{{legalBasis}}的规定，现责令你单位对上述问题于{{deadline}}前整改完毕，达到有关法律法规规章和标准规定的要求。由此造成事故的，依法追究有关人员的责任。
整改期间，你单位应当采取措施，确保安全生产。对安全生产违法行为，将依法予以行政处罚。
${APPEAL}
${correctionText('指令书')}{{issuer.name}}（印章）
{{issuedOnZh}}
`,
    body: `<p>{{organization.name}}：</p>
<p>经查，你单位存在下列问题：</p>
<ol>
{{#problems}}
<li>{{description}}</li>
{{/problems}}
</ol>
<p>依据{{legalBasis}}的规定，现责令你单位对上述问题于{{deadline}}前整改完毕，达到有关法律法规规章和标准规定的要求。由此造成事故的，依法追究有关人员的责任。</p>
<p>整改期间，你单位应当采取措施，确保安全生产。对安全生产违法行为，将依法予以行政处罚。</p>
<p>${APPEAL}</p>
${correctionHtml('指令书')}
<p class="seal">{{issuer.name}}（印章）<br>{{issuedOnZh}}</p>`,
  },
  {
    kind: 'REINSPECTION_OPINION',
    nameZh: '整改复查意见书',
    numberPrefix: '复查',
    sortOrder: 3,
    title: '整改复查意见书（{{organization.name}}）',
    fields: [
      { name: 'orderNumber', label: '责令限期整改指令书编号', type: 'TEXT', required: true },
      { name: 'orderIssuedOn', label: '责令限期整改指令书日期', type: 'DATE', required: true },
      { name: 'items', label: '复查情况（问题、整改结果）', type: 'LIST', required: true },
      { name: 'opinion', label: '复查意见', type: 'TEXT', required: true },
      INSPECTORS,
    ],
    text: `整改复查意见书
{{number}}
{{organization.name}}：
本机关于{{orderIssuedOn}}作出了责令限期整改指令书（{{orderNumber}}）。经对你单位整改情况进行复查，情况如下：
{{#items}}
{{index}}. {{description}}：{{result}}
{{/items}}
复查意见：{{opinion}}
复查人员：{{#inspectors}}{{name}}（执法证号：{{certificateNumber}}）{{^last}}、{{/last}}{{/inspectors}}
${correctionText('意见书')}被复查单位负责人（签名）：
{{issuer.name}}（印章）
{{issuedOnZh}}
`,
    body: `<p>{{organization.name}}：</p>
<p>本机关于{{orderIssuedOn}}作出了责令限期整改指令书（{{orderNumber}}）。经对你单位整改情况进行复查，情况如下：</p>
<ol>
{{#items}}
<li>{{description}}：{{result}}</li>
{{/items}}
</ol>
<p>复查意见：{{opinion}}</p>
<p>复查人员：{{#inspectors}}{{name}}（执法证号：{{certificateNumber}}）{{^last}}、{{/last}}{{/inspectors}}</p>
${correctionHtml('意见书')}
<p class="signature">被复查单位负责人（签名）：</p>
<p class="seal">{{issuer.name}}（印章）<br>{{issuedOnZh}}</p>`,
  },
];

/** The body of a trigger function refusing every change and delete of a table's rows. */
const refuseChanges = (what: string) => `BEGIN RAISE EXCEPTION '${what}' USING ERRCODE = 'restrict_violation'; END`;

/**
 * Enforcement documents: the kinds with their number prefix and current template, the templates
 * (versioned, insert-only), the issuers' short names (文书代字), one counter per issuer, kind and year
 * (locked by each issue: numbers are gap-free), and the documents themselves (insert-only, kept
 * permanently, a correction being a new document that supersedes the old one).
 */
export class CreateEnforcementDocuments1764403935000 implements MigrationInterface {
  name = 'CreateEnforcementDocuments1764403935000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE enforcement_document_kind (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL UNIQUE CHECK (kind ~ '^[A-Z][A-Z0-9_]*$'),
        name_zh text NOT NULL CHECK (length(btrim(name_zh)) > 0),
        number_prefix text NOT NULL CHECK (number_prefix ~ '^[^[:space:]〔〕]{1,8}$'),
        sort_order int NOT NULL,
        current_template_id uuid,
        current_template_version int NOT NULL DEFAULT 0 CHECK (current_template_version >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK ((current_template_id IS NULL) = (current_template_version = 0))
      )`);
    await q.query(`CREATE INDEX enforcement_document_kind_order_idx ON enforcement_document_kind (sort_order, id)`);
    await q.query(`COMMENT ON TABLE enforcement_document_kind IS '执法文书种类: each kind of numbered document with its Chinese name, number prefix and current template version'`);
    await q.query(`
      CREATE TABLE enforcement_document_template (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL REFERENCES enforcement_document_kind (kind),
        template_version int NOT NULL CHECK (template_version >= 1),
        title_template text NOT NULL CHECK (length(btrim(title_template)) > 0),
        text_template text NOT NULL CHECK (length(btrim(text_template)) > 0),
        html_template text NOT NULL CHECK (length(btrim(html_template)) > 0),
        fields jsonb NOT NULL CHECK (jsonb_typeof(fields) = 'array'),
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        UNIQUE (kind, template_version),
        UNIQUE (id, kind, template_version)
      )`);
    await q.query(`COMMENT ON TABLE enforcement_document_template IS '执法文书模板: every version of every kind''s title, text and HTML templates (Mustache) with the fields they declare; insert-only'`);
    await q.query(`CREATE FUNCTION enforcement_document_template_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ ${refuseChanges('enforcement document templates are never changed or deleted (add a new version)')} $$`);
    await q.query(`CREATE TRIGGER enforcement_document_template_immutable BEFORE UPDATE OR DELETE ON enforcement_document_template FOR EACH ROW EXECUTE FUNCTION enforcement_document_template_immutable()`);
    await q.query(`ALTER TABLE enforcement_document_kind ADD FOREIGN KEY (current_template_id, kind, current_template_version) REFERENCES enforcement_document_template (id, kind, template_version)`);
    await q.query(`
      CREATE TABLE enforcement_document_issuer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL UNIQUE REFERENCES organization (id),
        short_name text NOT NULL UNIQUE CHECK (short_name ~ '^[^[:space:]〔〕]{2,20}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX enforcement_document_issuer_order_idx ON enforcement_document_issuer (short_name, id)`);
    await q.query(`COMMENT ON TABLE enforcement_document_issuer IS '发文机关代字: the short name an organization''s document numbers start with (e.g. 南平镇应急〔2026〕现检12号)'`);
    await q.query(`
      CREATE TABLE enforcement_document_sequence (
        issuing_organization_id uuid NOT NULL REFERENCES organization (id),
        kind text NOT NULL REFERENCES enforcement_document_kind (kind),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        last_serial int NOT NULL CHECK (last_serial >= 1),
        PRIMARY KEY (issuing_organization_id, kind, year)
      )`);
    await q.query(`COMMENT ON TABLE enforcement_document_sequence IS '文书编号计数: the last serial number issued per issuing organization, kind and year; its row is locked by each issue until commit, so numbers are gap-free'`);
    await q.query(`
      CREATE TABLE enforcement_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL REFERENCES enforcement_document_kind (kind),
        organization_id uuid NOT NULL REFERENCES organization (id),
        issuing_organization_id uuid NOT NULL REFERENCES organization (id),
        subject_node_id text NOT NULL,
        subject_type text NOT NULL CHECK (subject_type ~ '^[A-Za-z_][A-Za-z0-9_]*$'),
        subject_id uuid NOT NULL,
        issued_on date NOT NULL,
        year int NOT NULL,
        serial int NOT NULL CHECK (serial >= 1),
        number text NOT NULL UNIQUE,
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        template_id uuid NOT NULL,
        template_version int NOT NULL,
        fields jsonb NOT NULL CHECK (jsonb_typeof(fields) = 'object'),
        text text NOT NULL,
        html text NOT NULL,
        supersedes_id uuid UNIQUE REFERENCES enforcement_document (id),
        correction_reason text CHECK (length(btrim(correction_reason)) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        FOREIGN KEY (template_id, kind, template_version) REFERENCES enforcement_document_template (id, kind, template_version),
        FOREIGN KEY (issuing_organization_id, kind, year) REFERENCES enforcement_document_sequence (issuing_organization_id, kind, year),
        UNIQUE (issuing_organization_id, kind, year, serial),
        CHECK (year = extract(year FROM issued_on)),
        CHECK ((supersedes_id IS NULL) = (correction_reason IS NULL)),
        CHECK (subject_node_id = rtrim(translate(encode(convert_to(subject_type || ':' || subject_id::text, 'UTF8'), 'base64'), E'+/\\n', '-_'), '='))
      )`);
    await q.query(`CREATE INDEX enforcement_document_issued_idx ON enforcement_document (issued_on, created_at, id)`);
    await q.query(`CREATE INDEX enforcement_document_organization_idx ON enforcement_document (organization_id, issued_on, created_at, id)`);
    await q.query(`CREATE INDEX enforcement_document_subject_idx ON enforcement_document (subject_id, issued_on, created_at, id)`);
    await q.query(`CREATE INDEX enforcement_document_updated_idx ON enforcement_document (updated_at, id)`);
    await q.query(`COMMENT ON TABLE enforcement_document IS '执法文书: numbered documents as issued (template version, values, rendered text and HTML), kept permanently; a correction is a new document superseding the old one'`);
    // Files are kept permanently (立卷归档): nothing issued is changed or deleted, whoever asks.
    await q.query(`CREATE FUNCTION enforcement_document_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ ${refuseChanges('enforcement documents are kept as issued: never changed or deleted (issue a correction)')} $$`);
    await q.query(`CREATE TRIGGER enforcement_document_immutable BEFORE UPDATE OR DELETE ON enforcement_document FOR EACH ROW EXECUTE FUNCTION enforcement_document_immutable()`);

    await insertDocumentKinds(q, KINDS, '首版：依据安全生产监管执法文书式样编制，复议机关与管辖法院按南川区填写。');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE enforcement_document`);
    await q.query(`DROP FUNCTION enforcement_document_immutable()`);
    await q.query(`DROP TABLE enforcement_document_sequence`);
    await q.query(`DROP TABLE enforcement_document_issuer`);
    await q.query(`ALTER TABLE enforcement_document_kind DROP COLUMN current_template_id`);
    await q.query(`DROP TABLE enforcement_document_template`);
    await q.query(`DROP FUNCTION enforcement_document_template_immutable()`);
    await q.query(`DROP TABLE enforcement_document_kind`);
  }
}
