// The JS API of onpace over the WebAssembly core (the same for every entry point: browser,
// Node.js ESM and CommonJS). Decimals cross as strings, exactly; numbers are accepted on input
// and enter through their shortest representation (0.1 is "0.1"). Every failure is a thrown
// onpace error (errors.js) with `name`, `code` and `field`.
//
// Never a trap: every argument is checked here, in JS, before anything reaches the module
// (the generated glue would pass a number where a string is expected straight into wasm
// memory), and `guard` below refuses any non-string it was still handed. A call before the
// module is loaded, or on a disposed object, is a coded error too.
//
// Tree-shakeable: module-level classes and functions, and the module's functions imported by
// name, so that a bundle keeps only what an app imports (a one-indicator calculator leaves out
// the free functions it never calls; plan.js holds Plan and Evaluation). The indicator part
// here works on both modules: scripts/build-wasm gives `onpace/calc` its own copy (pkg/calc/),
// importing the calculator module's glue instead.
//
// This file is ES module source that scripts/build-wasm also turns into CommonJS: keep its
// imports single-line `import { … } from './x.js';` and its exports in the one `export { … };`.
// The glue is imported from './web/…' (the CommonJS copy requires './node/…', wasm-bindgen's
// nodejs build).

import { CODES, RANGE_CODES, makeError } from './errors.js';
import { IndicatorHandle, coreVersion, errorCodes, methodsJson, parseRateJson, progressJson, projectPointsJson, requiredPathJson, statusesJson } from './web/onpace_wasm.js';

function fail(code, field, message, kind) {
  return makeError(code, field, field ? `${field}: ${message}` : message, kind);
}

/** A value shown in a message, whatever it is (symbols and hostile objects included). */
function show(v) {
  try {
    if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
    if (typeof v === 'bigint') return `${v}n`;
    if (v === null || typeof v !== 'object') return String(v);
    return Array.isArray(v) ? 'an array' : 'an object';
  } catch {
    return typeof v;
  }
}

const typeError = (field, expected, v) => fail('invalid_argument', field, `expected ${expected}, got ${show(v)}`, 'type');

/** A required string argument. */
function str(value, field) {
  if (typeof value !== 'string') throw typeError(field, 'a string', value);
  return value;
}

/** An optional string argument (undefined → the default). */
function optStr(value, field, dflt) {
  return value === undefined ? dflt : str(value, field);
}

/** An options object: undefined or null → {}. */
function opts(value, field = 'options') {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw typeError(field, 'an options object', value);
  return value;
}

/** An exact decimal as text: a string, a finite number (shortest repr) or a bigint. */
function dec(value, field) {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw fail('parse', field, `${value} is not a finite number`, 'range');
    return String(value);
  }
  throw typeError(field, 'a number or a decimal string', value);
}

function year(value, field) {
  const y = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof y !== 'number' || !Number.isInteger(y)) throw typeError(field, 'a year', value);
  return y;
}

/** A [year, value] pair. */
function pair(value, field) {
  if (!Array.isArray(value) || value.length < 2) throw typeError(field, 'a [year, value] pair', value);
  return value;
}

/**
 * A request as JSON text. A bigint becomes its decimal text; a symbol or a function anywhere in
 * it is a coded TypeError naming its key (JSON.stringify would drop the one and throw an
 * uncoded TypeError on the other).
 */
function requestJson(req) {
  return JSON.stringify(req, (key, v) => {
    if (typeof v === 'bigint') return v.toString();
    if (typeof v === 'symbol' || typeof v === 'function') throw typeError(key, 'a string or a number', v);
    return v;
  });
}

const snake = (k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const camelKey = (k) => k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

/** snake_case keys → camelCase, recursively (not inside maps keyed by data: thresholds). */
function camel(value) {
  if (Array.isArray(value)) return value.map(camel);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[camelKey(k)] = k === 'thresholds' ? v : camel(v);
    return out;
  }
  return value;
}

const OPTIONAL = ['numerator', 'denominator', 'vintage', 'flag', 'source', 'annual_change', 'period'];

function observation(y, v, extra, field) {
  const o = { year: year(y, `${field}.year`) };
  if (v !== undefined && v !== null) o.value = dec(v, `${field}[${o.year}].value`);
  for (const k of OPTIONAL) {
    const x = extra ? extra[k] : undefined;
    if (x === undefined || x === null) continue;
    o[k] = k === 'numerator' || k === 'denominator' || k === 'annual_change' ? dec(x, `${field}[${o.year}].${k}`) : str(x, `${field}[${o.year}].${k}`);
  }
  return o;
}

/** One indicator's observations: {year: value}, a Map, [[year, value]], or [{year, value, ...}]. */
function observationList(obs, field = 'observations') {
  if (obs === undefined || obs === null) return [];
  if (obs instanceof Map) return [...obs].map(([y, v]) => observation(y, v, null, field));
  if (Array.isArray(obs)) {
    return obs.map((item) => {
      if (Array.isArray(item)) return observation(item[0], item[1], null, field);
      if (item && typeof item === 'object') return observation(item.year, item.value, item, field);
      throw typeError(field, '[year, value] pairs or {year, value} rows', item);
    });
  }
  if (typeof obs === 'object') return Object.entries(obs).map(([y, v]) => observation(y, v, null, field));
  throw typeError(field, 'observations ({year: value}, a Map or a list)', obs);
}

function asOf(v) {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) throw fail('invalid_argument', 'asOf', 'an invalid Date', 'range');
    return v.toISOString().slice(0, 10);
  }
  if (typeof v === 'string') return /^\d{4}$/.test(v) ? Number(v) : v;
  return year(v, 'asOf');
}

function thresholds(t) {
  return Object.fromEntries(Object.entries(opts(t, 'thresholds')).map(([k, v]) => [snake(k), dec(v, `thresholds.${k}`)]));
}

function label(v) {
  if (typeof v === 'string') return { zh: v };
  if (v && typeof v === 'object' && !Array.isArray(v)) return { ...v };
  throw typeError('label', 'a string or {zh, en, ko}', v);
}

const POSITION = / at line \d+ column \d+/g;

/**
 * The error record the core throws (JSON text) as an onpace error. `ctx.internal`: the JSON was
 * built by this wrapper, so a position in it means nothing to the caller and is dropped. (The
 * core already names an observation by its year, `observations[2022].value`, and leaves out
 * positions in the requests it reads.)
 */
function rethrow(e, ctx) {
  if (typeof e !== 'string' || !e.startsWith('{')) return e;
  let r = null;
  try { r = JSON.parse(e); } catch { return new Error(e); }
  if (!r || !r.onpace_error) return new Error(e);
  let { field, message, line } = r;
  if (ctx && ctx.internal) {
    message = message.replace(POSITION, '').replace(/^line \d+: /, '');
    line = null;
  }
  const err = makeError(r.code, field, message, RANGE_CODES.includes(r.code) ? 'range' : undefined);
  err.line = line ?? null;
  return err;
}

/**
 * A function of the module with every call guarded: not before the module is loaded, only
 * strings for arguments (the module's argument type, apart from batch.js's typed arrays), the core's error records turned
 * into onpace errors (with the context of the call in progress, `ctx`), and the handles it
 * returns guarded the same way. The module's functions are imported by name (not as one
 * namespace object), so that bundlers leave out those an app never reaches.
 */
function guard(fn, name, self, typed = false) {
  return (...args) => {
    if (!state.ready()) throw fail('not_initialized', '', `the WebAssembly module is not loaded: ${state.hint}`);
    // `typed`: a function of batch.js that takes typed arrays, each checked there first.
    if (!typed) {
      args.forEach((a, i) => {
        if (typeof a !== 'string') throw typeError(`${name}: argument ${i + 1}`, 'a string', a);
      });
    }
    let out;
    try { out = fn.apply(self, args); } catch (e) { throw rethrow(e, ctx); }
    return out && typeof out === 'object' && '__wbg_ptr' in out ? guarded(out) : out;
  };
}

/** A handle of the module (a Rust object) with every method guarded. */
function guarded(handle) {
  return new Proxy(handle, {
    get(t, prop) {
      const v = Reflect.get(t, prop);
      if (typeof v !== 'function' || prop === 'constructor') return v;
      return guard(v, String(prop), t);
    },
  });
}

// `Symbol.dispose` where the runtime has it (Node.js ≥ 20, current browsers), else the
// registered symbol TypeScript's `using` lowering looks up.
const DISPOSE = Symbol.dispose || Symbol.for('Symbol.dispose');
const HANDLE = Symbol('onpace.handle');

// Whether the module is loaded (`ready()`) and how to load it (`hint`): set once by the entry
// point (connect). Each module (onpace, onpace/calc) has its own copy of this file.
let state = { ready: () => false, hint: 'call `await init()` first' };
// The context of the call in progress, for rethrow (set around each core call below).
let ctx = null;

/** Called once by the entry point: how to tell that the module is loaded. */
function connect(loaded) {
  state = loaded;
}

const call = (c, fn) => {
  ctx = c;
  try { return fn(); } finally { ctx = null; }
};
const INTERNAL = { internal: true };
let statusTable = null;
const statusInfo = () => (statusTable ||= Object.fromEntries(JSON.parse(guard(statusesJson, 'statusesJson')()).map((s) => [s.code, s])));
const milestones = (text) => JSON.parse(text).map((m) => ({ year: m.year, value: m.value }));

/** A rate as a fraction string by the core's one parser: '7%' and 0.07 are '0.07'; a bare 7 is refused. */
function parseRate(rate, options) {
  const { allowLarge = false, field = 'rate' } = opts(options);
  if (typeof allowLarge !== 'boolean') throw typeError('allowLarge', 'a boolean', allowLarge);
  const req = { rate: dec(rate, str(field, 'field')), allow_large: allowLarge, field };
  const text = requestJson(req);
  return JSON.parse(call(INTERNAL, () => guard(parseRateJson, 'parseRateJson')(text))).rate;
}

/**
 * What every handle-backed object shares: `dispose()` frees the Rust object now (safe to
 * call twice); without it, the JS garbage collector frees it some time after the object
 * becomes unreachable (wasm-bindgen registers each handle with a FinalizationRegistry).
 */
class Handle {
  /** The handle, or a DisposedError. */
  _live() {
    if (!this._h) throw fail('disposed', '', `this ${this.constructor.name} was disposed; create a new one`);
    return this._h;
  }
  /** True once `dispose()` has been called. */
  get disposed() { return !this._h; }
  /** Free the Rust object now. Calling it again does nothing; using the object afterwards is a DisposedError. */
  dispose() {
    const h = this._h;
    if (!h) return;
    this._h = null;
    this._children?.forEach((c) => c.dispose());
    this._children = null;
    if (state.ready()) h.free();
  }
  [DISPOSE]() { this.dispose(); }
}

class Target {
  constructor(spec) { this.spec = { ...opts(spec, 'spec') }; }
  static level(y, value, comparator, tolerance) {
    const spec = { kind: 'level', year: year(y, 'target.year'), value: dec(value, 'target.value') };
    if (comparator === 'exactly') spec.comparator = { exactly: { tolerance: dec(tolerance ?? 0, 'target.tolerance') } };
    else if (comparator !== undefined && comparator !== null) spec.comparator = str(comparator, 'comparator');
    return new Target(spec);
  }
  static range(y, low, high) {
    return new Target({ kind: 'range', year: year(y, 'target.year'), low: dec(low, 'target.low'), high: dec(high, 'target.high') });
  }
  static change(y, amount, mode = 'relative') {
    return new Target({ kind: 'change', year: year(y, 'target.year'), amount: dec(amount, 'target.amount'), mode: str(mode, 'mode') });
  }
  static annualGrowth(y, rate, comparator, options) {
    const { allowLarge = false } = opts(options);
    const spec = { kind: 'annual_growth', year: year(y, 'target.year'), rate: parseRate(rate, { allowLarge, field: 'target.rate' }) };
    if (comparator !== undefined && comparator !== null) spec.comparator = str(comparator, 'comparator');
    return new Target(spec);
  }
  static relative(y, to, relation = 'in_step_with', options) {
    const { tolerance } = opts(options);
    const spec = { kind: 'relative', year: year(y, 'target.year'), to: str(to, 'to'), relation: str(relation, 'relation') };
    if (tolerance !== undefined) spec.tolerance = dec(tolerance, 'target.tolerance');
    return new Target(spec);
  }
  /** A bound to hold in every year up to `y` (at_least, above, at_most, below; by direction when absent). */
  static everyYear(y, value, comparator) {
    const spec = { kind: 'every_year', year: year(y, 'target.year'), value: dec(value, 'target.value') };
    if (comparator !== undefined && comparator !== null) spec.comparator = str(comparator, 'comparator');
    return new Target(spec);
  }
  /** For a growth-rate indicator: the period average of its yearly rates (7 for 7 % a year). */
  static averageRate(y, value, comparator) {
    const spec = { kind: 'average_rate', year: year(y, 'target.year'), value: dec(value, 'target.value') };
    if (comparator !== undefined && comparator !== null) spec.comparator = str(comparator, 'comparator');
    return new Target(spec);
  }
  static none() { return new Target({ kind: 'none' }); }
  get kind() { return this.spec.kind; }
  get year() { return this.spec.year ?? null; }
  toJSON() { return { ...this.spec }; }
}

class Indicator extends Handle {
  constructor(id, options) {
    super();
    if (id === HANDLE) { this._init(options); return; }
    str(id, 'id');
    const o = opts(options);
    let t = o.target;
    if (t instanceof Target) t = t.toJSON();
    else if (Array.isArray(t)) t = Target.level(t[0], t[1]).toJSON();
    else if (t !== undefined && (t === null || typeof t !== 'object')) throw typeError('target', 'a Target, a [year, value] pair or a target spec', t);
    if (o.baseline === undefined || o.baseline === null) throw fail('invalid_argument', 'baseline', 'a baseline [year, value] is required', 'type');
    const b = pair(o.baseline, 'baseline');
    const direction = o.direction === 1 ? 'increase' : o.direction === -1 ? 'decrease' : o.direction;
    const spec = {
      id,
      label: label(o.label ?? id),
      unit: typeof o.unit === 'string' ? { kind: o.unit } : o.unit,
      direction,
      baseline: { year: year(b[0], 'baseline.year'), value: dec(b[1], 'baseline.value') },
      target: t,
    };
    if (o.nature !== undefined) spec.nature = o.nature;
    if (o.decimals !== undefined) spec.decimals = o.decimals;
    if (o.components !== undefined) spec.components = o.components;
    const text = requestJson(spec);
    this._init(call(INTERNAL, () => guard(IndicatorHandle.fromFields, 'fromFields', IndicatorHandle)(text)));
  }
  _init(handle) { this._h = handle; this._spec = JSON.parse(handle.toJson()); }
  static fromJson(text) { str(text, 'text'); return new Indicator(HANDLE, call(null, () => guard(IndicatorHandle.fromJson, 'fromJson', IndicatorHandle)(text))); }
  toJson() { return this._live().toJson(); }
  get id() { this._live(); return this._spec.id; }
  get label() { this._live(); return { ...this._spec.label }; }
  get unit() { this._live(); return { ...this._spec.unit }; }
  get direction() { this._live(); return this._spec.direction; }
  get nature() { this._live(); return this._spec.nature ?? null; }
  get decimals() { this._live(); return this._spec.decimals ?? null; }
  get baseline() { this._live(); return [this._spec.baseline.year, this._spec.baseline.value]; }
  get target() { this._live(); return new Target(this._spec.target); }
  name(lang = 'zh') { this._live(); str(lang, 'lang'); return this._spec.label[lang] || this._spec.label.zh; }
  impliedTarget() { return JSON.parse(this._live().impliedTarget()); }
  path(kind, options) {
    const h = this._live();
    const { fromYear, fromValue } = opts(options);
    // Left out, the core's default applies (onpace::DEFAULTS): none is written here.
    const req = {};
    if (kind !== undefined) req.kind = str(kind, 'kind');
    if (fromYear !== undefined) req.from_year = year(fromYear, 'fromYear');
    if (fromValue !== undefined) req.from_value = dec(fromValue, 'fromValue');
    const text = requestJson(req);
    return milestones(call(INTERNAL, () => h.path(text)));
  }
  /** Assess the indicator on its observations with a named method (Rust's `Indicator::assess`). */
  assess(observations, options) {
    const h = this._live();
    const { asOf: at, method, thresholds: th, model, referenceRate, baseline } = opts(options);
    const list = observationList(observations);
    const req = { observations: list, as_of: asOf(at), thresholds: thresholds(th) };
    if (method !== undefined) req.method = str(method, 'method');
    if (model !== undefined) req.model = str(model, 'model');
    if (baseline !== undefined) req.baseline = str(baseline, 'baseline');
    if (referenceRate !== undefined) req.reference_rate = dec(referenceRate, 'referenceRate');
    const text = requestJson(req);
    return camel(JSON.parse(call(INTERNAL, () => h.assess(text))));
  }
  /** @deprecated The old name of `assess()` (one name in Rust, Python and JS); warns once, kept for one release. */
  progress(observations, options) {
    deprecated('Indicator.progress()', 'Indicator.assess()');
    return this.assess(observations, options);
  }
  project(observations, options) {
    const h = this._live();
    const { model, level, asOf: at } = opts(options);
    const list = observationList(observations);
    const req = { observations: list, as_of: asOf(at) };
    if (model !== undefined) req.model = str(model, 'model');
    if (level !== undefined) {
      if (typeof level !== 'number') throw typeError('level', 'a number between 0 and 1', level);
      if (!(level > 0 && level < 1)) throw fail('invalid_argument', 'level', `the interval level must be between 0 and 1, got ${level}`, 'range');
      req.level = level;
    }
    const text = requestJson(req);
    return camel(JSON.parse(call(INTERNAL, () => h.project(text))));
  }
  whatIf(fromYear, value, growth) {
    const h = this._live();
    const { rate, increment, allowLarge = false } = opts(growth, 'growth');
    if (typeof allowLarge !== 'boolean') throw typeError('allowLarge', 'a boolean', allowLarge);
    const req = { from_year: year(fromYear, 'fromYear'), value: dec(value, 'value'), allow_large_rates: allowLarge };
    if (rate !== undefined) req.rate = dec(rate, 'rate');
    if (increment !== undefined) req.increment = dec(increment, 'increment');
    const text = requestJson(req);
    return camel(JSON.parse(call(INTERNAL, () => h.whatIf(text))));
  }
  numeratorPath(denominatorYear, denominator, growth, options) {
    const h = this._live();
    const { kind = 'linear', allowLarge = false } = opts(options);
    if (typeof allowLarge !== 'boolean') throw typeError('allowLarge', 'a boolean', allowLarge);
    const req = { denominator_year: year(denominatorYear, 'denominatorYear'), denominator: dec(denominator, 'denominator'), growth: dec(growth, 'growth'), kind: str(kind, 'kind'), allow_large_rates: allowLarge };
    const text = requestJson(req);
    return camel(JSON.parse(call(INTERNAL, () => h.numeratorPath(text))));
  }
}

/** Every assessment method: id, version, name and description in zh/en/ko. */
const methods = () => camel(JSON.parse(guard(methodsJson, 'methodsJson')()));
/** Every status code with its tone, symbol and labels. */
const statuses = () => Object.values(statusInfo());
/** The version of the Rust core. */
const version = () => guard(coreVersion, 'coreVersion')();
/** The building blocks at one observation: completion, time share, rates. */
function progress(base, latest, target, direction = 'increase') {
  const b = pair(base, 'base');
  const l = pair(latest, 'latest');
  const t = pair(target, 'target');
  const req = {
    base_year: year(b[0], 'base.year'), base_value: dec(b[1], 'base.value'),
    latest_year: year(l[0], 'latest.year'), latest_value: dec(l[1], 'latest.value'),
    target_year: year(t[0], 'target.year'), target_value: dec(t[1], 'target.value'), direction: str(direction, 'direction'),
  };
  const text = requestJson(req);
  return camel(JSON.parse(call(INTERNAL, () => guard(progressJson, 'progressJson')(text))));
}
/** Milestones from a start to an end point. */
function requiredPath(start, end, kind) {
  const s = pair(start, 'start');
  const e = pair(end, 'end');
  const req = { from_year: year(s[0], 'start.year'), from_value: dec(s[1], 'start.value'), to_year: year(e[0], 'end.year'), to_value: dec(e[1], 'end.value') };
  if (kind !== undefined) req.kind = str(kind, 'kind');
  const text = requestJson(req);
  return milestones(call(INTERNAL, () => guard(requiredPathJson, 'requiredPathJson')(text)));
}
/** A series of [year, value] points projected to a year (Rust's `project_trend`); options left out take the core's defaults. */
function projectTrend(points, y, options) {
  const { low, high, model, level } = opts(options);
  if (!Array.isArray(points)) throw typeError('points', 'a list of [year, value] pairs', points);
  let band = null;
  if (low !== undefined || high !== undefined) {
    band = {};
    if (low !== undefined && low !== null) band.low = dec(low, 'low');
    if (high !== undefined && high !== null) band.high = dec(high, 'high');
  }
  const req = { points: points.map((p) => { const q = pair(p, 'points'); return [year(q[0], 'points.year'), dec(q[1], 'points.value')]; }), year: year(y, 'year'), band };
  if (model !== undefined) req.model = str(model, 'model');
  if (level !== undefined) {
    if (typeof level !== 'number') throw typeError('level', 'a number between 0 and 1', level);
    req.level = level;
  }
  const text = requestJson(req);
  return camel(JSON.parse(call(INTERNAL, () => guard(projectPointsJson, 'projectPointsJson')(text))));
}
/** @deprecated The old name of `projectTrend()` (apart from the plans' key projects); warns once, kept for one release. */
function project(points, y, options) {
  deprecated('project()', 'projectTrend()');
  return projectTrend(points, y, options);
}

// Old names kept for one release: the first use of each warns once (console.warn), so a loop
// does not flood the console and code that cannot be changed at once keeps working.
const WARNED = new Set();
function deprecated(old, now) {
  if (WARNED.has(old)) return;
  WARNED.add(old);
  if (typeof console !== 'undefined' && console.warn) console.warn(`onpace: ${old} is deprecated, use ${now}`);
}
/** The core's error codes (for the check that the JS classes cover them). */
const errorCodeList = () => guard(errorCodes, 'errorCodes')().split(',');
/** code → error class name. */
const ERROR_NAMES = /* @__PURE__ */ Object.assign({}, CODES);

export {
  connect, Target, Indicator, methods, statuses, version, parseRate, progress, requiredPath, projectTrend, project, errorCodeList, ERROR_NAMES,
  // For plan.js and batch.js (not re-exported by the entry points):
  snake, Handle, HANDLE, INTERNAL, call, guard, fail, typeError, str, optStr, opts, dec, year, requestJson, camel, observation, observationList, asOf, thresholds,
};
