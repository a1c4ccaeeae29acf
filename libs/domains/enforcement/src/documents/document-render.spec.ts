import { EnforcementDocumentFieldType as T } from './document.enums';
import { chineseDay, declarationViolations, fieldViolations, renderDocument, templateViolations, type DocumentSystemValues, type TemplateFieldDeclaration } from './document-render';

const FIELDS: TemplateFieldDeclaration[] = [
  { name: 'place', label: '检查场所', type: T.TEXT, required: true },
  { name: 'deadline', label: '整改期限', type: T.DATE, required: true },
  { name: 'problems', label: '存在的问题', type: T.LIST, required: true },
  { name: 'summary', label: '说明', type: T.TEXT, required: false },
];

const SYSTEM: DocumentSystemValues = {
  number: '南平镇应急〔2026〕责改3号',
  year: 2026,
  serial: 3,
  issuedOn: '2026-11-29',
  kindName: '责令限期整改指令书',
  organization: { name: '某<公司>' },
  issuer: { name: '南平镇人民政府', shortName: '南平镇应急' },
  correction: null,
};

const TEMPLATE = {
  titleTemplate: '{{kindName}}（{{organization.name}}）',
  textTemplate: '{{number}}\n{{#problems}}\n{{index}}. {{description}}{{^last}}；{{/last}}\n{{/problems}}\n于{{deadline}}前整改。{{#summary}}说明：{{summary}}{{/summary}}{{#correction}}更正{{supersedesNumber}}：{{reason}}{{/correction}}\n',
  htmlTemplate: '<p>{{organization.name}}</p><ol>{{#problems}}<li>{{description}}</li>{{/problems}}</ol><p>{{place}}</p>',
  fields: FIELDS,
};

const VALUES = { place: '油罐区', deadline: '2026-12-20', problems: [{ description: '消防通道<script>alert(1)</script>堵塞' }, { description: '灭火器过期' }] };

describe('rendering enforcement documents (Mustache)', () => {
  it('writes the text as given and escapes every value of the HTML, with rows numbered and days in Chinese', () => {
    const out = renderDocument(TEMPLATE, SYSTEM, VALUES);
    expect(out.title).toBe('责令限期整改指令书（某<公司>）');
    expect(out.text).toBe('南平镇应急〔2026〕责改3号\n1. 消防通道<script>alert(1)</script>堵塞；\n2. 灭火器过期\n于2026年12月20日前整改。\n');
    expect(out.html).toBe('<p>某&lt;公司&gt;</p><ol><li>消防通道&lt;script&gt;alert(1)&lt;&#x2F;script&gt;堵塞</li><li>灭火器过期</li></ol><p>油罐区</p>');
    expect(out.html).not.toContain('<script>');
  });

  it('prints a correction notice only on a correction', () => {
    const out = renderDocument(TEMPLATE, { ...SYSTEM, correction: { supersedesNumber: '南平镇应急〔2026〕责改2号', supersedesIssuedOn: '2026-11-20', reason: '整改期限有误' } }, { ...VALUES, summary: '复查时一并核实' });
    expect(out.text).toContain('说明：复查时一并核实更正南平镇应急〔2026〕责改2号：整改期限有误');
  });

  it('refuses missing, mistyped and undeclared values, naming each field', () => {
    const violations = fieldViolations(FIELDS, { place: '  ', deadline: '2026-02-30', problems: [{ description: 1, 'bad key': 'x' }], extra: 'x' }, 'input.fields');
    expect(violations.map((v) => [v.field, v.rule])).toEqual([
      ['input.fields.extra', 'undeclaredField'],
      ['input.fields.place', 'required'],
      ['input.fields.deadline', 'fieldType'],
      ['input.fields.problems.0.bad key', 'fieldType'],
    ]);
    expect(fieldViolations(FIELDS, { place: 'x', deadline: '2026-12-01', problems: [] }, 'f').map((v) => [v.field, v.rule])).toEqual([['f.problems', 'required']]);
    expect(fieldViolations(FIELDS, VALUES, 'f')).toEqual([]);
  });

  it('refuses templates that do not parse, write unescaped HTML, use partials or names they do not declare', () => {
    const rules = (template: string, html = true) => templateViolations(template, html, FIELDS, 't').map((v) => v.rule);
    expect(rules('{{#problems}}{{description}}')).toEqual(['templateSyntax']);
    expect(rules('{{{place}}}')).toEqual(['unescaped']);
    expect(rules('{{& place}}')).toEqual(['unescaped']);
    expect(rules('{{{place}}}', false)).toEqual([]);
    expect(rules('{{> header}}')).toEqual(['templateSyntax']);
    expect(rules('{{plaec}} {{organization.nmae}} {{place.x}}')).toEqual(['undeclaredField', 'undeclaredField', 'undeclaredField']);
    // Inside a list's section its rows' values are free; inside the correction, its keys.
    expect(rules('{{#problems}}{{anything}}{{index}}{{/problems}}{{#correction}}{{reason}}{{/correction}}{{^summary}}无{{/summary}}{{issuer.shortName}}')).toEqual([]);
    expect(rules('{{reason}}')).toEqual(['undeclaredField']);
  });

  it('refuses declarations with bad, repeated or reserved names', () => {
    const d = (name: string): TemplateFieldDeclaration => ({ name, label: 'x', type: T.TEXT, required: false });
    expect(declarationViolations([d('ok'), d('Bad'), d('ok'), d('number')], 'input.fields').map((v) => [v.field, v.rule])).toEqual([
      ['input.fields.1.name', 'fieldType'],
      ['input.fields.2.name', 'unique'],
      ['input.fields.3.name', 'reservedName'],
    ]);
  });

  it('writes days as Chinese documents do', () => {
    expect(chineseDay('2026-01-05')).toBe('2026年1月5日');
  });
});
