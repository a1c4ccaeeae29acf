import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { capDateTime, capPolygons, capSender, renderCap, type CapContext, type CapWarning } from './cap.render';
import { WarningHazardType, WarningLevel, WarningMessageType } from '../model/warning.enums';

const XSD = readFileSync(join(__dirname, '../../tests/fixtures/CAP-v1.2.xsd'), 'utf8');
const validate = (xml: string) => validateXML({ xml: [{ fileName: 'alert.xml', contents: xml }], schema: [{ fileName: 'CAP-v1.2.xsd', contents: XSD }] });

/** Every text value of an element, in document order. */
const values = (xml: string, tag: string): string[] => [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]!);
const value = (xml: string, tag: string): string | undefined => values(xml, tag)[0];

// The default issuing unit code of 南平镇 (南川区 500119 + 000 + 000 + 00), and one configured later (WARNING_ISSUER_CODE).
const SENDER = '50011900000000';
const CONFIGURED = '50011941600000';
const TARGETS = [
  { name: '文凤村', code: '500119108200' },
  { name: '双河村', code: '500119108201' },
];
// An open ring (GeoJSON lon,lat) around 文凤村; the renderer closes it.
const POLYGON = { type: 'Polygon', coordinates: [[[107.08, 29.06], [107.1, 29.06], [107.1, 29.08], [107.08, 29.08]]] };

const alert: CapWarning = {
  identifier: '50011900000000_20260715083000_0',
  messageType: WarningMessageType.ALERT,
  senderName: '南平镇人民政府',
  source: '南川区气象局',
  hazardType: WarningHazardType.RAINSTORM,
  eventName: '暴雨',
  level: WarningLevel.ORANGE,
  description: '预计未来6小时文凤村、双河村降雨量将达50毫米以上，河道水位 > 警戒线 & 持续上涨。',
  instruction: '转移低洼地带和地质灾害隐患点群众；停止户外作业。',
  sentAt: new Date('2026-07-15T00:30:00Z'),
  effectiveAt: new Date('2026-07-15T00:30:00Z'),
  expiresAt: new Date('2026-07-15T12:30:00Z'),
  areaPolygon: POLYGON,
};
const update: CapWarning = { ...alert, identifier: '50011900000000_20260715100000_0', messageType: WarningMessageType.UPDATE, level: WarningLevel.RED, sentAt: new Date('2026-07-15T02:00:00Z') };
const cancel: CapWarning = { ...update, identifier: '50011941600000_20260715180000_0', messageType: WarningMessageType.CANCEL, sentAt: new Date('2026-07-15T10:00:00Z'), areaPolygon: null, note: '降雨已停止，河道水位回落至警戒线以下。' };

const context = (references: CapWarning[]): CapContext => ({ targets: TARGETS, references: references.map((r) => ({ identifier: r.identifier, sentAt: r.sentAt })) });

describe('CAP 1.2 export (GB/T 35965.1)', () => {
  it('renders an Alert that validates against the CAP 1.2 schema, with the national values', async () => {
    const xml = renderCap(alert, context([]));
    const result = await validate(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toContain('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">');
    expect(value(xml, 'identifier')).toBe('50011900000000_20260715083000_0');
    expect(value(xml, 'sender')).toBe(SENDER);
    expect(value(xml, 'sent')).toBe('2026-07-15T08:30:00+08:00');
    expect(value(xml, 'status')).toBe('Actual');
    expect(value(xml, 'msgType')).toBe('Alert');
    expect(value(xml, 'source')).toBe('南川区气象局');
    expect(value(xml, 'scope')).toBe('Public');
    expect(value(xml, 'references')).toBeUndefined();
    expect(value(xml, 'language')).toBe('zh-CN');
    expect(values(xml, 'category')).toEqual(['Met']);
    expect(value(xml, 'event')).toBe('暴雨');
    expect(values(xml, 'responseType')).toEqual(['Evacuate']);
    expect(value(xml, 'urgency')).toBe('Immediate');
    expect(value(xml, 'severity')).toBe('Severe');
    expect(value(xml, 'certainty')).toBe('Likely');
    expect(value(xml, 'effective')).toBe('2026-07-15T08:30:00+08:00');
    expect(value(xml, 'expires')).toBe('2026-07-15T20:30:00+08:00');
    expect(value(xml, 'senderName')).toBe('南平镇人民政府');
    expect(value(xml, 'headline')).toBe('南平镇人民政府发布暴雨橙色预警');
    // Text is escaped, never concatenated into markup.
    expect(value(xml, 'description')).toBe('预计未来6小时文凤村、双河村降雨量将达50毫米以上，河道水位 &gt; 警戒线 &amp; 持续上涨。');
    expect(value(xml, 'instruction')).toBe('转移低洼地带和地质灾害隐患点群众；停止户外作业。');
    expect(values(xml, 'valueName')).toEqual(['预警级别', '行政区划代码', '行政区划代码']);
    expect(values(xml, 'value')).toEqual(['Orange', '500119108200', '500119108201']);
    expect(value(xml, 'areaDesc')).toBe('文凤村、双河村');
    expect(values(xml, 'polygon')).toEqual(['29.06,107.08 29.06,107.1 29.08,107.1 29.08,107.08 29.06,107.08']);
  });

  it('renders an Update referencing the Alert, and a Cancel referencing both, each valid', async () => {
    const updated = renderCap(update, context([alert]));
    const cancelled = renderCap(cancel, context([alert, update]));
    for (const xml of [updated, cancelled]) expect((await validate(xml)).errors).toEqual([]);

    expect(value(updated, 'msgType')).toBe('Update');
    expect(value(updated, 'sender')).toBe(SENDER);
    expect(value(updated, 'references')).toBe('50011900000000,50011900000000_20260715083000_0,2026-07-15T08:30:00+08:00');
    expect(value(updated, 'sent')).toBe('2026-07-15T10:00:00+08:00');
    expect(value(updated, 'severity')).toBe('Extreme');
    expect(values(updated, 'value')[0]).toBe('Red');
    expect(value(updated, 'headline')).toBe('南平镇人民政府更新暴雨红色预警');
    expect(value(updated, 'urgency')).toBe('Immediate');

    expect(value(updated, 'note')).toBeUndefined();
    expect(value(cancelled, 'msgType')).toBe('Cancel');
    expect(value(cancelled, 'note')).toBe('降雨已停止，河道水位回落至警戒线以下。');
    // Each record is sent as the unit its identifier names: the cancellation came after WARNING_ISSUER_CODE was set.
    expect(value(cancelled, 'sender')).toBe(CONFIGURED);
    expect(value(cancelled, 'references')).toBe(
      '50011900000000,50011900000000_20260715083000_0,2026-07-15T08:30:00+08:00 50011900000000,50011900000000_20260715100000_0,2026-07-15T10:00:00+08:00',
    );
    expect(values(cancelled, 'responseType')).toEqual(['AllClear']);
    expect(value(cancelled, 'urgency')).toBe('Past');
    expect(value(cancelled, 'certainty')).toBe('Observed');
    expect(value(cancelled, 'headline')).toBe('南平镇人民政府解除暴雨红色预警');
    expect(values(cancelled, 'polygon')).toEqual([]);
    expect(values(cancelled, 'value')).toEqual(['Red', '500119108200', '500119108201']);
  });

  it('pairs every colour with its CAP severity and maps hazards to categories and responses', async () => {
    const cases: Array<[WarningLevel, WarningHazardType, string, string, string[], string]> = [
      [WarningLevel.RED, WarningHazardType.GEOLOGICAL, 'Extreme', 'Red', ['Evacuate'], 'Geo'],
      [WarningLevel.ORANGE, WarningHazardType.FOREST_FIRE, 'Severe', 'Orange', ['Prepare', 'Avoid'], 'Fire'],
      [WarningLevel.YELLOW, WarningHazardType.FLOOD, 'Moderate', 'Yellow', ['Prepare'], 'Met'],
      [WarningLevel.BLUE, WarningHazardType.DROUGHT, 'Minor', 'Blue', ['Monitor'], 'Met'],
    ];
    for (const [level, hazardType, severity, colour, responses, category] of cases) {
      const xml = renderCap({ ...alert, level, hazardType, eventName: '测试' }, { targets: [], references: [] });
      expect((await validate(xml)).errors).toEqual([]);
      expect([value(xml, 'severity'), values(xml, 'value')[0], values(xml, 'responseType'), value(xml, 'category')]).toEqual([severity, colour, responses, category]);
      expect(value(xml, 'urgency')).toBe(level === WarningLevel.RED || level === WarningLevel.ORANGE ? 'Immediate' : 'Expected');
    }
  });

  it('sends each record as the issuing unit its identifier names (a record of the earlier format as its division code)', () => {
    expect(capSender('50011941600000_20260715180000_9')).toBe('50011941600000');
    expect(capSender('5001194A100000_20260715180000_0')).toBe('5001194A100000');
    expect(capSender('500119108000202607150830000001')).toBe('500119108000');
  });

  it('converts GeoJSON polygons to closed CAP rings and formats Beijing time', () => {
    expect(capDateTime(new Date('2026-07-14T16:00:00.789Z'))).toBe('2026-07-15T00:00:00+08:00');
    const closed = { type: 'Polygon', coordinates: [[[1, 2], [3, 4], [5, 6], [1, 2]], [[9, 9], [9, 8], [8, 8]]] };
    expect(capPolygons(closed)).toEqual(['2,1 4,3 6,5 2,1']);
    expect(capPolygons({ type: 'MultiPolygon', coordinates: [POLYGON.coordinates, [[[1, 1], [1, 2]]]] })).toEqual(['29.06,107.08 29.06,107.1 29.08,107.1 29.08,107.08 29.06,107.08']);
    expect(capPolygons({ type: 'Feature', geometry: closed })).toEqual(['2,1 4,3 6,5 2,1']);
    expect(capPolygons({ type: 'Point', coordinates: [1, 2] })).toEqual([]);
    expect(capPolygons(null)).toEqual([]);
  });

  it('really validates: a document without <sent> or with a bad severity fails the schema', async () => {
    const xml = renderCap(alert, context([]));
    const withoutSent = xml.replace(/\s*<sent>[^<]*<\/sent>/, '');
    expect(withoutSent).not.toContain('<sent>');
    const missing = await validate(withoutSent);
    expect(missing.valid).toBe(false);
    expect(missing.errors.map((e) => e.message).join('\n')).toContain('sent');
    const badSeverity = await validate(xml.replace('<severity>Severe</severity>', '<severity>Orange</severity>'));
    expect(badSeverity.valid).toBe(false);
    const utc = await validate(xml.replace('<sent>2026-07-15T08:30:00+08:00</sent>', '<sent>2026-07-15T00:30:00Z</sent>'));
    expect(utc.valid).toBe(false);
  });
});
