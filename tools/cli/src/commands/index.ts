import type { CliCommand } from '../cli-command';
import { demoCommand } from './demo';
import { dlqCommand } from './dlq';
import { enrichCommand } from './enrich';
import { ingestCommand } from './ingest';
import { reenrichCommand } from './reenrich';
import { reindexCommand } from './reindex';
import { searchCommand } from './search';

/** Every command, in the order `--help` lists them. Each lives in its own file beside this one. */
export const cliCommands: CliCommand[] = [
  ingestCommand,
  searchCommand,
  demoCommand,
  enrichCommand,
  reindexCommand,
  reenrichCommand,
  dlqCommand,
];
