/**
 * The entry point of a JavaScript suite's own process (bundled as dist/js-round.js): runs one
 * round and writes the report as JSON to a file, since the suite may print anything to stdout.
 * Usage: node js-round.js MODULE TIME_MS REPORT_FILE
 */
import { writeFileSync } from 'node:fs';
import { measureRound } from './js-suite.js';

const [modulePath, time, reportFile] = process.argv.slice(2);
if (modulePath === undefined || time === undefined || reportFile === undefined) {
  process.stderr.write('usage: js-round.js MODULE TIME_MS REPORT_FILE\n');
  process.exit(2);
}
const report = await measureRound(modulePath, Number(time));
writeFileSync(reportFile, JSON.stringify(report));
// A suite may leave timers or servers open; the round is over.
process.exit(0);
