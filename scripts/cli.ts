import { Command, CommanderError } from 'commander';

import { registerCatalogCommand } from './catalog/command.ts';
import { registerBuildCommands } from './site/command.ts';
import { registerIngestCommand } from './ingest/command.ts';
import { registerBenchCommands } from './bench/command.ts';
import { registerCheckCommand } from './check/command.ts';
import { registerMeasureCommand } from './measure/command.ts';
import { UsageError, isInputError } from './errors.ts';

// Each stage registers its own subcommands; their actions import the heavy modules lazily,
// so `netnotes --help` stays fast.
const registrations: Array<(program: Command) => void> = [registerBuildCommands, registerIngestCommand, registerMeasureCommand, registerCatalogCommand, registerBenchCommands, registerCheckCommand];

const program = new Command('netnotes')
  .description('Build the netnotes container-networking blog from iperf logs and a tool catalog.')
  .option('-q, --quiet', 'print only warnings and errors')
  .showHelpAfterError()
  .exitOverride();

for (const register of registrations) register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already printed the message; --help and --version exit 0.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof UsageError) {
    console.error(`error: ${error.message}`);
    return 2;
  }
  if (isInputError(error)) {
    console.error(error.message);
    return 1;
  }
  console.error(error);
  return 1;
}
