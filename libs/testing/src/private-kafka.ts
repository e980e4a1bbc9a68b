/**
 * A single-node Kafka (KRaft, combined broker + controller) of one test's own, so a test can kill it (an outage)
 * without touching the shared stack Kafka other test runs use. Same jars, storage format and log4j2 config as
 * `tools/stack/kafka.ts`; random free ports and a temporary data directory.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import {
  accessSync,
  constants,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createKafka, pingKafka } from '@wirestream/kafka';
import { createLogger } from '@wirestream/platform';
import { waitFor } from './wait-for';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const JAR_DIR = path.join(REPO_ROOT, '.stack/lib/kafka');
const LOG4J2 = path.join(REPO_ROOT, 'tools/stack/kafka-log4j2.properties');
const SERVER_PROPERTIES = path.join(REPO_ROOT, 'tools/stack/kafka-server.properties');

/** The broker config the stack's Kafka uses too, its `{{name}}` placeholders filled; one left unfilled is an error. */
export function renderKafkaServerProperties(values: Record<string, string | number>): string {
  return readFileSync(SERVER_PROPERTIES, 'utf8').replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${SERVER_PROPERTIES}: no value for {{${name}}}`);
    return String(value);
  });
}

export class PrivateKafka {
  private child: ChildProcess | null = null;
  private output: string[] = [];

  private constructor(
    readonly dataDir: string,
    readonly port: number,
    readonly controllerPort: number,
    private readonly java: string,
    private readonly jdkMajor: number,
  ) {}

  /** Formats a fresh data directory and starts the broker; resolves when it answers a metadata request. */
  static async start(): Promise<PrivateKafka> {
    if (!existsSync(JAR_DIR) || !readdirSync(JAR_DIR).some((f) => f.endsWith('.jar'))) {
      // The shared stack may be an external one (or containers), so this checkout may not have the jars yet.
      execFileSync(process.execPath, [path.join(REPO_ROOT, 'tools/stack/stack.ts'), 'jars', 'kafka'], {
        cwd: REPO_ROOT,
        stdio: 'inherit',
      });
    }
    const jdk = findJava(17);
    const [port, controllerPort] = [await freePort(), await freePort()];
    const kafka = new PrivateKafka(
      mkdtempSync(path.join(tmpdir(), 'wirestream-kafka-')),
      port,
      controllerPort,
      jdk.java,
      jdk.major,
    );
    writeFileSync(kafka.propertiesFile, kafka.serverProperties());
    const format = spawnSync(
      jdk.java,
      [
        ...kafka.jvmArgs(),
        'kafka.tools.StorageTool',
        'format',
        '--standalone',
        '-t',
        randomClusterId(),
        '-c',
        kafka.propertiesFile,
      ],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    if (format.status !== 0)
      throw new Error(
        `PrivateKafka: storage format failed (exit ${format.status}):\n${format.stdout}\n${format.stderr}`,
      );
    await kafka.resume();
    return kafka;
  }

  get brokers(): string {
    return `127.0.0.1:${this.port}`;
  }

  private get propertiesFile(): string {
    return path.join(this.dataDir, 'server.properties');
  }

  /** (Re)starts the broker on the same data directory and ports. */
  async resume(timeoutMs = 90_000): Promise<void> {
    if (this.running) return;
    this.output = [];
    const child = spawn(this.java, [...this.jvmArgs(), 'kafka.Kafka', this.propertiesFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString('utf8'));
      if (this.output.length > 300) this.output.splice(0, this.output.length - 300);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const kafka = createKafka({
      brokers: [this.brokers],
      clientId: 'private-kafka-probe',
      logger: createLogger('private-kafka', 'silent'),
    });
    await waitFor(
      `private Kafka on ${this.brokers}`,
      async () => {
        if (child.exitCode !== null) throw new Error(`Kafka exited with code ${child.exitCode}:\n${this.logTail()}`);
        await pingKafka(kafka);
        return true;
      },
      { timeoutMs, intervalMs: 300 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n--- kafka output ---\n${this.logTail()}`, { cause: error });
    });
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGKILL by default: an outage, not a clean shutdown. */
  async stop(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  }

  /** Kills the broker and removes its data directory. */
  async dispose(): Promise<void> {
    await this.stop('SIGKILL');
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  logTail(lines = 40): string {
    return this.output.join('').split('\n').slice(-lines).join('\n');
  }

  private serverProperties(): string {
    return renderKafkaServerProperties({
      listenHost: '127.0.0.1',
      advertisedHost: '127.0.0.1',
      port: this.port,
      controllerPort: this.controllerPort,
      logDirs: path.join(this.dataDir, 'logs'),
    });
  }

  private jvmArgs(): string[] {
    return [
      '-Xms128m',
      '-Xmx384m',
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-Djava.awt.headless=true',
      `-Dlog4j2.configurationFile=${LOG4J2}`,
      ...(this.jdkMajor >= 24 ? ['--enable-native-access=ALL-UNNAMED'] : []),
      '-cp',
      `${JAR_DIR}/*`,
    ];
  }
}

/** Same shape as Kafka's Uuid.randomUuid().toString(): 16 random bytes, base64url, no padding, no leading '-'. */
function randomClusterId(): string {
  for (;;) {
    const b = randomBytes(16);
    b[6] = (b[6]! & 0x0f) | 0x40;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const id = b.toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Java discovery as in tools/stack: STACK_KAFKA_JAVA_HOME, JAVA_HOME, `java` on PATH, then /usr/lib/jvm/*. */
function findJava(min: number): { java: string; major: number } {
  const candidates: string[] = [];
  for (const home of [process.env['STACK_KAFKA_JAVA_HOME'], process.env['JAVA_HOME']])
    if (home) candidates.push(path.join(home, 'bin', 'java'));
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) if (dir) candidates.push(path.join(dir, 'java'));
  for (const root of ['/usr/lib/jvm', '/usr/java', '/opt/java']) {
    try {
      for (const entry of readdirSync(root).sort()) candidates.push(path.join(root, entry, 'bin', 'java'));
    } catch {
      /* not there */
    }
  }
  const seen = new Set<string>();
  for (const java of candidates) {
    let real: string;
    try {
      accessSync(java, constants.X_OK);
      real = realpathSync(java);
    } catch {
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    const major = javaMajor(real);
    if (major !== null && major >= min) return { java: real, major };
  }
  throw new Error(
    `PrivateKafka needs Java ${min}+; none found (checked STACK_KAFKA_JAVA_HOME, JAVA_HOME, PATH, /usr/lib/jvm)`,
  );
}

function javaMajor(java: string): number | null {
  try {
    const release = readFileSync(path.join(path.dirname(path.dirname(java)), 'release'), 'utf8');
    const m = /^JAVA_VERSION="?(\d+)(?:\.(\d+))?/m.exec(release);
    if (m) return Number(m[1]) === 1 ? Number(m[2]) : Number(m[1]);
  } catch {
    /* no release file: ask the binary */
  }
  const out = spawnSync(java, ['-version'], { encoding: 'utf8', timeout: 15_000 });
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${out.stderr}${out.stdout}`);
  if (!m) return null;
  return Number(m[1]) === 1 ? Number(m[2]) : Number(m[1]);
}
