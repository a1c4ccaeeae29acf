import { matcher, normalizeQuery, queryWords, snippetOf, titleHighlights } from './knowledge.search';

const marked = (text: string, hs: Array<{ start: number; length: number }>) => hs.map((h) => Array.from(text).slice(h.start, h.start + h.length).join(''));

describe('knowledge search (Node side)', () => {
  it('normalizes a query (NFKC, lower-case, spaces) and splits words at spaces and punctuation', () => {
    expect(normalizeQuery('  拨打１１９　FIRE  Exit ')).toBe('拨打119 fire exit');
    expect(queryWords(normalizeQuery('火灾，逃生！火灾 拨打119'))).toEqual(['火灾', '逃生', '拨打119']);
    expect(queryWords('！？……')).toEqual([]);
    expect(queryWords('一 二 三 四 五 六 七 八 九 十')).toHaveLength(8);
  });

  it('highlights every spelling as the index matches it: phrases, ASCII words whole, runs across punctuation', () => {
    const re = matcher(['地灾', '地质灾害', '119']);
    expect(titleHighlights('地质灾害与地灾', re)).toEqual([{ start: 0, length: 4 }, { start: 5, length: 2 }]);
    expect(marked('请拨打１１９或1190', titleHighlights('请拨打１１９或1190', re))).toEqual(['１１９']);
    const run = matcher(['拨打119']);
    expect(marked('请拨打 119 报警', titleHighlights('请拨打 119 报警', run))).toEqual(['拨打 119']);
  });

  it('cuts the snippet around the first match with ellipses, offsets in code points', () => {
    const body = `${'前文'.repeat(40)}发生火灾时要冷静${'后文'.repeat(40)}`;
    const s = snippetOf(body, matcher(['火灾']));
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(Array.from(s.text)).toHaveLength(82);
    expect(marked(s.text, s.highlights)).toEqual(['火灾']);
    const short = snippetOf('𠀀火灾', matcher(['火']));
    expect(short).toEqual({ text: '𠀀火灾', highlights: [{ start: 1, length: 1 }] });
    expect(snippetOf('没有匹配', matcher(['火']))).toEqual({ text: '没有匹配', highlights: [] });
  });
});
