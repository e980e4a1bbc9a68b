/* `wirestream` — run from the repo root as `npm run -s cli -- <command> [options]`. */
import type { CliCommand, CliIo } from './cli-command';
import { CliUsageError } from './cli-command';
import { cliCommands } from './commands';

export async function runCli(argv: string[], io: CliIo, commands: CliCommand[] = cliCommands): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(
      `wirestream — news ingestion pipeline CLI\n\nUsage: npm run -s cli -- <command> [options]\n\nCommands:\n${commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}\n\nRun a command with --help for its options.\n`,
    );
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`wirestream: unknown command ${JSON.stringify(name)}; run with --help to list commands\n`);
    return 2;
  }
  if (rest.includes('--help')) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.stderr.write(`wirestream ${name}: ${error.message}\n${command.usage}\n`);
      return 2;
    }
    io.stderr.write(`wirestream ${name}: ${(error as Error).message}\n`);
    return 1;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: Error) => {
      process.stderr.write(`wirestream: ${error.message}\n`);
      process.exitCode = 1;
    },
  );
}
