import { createRequire as __pgRequire } from 'node:module'; const require = __pgRequire(import.meta.url);

// src/collect/js-round.ts
import { writeFileSync } from "node:fs";

// src/collect/js-suite.ts
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// node_modules/tinybench/dist/index.js
var e = Object.freeze(() => {
});
var t = globalThis.Event;
var n = class extends t {
  get error() {
    return this.#e;
  }
  get reason() {
    return this.#t;
  }
  get task() {
    return this.#n;
  }
  #e;
  #t;
  #n;
  constructor(e2, t2, n2) {
    super(e2), t2 != null && (this.#n = t2), typeof n2 == "string" ? this.#t = n2 : n2 != null && (this.#e = n2);
  }
};
var r = (e2) => e2 !== null && (typeof e2 == "object" || typeof e2 == "function") && typeof e2.then == "function";
var i = (t2, n2 = 2, a2 = /* @__PURE__ */ new WeakSet()) => {
  try {
    if (!r(t2) || a2.has(t2)) return;
    if (n2 < -1) {
      a2.add(t2), t2.catch?.(e);
      return;
    }
    a2.add(t2);
    let o2 = (e2) => {
      i(e2, n2 - 1, a2);
    };
    i(t2.then(o2, o2), n2 - 1, a2);
  } catch {
  }
};
var a = (async () => {
}).constructor;
var o = (e2) => typeof e2 == "function" && e2.constructor === a;
var s = (e2) => {
  if (e2 == null) return false;
  if (o(e2)) return true;
  try {
    let t2 = e2(), n2 = r(t2);
    return n2 && i(t2), n2;
  } catch {
    return false;
  }
};
var c = (e2, t2) => {
  if (!e2) {
    let e3 = Error.stackTraceLimit;
    try {
      Error.stackTraceLimit = 0;
      let n2 = Error(t2);
      throw Error.stackTraceLimit = e3, e3 !== 0 && Error.captureStackTrace(n2, c), n2;
    } finally {
      Error.stackTraceLimit = e3;
    }
  }
};
var l = (e2) => {
  switch (typeof e2) {
    case "function":
      return Error(e2.name);
    case "object":
      if (e2 !== null) return e2 instanceof Error ? e2 : Error(e2.message ?? "");
    case "undefined":
      return Error();
    case "string":
      return Error(e2);
    default:
      return Error(String(e2));
  }
};
var u = (e2) => Number(e2) / 1e6;
var d = (e2) => Number(e2) * 1e6;
var f = (e2) => e2;
var p = (e2) => BigInt(Math.round(e2 * 1e6));
function m(e2 = globalThis) {
  let t2 = "unknown", n2 = "unknown";
  if (e2.Bun || e2.process && e2.process.versions?.bun) {
    t2 = "bun";
    let r2 = e2.Bun?.version;
    if (r2) n2 = r2;
    else {
      let t3 = e2.process?.versions?.bun;
      t3 && (n2 = t3);
    }
  } else e2.Deno ? (t2 = "deno", n2 = e2.Deno.version?.deno ?? "unknown") : e2.process && e2.process.release?.name === "node" ? (t2 = "node", n2 = e2.process.versions?.node ?? "unknown") : e2.HermesInternal ? (t2 = "hermes", n2 = e2.HermesInternal.getRuntimeProperties?.()["OSS Release Version"] ?? "unknown") : h(e2) && e2.navigator.userAgent === "Cloudflare-Workers" ? t2 = "workerd" : h(e2) && e2.navigator.userAgent.toLowerCase().startsWith("quickjs-ng") ? (t2 = "quickjs-ng", n2 = e2.navigator.userAgent.split("/")[1] ?? "unknown") : typeof e2.Netlify == "object" ? t2 = "netlify" : typeof e2.EdgeRuntime == "string" ? t2 = "edge-light" : e2.__lagon__ ? t2 = "lagon" : e2.fastly ? t2 = "fastly" : e2.$262 && e2.lockdown && e2.AsyncDisposableStack ? t2 = "moddable" : e2.d8 ? (t2 = "v8", n2 = typeof e2.version == "function" ? e2.version() : "unknown") : e2.inIon && e2.performance && e2.performance.mozMemory ? t2 = "spidermonkey" : typeof e2.$ == "object" && e2.$ !== null && "IsHTMLDDA" in e2.$ ? t2 = "jsc" : e2.window && e2.navigator && (t2 = "browser");
  return {
    runtime: t2,
    version: n2
  };
}
function h(e2 = globalThis) {
  return typeof e2.navigator == "object" && e2.navigator !== null && typeof e2.navigator.userAgent == "string";
}
var { runtime: g, version: _ } = m();
var v = globalThis.performance.now.bind(globalThis.performance);
var y = {
  fn: v,
  fromMs: f,
  name: "performanceNow",
  toMs: f
};
var b = globalThis.process?.hrtime?.bigint.bind(globalThis.process?.hrtime) ?? (() => {
  throw Error("hrtime.bigint() is not supported in this JS environment");
});
var S = {
  fn: b,
  fromMs: p,
  name: "hrtimeNow",
  toMs: u
};
var C = globalThis.Bun?.nanoseconds;
var w = C ? {
  fn: C,
  fromMs: d,
  name: "bunNanoseconds",
  toMs: u
} : void 0;
function T(e2) {
  return {
    fn: e2,
    fromMs: f,
    name: "custom",
    toMs: f
  };
}
var ee = (e2 = g) => e2 === "bun" ? w : e2 === "deno" ? y : e2 === "node" ? S : y;
var E = (e2) => {
  switch (typeof e2) {
    case "function":
      return T(e2);
    case "string":
      switch (e2) {
        case "auto":
          return ee();
        case "bunNanoseconds":
          return w ?? y;
        case "hrtimeNow":
          return S;
        default:
          return y;
      }
    case "object":
      return e2 === null ? y : (c(D(e2), "Invalid Timestamp Provider object"), e2);
    case "undefined":
      return y;
    default:
      throw Error("Invalid value for 'timestampProvider' or 'now'");
  }
};
function D(e2) {
  return typeof e2 == "object" && !!e2 && typeof e2.fn == "function" && typeof e2.name == "string" && typeof e2.toMs == "function" && typeof e2.fromMs == "function";
}
var O = async (e2) => {
  let { fn: t2, iterations: n2, limit: r2, signal: i2, time: a2 = 0, timestampProvider: o2 = y } = e2, s2 = n2 === 0 ? r2 : Math.max(0, Math.min(r2, n2)), c2 = [], u2 = [], d2 = true, f2 = 0, p2 = Number.isFinite(a2) && a2 > 0, m2 = n2 > 0, h2 = 0, g2 = o2.fn, _2 = m2 ? p2 ? () => d2 && f2++ < n2 && (g2() < h2 || (d2 = false)) : () => d2 && f2++ < n2 : p2 ? () => d2 && (g2() < h2 || (d2 = false)) : () => d2, v2 = (e3) => {
    d2 && u2.push(e3);
  }, b2 = (e3) => {
    c2.push(l(e3));
  }, x = () => d2 = false, S2 = Array.isArray(i2) ? i2 : i2 ? [i2] : [];
  if (S2.some((e3) => e3.aborted)) return [];
  for (let e3 of S2) e3.addEventListener("abort", x);
  let C2 = async () => {
    for (; _2(); ) try {
      v2(await t2());
    } catch (e3) {
      d2 = false, b2(e3);
      break;
    }
  };
  try {
    p2 && (h2 = g2() + o2.fromMs(a2));
    let e3 = Array.from({ length: s2 }, () => C2());
    await Promise.allSettled(e3);
  } finally {
    for (let e3 of S2) e3.removeEventListener("abort", x);
  }
  if (c2.length === 0) return u2;
  throw c2.length === 1 ? c2[0] : AggregateError(c2, "Multiple errors occurred during concurrent execution");
};
var k = (e2, t2 = 5, n2 = 2) => {
  if (e2 === Infinity) return "+∞";
  if (e2 === -Infinity) return "-∞";
  if (e2 !== e2) return "NaN";
  let r2 = Math.abs(e2);
  if (r2 >= 10 ** t2) return e2.toFixed();
  if (r2 < 10 ** (t2 - n2)) return e2.toFixed(n2);
  let i2 = Math.min(Math.max(0, t2 - (Math.floor(Math.log10(r2)) + 1)), n2);
  return e2.toFixed(i2);
};
var te = (e2) => {
  let t2 = e2.result.state;
  return {
    "Task name": e2.name,
    ...t2 === "aborted-with-statistics" || t2 === "completed" ? {
      "Latency avg (ns)": `${k(d(e2.result.latency.mean))} ± ${k(e2.result.latency.rme)}%`,
      "Latency med (ns)": `${k(d(e2.result.latency.p50))} ± ${k(d(e2.result.latency.mad))}`,
      "Throughput avg (ops/s)": `${Math.round(e2.result.throughput.mean).toString()} ± ${k(e2.result.throughput.rme)}%`,
      "Throughput med (ops/s)": `${Math.round(e2.result.throughput.p50).toString()} ± ${Math.round(e2.result.throughput.mad).toString()}`,
      Samples: e2.result.latency.samplesCount
    } : t2 === "errored" ? {
      Error: e2.result.error.message,
      Stack: e2.result.error.stack ?? "N/A"
    } : {
      "Latency avg (ns)": "N/A",
      "Latency med (ns)": "N/A",
      "Throughput avg (ops/s)": "N/A",
      "Throughput med (ops/s)": "N/A",
      Samples: "N/A",
      Remarks: t2
    },
    ...t2 === "aborted-with-statistics" && { Remarks: t2 }
  };
};
var [ne, ...A] = [
  0.9999999999998099,
  676.5203681218851,
  -1259.1392167224028,
  771.3234287776531,
  -176.6150291621406,
  12.507343278686905,
  -0.13857109526572012,
  9984369578019572e-21,
  15056327351493116e-23
];
var j = (e2) => {
  let t2 = ne;
  for (let n2 = 0; n2 < A.length; n2++) t2 += A[n2] / (e2 + n2);
  return 0.5 * Math.log(2 * Math.PI) + (e2 - 0.5) * Math.log(e2 + 6.5) - (e2 + 6.5) + Math.log(t2);
};
var M = (e2, t2, n2) => {
  let r2 = e2 + t2, i2 = e2 + 1, a2 = e2 - 1, o2 = 1, s2 = 1 - r2 * n2 / i2;
  Math.abs(s2) < 1e-300 && (s2 = 1e-300), s2 = 1 / s2;
  let c2 = s2;
  for (let l2 = 1; l2 <= 300; l2++) {
    let u2 = 2 * l2, d2 = l2 * (t2 - l2) * n2 / ((a2 + u2) * (e2 + u2));
    s2 = 1 + d2 * s2, Math.abs(s2) < 1e-300 && (s2 = 1e-300), o2 = 1 + d2 / o2, Math.abs(o2) < 1e-300 && (o2 = 1e-300), s2 = 1 / s2, c2 *= s2 * o2, d2 = -(e2 + l2) * (r2 + l2) * n2 / ((e2 + u2) * (i2 + u2)), s2 = 1 + d2 * s2, Math.abs(s2) < 1e-300 && (s2 = 1e-300), o2 = 1 + d2 / o2, Math.abs(o2) < 1e-300 && (o2 = 1e-300), s2 = 1 / s2;
    let f2 = s2 * o2;
    if (c2 *= f2, Math.abs(f2 - 1) < 1e-16) break;
  }
  return c2;
};
var N = (e2) => {
  let t2 = e2 > 0 ? e2 : 1, n2 = t2 / 2, r2 = 0.5, i2 = n2 < 12 ? j(n2 + 0.5) - j(n2) : 0.5 * Math.log(n2) - 1 / (8 * n2) + 1 / (192 * n2 ** 3) - 1 / (640 * n2 ** 5) + 0.00118582565234835 / n2 ** 7 - 0.00167977198469943 / n2 ** 9 + 0.00342404392538552 / n2 ** 11, a2 = 0.5 * Math.log(Math.PI), o2 = i2 - 0.5 * Math.log(t2 * Math.PI), s2 = (e3) => {
    let o3 = e3 * e3, s3 = o3 / (t2 + o3), c3 = Math.exp(i2 - a2 + n2 * Math.log1p(-s3) + r2 * Math.log(s3));
    return s3 <= 0.5 ? 1 - c3 * M(r2, n2, s3) / r2 : c3 * M(n2, r2, 1 - s3) / n2;
  }, c2 = (e3) => o2 - (t2 + 1) / 2 * Math.log1p(e3 * e3 / t2), l2 = 1.959963984540054;
  for (let e3 = 0; e3 < 30; e3++) {
    let e4 = Math.exp(-c2(l2)), t3 = 0.5 * (s2(l2) - 0.05) * e4;
    if (!Number.isFinite(t3)) break;
    let n3 = l2 + t3;
    if (!(n3 > 0)) break;
    let r3 = Math.abs(t3);
    if (l2 = n3, r3 <= 4e-16 * e4) break;
  }
  return l2;
};
var P = (e2) => Array.isArray(e2) && e2.length !== 0;
function F(e2) {
  let t2 = e2.length;
  if (t2 < 1024) {
    e2.sort(z);
    return;
  }
  let n2 = true, r2 = true, i2 = e2[0];
  for (let a3 = 0; a3 < t2; a3++) {
    let t3 = e2[a3];
    if (!Number.isFinite(t3) || Object.is(t3, -0)) {
      e2.sort(z);
      return;
    }
    (n2 || r2) && (n2 &&= t3 >= i2, r2 &&= t3 <= i2, i2 = t3);
  }
  if (n2) return;
  if (r2) {
    e2.reverse();
    return;
  }
  let a2 = new Float64Array(e2).sort();
  for (let n3 = 0; n3 < t2; n3++) e2[n3] = a2[n3];
}
var I = (e2) => {
  let t2 = e2.length;
  if (t2 === 1) return {
    mean: e2[0],
    vr: 0
  };
  let n2 = 0, r2 = 0, i2 = 0;
  for (; i2 < t2; ) {
    let t3 = e2[i2++], a2 = t3 - n2;
    n2 += a2 / i2, r2 += a2 * (t3 - n2);
  }
  return {
    mean: n2,
    vr: r2 / (t2 - 1)
  };
};
var L = (e2, t2) => {
  let n2 = e2 + t2;
  return Number.isFinite(n2) ? n2 / 2 : e2 / 2 + t2 / 2;
};
var R = (e2, t2) => {
  let n2 = (e2.length - 1) * t2, r2 = Math.floor(n2), i2 = e2[r2];
  if (n2 === r2) return i2;
  let a2 = e2[r2 + 1];
  if (i2 === a2) return i2;
  let o2 = n2 - r2;
  if (o2 === 0.5) return L(i2, a2);
  let s2 = a2 - i2;
  return Number.isFinite(s2) ? i2 + o2 * s2 : (1 - o2) * i2 + o2 * a2;
};
var z = (e2, t2) => e2 - t2;
var re = (e2, t2) => {
  let n2 = 0, r2 = e2.length, i2 = 0;
  for (; i2 < r2; ) n2 += (Math.abs(e2[i2++] - t2) - n2) / i2;
  return n2;
};
function B(e2, t2) {
  let n2 = e2.length;
  if (n2 === 1) return 0;
  let r2 = n2 >> 1, i2 = n2 + 1 >> 1, a2 = 0, o2 = r2, s2, c2, l2, u2, d2, f2;
  for (; a2 <= o2; ) {
    if (s2 = a2 + o2 >> 1, c2 = i2 - s2, l2 = s2 === 0 ? -Infinity : t2 - e2[r2 - s2], d2 = s2 === r2 ? Infinity : t2 - e2[r2 - s2 - 1], u2 = c2 === 0 ? -Infinity : e2[r2 + c2 - 1] - t2, f2 = c2 === n2 - r2 ? Infinity : e2[r2 + c2] - t2, l2 <= f2 && u2 <= d2) return n2 & 1 ? Math.max(l2, u2) : L(Math.max(l2, u2), Math.min(d2, f2));
    l2 > f2 ? o2 = s2 - 1 : a2 = s2 + 1;
  }
  return 0;
}
var V = (e2) => B(e2, R(e2, 0.5));
function H(e2, t2 = false) {
  let { mean: n2, vr: r2 } = I(e2), i2 = Math.sqrt(r2), a2 = i2 / Math.sqrt(e2.length), o2 = e2.length - 1, s2 = N(o2), c2 = a2 * s2, l2 = n2 === 0 ? Infinity : c2 / Math.abs(n2) * 100, u2 = R(e2, 0.5);
  return {
    aad: re(e2, n2),
    critical: s2,
    df: o2,
    mad: B(e2, u2),
    max: e2[o2],
    mean: n2,
    min: e2[0],
    moe: c2,
    p50: u2,
    p75: R(e2, 0.75),
    p99: R(e2, 0.99),
    p995: R(e2, 0.995),
    p999: R(e2, 0.999),
    rme: l2,
    samples: t2 ? e2 : void 0,
    samplesCount: e2.length,
    sd: i2,
    sem: a2,
    variance: r2
  };
}
var U = (e2, t2) => {
  let n2 = e2.length;
  if (n2 < 10) return;
  let r2 = 0;
  for (let t3 of e2) t3 === 0 && r2++;
  if (r2 * 2 > n2) return "zero-dominated";
  let i2 = Math.max(3, Math.min(10, Math.floor(n2 / 1e3))), a2 = 1;
  for (let t3 = 1; t3 < n2 && !(e2[t3] !== e2[t3 - 1] && (a2++, a2 >= i2)); t3++) ;
  if (a2 < i2) return "low-distinct";
  if (n2 > 100 && t2 === 0) return "zero-mad";
};
var W = (e2) => {
  let t2;
  for (let n2 = 0; n2 < e2.length; n2++) {
    let r2 = e2[n2];
    if (!(r2 <= 0) && (t2 ??= r2, e2[n2 + 1] === r2)) return r2;
  }
  return t2;
};
var G = (e2, t2 = {}) => {
  let { estimator: n2 = "median", pairs: r2 = 1024, warmupPairs: i2 = 64 } = t2, { fn: a2, toMs: o2 } = e2;
  if (!Number.isInteger(r2) || r2 <= 0) return 0;
  if (Number.isInteger(i2) && i2 > 0) for (let e3 = 0; e3 < i2; e3++) {
    let e4 = a2();
    o2(a2() - e4);
  }
  let s2 = [];
  for (let e3 = 0; e3 < r2; e3++) {
    let e4 = a2(), t3 = o2(a2() - e4);
    t3 > 0 && s2.push(t3);
  }
  return s2.length * 2 < r2 ? 0 : (s2.sort(z), n2 === "min" ? s2[0] : R(s2, n2 === "p05" ? 0.05 : 0.5));
};
var ae = [
  "afterAll",
  "beforeAll",
  "beforeEach",
  "afterEach"
];
var K = (e2, t2) => {
  let n2 = r(e2);
  n2 && i(e2), c(!n2, t2);
};
var oe = ["not-started", "started"];
var q = { state: "not-started" };
var J = { state: "aborted" };
var se = { state: "started" };
var Y = class extends EventTarget {
  get detectedResolution() {
    return this.#r;
  }
  get name() {
    return this.#o;
  }
  get result() {
    return {
      ...this.#s,
      runtime: this.#n.runtime,
      runtimeVersion: this.#n.runtimeVersion,
      timestampProviderName: this.#n.timestampProvider.name
    };
  }
  get runs() {
    return this.#l;
  }
  #e = false;
  #t;
  #n;
  #r = void 0;
  #i;
  #a;
  #o;
  #s = q;
  #c;
  #l = 0;
  #u;
  #d;
  #f;
  #p;
  constructor(e2, t2, n2, r2 = {}) {
    super(), this.#n = e2, this.#o = t2, this.#i = n2, this.#a = r2, this.#t = r2.async ?? s(n2), this.#u = r2.signal, this.#c = r2.retainSamples ?? e2.retainSamples, this.#f = e2.timestampProvider, this.#d = e2.timestampProvider.fn, this.#p = e2.timestampProvider.toMs;
    for (let e3 of ae) this.#a[e3] != null && c(typeof this.#a[e3] == "function", `'${e3}' must be a function if provided`);
    this.reset(false), this.#u && (this.#u.aborted ? this.#v() : this.#u.addEventListener("abort", this.#v.bind(this), { once: true })), this.#n.signal && (this.#n.signal.aborted ? this.#v() : this.#n.signal.addEventListener("abort", this.#v.bind(this), { once: true }));
  }
  reset(e2 = true) {
    this.#l = 0, this.#r = void 0, this.#s = this.#e ? J : q, e2 && this.dispatchEvent(new n("reset", this));
  }
  async run() {
    if (this.#s.state !== "not-started") return this;
    this.#s = { state: "started" }, this.dispatchEvent(new n("start", this)), await this.#n.setup(this, "run");
    let { error: e2, overriddenIndices: t2, samples: r2 } = await this.#m("run", this.#n.time, this.#n.iterations);
    return await this.#n.teardown(this, "run"), this.#b({
      error: e2,
      latencySamples: r2,
      overriddenIndices: t2
    }), this;
  }
  runSync() {
    if (this.#s.state !== "not-started") return this;
    c(this.#n.concurrency === null, "Cannot use `concurrency` option when using `runSync`"), this.#s = se, this.dispatchEvent(new n("start", this)), K(this.#n.setup(this, "run"), "`setup` function must be sync when using `runSync()`");
    let { error: e2, overriddenIndices: t2, samples: r2 } = this.#h("run", this.#n.time, this.#n.iterations);
    return K(this.#n.teardown(this, "run"), "`teardown` function must be sync when using `runSync()`"), this.#b({
      error: e2,
      latencySamples: r2,
      overriddenIndices: t2
    }), this;
  }
  async warmup() {
    if (this.#s.state !== "not-started") return;
    this.dispatchEvent(new n("warmup", this)), await this.#n.setup(this, "warmup");
    let { error: e2 } = await this.#m("warmup", this.#n.warmupTime, this.#n.warmupIterations);
    await this.#n.teardown(this, "warmup"), this.#y(e2);
  }
  warmupSync() {
    if (this.#s.state !== "not-started") return;
    this.dispatchEvent(new n("warmup", this)), K(this.#n.setup(this, "warmup"), "`setup` function must be sync when using `runSync()`");
    let { error: e2 } = this.#h("warmup", this.#n.warmupTime, this.#n.warmupIterations);
    K(this.#n.teardown(this, "warmup"), "`teardown` function must be sync when using `runSync()`"), this.#y(e2);
  }
  async #m(e2, t2, n2) {
    try {
      this.#a.beforeAll && await this.#a.beforeAll.call(this, e2);
      let r2 = this.#n.concurrency !== "task", i2 = 0, a2 = [], o2 = /* @__PURE__ */ new Set(), s2 = async () => {
        if (!this.#e) try {
          this.#a.beforeEach != null && await this.#a.beforeEach.call(this, e2);
          let { iterationCost: t3, overridden: n3, taskTime: s3 } = this.#t ? await this.#g(r2) : this.#_(r2), c2 = a2.push(s3) - 1;
          n3 && o2.add(c2), r2 && (i2 += t3 ?? s3);
        } finally {
          this.#a.afterEach != null && await this.#a.afterEach.call(this, e2);
        }
      };
      try {
        if (!r2) await O({
          fn: s2,
          iterations: n2,
          limit: Math.max(1, Math.floor(this.#n.threshold)),
          signal: [this.#u, this.#n.signal].filter((e3) => e3 != null),
          time: t2,
          timestampProvider: this.#f
        }), this.#l = a2.length;
        else for (; (i2 < t2 || a2.length < n2) && !this.#e; ) await s2();
      } finally {
        this.#a.afterAll != null && await this.#a.afterAll.call(this, e2);
      }
      return P(a2) ? {
        overriddenIndices: o2,
        samples: a2
      } : {};
    } catch (e3) {
      return { error: l(e3) };
    }
  }
  #h(e2, t2, n2) {
    try {
      this.#a.beforeAll && K(this.#a.beforeAll.call(this, e2), "`beforeAll` function must be sync when using `runSync()`");
      let r2 = 0, i2 = [], a2 = /* @__PURE__ */ new Set(), o2 = () => {
        if (!this.#e) try {
          this.#a.beforeEach && K(this.#a.beforeEach.call(this, e2), "`beforeEach` function must be sync when using `runSync()`");
          let { iterationCost: t3, overridden: n3, taskTime: o3 } = this.#_(true), s2 = i2.push(o3) - 1;
          n3 && a2.add(s2), r2 += t3 ?? o3;
        } finally {
          this.#a.afterEach && K(this.#a.afterEach.call(this, e2), "`afterEach` function must be sync when using `runSync()`");
        }
      };
      try {
        for (; (r2 < t2 || i2.length < n2) && !this.#e; ) o2();
      } finally {
        this.#a.afterAll && K(this.#a.afterAll.call(this, e2), "`afterAll` function must be sync when using `runSync()`");
      }
      return P(i2) ? {
        overriddenIndices: a2,
        samples: i2
      } : {};
    } catch (e3) {
      return { error: l(e3) };
    }
  }
  async #g(e2) {
    let t2 = this.#d(), n2 = await this.#i.call(this), r2 = this.#p(this.#d() - t2), i2 = e2 ? Q(n2) : void 0, a2 = Z(n2);
    return a2 === void 0 ? {
      iterationCost: i2,
      overridden: false,
      taskTime: r2
    } : {
      iterationCost: i2,
      overridden: true,
      taskTime: a2
    };
  }
  #_(e2) {
    let t2 = this.#d(), n2 = this.#i.call(this), r2 = this.#p(this.#d() - t2);
    K(n2, "task function must be sync when using `runSync()`");
    let i2 = e2 ? Q(n2) : void 0, a2 = Z(n2);
    return a2 === void 0 ? {
      iterationCost: i2,
      overridden: false,
      taskTime: r2
    } : {
      iterationCost: i2,
      overridden: true,
      taskTime: a2
    };
  }
  #v() {
    if (this.#e = true, oe.includes(this.#s.state)) {
      this.#s = J;
      let e2 = new n("abort", this);
      this.dispatchEvent(e2), this.#n.dispatchEvent(e2);
    }
  }
  #y(e2) {
    if (e2) {
      this.#s = {
        state: "errored",
        error: e2
      };
      let t2 = new n("error", this, e2);
      if (this.dispatchEvent(t2), this.#n.dispatchEvent(t2), this.#n.throws) throw e2;
    }
  }
  #b({ error: e2, latencySamples: t2, overriddenIndices: r2 }) {
    if (P(t2)) {
      this.#l = t2.length;
      let e3 = this.#n.timerOverhead;
      if (e3 !== void 0 && e3 > 0) for (let n2 = 0; n2 < t2.length; n2++) r2?.has(n2) || (t2[n2] = Math.max(0, t2[n2] - e3));
      let i3 = (r2?.size ?? 0) > 0, a2 = i3 ? t2.filter((e4, t3) => !r2?.has(t3)) : t2;
      F(t2);
      let o2 = H(t2, this.#c), s2;
      i3 ? P(a2) ? (F(a2), this.#r = W(a2), s2 = U(a2, V(a2))) : this.#r = void 0 : (this.#r = W(t2), s2 = U(t2, o2.mad));
      let c2 = o2.mean, l2 = 0, u2 = [];
      for (let e4 of t2) e4 === 0 ? u2.push(c2 === 0 ? 0 : 1e3 / c2) : (l2 += e4, u2.push(1e3 / e4));
      F(u2);
      let d2 = H(u2, this.#c);
      if (this.#s = {
        state: this.#e ? "aborted-with-statistics" : "completed",
        latency: o2,
        period: l2 / this.runs,
        throughput: d2,
        totalTime: l2
      }, s2 !== void 0) {
        let e4 = new n("warning", this, s2);
        this.dispatchEvent(e4), this.#n.dispatchEvent(e4);
      }
    } else this.#e && (this.#s = J);
    if (e2) {
      this.#s = {
        state: "errored",
        error: e2
      };
      let t3 = new n("error", this, e2);
      if (this.dispatchEvent(t3), this.#n.dispatchEvent(t3), this.#n.throws) throw e2;
    }
    let i2 = new n("cycle", this);
    this.dispatchEvent(i2), this.#n.dispatchEvent(i2), this.dispatchEvent(new n("complete", this));
  }
};
var X = (e2) => typeof e2 == "number" && Number.isFinite(e2) && e2 >= 0;
function Z(e2) {
  if (typeof e2 != "object" || !e2) return;
  let t2 = e2;
  if (!("overriddenDuration" in t2)) return;
  let n2 = t2.overriddenDuration;
  if (typeof n2 != "number") try {
    r(n2) && i(n2);
  } catch {
  }
  else return X(n2) ? n2 : void 0;
}
function Q(e2) {
  if (typeof e2 != "object" || !e2) return;
  let t2 = e2;
  try {
    if (!("overriddenIterationCost" in t2)) return;
    let e3 = t2.overriddenIterationCost;
    return typeof e3 != "number" && r(e3) && i(e3), X(e3) ? e3 : void 0;
  } catch {
    return;
  }
}
var $ = '`subtractTimerOverhead` cannot be used with `concurrency: "task"` — set `concurrency` to `null` or `"bench"`, or disable `subtractTimerOverhead`';
var ce = class extends EventTarget {
  concurrency;
  iterations;
  name;
  now;
  retainSamples;
  runtime;
  runtimeVersion;
  setup;
  signal;
  subtractTimerOverhead;
  teardown;
  threshold;
  throws;
  time;
  timerOverhead;
  timestampProvider;
  warmup;
  warmupIterations;
  warmupTime;
  get results() {
    return this.tasks.map((e2) => e2.result);
  }
  get tasks() {
    return [...this.#e.values()];
  }
  #e = /* @__PURE__ */ new Map();
  constructor(t2 = {}) {
    super();
    let { name: r2, ...i2 } = t2;
    this.name = r2, this.runtime = g, this.runtimeVersion = _, this.concurrency = i2.concurrency ?? null, this.threshold = i2.threshold ?? Infinity, this.time = i2.time ?? 1e3, this.iterations = i2.iterations ?? 64, c(i2.now === void 0 || i2.timestampProvider === void 0, "Cannot set both `now` and `timestampProvider` options"), this.timestampProvider = E(i2.now ?? i2.timestampProvider), this.now = () => this.timestampProvider.toMs(this.timestampProvider.fn()), this.warmup = i2.warmup ?? true, this.warmupIterations = i2.warmupIterations ?? 16, this.warmupTime = i2.warmupTime ?? 250, this.setup = i2.setup ?? e, this.teardown = i2.teardown ?? e, this.throws = i2.throws ?? false, i2.signal != null && (this.signal = i2.signal), this.retainSamples = i2.retainSamples === true, this.subtractTimerOverhead = i2.subtractTimerOverhead === true, c(!(this.subtractTimerOverhead && this.concurrency === "task"), $);
    let a2 = this.subtractTimerOverhead ? G(this.timestampProvider) : void 0;
    a2 != null && (this.timerOverhead = a2), this.signal && this.signal.addEventListener("abort", () => {
      this.dispatchEvent(new n("abort"));
    }, { once: true });
  }
  add(e2, t2, r2 = {}) {
    if (this.#e.has(e2)) throw Error(`Task "${e2}" already exists`);
    {
      let i2 = new Y(this, e2, t2, r2);
      this.#e.set(e2, i2), this.dispatchEvent(new n("add", i2));
    }
    return this;
  }
  getTask(e2) {
    return this.#e.get(e2);
  }
  remove(e2) {
    let t2 = this.getTask(e2);
    return t2 && (this.#e.delete(e2), this.dispatchEvent(new n("remove", t2))), this;
  }
  reset() {
    for (let e2 of this.#e.values()) e2.reset();
    this.dispatchEvent(new n("reset"));
  }
  async run() {
    c(!(this.subtractTimerOverhead && this.concurrency === "task"), $), this.warmup && await this.#t(), this.dispatchEvent(new n("start"));
    let e2 = [];
    if (this.concurrency === "bench") {
      let t2 = [];
      for (let e3 of this.#e.values()) t2.push(e3.run());
      e2 = await Promise.all(t2);
    } else for (let t2 of this.#e.values()) e2.push(await t2.run());
    return this.dispatchEvent(new n("complete")), e2;
  }
  runSync() {
    c(this.concurrency === null, "Cannot use `concurrency` option when using `runSync`"), this.warmup && this.#n();
    let e2 = [];
    this.dispatchEvent(new n("start"));
    for (let t2 of this.#e.values()) e2.push(t2.runSync());
    return this.dispatchEvent(new n("complete")), e2;
  }
  table(e2 = te) {
    return this.tasks.map(e2);
  }
  async #t() {
    if (this.dispatchEvent(new n("warmup")), this.concurrency === "bench") {
      let e2 = [];
      for (let t2 of this.#e.values()) e2.push(t2.warmup());
      await Promise.all(e2);
    } else for (let e2 of this.#e.values()) await e2.warmup();
  }
  #n() {
    this.dispatchEvent(new n("warmup"));
    for (let e2 of this.#e.values()) e2.warmupSync();
  }
};

// src/collect/js-suite.ts
var SuiteError = class extends Error {
  name = "SuiteError";
};
var isObject = (x) => typeof x === "object" && x !== null;
function looksLikeBench(x) {
  return isObject(x) && typeof x.run === "function" && Array.isArray(x.tasks);
}
function isTaskMap(x) {
  return isObject(x) && !looksLikeBench(x) && Object.values(x).length > 0 && Object.values(x).every((v2) => typeof v2 === "function");
}
var stateOf = (task) => isObject(task.result) ? task.result.state : void 0;
function checkSupported(bench) {
  const unsupported = 'its Bench is not from a supported tinybench: perfgate runs tinybench 6 Benches (tinybench 2 to 5 report results differently); use tinybench 6, or export the task functions instead (an object of functions, as default or "tasks")';
  const b2 = bench;
  if (typeof b2.reset !== "function") throw new SuiteError(unsupported);
  const tasks = bench.tasks;
  if (!tasks.every((t2) => isObject(t2) && typeof t2.name === "string")) {
    throw new SuiteError(unsupported);
  }
  const suite = bench;
  suite.reset();
  if (!suite.tasks.every((t2) => stateOf(t2) === "not-started")) throw new SuiteError(unsupported);
  if (suite.tasks.length === 0) throw new SuiteError("its Bench has no tasks");
  return suite;
}
function syntaxErrorLine(modulePath2) {
  const r2 = spawnSync(process.execPath, ["--check", modulePath2], {
    encoding: "utf8",
    timeout: 3e4
  });
  const first = (r2.stderr ?? "").split(/\r?\n/)[0] ?? "";
  const m2 = /^(.*):(\d+)$/.exec(first);
  if (!m2) return void 0;
  const file = m2[1].startsWith("file:") ? fileURLToPath(m2[1]) : m2[1];
  return path.resolve(file) === path.resolve(modulePath2) ? Number(m2[2]) : void 0;
}
async function loadSuite(modulePath2, timeMs) {
  let mod;
  try {
    mod = await import(pathToFileURL(path.resolve(modulePath2)).href);
  } catch (err) {
    const line = err instanceof SyntaxError ? syntaxErrorLine(modulePath2) : void 0;
    throw new SuiteError(
      `cannot load the benchmark module: ${err.message}${line ? ` (line ${line})` : ""}`
    );
  }
  for (const candidate of [mod.default, mod.bench]) {
    if (looksLikeBench(candidate)) return checkSupported(candidate);
  }
  for (const candidate of [mod.default, mod.tasks]) {
    if (isTaskMap(candidate)) {
      const bench = new ce({ time: timeMs });
      for (const [name, fn] of Object.entries(candidate)) bench.add(name, fn);
      return bench;
    }
  }
  throw new SuiteError(
    'exports no tinybench Bench (as default or "bench") and no tasks (an object of functions, as default or "tasks")'
  );
}
function taskRound(task) {
  const r2 = isObject(task.result) ? task.result : {};
  if (r2.state === "errored") {
    const error = r2.error instanceof Error ? r2.error.message : String(r2.error);
    throw new SuiteError(`task "${task.name}" threw: ${error}`);
  }
  if (r2.state !== "completed") {
    throw new SuiteError(
      `task "${task.name}" did not complete (tinybench state: ${String(r2.state)})`
    );
  }
  const latency = isObject(r2.latency) ? r2.latency : {};
  const medianMs = latency.p50;
  const samples = latency.samplesCount;
  if (typeof medianMs !== "number" || !Number.isFinite(medianMs) || medianMs < 0) {
    throw new SuiteError(
      `task "${task.name}" has no median time (tinybench reported ${String(medianMs)})`
    );
  }
  return { name: task.name, samples: typeof samples === "number" ? samples : 0, medianMs };
}
async function runRound(bench) {
  bench.reset();
  try {
    await bench.run();
  } catch (err) {
    throw new SuiteError(`the suite failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  return bench.tasks.map(taskRound);
}
async function measureRound(modulePath2, timeMs) {
  try {
    return { tasks: await runRound(await loadSuite(modulePath2, timeMs)) };
  } catch (err) {
    if (err instanceof SuiteError) return { error: err.message };
    throw err;
  }
}

// src/collect/js-round.ts
var [modulePath, time, reportFile] = process.argv.slice(2);
if (modulePath === void 0 || time === void 0 || reportFile === void 0) {
  process.stderr.write("usage: js-round.js MODULE TIME_MS REPORT_FILE\n");
  process.exit(2);
}
var report = await measureRound(modulePath, Number(time));
writeFileSync(reportFile, JSON.stringify(report));
process.exit(0);
