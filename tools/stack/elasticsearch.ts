// Elasticsearch 9.x without Docker: the server and transport-netty4 jars from Maven Central, started by a small
// launcher of our own (tools/stack/elasticsearch/src, compiled here with the JDK's javac) that constructs the Node
// directly with its plugins taken from the classpath.
//
// Facts this relies on (measured on 9.5.3, Temurin 25):
//  - Maven Central has the server and transport-netty4, not Elastic's bundled modules (analysis-common,
//    lang-painless, reindex, mapper-extras, rest-root, x-pack): no stemmer/asciifolding filters, no language
//    analyzers, no scripts, no _reindex/_delete_by_query. `GET /` (rest-root) is provided by the launcher.
//  - The native layer loads zstd from -Des.nativelibs.path/libzstd.so; we link the system libzstd.so.1 there.
//    The vector library is not shipped either: -Dorg.elasticsearch.nativeaccess.enableVectorLibrary=false.
//  - Built without the distribution's CLI, the entitlement agent is not installed (and not needed).
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ownedStatus, stopOwned, type Component, type StatusInfo, type UpResult } from './component.ts';
import { clusterHealth, fetchFailure, host, managed, port, searchUrl } from './search-engine.ts';
import {
  DATA_DIR,
  LIB_DIR,
  StackError,
  TOOL_DIR,
  fmtSecs,
  logFile,
  ourPid,
  pickJdk,
  portOpen,
  resolveJars,
  spawnDaemon,
  type Jdk,
} from './util.ts';

const NAME = 'elasticsearch';
const JAR_DIR = path.join(LIB_DIR, 'elasticsearch');
const LAUNCHER_SRC = path.join(TOOL_DIR, 'elasticsearch', 'src');
const LAUNCHER_DIR = path.join(LIB_DIR, 'elasticsearch-launcher');
// A jar, not a class directory: the class-data sharing archive only accepts jars on the classpath.
const LAUNCHER_JAR = path.join(LAUNCHER_DIR, 'wirestream-es-launcher.jar');
const CDS_ARCHIVE = path.join(LAUNCHER_DIR, 'classes.jsa');
const NATIVE_DIR = path.join(LIB_DIR, 'elasticsearch-native');
const HOME = path.join(DATA_DIR, 'elasticsearch');
const LAUNCHER_MAIN = 'org.elasticsearch.node.ClasspathNode';
const CLUSTER = 'wirestream';

/** Where distributions put the runtime libzstd (Debian/Ubuntu multiarch, Fedora/RHEL, Alpine/Arch). */
const LIBZSTD_CANDIDATES = [
  '/usr/lib/x86_64-linux-gnu/libzstd.so.1',
  '/usr/lib/aarch64-linux-gnu/libzstd.so.1',
  '/lib/x86_64-linux-gnu/libzstd.so.1',
  '/lib/aarch64-linux-gnu/libzstd.so.1',
  '/usr/lib64/libzstd.so.1',
  '/usr/lib/libzstd.so.1',
  '/lib/libzstd.so.1',
];

function findLibzstd(): string {
  const found = LIBZSTD_CANDIDATES.find((p) => fs.existsSync(p));
  if (found) return found;
  const ldconfig = spawnSync('ldconfig', ['-p'], { encoding: 'utf8' });
  const fromCache = /libzstd\.so\.1 .*=> (\S+)/.exec(ldconfig.stdout ?? '')?.[1];
  if (fromCache && fs.existsSync(fromCache)) return fromCache;
  throw new StackError(
    'elasticsearch: libzstd.so.1 not found (Elasticsearch loads zstd natively). Install it: `apt-get install libzstd1` ' +
      '(Debian/Ubuntu), `dnf install libzstd` (Fedora/RHEL), `apk add zstd-libs` (Alpine).',
  );
}

/** NATIVE_DIR/libzstd.so -> the system library; the directory is what -Des.nativelibs.path names. */
function linkNativeLibs(): void {
  const target = findLibzstd();
  const link = path.join(NATIVE_DIR, 'libzstd.so');
  fs.mkdirSync(NATIVE_DIR, { recursive: true });
  let current: string | undefined;
  try {
    current = fs.readlinkSync(link);
  } catch {
    /* missing */
  }
  if (current === target) return;
  fs.rmSync(link, { force: true });
  fs.symlinkSync(target, link);
}

function launcherSources(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.java')) out.push(p);
    }
  };
  walk(LAUNCHER_SRC);
  return out.sort();
}

/** javac + jar the launcher against the resolved jars, unless sources, jars and JDK are unchanged since the last build. */
function compileLauncher(jdk: Jdk, log: (msg: string) => void): void {
  const javac = jdk.home ? path.join(jdk.home, 'bin', 'javac') : undefined;
  const jar = jdk.home ? path.join(jdk.home, 'bin', 'jar') : undefined;
  if (!javac || !jar || !fs.existsSync(javac) || !fs.existsSync(jar)) {
    throw new StackError(
      `elasticsearch: ${jdk.java} has no javac/jar next to it; the launcher is compiled on first use, so a full JDK 21+ is needed (set STACK_ELASTICSEARCH_JAVA_HOME).`,
    );
  }
  const sources = launcherSources();
  const hash = createHash('sha256');
  for (const file of sources) hash.update(file).update(fs.readFileSync(file));
  hash
    .update(fs.readFileSync(path.join(JAR_DIR, '.resolved')))
    .update(javac)
    .update(LAUNCHER_JAR);
  const want = hash.digest('hex').slice(0, 16);
  const marker = path.join(LAUNCHER_DIR, '.compiled');
  try {
    if (fs.readFileSync(marker, 'utf8').trim() === want) return;
  } catch {
    /* not built yet */
  }
  const t0 = Date.now();
  // Also drops the class-data archive, which is only valid for the classpath it was dumped with.
  fs.rmSync(LAUNCHER_DIR, { recursive: true, force: true });
  const classes = path.join(LAUNCHER_DIR, 'classes');
  fs.mkdirSync(classes, { recursive: true });
  // --release 21: the server jars are Java 21 bytecode, the launcher matches whatever JDK 21+ compiles it.
  const compiled = spawnSync(javac, ['--release', '21', '-nowarn', '-d', classes, '-cp', `${JAR_DIR}/*`, ...sources], {
    encoding: 'utf8',
  });
  if (compiled.status !== 0)
    throw new StackError(`elasticsearch: compiling the launcher failed:\n${compiled.stderr}${compiled.stdout}`);
  const packed = spawnSync(jar, ['--create', '--file', LAUNCHER_JAR, '-C', classes, '.'], { encoding: 'utf8' });
  if (packed.status !== 0)
    throw new StackError(`elasticsearch: packing the launcher jar failed:\n${packed.stderr}${packed.stdout}`);
  fs.writeFileSync(marker, `${want}\n`);
  log(`launcher compiled in ${fmtSecs(Date.now() - t0)}`);
}

/** What answers on the port: null when it is a healthy Elasticsearch, otherwise why not. */
async function health(): Promise<{ reason: string | null; status?: string; distribution?: string }> {
  try {
    const root = await fetch(searchUrl, { signal: AbortSignal.timeout(3000) });
    if (!root.ok) return { reason: `GET / -> HTTP ${root.status}` };
    const info = (await root.json()) as { version?: { distribution?: string } };
    if (info.version?.distribution)
      return {
        reason: `it is ${info.version.distribution}, not Elasticsearch`,
        distribution: info.version.distribution,
      };
  } catch (e) {
    return { reason: fetchFailure(e) };
  }
  return clusterHealth();
}

function jvmArgs(jdk: Jdk): string[] {
  const heap = process.env.STACK_ELASTICSEARCH_HEAP ?? '512m';
  const nodeSettings = {
    'path.home': HOME,
    'path.data': path.join(HOME, 'data'),
    'path.logs': path.join(HOME, 'logs'),
    'cluster.name': CLUSTER,
    'node.name': 'wirestream-es',
    'network.host': host === 'localhost' ? '127.0.0.1' : host,
    'http.port': String(port),
    // 9300 next to 9200, 9301 next to 9201: never the OpenSearch transport port when both run.
    'transport.port': String(port + 100),
    'discovery.type': 'single-node',
    // dev laptops/CI disks are often >90% full; don't let watermarks turn indices read-only
    'cluster.routing.allocation.disk.threshold_enabled': 'false',
  };
  return [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    // Class-data sharing archive of the ~20k classes a start loads: written when the node stops, used by the next start.
    '-XX:+AutoCreateSharedArchive',
    `-XX:SharedArchiveFile=${CDS_ARCHIVE}`,
    '-Xlog:cds*=error', // the dump lists every class it skips (proxies, lambdas) as a warning
    '-Djava.awt.headless=true',
    '-Dfile.encoding=UTF-8',
    '-Dlog4j2.formatMsgNoLookups=true',
    `-Des.nativelibs.path=${NATIVE_DIR}`,
    '-Dorg.elasticsearch.nativeaccess.enableVectorLibrary=false',
    '--enable-native-access=ALL-UNNAMED',
    // Netty 4.1 still allocates through sun.misc.Unsafe; JDK 24+ warns about it on every start.
    ...(jdk.major >= 24 ? ['--sun-misc-unsafe-memory-access=allow'] : []),
    '-cp',
    `${LAUNCHER_JAR}${path.delimiter}${JAR_DIR}/*`,
    LAUNCHER_MAIN,
    ...Object.entries(nodeSettings).map(([k, v]) => `${k}=${v}`),
  ];
}

export const elasticsearch: Component = {
  name: NAME,
  port,

  pid: () => ourPid(NAME, LAUNCHER_MAIN),

  async check() {
    return (await health()).reason;
  },

  async up(log): Promise<UpResult> {
    const existing = ourPid(NAME, LAUNCHER_MAIN);
    if (existing) return { mode: 'already running', pid: existing };
    if (await portOpen(host, port)) {
      const h = await health();
      if (h.reason === null)
        return {
          mode: 'external',
          detail: `${searchUrl.origin} is answering (${h.status}) but was not started by this tool`,
        };
      const hint = h.distribution
        ? `Stop it (npm run stack:down) to run Elasticsearch there, or give Elasticsearch its own port: SEARCH_URL=http://127.0.0.1:${port + 1}.`
        : 'Free it or set SEARCH_URL.';
      throw new StackError(
        `elasticsearch: port ${port} is taken by something that is not a healthy Elasticsearch (${h.reason}). ${hint}`,
      );
    }
    if (!managed)
      throw new StackError(
        `elasticsearch: SEARCH_URL=${searchUrl.href} is not reachable, and is not a local http URL this tool could start`,
      );

    const jdk = pickJdk(21, 'Elasticsearch 9.x', 'STACK_ELASTICSEARCH_JAVA_HOME', true);
    linkNativeLibs();
    await resolveJars('elasticsearch', log);
    compileLauncher(jdk, log);
    const configDir = path.join(HOME, 'config');
    fs.mkdirSync(configDir, { recursive: true });
    fs.copyFileSync(
      path.join(TOOL_DIR, 'elasticsearch', 'log4j2.properties'),
      path.join(configDir, 'log4j2.properties'),
    );

    const pid = spawnDaemon({ name: NAME, cmd: jdk.java, args: jvmArgs(jdk) });
    log(`started pid ${pid} (Java ${jdk.major}: ${jdk.java}), log ${logFile(NAME)}`);
    return { mode: 'started', pid };
  },

  // Without an archive yet, the JVM writes it while exiting: 5-25 s on a busy machine; don't SIGKILL that halfway.
  down: () => stopOwned(NAME, LAUNCHER_MAIN, 'SIGTERM', { graceMs: fs.existsSync(CDS_ARCHIVE) ? 20_000 : 90_000 }),

  async status(): Promise<StatusInfo> {
    const h = await health();
    return ownedStatus(ourPid(NAME, LAUNCHER_MAIN), port, h.reason, h.status ?? 'ok', 'not started by this tool');
  },
};
