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
  if (!looksLikeDemangledCpp(name)) return name;
  return removeMatching(removeMatching(name, '(', ')'), '<', '>');
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
