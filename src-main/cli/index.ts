import { runCli } from './main';

// `serve` never returns here; every other command ends the process with its exit code, even if a
// library left a timer running.
process.exit(await runCli(process.argv.slice(2)));
