import { FormatError } from '../errors.js';
import type { Profile } from '../model/profile.js';

/**
 * Picks a sample type the way pprof's `-sample_index` does: no value means the profile's default
 * (default_sample_type, else the last type); a number is an index; a name matches a type exactly,
 * and `inuse_x` also matches a type named `x`.
 */
export function resolveSampleIndex(profile: Profile, spec: string | undefined): number {
  const types = profile.sampleTypes;
  if (spec === undefined || spec === '') return profile.defaultSampleIndex;
  if (/^\d+$/.test(spec)) {
    const i = Number(spec);
    if (i >= types.length) {
      throw new FormatError(
        `sample index ${spec} is outside the range [0..${types.length - 1}] of this profile's sample types`,
      );
    }
    return i;
  }
  const noInuse = spec.startsWith('inuse_') ? spec.slice('inuse_'.length) : spec;
  const i = types.findIndex((t) => t.type === spec || t.type === noInuse);
  if (i < 0) {
    throw new FormatError(
      `sample index "${spec}" is not a sample type of this profile (it has: ${types.map((t) => t.type).join(', ')})`,
    );
  }
  return i;
}
