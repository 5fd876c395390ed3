/**
 * perfgate's version, written once: package.json's `version`, which the build (scripts/build.mjs)
 * defines as PERFGATE_VERSION. Code run from source (tests) has no build, and says so.
 */
declare const PERFGATE_VERSION: string | undefined;

/** The version printed by `--version` and stored in every baseline's manifest. */
export const VERSION: string =
  typeof PERFGATE_VERSION === 'string' ? PERFGATE_VERSION : '0.0.0-source';
