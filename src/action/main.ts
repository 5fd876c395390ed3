/**
 * The GitHub Action: reads its inputs, analyses the profiles it is given and writes their top
 * tables to the job summary. User mistakes fail the step with a one-line message.
 */
import * as core from '@actions/core';
import { functionTable } from '../analyze/functions.js';
import { readInputFile } from '../collect/files.js';
import { UserError, withSource } from '../errors.js';
import { parsePprof } from '../parse/pprof/index.js';
import { renderTopMarkdown } from '../render/top-markdown.js';
import { topReport } from '../report/top-report.js';
import { readInteger } from '../settings/values.js';

/** The action's settings, read once from its inputs. */
export interface ActionSettings {
  profiles: string[];
  nodeCount: number;
}

/** Reads the action's inputs; a bad value names the input and quotes it. */
export function readActionSettings(getInput: (name: string) => string): ActionSettings {
  const profiles = getInput('profiles')
    .split(/[\n,]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (profiles.length === 0) {
    throw new UserError(
      "input 'profiles': no profile files given (list .pb.gz paths, one per line)",
    );
  }
  const count = getInput('nodecount');
  return {
    profiles,
    nodeCount: count === '' ? 15 : readInteger("input 'nodecount'", count, 1),
  };
}

/** Runs the action. */
export async function run(): Promise<void> {
  try {
    const settings = readActionSettings((name) => core.getInput(name));
    const sections: string[] = [];
    for (const file of settings.profiles) {
      core.info(`Reading ${file}`);
      const bytes = await readInputFile(file);
      try {
        const profile = parsePprof(bytes);
        const sampleIndex = profile.defaultSampleIndex;
        const table = functionTable([{ profile, sampleIndex }]);
        sections.push(
          renderTopMarkdown(
            topReport(profile, table, { source: file, sampleIndex, nodeCount: settings.nodeCount }),
          ),
        );
      } catch (err) {
        throw withSource(file, err);
      }
    }
    if (process.env.GITHUB_STEP_SUMMARY) {
      await core.summary.addRaw(sections.join('\n')).write();
    } else {
      core.info(sections.join('\n'));
    }
  } catch (err) {
    if (err instanceof UserError) {
      core.setFailed(`perfgate: ${err.message}`);
      return;
    }
    core.setFailed(`perfgate: internal error: ${(err as Error).stack ?? String(err)}`);
  }
}
