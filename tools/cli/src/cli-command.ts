/** One `wirestream <name>` command. `run` returns the process exit code. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/** Minimal flag parser: `--name value`, `--name=value`, boolean `--flag`; the rest are positionals. */
export function parseFlags(
  args: string[],
  spec: { values?: string[]; booleans?: string[] },
): { flags: Record<string, string | boolean>; positionals: string[] } {
  const flags: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (spec.booleans?.includes(name)) {
      flags[name] = true;
    } else if (spec.values?.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new CliUsageError(`--${name} needs a value`);
      flags[name] = value;
    } else {
      throw new CliUsageError(`unknown option --${name}`);
    }
  }
  return { flags, positionals };
}
