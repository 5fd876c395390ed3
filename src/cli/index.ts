import { runCli } from './main.js';
import { endQuietlyOnClosedPipe, processIO } from './io.js';

endQuietlyOnClosedPipe();
process.exitCode = await runCli(process.argv.slice(2), processIO);
