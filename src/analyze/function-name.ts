/**
 * Function names as `go tool pprof` shows them. pprof's symbolizer "simplifies" names that look
 * like demangled C++: for Go that means a generic instantiation such as
 * `sync.OnceValue[go.shape.func(*json.encodeState)]` loses its parenthesised parameter list
 * (`sync.OnceValue[go.shape.func]`), while method names like `pkg.(*T[...]).M` stay whole. Rows
 * are keyed by this name, so two instantiations that simplify alike are one row, as in pprof.
 */
import type { ProfileFunction } from '../model/profile.js';

/** The name pprof displays for a function. */
export function displayName(fn: ProfileFunction): string {
  // A name that differs from the system name was demangled by the producer: pprof keeps it.
  if (fn.name !== '' && fn.systemName !== fn.name) return fn.name;
  const name = fn.systemName;
  const demangled = demangleSimpleCpp(name);
  if (demangled !== undefined) return demangled;
  if (!looksLikeDemangledCpp(name)) return name;
  return removeMatching(removeMatching(name, '(', ')'), '<', '>');
}

/**
 * Demangles the simplest Itanium C++ names (`_ZN3foo3barEv` → `foo::bar`, parameters dropped as
 * pprof shows them). Names with templates, substitutions, operators or constructors are left to
 * the heuristics below (undefined): a full demangler is out of scope for Go profiles, where C++
 * frames appear only through cgo.
 */
export function demangleSimpleCpp(name: string): string | undefined {
  if (!name.startsWith('_Z')) return undefined;
  let pos = 2;
  const parts: string[] = [];
  const sourceName = (): boolean => {
    const m = /^[1-9]\d*/.exec(name.slice(pos));
    if (!m) return false;
    const len = Number(m[0]);
    pos += m[0].length;
    if (pos + len > name.length) return false;
    parts.push(name.slice(pos, pos + len));
    pos += len;
    return true;
  };
  if (name[pos] === 'N') {
    pos++;
    while (name[pos] === 'r' || name[pos] === 'V' || name[pos] === 'K') pos++;
    while (name[pos] !== 'E') if (!sourceName()) return undefined;
    pos++;
  } else if (!sourceName()) {
    return undefined;
  }
  // What follows is the parameter list, which pprof does not show; it must be plain types.
  if (!/^[vbcahstijlmxyfdeDnz]*$/.test(name.slice(pos)) || parts.length === 0) return undefined;
  return parts.join('::');
}

function looksLikeDemangledCpp(name: string): boolean {
  if (name.includes('.<')) return false; // Java: class.<init>
  if (name.includes(']).')) return false; // Go: pkg.(*T[...]).Method
  return /[<>[\]]/.test(name) || name.includes('::');
}

/** Removes every outermost `open … close` group; leaves the name as it is at a mismatch. */
function removeMatching(name: string, open: string, close: string): string {
  let out = name;
  let nesting = 0;
  let first = 0;
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (c === open) {
      nesting++;
      if (nesting === 1) first = i;
    } else if (c === close) {
      nesting--;
      if (nesting < 0) return out;
      if (nesting === 0) {
        out = out.slice(0, first) + out.slice(i + 1);
        i = first - 1;
      }
    }
  }
  return out;
}

const goVersionSuffix = /^(.*?)\/v(?:[2-9]|[1-9][0-9]+)([./].*)$/;
const goPackagePath = /^(?:[\w\-.]+\/)+([^.]+\..+)/;

/**
 * A function name without its package path, as pprof's graphs show it
 * (`encoding/json.(*decodeState).object` → `json.(*decodeState).object`): the method stays whole.
 * pprof's `graph.ShortenFunctionName`, for Go names.
 */
export function shortFunctionName(name: string): string {
  const unversioned = name.replace(goVersionSuffix, '$1$2');
  return goPackagePath.exec(unversioned)?.[1] ?? unversioned;
}
