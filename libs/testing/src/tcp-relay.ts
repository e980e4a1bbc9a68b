import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay in front of one dependency (Postgres, the search engine), so a test can cut it — every open
 * connection reset, new ones refused — and restore it on the same port, without touching the shared server
 * other test runs use. Not for Kafka: brokers advertise their own address, so clients bypass a relay.
 */
export class TcpRelay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();

  private constructor(
    readonly targetHost: string,
    readonly targetPort: number,
    private boundPort: number,
  ) {}

  /** Listens on a free port of 127.0.0.1 (or `port`) and relays to `host:port`. */
  static async start(target: { host: string; port: number }, port = 0): Promise<TcpRelay> {
    const relay = new TcpRelay(target.host, target.port, port);
    await relay.restore();
    return relay;
  }

  /** The relay for a URL's host and port (e.g. `DATABASE_URL`, `SEARCH_URL`), with `url` rewritten to go through it. */
  static async forUrl(url: string, defaultPort: number): Promise<{ relay: TcpRelay; url: string }> {
    const parsed = new URL(url);
    const relay = await TcpRelay.start({ host: parsed.hostname, port: Number(parsed.port || defaultPort) });
    parsed.hostname = '127.0.0.1';
    parsed.port = String(relay.port);
    return { relay, url: parsed.toString().replace(/\/$/u, url.endsWith('/') ? '/' : '') };
  }

  get port(): number {
    return this.boundPort;
  }

  get open(): boolean {
    return this.server !== null;
  }

  /** Connections relayed right now. */
  get connections(): number {
    return this.sockets.size;
  }

  /** The outage: stops listening (new connections are refused) and resets every open connection. */
  async cut(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.resetAndDestroy();
    this.sockets.clear();
    await closed;
  }

  /** Listens again on the same port. */
  async restore(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => this.relay(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.boundPort, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.boundPort = (server.address() as { port: number }).port;
    this.server = server;
  }

  async close(): Promise<void> {
    await this.cut();
  }

  private relay(client: Socket): void {
    const upstream = createConnection({ host: this.targetHost, port: this.targetPort });
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.setNoDelay(true);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.sockets.delete(socket);
        // One side gone: the other follows (a reset, as a crashed server or a broken network looks).
        (socket === client ? upstream : client).destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
