/**
 * ops/ (Prometheus, alert rules, Grafana provisioning and dashboard) parsed and checked against the code: promtool
 * is not available, so the structure is checked here, and every metric a panel or an alert asks for must be one the
 * services export — a renamed metric breaks this test, not a dashboard nobody looks at until the night it matters.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../../../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const readYaml = <T>(file: string) => parse(read(file)) as T;

interface AlertRule {
  alert: string;
  expr: string;
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}
interface Panel {
  id: number;
  type: string;
  title: string;
  datasource: { type: string; uid: string };
  gridPos: { x: number; y: number; w: number; h: number };
  targets: { refId: string; expr: string; datasource: { uid: string } }[];
}

/** Every `wirestream_*` metric name the services' code registers (a literal in a non-test source file). */
function exportedWirestreamMetrics(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.ts$/.test(entry) && !/\.(int-)?spec\.ts$|\.testing\.ts$/.test(entry)) {
        for (const match of readFileSync(full, 'utf8').matchAll(/'(wirestream_[a-z_]+)'/g)) names.add(match[1]!);
      }
    }
  };
  for (const top of ['libs', 'services'])
    for (const project of readdirSync(path.join(ROOT, top))) walk(path.join(ROOT, top, project, 'src'));
  return names;
}

async function defaultMetrics(): Promise<Set<string>> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return new Set((await registry.getMetricsAsJSON()).map((m) => m.name));
}

/** Metric names a PromQL expression reads (ours, prom-client's defaults, and Prometheus's own `up`). */
function metricsIn(expr: string): string[] {
  const withoutLabels = expr.replace(/\{[^{}]*\}/g, '').replace(/"[^"]*"/g, '');
  return [...new Set([...withoutLabels.matchAll(/\b(wirestream_\w+|process_\w+|nodejs_\w+|up)\b/g)].map((m) => m[1]!))];
}

function isExported(metric: string, code: Set<string>, defaults: Set<string>): boolean {
  if (metric === 'up' || defaults.has(metric) || code.has(metric)) return true;
  const base = metric.replace(/_(bucket|count|sum)$/, '');
  return base !== metric && (code.has(base) || defaults.has(base));
}

describe('monitoring configuration (ops/)', () => {
  let code: Set<string>;
  let defaults: Set<string>;

  beforeAll(async () => {
    code = exportedWirestreamMetrics();
    defaults = await defaultMetrics();
  });

  it('finds the metrics the code exports (the check below is not vacuous)', () => {
    for (const name of [
      'wirestream_ingest_to_searchable_seconds',
      'wirestream_consumer_lag',
      'wirestream_outbox_pending',
      'wirestream_dlq_messages',
      'wirestream_ready',
      'wirestream_source_gone_quiet',
    ])
      expect(code).toContain(name);
    expect(defaults).toContain('process_cpu_seconds_total');
    expect(defaults).toContain('process_resident_memory_bytes');
  });

  it('prometheus.yml scrapes /metrics of the three services and loads the alert rules', () => {
    const config = readYaml<{
      rule_files: string[];
      scrape_configs: {
        job_name: string;
        metrics_path: string;
        static_configs: { targets: string[]; labels: { service: string } }[];
      }[];
    }>('ops/prometheus.yml');
    const [job] = config.scrape_configs;
    expect(job).toMatchObject({ job_name: 'wirestream', metrics_path: '/metrics' });
    expect(job!.static_configs.map((c) => [c.labels.service, c.targets[0]!.split(':')[1]])).toEqual([
      ['ingestor', '3001'],
      ['enricher', '3002'],
      ['indexer', '3003'],
    ]);
    expect(config.rule_files).toEqual(['/etc/prometheus/alerts.yml']);
  });

  it('alerts.yml holds the six alerts of issue 11, well-formed, on exported metrics', () => {
    const rules = readYaml<{ groups: { name: string; rules: AlertRule[] }[] }>(
      'ops/prometheus/alerts.yml',
    ).groups.flatMap((g) => g.rules);
    expect(rules.map((r) => r.alert)).toEqual([
      'WirestreamFreshnessOverSlo',
      'WirestreamConsumerLagGrowing',
      'WirestreamOutboxBacklogOld',
      'WirestreamDeadLettersGrowing',
      'WirestreamSourceGoneQuiet',
      'WirestreamServiceNotReady',
    ]);
    for (const rule of rules) {
      expect({ alert: rule.alert, for: rule.for }).toEqual({
        alert: rule.alert,
        for: expect.stringMatching(/^\d+[smh]$/),
      });
      expect(['warning', 'critical']).toContain(rule.labels.severity);
      expect(rule.annotations.summary).toBeTruthy();
      expect(balanced(rule.expr)).toBe(true);
      const metrics = metricsIn(rule.expr);
      expect({ alert: rule.alert, count: metrics.length > 0 }).toEqual({ alert: rule.alert, count: true });
      expect({ alert: rule.alert, missing: metrics.filter((m) => !isExported(m, code, defaults)) }).toEqual({
        alert: rule.alert,
        missing: [],
      });
    }
  });

  it('the dashboard is provisioned from the mounted folder, on the provisioned datasource', () => {
    const datasources = readYaml<{ datasources: { uid: string; type: string; url: string }[] }>(
      'ops/grafana/provisioning/datasources/prometheus.yml',
    ).datasources;
    expect(datasources).toEqual([
      expect.objectContaining({ uid: 'wirestream-prometheus', type: 'prometheus', url: 'http://prometheus:9090' }),
    ]);
    const providers = readYaml<{ providers: { type: string; options: { path: string } }[] }>(
      'ops/grafana/provisioning/dashboards/wirestream.yml',
    ).providers;
    expect(providers[0]).toMatchObject({ type: 'file', options: { path: '/var/lib/grafana/dashboards' } });
    const compose = readYaml<{ services: Record<string, { profiles?: string[]; volumes?: string[] }> }>(
      'docker-compose.yml',
    ).services;
    expect(compose['prometheus']!.profiles).toEqual(['monitoring']);
    expect(compose['grafana']!.profiles).toEqual(['monitoring']);
    expect(compose['grafana']!.volumes).toEqual(
      expect.arrayContaining([
        './ops/grafana/dashboards:/var/lib/grafana/dashboards:ro',
        './ops/grafana/provisioning:/etc/grafana/provisioning:ro',
      ]),
    );
    expect(compose['prometheus']!.volumes).toEqual(
      expect.arrayContaining([
        './ops/prometheus.yml:/etc/prometheus/prometheus.yml:ro',
        './ops/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro',
      ]),
    );
  });

  it('every dashboard panel is well-formed and queries exported metrics; the issue’s panels are all there', () => {
    const dashboard = JSON.parse(read('ops/grafana/dashboards/wirestream.json')) as {
      uid: string;
      title: string;
      panels: Panel[];
    };
    expect(dashboard.uid).toBe('wirestream-pipeline');
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of dashboard.panels) {
      expect(['timeseries', 'stat']).toContain(panel.type);
      expect(panel.datasource.uid).toBe('wirestream-prometheus');
      expect(panel.gridPos.x + panel.gridPos.w).toBeLessThanOrEqual(24);
      expect(panel.targets.length).toBeGreaterThan(0);
      for (const target of panel.targets) {
        expect(target.datasource.uid).toBe('wirestream-prometheus');
        expect(balanced(target.expr)).toBe(true);
        const missing = metricsIn(target.expr).filter((m) => !isExported(m, code, defaults));
        expect({ panel: panel.title, metrics: metricsIn(target.expr).length > 0, missing }).toEqual({
          panel: panel.title,
          metrics: true,
          missing: [],
        });
      }
    }
    const queried = new Set(dashboard.panels.flatMap((p) => p.targets.flatMap((t) => metricsIn(t.expr))));
    for (const metric of [
      'wirestream_ingest_to_searchable_seconds_bucket',
      'wirestream_consumer_lag',
      'wirestream_outbox_pending',
      'wirestream_dlq_messages',
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'wirestream_enriched_total',
    ]) {
      expect(queried).toContain(metric);
    }
  });
});

/** Brackets and parentheses pair up (the cheapest check of an expression a parser would reject). */
function balanced(expr: string): boolean {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: string[] = [];
  for (const ch of expr.replace(/"[^"]*"/g, '')) {
    if ('([{'.includes(ch)) stack.push(ch);
    else if (ch in pairs && stack.pop() !== pairs[ch]) return false;
  }
  return stack.length === 0;
}
