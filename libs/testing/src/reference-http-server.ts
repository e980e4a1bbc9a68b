import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/**
 * A Node process whose only work is answering HTTP 200: what a liveness probe costs when the service adds nothing,
 * under whatever else the machine is doing at that moment. Probed beside a service, its slowest answer is the
 * machine's share of the service's slowest answer (a probe's latency is wall-clock time across processes on a
 * shared machine).
 */
export class ReferenceHttpServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(): Promise<ReferenceHttpServer> {
    const child = spawn(
      process.execPath,
      [
        '-e',
        `const server = require('node:http').createServer((req, res) => res.end('ok'));
         server.listen(0, '127.0.0.1', () => console.log(server.address().port));`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
    return new ReferenceHttpServer(child, `http://127.0.0.1:${chunk.toString().trim()}/`);
  }

  stop(): void {
    this.child.kill();
  }
}
