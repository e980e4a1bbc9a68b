import type { CliCommand } from '../cli-command';

/** Every command, in the order `--help` lists them. Each lives in its own file beside this one. */
export const cliCommands: CliCommand[] = [];
