import protobuf from 'protobufjs/light.js';
import { profileSchema } from './profile-schema.generated.js';

// int64 fields decode as JavaScript numbers (exact up to 2^53, which covers every value Go writes
// except some mapping addresses) rather than as Long objects, which are several times slower.
protobuf.util.Long = undefined as unknown as typeof protobuf.util.Long;
protobuf.configure();

const root = protobuf.Root.fromJSON(profileSchema as unknown as protobuf.INamespace);

/** protobufjs reflection types of the pprof schema (proto/profile.proto). */
export const pprofTypes = {
  Profile: root.lookupType('perftools.profiles.Profile'),
  ValueType: root.lookupType('perftools.profiles.ValueType'),
  Sample: root.lookupType('perftools.profiles.Sample'),
  Label: root.lookupType('perftools.profiles.Label'),
  Mapping: root.lookupType('perftools.profiles.Mapping'),
  Location: root.lookupType('perftools.profiles.Location'),
  Line: root.lookupType('perftools.profiles.Line'),
  Function: root.lookupType('perftools.profiles.Function'),
};

function fieldIds<K extends string>(type: protobuf.Type, names: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const name of names) {
    const field = type.fields[name];
    if (!field) throw new Error(`proto/profile.proto: ${type.name} has no field ${name}`);
    out[name] = field.id;
  }
  return out;
}

/** Field numbers, read from the schema so the hand-written decoder cannot drift from it. */
export const fieldNumbers = {
  Profile: fieldIds(pprofTypes.Profile, [
    'sample_type',
    'sample',
    'mapping',
    'location',
    'function',
    'string_table',
    'drop_frames',
    'keep_frames',
    'time_nanos',
    'duration_nanos',
    'period_type',
    'period',
    'comment',
    'default_sample_type',
    'doc_url',
  ] as const),
  Sample: fieldIds(pprofTypes.Sample, ['location_id', 'value', 'label'] as const),
  Label: fieldIds(pprofTypes.Label, ['key', 'str', 'num', 'num_unit'] as const),
  Location: fieldIds(pprofTypes.Location, [
    'id',
    'mapping_id',
    'address',
    'line',
    'is_folded',
  ] as const),
  Line: fieldIds(pprofTypes.Line, ['function_id', 'line', 'column'] as const),
};
