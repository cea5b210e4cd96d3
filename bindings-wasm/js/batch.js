// The batch over the full module (`onpace`; the calculator module, `onpace/calc`, has none):
// Python's `onpace.batch` in JS names (docs/batch.md, "JavaScript").
//
// - batchAssess(columns, options): the core's f64 kernel (onpace::math::batch::assess_into)
//   over typed arrays: one value per series in each column (Float64Array, any other non-BigInt
//   typed array, or a plain array of numbers with null for a missing figure) or a single number
//   for every series. Float64Array columns and an Int8Array `status` come out.
// - batchEvaluate(rows, options): the long-format panel (onpace::math::batch::panel), one
//   result per series, each series assessed by the exact method.
// - batchMethods(), batchStatusCodes(method): the core's method table.
//
// Module-level functions, like api.js's, so that a bundle that never calls them leaves them
// out. Every argument is checked here before the module sees it, and the core's own checks (the
// method, the thresholds, the column lengths) give its typed errors, the same as Python's. The
// kernel gets the columns in chunks of CHUNK rows: the module's memory stays a few MB whatever
// the length (a WebAssembly memory never shrinks), and nothing it allocates grows with the input.
// NaN passes through unchanged (a NaN target is the core's to read).
//
// ES module source, also turned into CommonJS (see api.js).

import { INTERNAL, call, guard, fail, typeError, str, opts, requestJson, thresholds, snake } from './api.js';
import { batchAssessInto, batchMethodsJson, batchPanel, batchSeriesCount } from './web/onpace_wasm.js';

/** Rows per call into the module: 9 inputs and 7 outputs of 16 384 rows are about 2 MB. */
const CHUNK = 16384;
/** The input columns, in the kernel's order (camelCase of Python's argument names). */
const INPUTS = ['baseline', 'target', 'baseYear', 'targetYear', 'year', 'value', 'direction', 'startYear', 'startValue'];
const EMPTY = new Float64Array(0);

let table = null;
/** The core's batch methods: id → {columns, thresholds, statuses}. */
const methodTable = () => (table ||= new Map(JSON.parse(guard(batchMethodsJson, 'batchMethodsJson')()).map((m) => [m.id, m])));

/**
 * A batch method's entry of the core's table, or Python's UnknownMethodError (the same field and
 * words as `onpace.batch`'s, with the core's list of methods).
 */
function batchMethod(method) {
  const info = methodTable().get(method);
  if (!info) throw fail('unknown_method', method, `the batch runs: ${[...methodTable().keys()].join(', ')}`);
  return info;
}

/** The ids of the methods the batch runs (the core's list). */
const batchMethods = () => [...methodTable().keys()];

/** A Float64Array of `n` elements, or a coded RangeError when the runtime cannot allocate it. */
function floats(n, field) {
  try {
    return new Float64Array(n);
  } catch {
    throw fail('invalid_argument', field, `${n} values do not fit in memory`, 'range');
  }
}

/** A column: a number (every series), a typed array or an array of numbers (null: NaN). */
function column(v, field) {
  if (typeof v === 'number') return Float64Array.of(v);
  if (v instanceof Float64Array) return v;
  if (ArrayBuffer.isView(v) && !(v instanceof DataView) && !(v instanceof BigInt64Array) && !(v instanceof BigUint64Array)) {
    const out = floats(v.length, field);
    out.set(v);
    return out;
  }
  if (!Array.isArray(v)) throw typeError(field, 'a number, a typed array or an array of numbers', v);
  const out = floats(v.length, field);
  for (let i = 0; i < v.length; i += 1) {
    const x = v[i];
    if (typeof x === 'number') out[i] = x;
    else if (x === null || x === undefined) out[i] = NaN;
    else throw typeError(`${field}[${i}]`, 'a number', x);
  }
  return out;
}

/**
 * Threshold names (snake_case, the core's) and values (the core checks them): numbers, and as
 * Python's float() takes them, bigints and numeric strings ('0.1').
 */
function numericThresholds(th) {
  const names = [];
  const values = [];
  for (const [k, x] of Object.entries(opts(th, 'thresholds'))) {
    const numeric = typeof x === 'bigint' || (typeof x === 'string' && x.trim() !== '' && !Number.isNaN(Number(x)));
    const v = numeric ? Number(x) : x;
    if (typeof v !== 'number') throw typeError(`thresholds.${k}`, 'a number', x);
    names.push(snake(k));
    values.push(v);
  }
  return [names, Float64Array.from(values)];
}

const kernel = (...args) => call(INTERNAL, () => guard(batchAssessInto, 'batchAssessInto', null, true)(...args));

/**
 * Any batch method over columns of series (Python's `onpace.batch.assess`). `columns`:
 * baseline, target, baseYear, targetYear, year, value, direction (default 1) and, for
 * eurostat, startYear with startValue. Returns the method's value columns (camelCase) and
 * `status` (codes: batchStatusCodes(method)).
 */
function batchAssess(columns, options) {
  const c = opts(columns, 'columns');
  const { method = 'cn-plan-pace', thresholds: th } = opts(options);
  str(method, 'method');
  for (const k of Object.keys(c)) {
    if (!INPUTS.includes(k)) throw fail('invalid_argument', k, `not a batch column; the batch takes: ${INPUTS.join(', ')}`, 'type');
  }
  if ((c.startYear === undefined) !== (c.startValue === undefined)) {
    throw fail('invalid_argument', 'startYear', 'give both startYear and startValue, or neither');
  }
  const [names, values] = numericThresholds(th);
  const cols = INPUTS.map((k) => {
    if (k === 'direction' && c[k] === undefined) return Float64Array.of(1);
    if (k.startsWith('start') && c[k] === undefined) return null;
    return column(c[k], k);
  });
  const given = cols.filter(Boolean);
  // The core's rules: no series when a column is empty, else the length the columns share.
  const n = given.some((x) => x.length === 0) ? 0 : call(INTERNAL, () => guard(batchSeriesCount, 'batchSeriesCount', null, true)(Float64Array.from(given, (x) => x.length)));
  const info = batchMethod(method);
  if (n === 0) {
    // Still one call: the core checks the thresholds.
    kernel(method, names, values, ...cols.map(() => EMPTY), EMPTY, new Int8Array(0));
  }
  const k = info.columns.length;
  const out = info.columns.map((name) => floats(n, name));
  const status = new Int8Array(n);
  const flat = floats(k * Math.min(n, CHUNK), 'columns');
  for (let a = 0; a < n; a += CHUNK) {
    const m = Math.min(CHUNK, n - a);
    const part = (x) => (x === null ? EMPTY : x.length === 1 ? x : x.subarray(a, a + m));
    kernel(method, names, values, ...cols.map(part), flat.subarray(0, k * m), status.subarray(a, a + m));
    out.forEach((o, j) => o.set(flat.subarray(j * m, (j + 1) * m), a));
  }
  const result = {};
  info.columns.forEach((name, j) => { result[camelName(name)] = out[j]; });
  result.status = status;
  return result;
}

const camelName = (k) => k.replace(/_([a-z])/g, (_, ch) => ch.toUpperCase());

/** The int8 status codes of a batch method → status codes (Python's `status_codes`). */
function batchStatusCodes(method = 'cn-plan-pace') {
  return Object.fromEntries(batchMethod(str(method, 'method')).statuses);
}

/** The numeric fields of a panel result, in the core's order (onpace::math::batch::panel::FIELDS). */
const FIELDS = ['completion', 'timeShare', 'pace', 'actualCagr', 'requiredCagr', 'ratio', 'score', 'index'];
const LEVELS = ['baseline', 'baseYear', 'target', 'targetYear'];
/** The most bytes a panel's rows and results may take in the module: 2 GB of its 4 GB. */
const PANEL_BYTES = 2 ** 31;

/** The rows of a panel as (column, row) → value: an array of row objects or an object of columns. */
function panelRows(rows) {
  if (Array.isArray(rows)) {
    rows.forEach((r, i) => {
      if (r === null || typeof r !== 'object' || Array.isArray(r)) throw typeError(`rows[${i}]`, 'a row object', r);
    });
    return { count: rows.length, has: (k) => rows.some((r) => k in r), get: (k, i) => rows[i][k] };
  }
  if (rows === null || typeof rows !== 'object') throw typeError('rows', 'an array of row objects or an object of columns', rows);
  let count = null;
  for (const [k, v] of Object.entries(rows)) {
    if (!Array.isArray(v) && !(ArrayBuffer.isView(v) && !(v instanceof DataView))) throw typeError(k, 'a column (an array or a typed array)', v);
    if (count !== null && v.length !== count) throw fail('invalid_argument', k, `every column must have one value per row; got ${count} and ${v.length}`);
    count = v.length;
  }
  return { count: count ?? 0, has: (k) => k in rows, get: (k, i) => rows[k][i] };
}

/** A number of a panel row (null or undefined: NaN, no figure). */
function rowNumber(v, col, i) {
  if (typeof v === 'number') return v;
  if (v === null || v === undefined) return NaN;
  throw typeError(col, `a number (row ${i})`, v);
}

/** A series key's part: strings and numbers (numbers sort numerically, as pandas does). */
function keyPart(v, col, i) {
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (v === null || v === undefined) return '';
  throw typeError(col, `a string or a number (row ${i})`, v);
}

function compareKeys(x, y) {
  for (let j = 0; j < x.length; j += 1) {
    const a = x[j];
    const b = y[j];
    if (a === b) continue;
    if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : 1;
    const sa = String(a);
    const sb = String(b);
    if (sa !== sb) return sa < sb ? -1 : 1;
    return typeof a === 'number' ? -1 : 1;
  }
  return 0;
}

/** An indicator of the plan (a Plan, a Map or an object of id → Indicator) as JSON text. */
function planIndicator(plan, id) {
  let ind;
  if (typeof plan.indicator === 'function') ind = plan.indicator(String(id));
  else ind = plan instanceof Map ? plan.get(id) : Object.prototype.hasOwnProperty.call(plan, id) ? plan[id] : undefined;
  if (ind === undefined || ind === null) throw fail('unknown_indicator', 'plan', `no indicator ${JSON.stringify(String(id))} in the plan`);
  if (typeof ind.toJson !== 'function') throw typeError(`plan.${id}`, 'an Indicator', ind);
  return str(ind.toJson(), `plan.${id}`);
}

const DIRECTIONS = { increase: 1, decrease: -1 };

/**
 * A long-format panel (Python's `onpace.batch.evaluate`): rows of indicator × region × year
 * (the `by` keys, `year`, `value`), as an array of row objects or an object of columns. Without
 * `plan`, each series' level target comes from its first row (baseline, baseYear, target,
 * targetYear, direction; snake_case names too). Returns one result per series, sorted by the keys:
 * the keys, `status`, the numeric fields (null where the method gives none), `error` and
 * `message` (null when the series was assessed).
 */
function batchEvaluate(rows, options) {
  const { method = 'cn-plan-pace', plan, thresholds: th, model, by = ['indicator', 'region'], year: yearKey = 'year', value: valueKey = 'value' } = opts(options);
  if (!Array.isArray(by) || by.length === 0) throw typeError('by', 'a non-empty array of column names', by);
  const keys = by.map((k, j) => str(k, `by[${j}]`));
  str(yearKey, 'year');
  str(valueKey, 'value');
  if (plan !== undefined && plan !== null && typeof plan !== 'object') throw typeError('plan', 'a Plan, a Map or an object of Indicators', plan);
  const req = { method: str(method, 'method'), thresholds: thresholds(th) };
  if (model !== undefined && model !== null) req.model = str(model, 'model');
  const r = panelRows(rows);
  // A panel goes into the module in one call: years and values (16 bytes a row) and the
  // results (72 bytes a series) must fit in its memory (at most 4 GB, with the core's own
  // data), or its allocator would abort. Refused up front, as a coded RangeError.
  const fits = (series) => {
    if (16 * r.count + 72 * series > PANEL_BYTES) throw fail('invalid_argument', 'rows', `${r.count} rows in ${series} series do not fit in the module's memory (at most ${PANEL_BYTES} bytes)`, 'range');
  };
  fits(0);
  const pick = (k) => (r.has(k) ? k : r.has(snake(k)) ? snake(k) : k);
  const levelCols = plan ? [] : LEVELS.map(pick);
  const missing = [...keys, yearKey, valueKey, ...levelCols].filter((k) => r.count > 0 && !r.has(k));
  if (missing.length) throw fail('invalid_argument', 'rows', `missing columns: ${missing.join(', ')}`);

  // Group the rows into series by their keys, sorted by key, each by year. A row's series is
  // found by a string of its keys (each tagged with its type, so 1 and '1' differ); the rows
  // are kept as indices, the years and values read once into typed arrays.
  const rowYears = floats(r.count, yearKey);
  const rowValues = floats(r.count, valueKey);
  const groups = new Map();
  for (let i = 0; i < r.count; i += 1) {
    let id = '';
    for (const k of keys) {
      const v = keyPart(r.get(k, i), k, i);
      id += `${typeof v === 'number' ? 'n' : 's'}${v}\u0000`;
    }
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { key: keys.map((k) => keyPart(r.get(k, i), k, i)), rows: [] }));
    g.rows.push(i);
    rowYears[i] = rowNumber(r.get(yearKey, i), yearKey, i);
    rowValues[i] = rowNumber(r.get(valueKey, i), valueKey, i);
  }
  const series = [...groups.values()].sort((x, y) => compareKeys(x.key, y.key));
  const n = series.length;
  fits(n);
  const offsets = new Uint32Array(n + 1);
  const years = floats(r.count, yearKey);
  const values = floats(r.count, valueKey);
  // Stable: rows of one year keep their order (NaN years last).
  const byYear = (a, b) => {
    const ya = rowYears[a];
    const yb = rowYears[b];
    return ya < yb ? -1 : ya > yb ? 1 : Number.isNaN(ya) - Number.isNaN(yb);
  };
  let at = 0;
  series.forEach((s, j) => {
    s.rows.sort(byYear);
    for (const i of s.rows) {
      years[at] = rowYears[i];
      values[at] = rowValues[i];
      at += 1;
    }
    offsets[j + 1] = at;
  });

  const indicators = [];
  const ofSeries = new Uint32Array(plan ? n : 0);
  let levels = new Float64Array(0);
  if (plan) {
    const index = new Map();
    series.forEach((s, j) => {
      const id = s.key[0];
      if (!index.has(id)) {
        index.set(id, indicators.length);
        indicators.push(planIndicator(plan, id));
      }
      ofSeries[j] = index.get(id);
    });
  } else {
    levels = floats(5 * n, 'levels');
    const hasDirection = r.has('direction');
    series.forEach((s, j) => {
      const first = s.rows[0];
      levelCols.forEach((k, c) => { levels[c * n + j] = rowNumber(r.get(k, first), k, first); });
      const d = hasDirection ? r.get('direction', first) : 1;
      levels[4 * n + j] = typeof d === 'string' ? DIRECTIONS[d] ?? NaN : rowNumber(d ?? 1, 'direction', first);
    });
  }
  const fields = floats(FIELDS.length * n, 'fields');
  const text = requestJson(req);
  const entries = JSON.parse(call(INTERNAL, () => guard(batchPanel, 'batchPanel', null, true)(text, offsets, years, values, indicators, ofSeries, levels, fields)));
  return series.map((s, j) => {
    const out = {};
    keys.forEach((k, c) => { out[k] = s.key[c]; });
    const [status, error = null, message = null] = entries[j];
    out.status = status;
    FIELDS.forEach((f, c) => {
      const v = fields[c * n + j];
      out[f] = Number.isNaN(v) ? null : v;
    });
    out.error = error;
    out.message = message;
    return out;
  });
}

export { batchAssess, batchEvaluate, batchMethods, batchStatusCodes };
