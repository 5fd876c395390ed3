/**
 * Go's `%.Nf` and `%.Ng` number formatting. JavaScript's toFixed/toPrecision round exact ties
 * away from zero while Go rounds them to even, so this works on the exact decimal expansion.
 */

/** The exact decimal digits of |x| and the position of the decimal point. */
function exactDigits(x: number): { digits: string; point: number } {
  // toFixed(100) is exact for every double below 1e21 (it keeps all binary fraction digits).
  const s = Math.abs(x).toFixed(100);
  const dot = s.indexOf('.');
  let digits = s.slice(0, dot) + s.slice(dot + 1);
  let point = dot;
  const firstNonZero = digits.search(/[1-9]/);
  if (firstNonZero < 0) return { digits: '', point: 0 };
  digits = digits.slice(firstNonZero).replace(/0+$/, '');
  point -= firstNonZero;
  return { digits, point };
}

/** Rounds a digit string to `keep` digits, half to even; returns the digits and a carry flag. */
function roundDigits(digits: string, keep: number): { digits: string; carry: boolean } {
  if (keep < 0) return { digits: '', carry: false };
  if (digits.length <= keep) return { digits, carry: false };
  const next = digits.charCodeAt(keep) - 48;
  const rest = digits.slice(keep + 1);
  const prev = keep > 0 ? digits.charCodeAt(keep - 1) - 48 : 0;
  const up = next > 5 || (next === 5 && (/[1-9]/.test(rest) || prev % 2 === 1));
  let kept = digits.slice(0, keep);
  if (!up) return { digits: kept, carry: false };
  const chars = kept.split('').map((c) => c.charCodeAt(0) - 48);
  let i = chars.length - 1;
  while (i >= 0) {
    if (chars[i]! < 9) {
      chars[i]!++;
      break;
    }
    chars[i] = 0;
    i--;
  }
  kept = chars.join('');
  if (i < 0) return { digits: `1${kept}`, carry: true };
  return { digits: kept, carry: false };
}

/** Go's fmt.Sprintf("%.<prec>f", x). */
export function formatFixed(x: number, prec: number): string {
  const neg = x < 0 || Object.is(x, -0);
  const { digits, point } = exactDigits(x);
  // Keep every digit before the point plus `prec` after it.
  const { digits: kept, carry } = roundDigits(digits, point + prec);
  const pt = kept === '' ? 0 : point + (carry ? 1 : 0);
  const totalLen = Math.max(pt, 0) + prec;
  const padded = (pt < 0 ? '0'.repeat(-pt) : '') + kept;
  const full = padded.padEnd(totalLen, '0');
  const intLen = Math.max(pt, 0);
  const intPart = intLen > 0 ? full.slice(0, intLen) : '0';
  const frac = full.slice(intLen, intLen + prec);
  const body = prec > 0 ? `${intPart}.${frac}` : intPart;
  return neg ? `-${body}` : body;
}

/** Go's fmt.Sprintf("%.<prec>g", x). */
export function formatGeneral(x: number, prec: number): string {
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const neg = x < 0;
  const exact = exactDigits(x);
  const { digits: rounded, carry } = roundDigits(exact.digits, prec);
  const digs = rounded.replace(/0+$/, '');
  const nd = digs.length;
  const dp = exact.point + (carry ? 1 : 0);
  let eprec = prec;
  if (eprec > nd && nd >= dp) eprec = nd;
  const exp = dp - 1;
  let body: string;
  if (exp < -4 || exp >= eprec) {
    const p = Math.min(prec, nd);
    const mant = p > 1 ? `${digs[0]}.${digs.slice(1, p).padEnd(p - 1, '0')}` : digs[0]!;
    const e = Math.abs(exp);
    body = `${mant}e${exp < 0 ? '-' : '+'}${e < 10 ? `0${e}` : e}`;
  } else {
    const p = prec > dp ? nd : prec;
    const fracDigits = Math.max(p - dp, 0);
    const intPart = dp > 0 ? digs.slice(0, dp).padEnd(dp, '0') : '0';
    const frac = (dp < 0 ? '0'.repeat(-dp) : '') + digs.slice(Math.max(dp, 0));
    body =
      fracDigits > 0 ? `${intPart}.${frac.padEnd(fracDigits, '0').slice(0, fracDigits)}` : intPart;
  }
  return neg ? `-${body}` : body;
}

/** Pads like Go's `%<width>s` (right-aligned). */
export function padLeft(s: string, width: number): string {
  return s.length >= width ? s : ' '.repeat(width - s.length) + s;
}

/** Go's `%v` (fmt.Sprint) of a float64: shortest digits, exponent form below 1e-4 or from 1e6. */
export function formatGoValue(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [mantissa, e] = x.toExponential().split('e') as [string, string];
  const exp = Number(e);
  if (exp < -4 || exp >= 6) {
    return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const neg = mantissa.startsWith('-');
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  const point = exp + 1;
  let body: string;
  if (point <= 0) body = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) body = digits + '0'.repeat(point - digits.length);
  else body = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return neg ? `-${body}` : body;
}
