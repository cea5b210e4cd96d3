// The JS API of onpace over the WebAssembly core (the same for the `web` and `nodejs` builds).
// Decimals cross as strings, exactly; numbers are accepted on input and enter through their
// shortest representation (0.1 is "0.1"). Every failure is a thrown Error with `name`,
// `code` and `field` (RangeError for out-of-domain numbers).

const CODES = {
  invalid_plan: 'InvalidPlanError',
  parse: 'ParseError',
  invalid_observations: 'InvalidObservationsError',
  unknown_indicator: 'UnknownIndicatorError',
  unknown_plan: 'UnknownPlanError',
  unknown_method: 'UnknownMethodError',
  invalid_argument: 'InvalidArgumentError',
  undefined_growth: 'UndefinedGrowthError',
  insufficient_data: 'InsufficientDataError',
  no_target: 'NoTargetError',
  year_out_of_range: 'YearOutOfRangeError',
  overflow: 'OverflowError',
};

function fail(code, field, message, Kind = Error) {
  const e = new Kind(field ? `${field}: ${message}` : message);
  e.name = CODES[code] || 'OnpaceError';
  e.code = code;
  e.field = field;
  e.line = null;
  return e;
}

/** An exact decimal as text: a string, a finite number (shortest repr) or a bigint. */
function dec(value, field) {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw fail('parse', field, `${value} is not a finite number`, RangeError);
    return String(value);
  }
  throw fail('invalid_argument', field, `${typeof value} is not a number`, TypeError);
}

function year(value, field) {
  const y = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof y !== 'number' || !Number.isInteger(y)) throw fail('invalid_argument', field, `${String(value)} is not a year`, TypeError);
  return y;
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
    if (x !== undefined && x !== null) o[k] = k === 'numerator' || k === 'denominator' || k === 'annual_change' ? dec(x, `${field}[${o.year}].${k}`) : String(x);
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
      throw fail('invalid_argument', field, `${String(item)} is not a [year, value] pair`, TypeError);
    });
  }
  if (typeof obs === 'object') return Object.entries(obs).map(([y, v]) => observation(y, v, null, field));
  throw fail('invalid_argument', field, 'expected observations', TypeError);
}

/** A plan's observations: {indicator: observations}, a Map, or long rows [{indicator, year, value}]. */
function planObservations(obs) {
  if (obs === undefined || obs === null) return {};
  if (Array.isArray(obs)) {
    const out = {};
    for (const row of obs) {
      const id = String(row.indicator);
      (out[id] ||= []).push(observation(row.year, row.value, row, `observations.${id}`));
    }
    return out;
  }
  const entries = obs instanceof Map ? [...obs] : Object.entries(obs);
  return Object.fromEntries(entries.map(([k, v]) => [k, observationList(v, `observations.${k}`)]));
}

function asOf(v) {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'string') return /^\d{4}$/.test(v) ? Number(v) : v;
  return year(v, 'asOf');
}

function thresholds(t) {
  return Object.fromEntries(Object.entries(t || {}).map(([k, v]) => [snake(k), dec(v, `thresholds.${k}`)]));
}

function label(v) {
  if (typeof v === 'string') return { zh: v };
  if (v && typeof v === 'object') return { ...v };
  throw fail('invalid_argument', 'label', 'a label is a string or {zh, en, ko}', TypeError);
}

/** The error record the core throws (JSON text) as an Error or RangeError with name and code. */
function rethrow(e) {
  if (typeof e === 'string' && e.startsWith('{')) {
    let r = null;
    try { r = JSON.parse(e); } catch { return new Error(e); }
    if (r && r.onpace_error) {
      const err = new (r.range ? RangeError : Error)(r.message);
      err.name = r.name;
      err.code = r.code;
      err.field = r.field;
      err.line = r.line;
      return err;
    }
  }
  return e;
}

/** The core module, its classes and the handles they return, with every call guarded. */
function guarded(target) {
  return new Proxy(target, {
    get(t, prop) {
      const v = Reflect.get(t, prop);
      if (typeof v !== 'function' || prop === 'constructor') return v;
      if (typeof prop === 'string' && /^[A-Z]/.test(prop)) return guarded(v); // a class: its static methods
      return (...args) => {
        let out;
        try { out = v.apply(t, args); } catch (e) { throw rethrow(e); }
        return out && typeof out === 'object' && '__wbg_ptr' in out ? guarded(out) : out;
      };
    },
  });
}

/** RFC 4180 records of a CSV text written by the core (quoted fields, CRLF). */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

export function bind(rawCore, builtin, schema) {
  const core = guarded(rawCore);
  const unknownPlan = (id) => {
    const e = new Error(`unknown plan \`${id}\`; built-in plans: ${builtin.IDS.join(', ')}`);
    Object.assign(e, { name: 'UnknownPlanError', code: 'unknown_plan', field: String(id), line: null });
    return e;
  };
  let statusTable = null;
  const statusInfo = () => (statusTable ||= Object.fromEntries(JSON.parse(core.statusesJson()).map((s) => [s.code, s])));
  const milestones = (text) => JSON.parse(text).map((m) => ({ year: m.year, value: m.value }));

  /** A rate as a fraction string by the core's one parser: '7%' and 0.07 are '0.07'; a bare 7 is refused. */
  function parseRate(rate, { allowLarge = false, field = 'rate' } = {}) {
    const req = { rate: dec(rate, field), allow_large: allowLarge, field };
    return JSON.parse(core.parseRateJson(JSON.stringify(req))).rate;
  }

  class Target {
    constructor(spec) { this.spec = { ...spec }; }
    static level(y, value, comparator, tolerance) {
      const spec = { kind: 'level', year: year(y, 'target.year'), value: dec(value, 'target.value') };
      if (comparator === 'exactly') spec.comparator = { exactly: { tolerance: dec(tolerance ?? 0, 'target.tolerance') } };
      else if (comparator) spec.comparator = comparator;
      return new Target(spec);
    }
    static range(y, low, high) {
      return new Target({ kind: 'range', year: year(y, 'target.year'), low: dec(low, 'target.low'), high: dec(high, 'target.high') });
    }
    static change(y, amount, mode = 'relative') {
      return new Target({ kind: 'change', year: year(y, 'target.year'), amount: dec(amount, 'target.amount'), mode });
    }
    static annualGrowth(y, rate, comparator, { allowLarge = false } = {}) {
      const spec = { kind: 'annual_growth', year: year(y, 'target.year'), rate: parseRate(rate, { allowLarge, field: 'target.rate' }) };
      if (comparator) spec.comparator = comparator;
      return new Target(spec);
    }
    static relative(y, to, relation = 'in_step_with', { tolerance } = {}) {
      const spec = { kind: 'relative', year: year(y, 'target.year'), to, relation };
      if (tolerance !== undefined) spec.tolerance = dec(tolerance, 'target.tolerance');
      return new Target(spec);
    }
    /** A bound to hold in every year up to `y` (at_least, above, at_most, below; by direction when absent). */
    static everyYear(y, value, comparator) {
      const spec = { kind: 'every_year', year: year(y, 'target.year'), value: dec(value, 'target.value') };
      if (comparator) spec.comparator = comparator;
      return new Target(spec);
    }
    /** For a growth-rate indicator: the period average of its yearly rates (7 for 7 % a year). */
    static averageRate(y, value, comparator) {
      const spec = { kind: 'average_rate', year: year(y, 'target.year'), value: dec(value, 'target.value') };
      if (comparator) spec.comparator = comparator;
      return new Target(spec);
    }
    static none() { return new Target({ kind: 'none' }); }
    get kind() { return this.spec.kind; }
    get year() { return this.spec.year ?? null; }
    toJSON() { return { ...this.spec }; }
  }

  class Indicator {
    constructor(id, options) {
      if (id instanceof core.IndicatorHandle) { this._init(id); return; }
      const o = options || {};
      let t = o.target;
      if (t instanceof Target) t = t.toJSON();
      else if (Array.isArray(t)) t = Target.level(t[0], t[1]).toJSON();
      if (!o.baseline) throw fail('invalid_argument', 'baseline', 'a baseline [year, value] is required', TypeError);
      const direction = o.direction === 1 ? 'increase' : o.direction === -1 ? 'decrease' : o.direction;
      const spec = {
        id,
        label: label(o.label ?? id),
        unit: typeof o.unit === 'string' ? { kind: o.unit } : o.unit,
        direction,
        baseline: { year: year(o.baseline[0], 'baseline.year'), value: dec(o.baseline[1], 'baseline.value') },
        target: t,
      };
      if (o.nature) spec.nature = o.nature;
      if (o.decimals !== undefined) spec.decimals = o.decimals;
      if (o.components) spec.components = o.components;
      this._init(core.IndicatorHandle.fromJson(JSON.stringify(spec)));
    }
    _init(handle) { this._h = handle; this._spec = JSON.parse(handle.toJson()); }
    static fromJson(text) { return new Indicator(core.IndicatorHandle.fromJson(text)); }
    toJson() { return this._h.toJson(); }
    get id() { return this._spec.id; }
    get label() { return { ...this._spec.label }; }
    get unit() { return { ...this._spec.unit }; }
    get direction() { return this._spec.direction; }
    get nature() { return this._spec.nature ?? null; }
    get decimals() { return this._spec.decimals ?? null; }
    get baseline() { return [this._spec.baseline.year, this._spec.baseline.value]; }
    get target() { return new Target(this._spec.target); }
    name(lang = 'zh') { return this._spec.label[lang] || this._spec.label.zh; }
    impliedTarget() { return JSON.parse(this._h.impliedTarget()); }
    path(kind = 'linear', { fromYear, fromValue } = {}) {
      const req = { kind };
      if (fromYear !== undefined) req.from_year = year(fromYear, 'fromYear');
      if (fromValue !== undefined) req.from_value = dec(fromValue, 'fromValue');
      return milestones(this._h.path(JSON.stringify(req)));
    }
    progress(observations, { asOf: at, method = 'cn-plan-pace', thresholds: th, model, referenceRate, baseline } = {}) {
      const req = { observations: observationList(observations), as_of: asOf(at), method, thresholds: thresholds(th) };
      if (model) req.model = model;
      if (baseline) req.baseline = baseline;
      if (referenceRate !== undefined) req.reference_rate = dec(referenceRate, 'referenceRate');
      return camel(JSON.parse(this._h.assess(JSON.stringify(req))));
    }
    project(observations, { model = 'ols_linear', level = 0.9, asOf: at } = {}) {
      if (typeof level !== 'number' || !(level > 0 && level < 1)) throw fail('invalid_argument', 'level', `the interval level must be between 0 and 1, got ${level}`, RangeError);
      const req = { observations: observationList(observations), model, level, as_of: asOf(at) };
      return camel(JSON.parse(this._h.project(JSON.stringify(req))));
    }
    whatIf(fromYear, value, { rate, increment, allowLarge = false } = {}) {
      const req = { from_year: year(fromYear, 'fromYear'), value: dec(value, 'value'), allow_large_rates: allowLarge };
      if (rate !== undefined) req.rate = dec(rate, 'rate');
      if (increment !== undefined) req.increment = dec(increment, 'increment');
      return camel(JSON.parse(this._h.whatIf(JSON.stringify(req))));
    }
    numeratorPath(denominatorYear, denominator, growth, { kind = 'linear', allowLarge = false } = {}) {
      const req = { denominator_year: year(denominatorYear, 'denominatorYear'), denominator: dec(denominator, 'denominator'), growth: dec(growth, 'growth'), kind, allow_large_rates: allowLarge };
      return camel(JSON.parse(this._h.numeratorPath(JSON.stringify(req))));
    }
  }

  class Evaluation {
    constructor(handle) {
      this._h = handle;
      const d = JSON.parse(handle.toJson());
      this.plan = d.plan;
      this.method = d.method;
      this.methodVersion = d.method_version;
      this.asOf = d.as_of;
      this.rows = camel(d.rows);
      this.summary = camel(d.summary);
      }
    toJson() { return this._h.toJson(); }
    toMarkdown(lang = 'zh') { return this._h.toMarkdown(lang); }
    /** The self-contained HTML report (table, roll-up, charts): the same bytes as Rust and Python. */
    toHtml(lang = 'zh') { return this._h.toHtml(lang); }
    /** One indicator's chart as SVG: required paths, observations, projection band, target, as-of year. */
    chartSvg(indicatorId, lang = 'zh') { return this._h.chartSvg(String(indicatorId), lang); }
    /** Completion against time share for every indicator, as SVG (the diagonal is on pace). */
    paceSvg(lang = 'zh') { return this._h.paceSvg(lang); }
    /** The report table as CSV (label, unit, nature, target as written, the observation used, the method's numbers). */
    toCsv(lang = 'zh') { return this._h.toCsv(lang); }
    /** The report table as objects, one per indicator: the CSV's columns, values as text (exact decimals stay exact), null when empty. */
    table(lang = 'zh') {
      const [header, ...rows] = parseCsv(this.toCsv(lang));
      return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] === '' ? null : r[i]])));
    }
  }

  class Plan {
    constructor(handle) {
      this._h = handle;
      this._spec = JSON.parse(handle.toJson());
      // Indexed by id and built on first use: loading is linear, lookup constant.
      this._specs = new Map(this._spec.indicators.map((i) => [i.id, i]));
      this._built = new Map();
    }
    static fromJson(text) { return new Plan(core.PlanHandle.fromJson(text)); }
    toJson() { return this._h.toJson(); }
    get id() { return this._spec.id; }
    get title() { return { ...this._spec.title }; }
    get period() { return [this._spec.period.start, this._spec.period.end]; }
    get baseYear() { return this._spec.base_year; }
    get indicators() { return [...this._specs.keys()].map((id) => this.indicator(id)); }
    indicator(id) {
      let found = this._built.get(id);
      if (!found) {
        const spec = this._specs.get(id);
        // An unknown id goes to the core for its typed UnknownIndicatorError.
        found = new Indicator(spec ? core.IndicatorHandle.fromJson(JSON.stringify(spec)) : this._h.indicator(String(id)));
        this._built.set(id, found);
      }
      return found;
    }
    get projects() { return camel(this._spec.projects || []); }
    projectsActive(y) { return this.projects.filter((p) => p.period.start.year <= y && y <= p.period.end.year); }
    get achievements() { return camel(this._spec.achievements || []); }
    get keyFields() { return camel(this._spec.key_fields || []); }
    get sources() { return camel(this._spec.sources || []); }
    referenceValue(id) {
      const r = (this._spec.reference_values || []).find((x) => x.id === id);
      if (!r) throw fail('invalid_argument', 'reference_value', `the plan has no reference value ${id}`);
      return [r.year, r.value];
    }
    evaluate(observations, { asOf: at, method = 'cn-plan-pace', thresholds: th, weights, missing = 'exclude', model, baseline } = {}) {
      const req = {
        observations: planObservations(observations), as_of: asOf(at), method, thresholds: thresholds(th),
        weights: Object.fromEntries(Object.entries(weights || {}).map(([k, v]) => [k, dec(v, `weights.${k}`)])), missing,
      };
      if (model) req.model = model;
      if (baseline) req.baseline = baseline;
      return new Evaluation(this._h.evaluate(JSON.stringify(req)));
    }
    scheduleMarkdown(lang = 'zh') { return this._h.scheduleMarkdown(lang); }
    /** The plan report (schedule and key projects) as a self-contained HTML page. */
    toHtml(lang = 'zh') { return this._h.toHtml(lang); }
    /** The key projects (Tables 2, 3 and 5) as a timeline, in SVG. */
    projectsSvg(lang = 'zh') { return this._h.projectsSvg(lang); }
    /** Key projects by year, location, undertaker and table, with their investment total (万元). */
    projectsWhere({ year, location, undertaker, table } = {}) {
      const req = Object.fromEntries(Object.entries({ year, location, undertaker, table }).filter(([, v]) => v !== undefined && v !== null));
      const d = JSON.parse(this._h.projects(JSON.stringify(req)));
      return { projects: camel(d.projects), investmentTotal: d.with_investment ? d.investment_total_ten_thousand : null };
    }
  }

  const api = {
    Target,
    Indicator,
    Plan,
    Evaluation,
    builtinPlans: () => [...builtin.IDS],
    builtinPlan(id = 'yanbian-st-14') {
      if (!Object.hasOwn(builtin.PLANS, id)) throw unknownPlan(id);
      return new Plan(core.PlanHandle.fromJson(builtin.PLANS[id]));
    },
    builtinObservations(id) {
      if (!Object.hasOwn(builtin.PLANS, id)) throw unknownPlan(id);
      const raw = JSON.parse(core.observationsJson(builtin.OBSERVATIONS[id] || '{}'));
      return Object.fromEntries(Object.entries(raw).map(([k, list]) => [k, Object.fromEntries(list.filter((o) => o.value != null).map((o) => [o.year, o.value]))]));
    },
    methods: () => camel(JSON.parse(core.methodsJson())),
    statuses: () => Object.values(statusInfo()),
    // The committed schema ships as JS text beside the module rather than inside it: 5 KB of
    // the .wasm budget. The node tests check it equals core/schema/plan.schema.json.
    planSchema: () => schema.SCHEMA,
    /** Observations from long CSV text, read by the core: {indicator: [{year, value, ...}]}, decimals as strings. */
    readObservationsCsv: (text) => JSON.parse(core.readObservationsCsvJson(String(text))),
    /** A plan from its CSV template (one row per indicator), read by the core; errors carry the line. */
    readPlanCsv: (text, { id = 'plan', name } = {}) => new Plan(core.readPlanCsv(String(text), String(id), String(name ?? id))),
    version: () => core.coreVersion(),
    parseRate,
    progress(base, latest, target, direction = 'increase') {
      const req = {
        base_year: year(base[0], 'base.year'), base_value: dec(base[1], 'base.value'),
        latest_year: year(latest[0], 'latest.year'), latest_value: dec(latest[1], 'latest.value'),
        target_year: year(target[0], 'target.year'), target_value: dec(target[1], 'target.value'), direction,
      };
      return camel(JSON.parse(core.progressJson(JSON.stringify(req))));
    },
    requiredPath(start, end, kind = 'linear') {
      const req = { from_year: year(start[0], 'start.year'), from_value: dec(start[1], 'start.value'), to_year: year(end[0], 'end.year'), to_value: dec(end[1], 'end.value'), kind };
      return milestones(core.requiredPathJson(JSON.stringify(req)));
    },
    project(points, y, { low, high, model = 'ols_linear', level = 0.9 } = {}) {
      let band = null;
      if (low !== undefined || high !== undefined) {
        band = {};
        if (low !== undefined && low !== null) band.low = dec(low, 'low');
        if (high !== undefined && high !== null) band.high = dec(high, 'high');
      }
      const req = { points: points.map((p) => [year(p[0], 'points.year'), dec(p[1], 'points.value')]), year: year(y, 'year'), band, model, level };
      return camel(JSON.parse(core.projectPointsJson(JSON.stringify(req))));
    },
    ERROR_NAMES: { ...CODES },
  };
  return api;
}
