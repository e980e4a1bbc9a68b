import {
  ARTICLE_MAPPINGS,
  articleAnalysisFilters,
  articleIndexNames,
  articleIndexSettings,
  articleIndexTemplate,
  describeAnalysisFilter,
} from './article-mapping';

describe('article index names', () => {
  it('put the prefix on alias, template, pattern and first index', () => {
    expect(articleIndexNames('test_ab12_')).toEqual({
      alias: 'test_ab12_articles',
      template: 'test_ab12_articles',
      pattern: 'test_ab12_articles-*',
      firstIndex: 'test_ab12_articles-v1-000001',
    });
    expect(articleIndexNames().alias).toBe('articles');
  });
});

describe('article mapping', () => {
  it('is strict and types every field explicitly', () => {
    const { properties } = ARTICLE_MAPPINGS;
    expect(ARTICLE_MAPPINGS.dynamic).toBe('strict');
    expect(properties.id.type).toBe('keyword');
    expect(properties.version.type).toBe('long');
    expect(properties.source.properties.name).toMatchObject({ type: 'keyword', fields: { text: { type: 'text' } } });
    expect(properties.title).toMatchObject({
      type: 'text',
      analyzer: 'article_text',
      fields: { keyword: { type: 'keyword' } },
    });
    for (const field of ['publishedAt', 'updatedAt', 'ingestedAt', 'enrichedAt'] as const)
      expect(properties[field].type).toBe('date');
    for (const field of ['keywords', 'people', 'places', 'organizations', 'clusterId', 'language'] as const) {
      expect(properties[field].type).toBe('keyword');
    }
    expect(properties.fingerprint).toEqual({ type: 'keyword', ignore_above: 512, index: false });
  });

  it('bounds every keyword field with ignore_above (Lucene refuses terms over 32,766 bytes, and the document with them)', () => {
    const keywordFields: [string, { type: string; ignore_above?: number }][] = [];
    const walk = (prefix: string, node: Record<string, unknown>) => {
      for (const [name, field] of Object.entries(node)) {
        const f = field as {
          type?: string;
          ignore_above?: number;
          properties?: Record<string, unknown>;
          fields?: Record<string, unknown>;
        };
        if (f.type === 'keyword') keywordFields.push([`${prefix}${name}`, f as { type: string }]);
        if (f.properties) walk(`${prefix}${name}.`, f.properties);
        if (f.fields) walk(`${prefix}${name}.`, f.fields);
      }
    };
    walk('', ARTICLE_MAPPINGS.properties);
    expect(keywordFields.length).toBeGreaterThanOrEqual(12);
    for (const [name, field] of keywordFields) expect([name, field.ignore_above! * 4 <= 32_766]).toEqual([name, true]);
  });

  it('defines every analyzer and normalizer it uses', () => {
    const settings = articleIndexSettings();
    expect(settings).toMatchObject({ number_of_shards: 1, number_of_replicas: 0 });
    expect(Object.keys(settings.analysis.analyzer)).toContain('article_text');
    expect(Object.keys(settings.analysis.normalizer)).toContain('article_sort');
  });

  it('builds a template for the prefix pattern with configurable shards and replicas', () => {
    const template = articleIndexTemplate(articleIndexNames('p_'), { shards: 3, replicas: 1 });
    expect(template.index_patterns).toEqual(['p_articles-*']);
    expect(template.template.settings).toMatchObject({ number_of_shards: 3, number_of_replicas: 1 });
    expect(template.template.mappings).toBe(ARTICLE_MAPPINGS);
  });
});

describe('article analysis filters', () => {
  it('lists every filter the chains use once, with our definition where there is one', () => {
    const filters = articleAnalysisFilters();
    expect(filters.map((f) => f.name)).toEqual([
      'article_possessive',
      'lowercase',
      'asciifolding',
      'article_light_stem',
    ]);
    expect(filters.map(describeAnalysisFilter)).toEqual([
      'article_possessive (stemmer possessive_english)',
      'lowercase',
      'asciifolding',
      'article_light_stem (stemmer light_english)',
    ]);
    const { analysis } = articleIndexSettings();
    const chained = new Set([...analysis.analyzer.article_text.filter, ...analysis.normalizer.article_sort.filter]);
    expect(new Set(filters.map((f) => f.name))).toEqual(chained);
  });

  it('drops missing filters from chains and definitions, keeping the rest in order', () => {
    const { analysis } = articleIndexSettings({ missingFilters: ['article_light_stem', 'asciifolding'] });
    expect(analysis.analyzer.article_text.filter).toEqual(['article_possessive', 'lowercase']);
    expect(analysis.normalizer.article_sort.filter).toEqual(['lowercase']);
    expect(Object.keys(analysis.filter)).toEqual(['article_possessive']);
  });
});
