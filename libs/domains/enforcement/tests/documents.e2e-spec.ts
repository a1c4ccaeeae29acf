import { randomUUID } from 'node:crypto';
import { ManualClock, RequestContext, SYSTEM, toGlobalId, transaction } from '@platform/core';
import { seedId } from '@platform/directory';
import { PAGE_ARGS, PAGE_VARS, errorOf, expectPagedCompletely, startTestGateway, walkedPage, type GraphQLClient, type TestGateway } from '@platform/testing';
import { EnforcementDocumentKind, issueEnforcementDocument, type DocumentFields, type IssueEnforcementDocumentInput } from '../src/documents/public';
import { MODULES, dataOf, mutation, mutated } from './support';

const org = (key: string) => seedId(`org:${key}`);
const TOWN = org('town');
const BRIGADE = org('dept-enforcement');
/** 南平加油站 (南平社区), 宏发采石场 (龙山村) and 绿源方竹笋 (文凤村): three enterprises of three villages. */
const SINOPEC = org('ent-sinopec-nanping');
const QUARRY = org('ent-hongfa-quarry');
const BAMBOO = org('ent-lvyuan-bamboo-shoots');
const inspection = () => toGlobalId('Inspection', randomUUID());

const ORDER_FIELDS: DocumentFields = {
  problems: [{ description: '加油区灭火器压力不足' }, { description: '配电房未设置挡鼠板' }],
  legalBasis: '《中华人民共和国安全生产法》第一百零二条',
  deadline: '2026-12-20',
};
const OPINION_FIELDS: DocumentFields = {
  orderNumber: '南平镇应急〔2024〕责改1号',
  orderIssuedOn: '2024-03-01',
  items: [{ description: '灭火器压力不足', result: '已更换' }],
  opinion: '经复查，上述问题已整改完毕。',
  inspectors: [
    { name: '周建华', certificateNumber: '渝执50011900101' },
    { name: '刘志强', certificateNumber: '渝执50011900102' },
  ],
};
const DOCUMENT = 'id kind number year serial title issuedOn organizationId issuingOrganizationId subjectNodeId subjectType templateVersion fields text html supersedesId correctionReason supersedes { number } supersededBy { number }';
type Doc = { id: string; number: string; serial: number; text: string; html: string; templateVersion: number; [k: string]: any };

/**
 * Enforcement documents (执法文书, issue 19): numbering per issuer, kind and year, gap-free under
 * concurrent issues; templates (Mustache) with declared fields, HTML escaping and versions kept by
 * each document; corrections; immutability; scope of the addressed enterprise; paging; downloads.
 */
describe('enforcement documents (执法文书)', () => {
  // 2026-11-29 (Sunday) 10:00 China time, the moment of the README.
  const clock = new ManualClock(new Date('2026-11-29T02:00:00Z'));
  let t: TestGateway;
  let anban: GraphQLClient;
  let zhifa: GraphQLClient;
  let sinopec: GraphQLClient;
  let wenfeng: GraphQLClient;
  let jingfa: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    [anban, zhifa, sinopec, wenfeng, jingfa] = await Promise.all([t.as('anban'), t.as('zhifa'), t.as('sinopec-nanping'), t.as('wenfeng'), t.as('jingfa')]);
  });
  afterAll(() => t?.close());

  const db = (text: string, params: unknown[] = []) => t.gateway.database.dataSource.query(text, params);
  const system = () =>
    new RequestContext({ requestId: `documents-${randomUUID()}`, principal: SYSTEM, dataSource: t.gateway.database.dataSource, events: { publish: async () => undefined, subscribe: () => () => undefined }, log: t.gateway.log, clock });
  /** Issues a document as an inspection step would, in its own transaction. */
  const issue = (input: Partial<IssueEnforcementDocumentInput> & { kind: EnforcementDocumentKind; organizationId: string; fields: DocumentFields }) =>
    issueEnforcementDocument(system(), { issuingOrganizationId: TOWN, subjectNodeId: inspection(), issuedOn: '2026-11-29', ...input });
  const read = async (client: GraphQLClient, id: string): Promise<Doc | null> => (await dataOf(client, `query($id: UUID!) { enforcementDocument(id: $id) { ${DOCUMENT} } }`, { id }))['enforcementDocument'];
  const correct = (client: GraphQLClient, input: Record<string, unknown>) => mutation(client, 'correctEnforcementDocument', 'CorrectEnforcementDocumentInput', input, DOCUMENT);
  const lastSerial = async (issuer: string, kind: string, year: number): Promise<number> =>
    (await db(`SELECT coalesce(max(last_serial), 0) AS n FROM enforcement_document_sequence WHERE issuing_organization_id = $1 AND kind = $2 AND year = $3`, [issuer, kind, year]))[0].n;
  const download = (id: string, form: string, token?: string) => fetch(`${t.origin}/enforcement/documents/${id}/${form}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('lists the kinds with their number prefixes and first templates, and the town\'s short name', async () => {
    const data = await dataOf(
      sinopec,
      `{ enforcementDocumentKinds(first: 20) { totalCount edges { node { kind nameZh numberPrefix currentTemplateVersion currentTemplate { templateVersion fields { name type required } } templates { totalCount } } } }
         enforcementDocumentIssuers(first: 10) { edges { node { shortName organization { name } } } } }`,
    );
    const kinds = data['enforcementDocumentKinds'].edges.map((e: any) => e.node);
    expect(kinds.map((k: any) => [k.kind, k.nameZh, k.numberPrefix, k.currentTemplateVersion >= 1])).toEqual([
      ['INSPECTION_APPROVAL', '行政检查审批表', '检审', true],
      ['FIELD_INSPECTION_RECORD', '现场检查记录', '现检', true],
      ['RECTIFICATION_ORDER', '责令限期整改指令书', '责改', true],
      ['REINSPECTION_OPINION', '整改复查意见书', '复查', true],
      ['CASE_FILING', '立案审批表', '立', true],
      ['PENALTY_NOTICE', '行政处罚告知书', '罚告', true],
      ['HEARING_NOTICE', '听证通知书', '听通', true],
      ['PENALTY_DECISION', '行政处罚决定书', '罚决', true],
      ['NO_PENALTY_DECISION', '不予行政处罚决定书', '不罚', true],
      ['SERVICE_RECEIPT', '送达回执', '送达', true],
      ['CASE_CLOSURE', '结案审批表', '结', true],
      ['ON_THE_SPOT_DECISION', '当场行政处罚决定书', '简罚', true],
      ['CRIMINAL_REFERRAL_REPORT', '涉嫌犯罪案件移送报告', '移报', true],
      ['CRIMINAL_CASE_TRANSFER', '涉嫌犯罪案件移送书', '移送', true],
    ]);
    const order = kinds[2].currentTemplate;
    expect(order.fields.filter((f: any) => f.required).map((f: any) => `${f.name}:${f.type}`)).toEqual(expect.arrayContaining(['problems:LIST', 'legalBasis:TEXT', 'deadline:DATE']));
    // The enterprise may read the kinds, but not the town government's directory entry.
    expect(data['enforcementDocumentIssuers'].edges.map((e: any) => e.node)).toContainEqual({ shortName: '南平镇应急', organization: null });
    const office = await dataOf(anban, `{ enforcementDocumentIssuers(first: 10) { edges { node { shortName organization { name } } } } }`);
    expect(office['enforcementDocumentIssuers'].edges.map((e: any) => e.node)).toContainEqual({ shortName: '南平镇应急', organization: { name: '南平镇人民政府' } });
  });

  it('issues a numbered document from the current template, with an audit entry and an event, readable by the enterprise it is addressed to', async () => {
    const before = await lastSerial(TOWN, 'RECTIFICATION_ORDER', 2026);
    const subjectNodeId = inspection();
    const issued = await issue({ kind: EnforcementDocumentKind.RECTIFICATION_ORDER, organizationId: SINOPEC, subjectNodeId, fields: ORDER_FIELDS });
    expect(issued).toMatchObject({ serial: before + 1, number: `南平镇应急〔2026〕责改${before + 1}号`, year: 2026, subjectType: 'Inspection' });
    const doc = (await read(sinopec, issued.id))!;
    expect(doc).toMatchObject({
      kind: 'RECTIFICATION_ORDER',
      title: '责令限期整改指令书（中国石化销售股份有限公司重庆南川南平加油站）',
      issuedOn: '2026-11-29',
      organizationId: SINOPEC,
      issuingOrganizationId: TOWN,
      subjectNodeId,
      templateVersion: expect.any(Number),
      fields: ORDER_FIELDS,
      supersedes: null,
      supersededBy: null,
      correctionReason: null,
    });
    expect(doc.text).toContain(`责令限期整改指令书\n南平镇应急〔2026〕责改${before + 1}号\n中国石化销售股份有限公司重庆南川南平加油站：\n经查，你单位存在下列问题：\n1. 加油区灭火器压力不足\n2. 配电房未设置挡鼠板\n`);
    expect(doc.text).toContain('依据《中华人民共和国安全生产法》第一百零二条的规定，现责令你单位对上述问题于2026年12月20日前整改完毕');
    expect(doc.text).toMatch(/南平镇人民政府（印章）\n2026年11月29日\n$/);
    expect(doc.html).toMatch(/^<!DOCTYPE html>/);
    expect(doc.html).toContain('<li>配电房未设置挡鼠板</li>');
    const [audit] = await db(`SELECT action, changes FROM audit_log WHERE entity_type = 'EnforcementDocument' AND entity_id = $1`, [issued.id]);
    expect(audit).toMatchObject({ action: 'enforcement.document.issue', changes: expect.objectContaining({ number: doc.number, fields: ORDER_FIELDS }) });
    expect(audit.changes.text).toBeUndefined();
    const [event] = await db(`SELECT payload FROM event_outbox WHERE type = 'enforcement.document.issued' AND payload->>'id' = $1`, [issued.id]);
    expect(event.payload).toEqual({ id: issued.id, organizationId: SINOPEC, kind: 'RECTIFICATION_ORDER', number: doc.number, subjectNodeId, supersedesId: null });
  });

  it('escapes a value holding <script> in the HTML (and its download), keeps it as written in the text, and serves both forms only within scope', async () => {
    const attack = '<script>alert("xss")</script>';
    const issued = await issue({ kind: EnforcementDocumentKind.RECTIFICATION_ORDER, organizationId: SINOPEC, fields: { ...ORDER_FIELDS, problems: [{ description: `消防通道${attack}堵塞` }] } });
    const doc = (await read(anban, issued.id))!;
    expect(doc.html).not.toContain('<script>');
    expect(doc.html).toContain('<li>消防通道&lt;script&gt;alert(&quot;xss&quot;)&lt;&#x2F;script&gt;堵塞</li>');
    expect(doc.text).toContain(`1. 消防通道${attack}堵塞\n`);

    const token = await t.token('sinopec-nanping');
    const html = await download(issued.id, 'html', token);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-security-policy')).toContain('sandbox');
    expect(decodeURIComponent(html.headers.get('content-disposition')!)).toContain(`attachment; filename="document-${issued.id}.html"; filename*=UTF-8''${doc.number}.html`);
    expect(await html.text()).toBe(doc.html);
    const text = await download(issued.id, 'text', token);
    expect([text.status, text.headers.get('content-type'), await text.text()]).toEqual([200, 'text/plain; charset=utf-8', doc.text]);
    // Another enterprise, an unknown form, a missing id: 404 alike; no credentials: 401.
    const quarry = await issue({ kind: EnforcementDocumentKind.RECTIFICATION_ORDER, organizationId: QUARRY, fields: ORDER_FIELDS });
    const statuses = await Promise.all([download(quarry.id, 'html', token), download(issued.id, 'pdf', token), download(randomUUID(), 'html', token), download(issued.id, 'html')].map(async (r) => (await r).status));
    expect(statuses).toEqual([404, 404, 404, 401]);
  });

  it('refuses an issue with a missing or mistyped required field, naming each, and takes no number', async () => {
    const before = await lastSerial(TOWN, 'RECTIFICATION_ORDER', 2026);
    const { deadline: _deadline, ...withoutDeadline } = ORDER_FIELDS;
    await expect(issue({ kind: EnforcementDocumentKind.RECTIFICATION_ORDER, organizationId: SINOPEC, fields: { ...withoutDeadline, legalBasis: '  ', problems: 'x', remark: 'x' } })).rejects.toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: [
          expect.objectContaining({ field: 'input.fields.remark', rule: 'undeclaredField' }),
          expect.objectContaining({ field: 'input.fields.problems', rule: 'fieldType' }),
          expect.objectContaining({ field: 'input.fields.legalBasis', rule: 'required' }),
          expect.objectContaining({ field: 'input.fields.deadline', rule: 'required' }),
        ],
      },
    });
    // An issuer without a short name cannot number documents; a subject must be a global id.
    await expect(issue({ kind: EnforcementDocumentKind.RECTIFICATION_ORDER, organizationId: SINOPEC, issuingOrganizationId: org('dept-safety'), fields: ORDER_FIELDS })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.issuingOrganizationId', rule: 'issuer' })] },
    });
    await expect(issue({ kind: EnforcementDocumentKind.RECTIFICATION_ORDER, organizationId: SINOPEC, subjectNodeId: 'not-a-node', fields: ORDER_FIELDS })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.subjectNodeId', rule: 'globalId' })] },
    });
    expect(await lastSerial(TOWN, 'RECTIFICATION_ORDER', 2026)).toBe(before);
    // A number taken in a transaction that rolls back is given back: the next issue gets it.
    await expect(
      transaction(system(), async (tx) => {
        await issueEnforcementDocument(tx, { kind: EnforcementDocumentKind.RECTIFICATION_ORDER, organizationId: SINOPEC, issuingOrganizationId: TOWN, subjectNodeId: inspection(), issuedOn: '2026-11-29', fields: ORDER_FIELDS });
        throw new Error('the inspection step failed after issuing');
      }),
    ).rejects.toThrow('the inspection step failed');
    expect((await issue({ kind: EnforcementDocumentKind.RECTIFICATION_ORDER, organizationId: SINOPEC, fields: ORDER_FIELDS })).serial).toBe(before + 1);
    // Through the correction mutation: a required value removed is refused the same way, naming the field.
    const doc = await issue({ kind: EnforcementDocumentKind.RECTIFICATION_ORDER, organizationId: SINOPEC, fields: ORDER_FIELDS });
    const refused = errorOf(await correct(anban, { id: doc.id, reason: '删除整改期限', fields: { deadline: null } }));
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.fields.deadline', rule: 'required' })] });
    expect(await lastSerial(TOWN, 'RECTIFICATION_ORDER', 2026)).toBe(before + 2);
  });

  it('numbers N concurrent issues 1..N without gaps or duplicates, in process and through parallel correction requests', async () => {
    const N = 8;
    // A fresh sequence: the brigade gets a short name, then issues in 2024 (in process, all at once) …
    await mutated(anban, 'createEnforcementDocumentIssuer', 'CreateEnforcementDocumentIssuerInput', { organizationId: BRIGADE, shortName: '南平镇执法' }, 'id');
    const originals = await Promise.all(
      Array.from({ length: N }, (_, i) => issue({ kind: EnforcementDocumentKind.REINSPECTION_OPINION, organizationId: SINOPEC, issuingOrganizationId: BRIGADE, issuedOn: `2024-03-${String(i + 10)}`, fields: OPINION_FIELDS })),
    );
    expect(originals.map((d) => d.serial).sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    expect(new Set(originals.map((d) => d.number)).size).toBe(N);
    // … and N corrections sent in parallel by two users, issued in 2025: numbered 1..N of that year.
    const responses = await Promise.all(originals.map((d, i) => correct(i % 2 ? zhifa : anban, { id: d.id, reason: '复查人员执法证号有误', issuedOn: '2025-01-06' })));
    const corrections = responses.map((r) => {
      expect(r.body.errors).toBeUndefined();
      return r.body.data!['correctEnforcementDocument'] as Doc;
    });
    expect(corrections.map((d) => d.serial).sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    expect(corrections.map((d) => d.number).sort()).toEqual(Array.from({ length: N }, (_, i) => `南平镇执法〔2025〕复查${i + 1}号`).sort());
    expect(await lastSerial(BRIGADE, 'REINSPECTION_OPINION', 2025)).toBe(N);
  });

  it('corrects a document with a new one that prints the reason and supersedes it; the old one is kept and cannot be corrected twice', async () => {
    const old = await issue({ kind: EnforcementDocumentKind.RECTIFICATION_ORDER, organizationId: SINOPEC, issuedOn: '2026-11-20', fields: ORDER_FIELDS });
    const oldText = (await read(anban, old.id))!.text;
    const corrected = await mutated<Doc>(zhifa, 'correctEnforcementDocument', 'CorrectEnforcementDocumentInput', { id: old.id, reason: '整改期限填写有误', fields: { deadline: '2026-12-31' } }, DOCUMENT);
    expect(corrected).toMatchObject({ kind: 'RECTIFICATION_ORDER', organizationId: SINOPEC, subjectNodeId: old.subjectNodeId, issuedOn: '2026-11-29', supersedesId: old.id, correctionReason: '整改期限填写有误', supersedes: { number: old.number }, fields: { ...ORDER_FIELDS, deadline: '2026-12-31' } });
    expect(corrected.serial).toBeGreaterThan(old.serial);
    expect(corrected.text).toContain('于2026年12月31日前整改完毕');
    expect(corrected.text).toContain(`更正说明：本指令书更正${old.number}（2026年11月20日），更正原因：整改期限填写有误。原文书作废，存档备查。`);
    const kept = (await read(anban, old.id))!;
    expect(kept).toMatchObject({ text: oldText, supersededBy: { number: corrected.number } });
    const listed = await dataOf(anban, `query($s: ID!) { enforcementDocuments(filter: { subjectNodeId: $s, superseded: true }) { edges { node { id } } } current: enforcementDocuments(filter: { subjectNodeId: $s, superseded: false }) { edges { node { id } } } }`, { s: old.subjectNodeId });
    expect([listed['enforcementDocuments'].edges, listed['current'].edges]).toEqual([[{ node: { id: old.id } }], [{ node: { id: corrected.id } }]]);
    const [audit] = await db(`SELECT action FROM audit_log WHERE entity_id = $1`, [corrected.id]);
    expect(audit.action).toBe('enforcement.document.correct');

    const refusal = async (client: GraphQLClient, input: Record<string, unknown>) => errorOf(await correct(client, input));
    expect(await refusal(anban, { id: old.id, reason: '再次更正' })).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.id', rule: 'state' })] });
    expect(await refusal(anban, { id: corrected.id, reason: '更正日期', issuedOn: '2026-11-30' })).toMatchObject({ fields: [expect.objectContaining({ field: 'input.issuedOn', rule: 'notFuture' })] });
    expect(await refusal(anban, { id: corrected.id, reason: '更正日期', issuedOn: '2026-11-19' })).toMatchObject({ fields: [expect.objectContaining({ field: 'input.issuedOn', rule: 'range' })] });
    expect(await refusal(anban, { id: corrected.id, reason: '' })).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.reason', rule: 'isLength' })] });
    expect(await refusal(anban, { id: corrected.id, reason: '多写字段', fields: { remark: 'x' } })).toMatchObject({ fields: [expect.objectContaining({ field: 'input.fields.remark', rule: 'undeclaredField' })] });
    // Only the office and inspectors correct; an enterprise, a department or a village may not.
    for (const client of [sinopec, jingfa, wenfeng]) expect((await refusal(client, { id: corrected.id, reason: '越权更正' }))?.['code']).toBe('FORBIDDEN');
    expect(await refusal(anban, { id: randomUUID(), reason: '不存在' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps issued documents and templates as they are: the database refuses any change or delete, whoever asks', async () => {
    const doc = await issue({ kind: EnforcementDocumentKind.RECTIFICATION_ORDER, organizationId: SINOPEC, fields: ORDER_FIELDS });
    await expect(db(`UPDATE enforcement_document SET text = 'x' WHERE id = $1`, [doc.id])).rejects.toThrow(/kept as issued/);
    await expect(db(`UPDATE enforcement_document SET updated_at = now() WHERE id = $1`, [doc.id])).rejects.toThrow(/never changed or deleted/);
    await expect(db(`DELETE FROM enforcement_document WHERE id = $1`, [doc.id])).rejects.toThrow(/kept as issued/);
    await expect(db(`UPDATE enforcement_document_template SET text_template = 'x' WHERE id = $1`, [doc.templateId])).rejects.toThrow(/add a new version/);
    await expect(db(`DELETE FROM enforcement_document_template WHERE id = $1`, [doc.templateId])).rejects.toThrow(/add a new version/);
    expect((await read(anban, doc.id))!.text).toBe(doc.text);
  });

  it('adds a template version that later documents use while earlier ones keep theirs, and refuses bad templates naming the field and rule', async () => {
    const kinds = async () => (await dataOf(anban, `{ enforcementDocumentKinds { edges { node { id version kind currentTemplate { id templateVersion textTemplate htmlTemplate titleTemplate fields { name label type required } } } } } }`))['enforcementDocumentKinds'].edges.map((e: any) => e.node);
    const form = (await kinds()).find((k: any) => k.kind === 'RECTIFICATION_ORDER');
    const before = await issue({ kind: EnforcementDocumentKind.RECTIFICATION_ORDER, organizationId: SINOPEC, fields: ORDER_FIELDS });
    const current = form.currentTemplate;
    const next = {
      id: form.id,
      version: form.version,
      titleTemplate: current.titleTemplate,
      textTemplate: `${current.textTemplate}\n{{#contact}}联系人：{{contact}}{{/contact}}`,
      htmlTemplate: current.htmlTemplate.replace('</body>', '{{#contact}}<p>联系人：{{contact}}</p>{{/contact}}</body>'),
      fields: [...current.fields, { name: 'contact', label: '联系人', type: 'TEXT', required: false }],
      note: '增加联系人',
    };
    const add = (client: GraphQLClient, input: Record<string, unknown>) => mutation(client, 'addEnforcementDocumentTemplate', 'AddEnforcementDocumentTemplateInput', input, 'id kind templateVersion');
    // Refused: unescaped HTML, a template that does not parse, a name not declared, a reserved field name: all reported together.
    const bad = errorOf(await add(anban, { ...next, htmlTemplate: `${next.htmlTemplate}{{{contact}}}`, textTemplate: '{{#problems}}', titleTemplate: '{{contakt}}', fields: [...next.fields, { name: 'number', label: '编号', type: 'TEXT', required: false }] }));
    expect(bad?.['code']).toBe('BAD_USER_INPUT');
    expect(bad?.['fields'].map((f: any) => [f.field, f.rule])).toEqual([
      ['input.fields.4.name', 'reservedName'],
      ['input.titleTemplate', 'undeclaredField'],
      ['input.textTemplate', 'templateSyntax'],
      ['input.htmlTemplate', 'unescaped'],
    ]);
    expect(errorOf(await add(zhifa, next))?.['code']).toBe('FORBIDDEN');
    expect(errorOf(await add(anban, { ...next, version: form.version + 1 }))?.['code']).toBe('CONFLICT');

    const added = (await add(anban, next)).body.data!['addEnforcementDocumentTemplate'];
    expect(added).toEqual({ id: expect.any(String), kind: 'RECTIFICATION_ORDER', templateVersion: current.templateVersion + 1 });
    expect(errorOf(await add(anban, next))?.['code']).toBe('CONFLICT'); // the kind's version moved on
    const after = await issue({ kind: EnforcementDocumentKind.RECTIFICATION_ORDER, organizationId: SINOPEC, fields: { ...ORDER_FIELDS, contact: '王立新 13983001234' } });
    expect(after.templateVersion).toBe(added.templateVersion);
    expect((await read(anban, after.id))!.text).toContain('联系人：王立新 13983001234');
    // The document issued before keeps its version, text and template.
    const kept = await dataOf(anban, `query($id: UUID!) { enforcementDocument(id: $id) { templateVersion text template { templateVersion } } }`, { id: before.id });
    expect(kept['enforcementDocument']).toEqual({ templateVersion: current.templateVersion, text: before.text, template: { templateVersion: current.templateVersion } });
    const versions = await dataOf(anban, `{ enforcementDocumentKinds { edges { node { kind templates(first: 2) { edges { node { templateVersion note } } } } } } }`);
    const order = versions['enforcementDocumentKinds'].edges.find((e: any) => e.node.kind === 'RECTIFICATION_ORDER').node;
    expect(order.templates.edges[0].node).toEqual({ templateVersion: added.templateVersion, note: '增加联系人' });
  });

  it('answers another enterprise\'s document as NOT_FOUND (null) and lists only what is in scope: the enterprise its own, a village its enterprises\'', async () => {
    const subjectNodeId = inspection();
    const [own, quarry, bamboo] = await Promise.all([
      issue({ kind: EnforcementDocumentKind.FIELD_INSPECTION_RECORD, organizationId: SINOPEC, subjectNodeId, fields: fieldRecord('加油区、油罐区') }),
      issue({ kind: EnforcementDocumentKind.FIELD_INSPECTION_RECORD, organizationId: QUARRY, subjectNodeId, fields: fieldRecord('采场、爆破器材库') }),
      issue({ kind: EnforcementDocumentKind.FIELD_INSPECTION_RECORD, organizationId: BAMBOO, subjectNodeId, fields: fieldRecord('生产车间') }),
    ]);
    expect(own.number).toMatch(/^南平镇应急〔2026〕现检\d+号$/);
    expect(own.text).toContain('执法人员：周建华（执法证号：渝执50011900101）、刘志强（执法证号：渝执50011900102）\n');
    const visible = async (client: GraphQLClient) => {
      const data = await dataOf(client, `query($s: ID!, $a: UUID!, $b: UUID!, $c: UUID!) { enforcementDocuments(filter: { subjectNodeId: $s }) { totalCount edges { node { id } } } a: enforcementDocument(id: $a) { id } b: enforcementDocument(id: $b) { id } c: enforcementDocument(id: $c) { id } }`, { s: subjectNodeId, a: own.id, b: quarry.id, c: bamboo.id });
      return { listed: data['enforcementDocuments'].edges.map((e: any) => e.node.id).sort(), byId: [data['a'], data['b'], data['c']].map((d) => d?.id ?? null) };
    };
    expect(await visible(sinopec)).toEqual({ listed: [own.id], byId: [own.id, null, null] });
    expect(await visible(wenfeng)).toEqual({ listed: [bamboo.id], byId: [null, null, bamboo.id] });
    expect((await visible(jingfa)).listed).toEqual([own.id, quarry.id, bamboo.id].sort());
    // Filters: the addressee, the village's subtree, kinds, days and the exact number.
    const count = async (filter: string) => (await dataOf(anban, `query($s: ID!) { enforcementDocuments(filter: { subjectNodeId: $s, ${filter} }) { totalCount } }`, { s: subjectNodeId }))['enforcementDocuments'].totalCount;
    expect(await count(`organizationId: "${QUARRY}"`)).toBe(1);
    expect(await count(`withinSubtreeOf: "${org('village-wenfeng')}"`)).toBe(1);
    expect(await count(`kinds: [RECTIFICATION_ORDER]`)).toBe(0);
    expect(await count(`issuedFrom: "2026-11-29", issuedTo: "2026-11-29", number: "${own.number}"`)).toBe(1);
    expect(await count(`issuedFrom: "2026-11-30"`)).toBe(0);
    expect(errorOf(await anban(`{ enforcementDocuments(filter: { issuedFrom: "2026-11-29", issuedTo: "2026-11-28" }) { totalCount } }`))).toMatchObject({ fields: [expect.objectContaining({ field: 'filter.issuedTo', rule: 'notBeforeFrom' })] });
    // Through node(nodeId:) the same scope applies.
    const node = await dataOf(sinopec, `query($n: ID!) { node(nodeId: $n) { ... on EnforcementDocument { number } } }`, { n: toGlobalId('EnforcementDocument', quarry.id) });
    expect(node['node']).toBeNull();
  });

  it('pages a subject\'s documents both ways without loss, in a fixed number of statements', async () => {
    const subjectNodeId = inspection();
    for (let i = 0; i < 5; i++) await issue({ kind: EnforcementDocumentKind.FIELD_INSPECTION_RECORD, organizationId: i % 2 ? QUARRY : SINOPEC, subjectNodeId, fields: fieldRecord(`场所${i}`) });
    const query = `query(${PAGE_VARS}, $s: ID!) { enforcementDocuments(${PAGE_ARGS}, filter: { subjectNodeId: $s }) { ${walkedPage()} } }`;
    const ids = await expectPagedCompletely(anban, query, { s: subjectNodeId }, ['enforcementDocuments'], 2, 5);
    const byKind = await expectPagedCompletely(anban, query.replace('filter:', 'orderBy: [{ field: KIND }, { field: CREATED_AT, direction: DESC }], filter:'), { s: subjectNodeId }, ['enforcementDocuments'], 2, 5);
    expect(new Set(byKind)).toEqual(new Set(ids));
    // A page with its addressees, issuers, templates and corrections: one statement compiled, a few on the resolver path.
    const nested = `query($s: ID!) { enforcementDocuments(first: 5, filter: { subjectNodeId: $s }) { totalCount edges { node { number organization { name } issuingOrganization { name } template { templateVersion } supersedes { number } } } } }`;
    expect((await anban(nested, { s: subjectNodeId })).statements).toBe(1);
    const resolverPath = await (await t.resolvers('anban'))(nested, { s: subjectNodeId });
    expect(resolverPath.body.errors).toBeUndefined();
    expect(resolverPath.statements).toBeLessThanOrEqual(5); // the page, its count, organizations, templates, superseded documents
  });

  it('keeps the issuers\' short names unique and changes them at the version read', async () => {
    const create = (input: Record<string, unknown>) => mutation(anban, 'createEnforcementDocumentIssuer', 'CreateEnforcementDocumentIssuerInput', input, 'id version shortName');
    expect(errorOf(await create({ organizationId: TOWN, shortName: '南平镇' }))).toMatchObject({ fields: [expect.objectContaining({ field: 'input.shortName', rule: 'unique' })] });
    expect(errorOf(await create({ organizationId: org('dept-safety'), shortName: '南平镇应急' }))).toMatchObject({ fields: [expect.objectContaining({ rule: 'unique' })] });
    expect(errorOf(await create({ organizationId: org('dept-safety'), shortName: '南平〔镇〕' }))).toMatchObject({ fields: [expect.objectContaining({ field: 'input.shortName', rule: 'range' })] });
    expect(errorOf(await create({ organizationId: randomUUID(), shortName: '不存在' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await mutation(zhifa, 'createEnforcementDocumentIssuer', 'CreateEnforcementDocumentIssuerInput', { organizationId: org('dept-safety'), shortName: '南平安办' }, 'id'))?.['code']).toBe('FORBIDDEN');
    const created = (await create({ organizationId: org('dept-safety'), shortName: '南平安办' })).body.data!['createEnforcementDocumentIssuer'];
    const update = (input: Record<string, unknown>) => mutation(anban, 'updateEnforcementDocumentIssuer', 'UpdateEnforcementDocumentIssuerInput', input, 'version shortName');
    expect((await update({ id: created.id, version: created.version, shortName: '南平镇安办' })).body.data!['updateEnforcementDocumentIssuer']).toEqual({ version: created.version + 1, shortName: '南平镇安办' });
    expect(errorOf(await update({ id: created.id, version: created.version, shortName: '南平镇安办2' }))?.['code']).toBe('CONFLICT');
    const doc = await issue({ kind: EnforcementDocumentKind.FIELD_INSPECTION_RECORD, organizationId: SINOPEC, issuingOrganizationId: org('dept-safety'), fields: fieldRecord('配电房') });
    expect(doc.number).toBe('南平镇安办〔2026〕现检1号');
  });
});

/** The values of a field inspection record (template version 1). */
function fieldRecord(place: string): DocumentFields {
  return {
    place,
    inspectedOn: '2026-11-29',
    inspectionTime: '9时30分至11时00分',
    inspectors: OPINION_FIELDS['inspectors']!,
    siteResponsible: '王立新',
    items: [
      { item: '主要负责人安全生产责任制落实情况', result: '已落实' },
      { item: '特种作业人员持证上岗情况', result: '1名电工操作证已过期' },
    ],
  };
}
