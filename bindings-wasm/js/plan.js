// Plans and evaluations over the full module (`onpace`; the calculator module, `onpace/calc`, has
// neither): Plan, Evaluation and the CSV readers. The helpers and the guard are api.js's. ES
// module source, also turned into CommonJS (see api.js).

import { Handle, HANDLE, INTERNAL, Indicator, call, guard, fail, typeError, str, optStr, opts, dec, year, requestJson, camel, observation, observationList, asOf, thresholds } from './api.js';
import { PlanHandle, IndicatorHandle, readObservationsCsvJson, readPlanCsv as readPlanCsvCore } from './web/onpace_wasm.js';

/** A plan's observations: {indicator: observations}, a Map, or long rows [{indicator, year, value}]. */
function planObservations(obs) {
  if (obs === undefined || obs === null) return {};
  if (Array.isArray(obs)) {
    const out = {};
    for (const row of obs) {
      if (!row || typeof row !== 'object') throw typeError('observations', '{indicator, year, value} rows', row);
      const id = str(row.indicator, 'observations.indicator');
      (out[id] ||= []).push(observation(row.year, row.value, row, `observations.${id}`));
    }
    return out;
  }
  if (typeof obs !== 'object') throw typeError('observations', 'observations by indicator', obs);
  const entries = obs instanceof Map ? [...obs] : Object.entries(obs);
  return Object.fromEntries(entries.map(([k, v]) => [str(k, 'observations'), observationList(v, `observations.${k}`)]));
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

class Evaluation extends Handle {
  constructor(token, handle) {
    super();
    if (token !== HANDLE) throw fail('invalid_argument', '', 'an Evaluation comes from plan.evaluate()', 'type');
    this._h = handle;
    const d = JSON.parse(handle.toJson());
    this.plan = d.plan;
    this.method = d.method;
    this.methodVersion = d.method_version;
    this.asOf = d.as_of;
    this.rows = camel(d.rows);
    this.summary = camel(d.summary);
  }
  toJson() { return this._live().toJson(); }
  toMarkdown(lang = 'zh') { const h = this._live(); return h.toMarkdown(str(lang, 'lang')); }
  /** The self-contained HTML report (table, roll-up, charts): the same bytes as Rust and Python. */
  toHtml(lang = 'zh') { const h = this._live(); return h.toHtml(str(lang, 'lang')); }
  /** One indicator's chart as SVG: required paths, observations, projection band, target, as-of year. */
  chartSvg(indicatorId, lang = 'zh') { const h = this._live(); return h.chartSvg(str(indicatorId, 'indicatorId'), str(lang, 'lang')); }
  /** Completion against time share for every indicator, as SVG (the diagonal is on pace). */
  paceSvg(lang = 'zh') { const h = this._live(); return h.paceSvg(str(lang, 'lang')); }
  /** The report table as CSV (label, unit, nature, target as written, the observation used, the method's numbers). */
  toCsv(lang = 'zh') { const h = this._live(); return h.toCsv(str(lang, 'lang')); }
  /** The report table as objects, one per indicator: the CSV's columns, values as text (exact decimals stay exact), null when empty. */
  table(lang = 'zh') {
    const [header, ...rows] = parseCsv(this.toCsv(lang));
    return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] === '' ? null : r[i]])));
  }
}

class Plan extends Handle {
  constructor(token, handle) {
    super();
    if (token !== HANDLE) throw fail('invalid_argument', '', 'a Plan comes from Plan.fromJson()', 'type');
    this._h = handle;
    this._spec = JSON.parse(handle.toJson());
    // The indicators by id, their handles made on first use (loading is linear, lookup
    // constant) and disposed with the plan.
    this._specs = new Map(this._spec.indicators.map((i) => [i.id, i]));
    this._children = new Map();
  }
  static fromJson(text) { str(text, 'text'); return new Plan(HANDLE, call(null, () => guard(PlanHandle.fromJson, 'fromJson', PlanHandle)(text))); }
  toJson() { return this._live().toJson(); }
  get id() { this._live(); return this._spec.id; }
  get title() { this._live(); return { ...this._spec.title }; }
  get period() { this._live(); return [this._spec.period.start, this._spec.period.end]; }
  get baseYear() { this._live(); return this._spec.base_year; }
  /** The plan's indicators; they belong to the plan, and `plan.dispose()` disposes them too. */
  get indicators() { this._live(); return [...this._specs.keys()].map((id) => this.indicator(id)); }
  indicator(id) {
    const h = this._live();
    str(id, 'id');
    let found = this._children.get(id);
    if (!found) {
      const spec = this._specs.get(id);
      // An unknown id goes to the core for its typed UnknownIndicatorError.
      found = new Indicator(HANDLE, spec ? guard(IndicatorHandle.fromFields, 'fromFields', IndicatorHandle)(JSON.stringify(spec)) : h.indicator(id));
      this._children.set(id, found);
    }
    return found;
  }
  get projects() { this._live(); return camel(this._spec.projects || []); }
  /** The key projects running in year `y` (the core's selection). */
  projectsActive(y) {
    const h = this._live();
    const text = requestJson({ year: year(y, 'year') });
    return camel(JSON.parse(call(INTERNAL, () => h.projects(text))).projects);
  }
  get achievements() { this._live(); return camel(this._spec.achievements || []); }
  get keyFields() { this._live(); return camel(this._spec.key_fields || []); }
  get sources() { this._live(); return camel(this._spec.sources || []); }
  /** The reference value `id` shipped with the plan, [year, value] (the core's lookup and error). */
  referenceValue(id) {
    const h = this._live();
    const r = JSON.parse(call(null, () => h.referenceValue(str(id, 'id'))));
    return [r.year, r.value];
  }
  evaluate(observations, options) {
    const h = this._live();
    const { asOf: at, method, thresholds: th, weights, missing, model, baseline } = opts(options);
    const lists = planObservations(observations);
    // Options left out take the core's defaults (onpace::DEFAULTS).
    const req = {
      observations: lists, as_of: asOf(at), thresholds: thresholds(th),
      weights: Object.fromEntries(Object.entries(opts(weights, 'weights')).map(([k, v]) => [k, dec(v, `weights.${k}`)])),
    };
    if (method !== undefined) req.method = str(method, 'method');
    if (missing !== undefined) req.missing = str(missing, 'missing');
    if (model !== undefined) req.model = str(model, 'model');
    if (baseline !== undefined) req.baseline = str(baseline, 'baseline');
    const text = requestJson(req);
    return new Evaluation(HANDLE, call(INTERNAL, () => h.evaluate(text)));
  }
  scheduleMarkdown(lang = 'zh') { const h = this._live(); return h.scheduleMarkdown(str(lang, 'lang')); }
  /** The plan report (schedule and key projects) as a self-contained HTML page. */
  toHtml(lang = 'zh') { const h = this._live(); return h.toHtml(str(lang, 'lang')); }
  /** The key projects (Tables 2, 3 and 5) as a timeline, in SVG. */
  projectsSvg(lang = 'zh') { const h = this._live(); return h.projectsSvg(str(lang, 'lang')); }
  /** Key projects by year, location, undertaker and table, with their investment total (万元). */
  projectsWhere(query) {
    const h = this._live();
    const { year: y, location, undertaker, table } = opts(query, 'query');
    const req = Object.fromEntries(Object.entries({ year: y, location, undertaker, table }).filter(([, v]) => v !== undefined && v !== null));
    const text = requestJson(req);
    const d = JSON.parse(call(INTERNAL, () => h.projects(text)));
    return { projects: camel(d.projects), investmentTotal: d.with_investment ? d.investment_total_ten_thousand : null };
  }
}

/** Observations from long CSV text, read by the core: {indicator: [{year, value, ...}]}, decimals as strings. */
const readObservationsCsv = (text) => JSON.parse(call(null, () => guard(readObservationsCsvJson, 'readObservationsCsvJson')(str(text, 'text'))));
/** A plan from its CSV template (one row per indicator), read by the core; errors carry the line. */
function readPlanCsv(text, options) {
  const { id = 'plan', name } = opts(options);
  str(text, 'text');
  str(id, 'id');
  const title = optStr(name, 'name', id);
  return new Plan(HANDLE, call(null, () => guard(readPlanCsvCore, 'readPlanCsv')(text, id, title)));
}

export { Plan, Evaluation, readObservationsCsv, readPlanCsv };
