// `<onpace-calculator>` (`onpace/element`): the calculator as a standards-based custom element,
// no framework. Give it an indicator (the `builtin` attribute "plan/indicator", the `indicator`
// attribute as JSON, or the `indicator` property), observations, a method and a language; it
// shows the inputs, the status (the one live region), completion against time share, the
// required growth, the projection, the core's chart and the required milestones, and fires
// `onpace-result` / `onpace-invalid`. Styling: CSS custom properties (--onpace-*) and ::part.
// bindings-wasm/README.md has the reference and snippets for plain HTML, React and Vue.
import { init, Indicator, Plan, Target, methods, statuses, formatError, InvalidArgumentError } from './index.js';

const UI = {
  zh: {
    indicator: '指标', baselineYear: '基期年份', baselineValue: '基期值', targetKind: '目标类型', kindLevel: '目标值',
    kindGrowth: '年均增速（%）', kindChangeRel: '累计变化（相对，%）', kindChangeAbs: '累计变化（绝对）', targetYear: '目标年份',
    targetValue: '目标值', targetRate: '年均增速（%）', targetChangeRel: '累计变化（%）', targetChangeAbs: '累计变化',
    direction: '方向', up: '越高越好', down: '越低越好', observations: '观测值', year: '年份', value: '数值', obsLabel: (y) => `${y} 年观测值`,
    method: '评估方法', result: '结果', status: '状态', completion: '完成进度', timeShare: '时间进度', requiredFromNow: '此后所需年均增速',
    projection: '趋势外推（OLS，90% 区间）', milestones: '所需里程碑', fromBase: '自基期（线性）', fromNow: '自最新值（线性）',
    noObs: '请输入基期之后的观测值', reached: '达到年份', invalid: '输入有误，结果已清除', loading: '正在加载…', custom: '自定义指标',
    chart: '图表',
  },
  en: {
    indicator: 'Indicator', baselineYear: 'Baseline year', baselineValue: 'Baseline value', targetKind: 'Target kind', kindLevel: 'Level',
    kindGrowth: 'Average annual growth (%)', kindChangeRel: 'Cumulative change (relative, %)', kindChangeAbs: 'Cumulative change (absolute)',
    targetYear: 'Target year', targetValue: 'Target value', targetRate: 'Annual growth (%)', targetChangeRel: 'Change (%)', targetChangeAbs: 'Change',
    direction: 'Direction', up: 'Higher is better', down: 'Lower is better', observations: 'Observations', year: 'Year', value: 'Value',
    obsLabel: (y) => `Observation ${y}`, method: 'Method', result: 'Result', status: 'Status', completion: 'Completion', timeShare: 'Time share',
    requiredFromNow: 'Required annual growth from now', projection: 'Trend projection (OLS, 90% interval)', milestones: 'Required milestones',
    fromBase: 'From the baseline (linear)', fromNow: 'From the latest value (linear)', noObs: 'Enter observations after the baseline year',
    reached: 'year reached', invalid: 'Invalid input: results cleared', loading: 'Loading…', custom: 'Custom indicator', chart: 'Chart',
  },
  ko: {
    indicator: '지표', baselineYear: '기준 연도', baselineValue: '기준값', targetKind: '목표 유형', kindLevel: '목표값',
    kindGrowth: '연평균 증가율(%)', kindChangeRel: '누적 변화(상대, %)', kindChangeAbs: '누적 변화(절대)', targetYear: '목표 연도',
    targetValue: '목표값', targetRate: '연평균 증가율(%)', targetChangeRel: '누적 변화(%)', targetChangeAbs: '누적 변화',
    direction: '방향', up: '높을수록 좋음', down: '낮을수록 좋음', observations: '관측값', year: '연도', value: '값', obsLabel: (y) => `${y}년 관측값`,
    method: '평가 방법', result: '결과', status: '상태', completion: '달성률', timeShare: '시간 경과율', requiredFromNow: '이후 필요 연평균 증가율',
    projection: '추세 외삽(OLS, 90% 구간)', milestones: '필요 이정표', fromBase: '기준값부터(선형)', fromNow: '최신값부터(선형)',
    noObs: '기준 연도 이후의 관측값을 입력하세요', reached: '도달 연도', invalid: '입력 오류: 결과를 지웠습니다', loading: '불러오는 중…',
    custom: '사용자 지표', chart: '차트',
  },
};

// The methods' names and one-line descriptions in each language (the core's registry has the
// English description; these are the UI's words for it).
const METHOD_TEXT = {
  'cn-plan-pace': {
    zh: ['规划进度', '完成进度对照时间进度（时间过半、任务过半），国家发展改革委中期评估做法'],
    en: ['Plan pace', 'Completion share against time share, the NDRC mid-term evaluation practice'],
    ko: ['계획 진도', '달성률 대 시간 경과율, 국가발전개혁위원회 중간평가 방식'],
  },
  eurostat: {
    zh: ['欧盟统计局', '5 年或 15 年窗口内实际增速与所需增速之比（欧盟 SDG 监测）'],
    en: ['Eurostat', 'Ratio of actual to required growth over a 5- or 15-year window (EU SDG monitoring)'],
    ko: ['유럽연합 통계청', '5년 또는 15년 구간의 실제 증가율 대 필요 증가율(EU SDG 모니터링)'],
  },
  'open-sdg': {
    zh: ['Open SDG', '实际与所需年均增速之比，−5…+5 评分（Open SDG / 加拿大统计局）'],
    en: ['Open SDG', 'Ratio of actual to required CAGR with a −5…+5 score (Open SDG / Statistics Canada)'],
    ko: ['Open SDG', '실제 대 필요 연평균 증가율의 비, −5…+5 점수(Open SDG / 캐나다 통계청)'],
  },
  unsd: {
    zh: ['联合国统计司', '按当前年均增速到目标年可完成的所需变化比例（联合国 SDG 进展图）'],
    en: ['UNSD', 'Share of the required change expected by the target year at the current CAGR (UN SDG Progress Chart)'],
    ko: ['유엔 통계처', '현재 연평균 증가율로 목표 연도까지 예상되는 필요 변화의 비율(UN SDG 진도 차트)'],
  },
  escap: {
    zh: ['亚太经社会', '现状指数与预期进展，可选外推模型（联合国亚太经社会）'],
    en: ['ESCAP', 'Current Status Index and Anticipated Progress with a chosen projection model (UN ESCAP)'],
    ko: ['ESCAP', '현황 지수와 예상 진도, 선택한 추세 모형(유엔 아시아태평양경제사회위원회)'],
  },
  destatis: {
    zh: ['德国联邦统计局', '按五年平均年变化给出天气符号（德国可持续发展战略）'],
    en: ['Destatis', 'Weather symbols from the five-year mean annual change (German Sustainable Development Strategy)'],
    ko: ['독일 연방통계청', '5년 평균 연간 변화에 따른 날씨 기호(독일 지속가능발전전략)'],
  },
  sdsn: {
    zh: ['可持续发展解决方案网络', '0–100 标准化得分及达到上限所需的年变化（SDSN 可持续发展报告）'],
    en: ['SDSN', 'Normalised 0–100 scores and the annual change needed to reach the upper bound (SDSN SDR)'],
    ko: ['SDSN', '0–100 정규화 점수와 상한에 이르는 데 필요한 연간 변화(SDSN SDR)'],
  },
};

const STYLE = `
:host { display: block; container-type: inline-size; font-family: var(--onpace-font, system-ui, "Noto Sans CJK SC", "Noto Sans CJK KR", sans-serif);
  color: var(--onpace-text, #1d2433); --_accent: var(--onpace-accent, #2c6db5); --_error: var(--onpace-error, #b2182b); --_muted: var(--onpace-muted, #4f5663); }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: var(--onpace-gap, 16px); }
@container (min-width: 760px) { .layout { grid-template-columns: minmax(0, 1fr) minmax(0, 1.3fr); } }
section { background: var(--onpace-surface, #fff); border-radius: var(--onpace-radius, 8px); padding: 12px 16px; min-width: 0;
  box-shadow: 0 1px 3px rgba(0, 0, 0, .08); }
h2 { font-size: 1.05rem; margin: 4px 0 10px; } h3 { font-size: .95rem; margin: 12px 0 6px; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 9.5rem), 1fr)); gap: 6px 12px; }
.field { display: flex; flex-direction: column; gap: 2px; min-width: 0; margin-bottom: 4px; font-size: .85rem; }
input, select { font: inherit; font-size: 1rem; padding: 4px 6px; border: 1px solid #79818d; border-radius: 4px; width: 100%; min-width: 0; max-width: 100%;
  background: #fff; color: inherit; }
input:focus-visible, select:focus-visible { outline: 2px solid var(--_accent); outline-offset: 1px; }
input[aria-invalid="true"] { border-color: var(--_error); background: #fff5f5; }
.err { color: var(--_error); font-size: .8rem; min-height: 0; overflow-wrap: anywhere; }
.err:empty { display: none; }
.desc { color: var(--_muted); font-size: .8rem; margin: 2px 0 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; font-size: .85rem; width: 100%; }
td, th { padding: 3px 6px; text-align: right; vertical-align: top; } th:first-child, td:first-child { text-align: left; }
.obs th[scope="row"] { font-weight: normal; white-space: nowrap; width: 4.5em; }
.status { font-size: 1.3rem; font-weight: 600; padding: 4px 12px; border-radius: 6px; display: inline-block; border: 2px solid; margin: 0 0 6px; }
.tone-good { color: var(--onpace-good, #17622d); background: #e7f4e4; } .tone-fair { color: var(--onpace-fair, #5e4a00); background: #fdf3cf; }
.tone-poor { color: var(--onpace-poor, #7a3800); background: #fde0c5; } .tone-bad { color: var(--onpace-bad, #9b1424); background: #fbdada; }
.tone-none { color: #3f3f3f; background: #eee; }
.bars > div { margin: 6px 0; } .bar { background: #e3e7ee; height: 10px; border-radius: 5px; overflow: hidden; }
.bar i { display: block; height: 100%; background: var(--_accent); width: 0; } .bar.time i { background: #6b778a; }
dl { display: grid; grid-template-columns: minmax(0, auto) minmax(0, 1fr); gap: 4px 12px; font-size: .9rem; margin: 8px 0; }
dt { color: var(--_muted); } dd { margin: 0; overflow-wrap: anywhere; }
.chart svg { width: 100%; height: auto; display: block; }
.note { color: var(--_muted); font-size: .85rem; }
`;

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const pct = (v) => (v === null || v === undefined ? '—' : `${(Number(v) * 100).toFixed(1)}%`);

/** Per cent text → fraction text, exactly ("5" → "0.05", "-1.25%" → "-0.0125"); other text unchanged, for the core to refuse. */
export function percentToFraction(text) {
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*%?\s*$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return text;
  const digits = `${m[2]}${m[3] ?? ''}`.replace(/^0+(?=\d)/, '') || '0';
  const scale = (m[3] ?? '').length + 2;
  const padded = digits.padStart(scale + 1, '0');
  return `${m[1] === '-' ? '-' : ''}${padded.slice(0, padded.length - scale)}.${padded.slice(padded.length - scale)}`;
}

/** Fraction text → per cent text, exactly ("0.05" → "5"). */
export function fractionToPercent(text) {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(String(text).trim());
  if (!m) return String(text);
  const frac = (m[3] ?? '').padEnd(2, '0');
  const whole = `${m[2]}${frac.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = frac.slice(2).replace(/0+$/, '');
  return `${m[1]}${whole}${rest ? `.${rest}` : ''}`;
}

let statusTable = null;
let uid = 0;

const Base = typeof HTMLElement === 'undefined' ? class {} : HTMLElement;

export class OnpaceCalculator extends Base {
  static observedAttributes = ['builtin', 'indicator', 'observations', 'method', 'lang'];

  constructor() {
    super();
    this._id = `onpace-${uid += 1}`;
    this._lang = 'zh';
    this._method = 'cn-plan-pace';
    this._preset = null; // the indicator the fields were filled from (label, unit, decimals)
    this._observations = {};
    this._result = null;
    this._error = null;
    this._ready = false;
    this._root = this.attachShadow({ mode: 'open' });
  }

  /** Whether the module is loaded (an Indicator spec can be read). */
  _loaded() { return this._methods !== undefined; }

  // ---- properties ------------------------------------------------------------------------
  /** The indicator: an Indicator, or its JSON spec; null for a blank form. */
  get indicator() { return this._preset; }
  set indicator(value) {
    if (value !== null && value !== undefined && typeof value !== 'string' && (typeof value !== 'object' || Array.isArray(value))) {
      throw new InvalidArgumentError('indicator: expected an Indicator, its JSON text or its spec', { code: 'invalid_argument', field: 'indicator' });
    }
    if (!this._ready && !this._loaded() && value !== null && value !== undefined && !(value instanceof Indicator)) {
      this._pendingIndicator = value; // a spec: read by the core once the module is loaded
      return;
    }
    if (this._ownsPreset) this._preset?.dispose();
    this._ownsPreset = false;
    if (value === null || value === undefined) { this._preset = null; } else if (value instanceof Indicator) { this._preset = value; } else {
      this._preset = Indicator.fromJson(typeof value === 'string' ? value : JSON.stringify(value));
      this._ownsPreset = true;
    }
    if (this._ready) { this._fillFromPreset(); this._renderTable(true); this._update(); }
  }
  /** Observations: {year: value} (what the table shows; decimals as text). */
  get observations() { return { ...this._readTable() }; }
  set observations(value) {
    const out = {};
    const entries = value instanceof Map ? [...value] : Array.isArray(value) ? value.map((o) => (Array.isArray(o) ? o : [o.year, o.value])) : Object.entries(value || {});
    for (const [y, v] of entries) if (v !== null && v !== undefined) out[Number(y)] = String(v);
    this._observations = out;
    if (this._ready) { this._renderTable(true); this._update(); }
  }
  get method() { return this._method; }
  set method(value) { this._method = String(value); if (this._ready) { this._$('method').value = this._method; this._describeMethod(); this._update(); } }
  get lang() { return this._lang; }
  set lang(value) { this._lang = UI[value] ? value : 'zh'; if (this._ready) this._render(); }
  /** The last result ({assessment, projection, milestones}), or null while the input is invalid. */
  get result() { return this._result; }
  /** The first error of the input, or null. */
  get error() { return this._error; }

  attributeChangedCallback(name, old, value) {
    if (old === value) return;
    if (name === 'lang') this.lang = value;
    else if (name === 'method') this.method = value ?? 'cn-plan-pace';
    else if (name === 'observations') {
      try { this.observations = value ? JSON.parse(value) : {}; } catch { this._fail(`observations: not JSON: ${value}`); }
    } else if (name === 'indicator') {
      try { this.indicator = value || null; } catch (e) { this._fail(e); }
    } else if (name === 'builtin') this._builtinLoading = this._loadBuiltin(value);
  }

  async connectedCallback() {
    if (this._started) return;
    this._started = true;
    this._root.innerHTML = `<style>${STYLE}</style><p class="note" part="loading">${esc(UI[this._lang].loading)}</p>`;
    try {
      await init();
    } catch (e) {
      this._root.innerHTML = `<style>${STYLE}</style><p class="err" part="error" role="alert">${esc(formatError(e, 'en'))}</p>`;
      return;
    }
    statusTable ||= Object.fromEntries(statuses().map((s) => [s.code, s]));
    this._methods = methods().map((m) => m.id);
    await this._builtinLoading;
    if (this._pendingIndicator !== undefined) {
      const spec = this._pendingIndicator;
      this._pendingIndicator = undefined;
      try { this.indicator = spec; } catch (e) { this._error = e; }
    }
    // From here on, setters re-render: the module is loaded and the form exists.
    this._ready = true;
    this._render();
    if (this._error) this._showError(this._error);
  }

  disconnectedCallback() {
    // The element may be moved and reconnected: keep its state; free what it owns on removal.
    queueMicrotask(() => { if (!this.isConnected) this._last?.dispose(); });
  }

  async _loadBuiltin(value) {
    if (!value) return;
    const [planId, id] = value.split('/');
    try {
      await init();
      // Loaded only when used: a calculator with its own indicator never fetches the plans.
      const { builtinPlan, builtinObservations } = await import('./builtin.js');
      this._plans ||= new Map();
      if (!this._plans.has(planId)) this._plans.set(planId, builtinPlan(planId));
      const preset = this._plans.get(planId).indicator(id);
      const obs = builtinObservations(planId)[id] || {};
      this._preset = preset;
      // The published observations, unless the page gave its own.
      if (!this.hasAttribute('observations')) this._observations = Object.fromEntries(Object.entries(obs));
      if (this._ready) { this._fillFromPreset(); this._renderTable(true); this._update(); }
    } catch (e) {
      this._fail(e);
    }
  }

  _fail(e) {
    this._error = e;
    const slot = this._$('general');
    if (slot) slot.textContent = formatError(e, this._lang);
  }

  // ---- rendering -------------------------------------------------------------------------
  _$(key) { return this._root.getElementById(`${this._id}-${key}`); }

  _render() {
    const t = UI[this._lang];
    const id = (k) => `${this._id}-${k}`;
    const field = (key, label, input) => `<div class="field" part="field"><label for="${id(key)}" part="label">${esc(label)}</label>${input}<small class="err" part="error" id="${id(`err-${key}`)}"></small></div>`;
    const text = (key, mode) => `<input id="${id(key)}" part="input" inputmode="${mode}" autocomplete="off" aria-describedby="${id(`err-${key}`)}">`;
    const methodOptions = this._methods.map((m) => `<option value="${esc(m)}">${esc((METHOD_TEXT[m]?.[this._lang] || [m])[0])}</option>`).join('');
    const values = this._snapshot();
    this._root.innerHTML = `<style>${STYLE}</style>
<div class="layout" lang="${this._lang}">
  <section part="form" aria-labelledby="${id('h-ind')}">
    <h2 id="${id('h-ind')}">${esc(t.indicator)}${this._lang === 'zh' ? '：' : ': '}<span id="${id('name')}"></span></h2>
    <div class="grid">
      ${field('baseline-year', t.baselineYear, text('baseline-year', 'numeric'))}
      ${field('baseline-value', t.baselineValue, text('baseline-value', 'decimal'))}
      ${field('target-kind', t.targetKind, `<select id="${id('target-kind')}" part="input"><option value="level">${esc(t.kindLevel)}</option><option value="annual_growth">${esc(t.kindGrowth)}</option><option value="change_relative">${esc(t.kindChangeRel)}</option><option value="change_absolute">${esc(t.kindChangeAbs)}</option></select>`)}
      ${field('target-year', t.targetYear, text('target-year', 'numeric'))}
      ${field('target-value', t.targetValue, text('target-value', 'decimal'))}
      ${field('direction', t.direction, `<select id="${id('direction')}" part="input"><option value="increase">${esc(t.up)}</option><option value="decrease">${esc(t.down)}</option></select>`)}
    </div>
    <h3 id="${id('h-obs')}">${esc(t.observations)}</h3>
    <table class="obs" part="observations" aria-labelledby="${id('h-obs')}"><thead><tr><th scope="col">${esc(t.year)}</th><th scope="col">${esc(t.value)}</th></tr></thead><tbody id="${id('obs')}"></tbody></table>
    ${field('method', t.method, `<select id="${id('method')}" part="input" aria-describedby="${id('method-desc')}">${methodOptions}</select><p class="desc" id="${id('method-desc')}"></p>`)}
  </section>
  <section part="results" aria-labelledby="${id('h-res')}" id="${id('results')}">
    <h2 id="${id('h-res')}">${esc(t.result)}</h2>
    <p class="err" part="error" id="${id('general')}"></p>
    <p role="status" aria-live="polite" aria-atomic="true" class="status tone-none" part="status" id="${id('status')}">—</p>
    <div class="values">
      <div class="bars">
        <div><span>${esc(t.completion)}</span> <strong id="${id('completion')}">—</strong><div class="bar" part="bar"><i id="${id('completion-bar')}"></i></div></div>
        <div><span>${esc(t.timeShare)}</span> <strong id="${id('time-share')}">—</strong><div class="bar time" part="bar"><i id="${id('time-bar')}"></i></div></div>
      </div>
      <dl><dt>${esc(t.requiredFromNow)}</dt><dd id="${id('required-now')}">—</dd><dt>${esc(t.projection)}</dt><dd id="${id('projection')}">—</dd></dl>
      <div class="chart" part="chart" id="${id('chart')}" role="img" aria-label="${esc(t.chart)}"></div>
      <h3 id="${id('h-ms')}">${esc(t.milestones)}</h3>
      <table part="milestones" aria-labelledby="${id('h-ms')}"><thead><tr><th scope="col">${esc(t.year)}</th><th scope="col">${esc(t.fromBase)}</th><th scope="col">${esc(t.fromNow)}</th></tr></thead><tbody id="${id('milestones')}"></tbody></table>
    </div>
  </section>
</div>`;
    this._$('method').value = this._methods.includes(this._method) ? this._method : this._methods[0];
    this._describeMethod();
    if (values) this._restore(values); else this._fillFromPreset();
    this._$('name').textContent = this._preset ? this._preset.name(this._lang) : UI[this._lang].custom;
    this._renderTable(true);
    this._root.querySelector('.layout').addEventListener('input', (e) => this._onInput(e));
    this._root.querySelector('.layout').addEventListener('change', (e) => this._onInput(e));
    this._lastStatus = null;
    this._update();
  }

  _describeMethod() {
    const m = this._$('method').value;
    this._$('method-desc').textContent = (METHOD_TEXT[m]?.[this._lang] || [m, ''])[1];
  }

  /** The form's values (kept across a re-render for a language change). */
  _snapshot() {
    if (!this._$('baseline-year')) return null;
    const keys = ['baseline-year', 'baseline-value', 'target-kind', 'target-year', 'target-value', 'direction'];
    this._observations = this._readTable();
    return Object.fromEntries(keys.map((k) => [k, this._$(k).value]));
  }

  _restore(values) {
    for (const [k, v] of Object.entries(values)) this._$(k).value = v;
    this._labelTarget();
  }

  _fillFromPreset() {
    const ind = this._preset;
    const name = this._$('name');
    if (!name) return;
    name.textContent = ind ? ind.name(this._lang) : UI[this._lang].custom;
    if (!ind) return;
    const spec = JSON.parse(ind.toJson());
    const tgt = ind.impliedTarget();
    this._$('baseline-year').value = ind.baseline[0];
    this._$('baseline-value').value = ind.baseline[1];
    this._$('direction').value = ind.direction;
    this._$('target-year').value = tgt.year;
    const t = spec.target || {};
    if (t.kind === 'annual_growth') { this._$('target-kind').value = 'annual_growth'; this._$('target-value').value = fractionToPercent(t.rate); } else if (t.kind === 'change') {
      this._$('target-kind').value = t.mode === 'absolute' ? 'change_absolute' : 'change_relative';
      this._$('target-value').value = t.mode === 'absolute' ? t.amount : fractionToPercent(t.amount);
    } else { this._$('target-kind').value = 'level'; this._$('target-value').value = tgt.value; }
    this._labelTarget();
  }

  _labelTarget() {
    const t = UI[this._lang];
    const kind = this._$('target-kind').value;
    const label = { level: t.targetValue, annual_growth: t.targetRate, change_relative: t.targetChangeRel, change_absolute: t.targetChangeAbs }[kind];
    this._root.querySelector(`label[for="${this._id}-target-value"]`).textContent = label;
  }

  _readTable() {
    const out = { ...this._observations };
    const body = this._$('obs');
    if (!body) return out;
    body.querySelectorAll('input').forEach((input) => {
      const v = input.value.trim();
      if (v === '') delete out[input.dataset.year]; else out[input.dataset.year] = v;
    });
    return out;
  }

  /** One row per year after the baseline up to the target year, keeping typed values. */
  _renderTable(force) {
    const body = this._$('obs');
    if (!body) return;
    const by = Number(this._$('baseline-year').value);
    const ty = Number(this._$('target-year').value);
    const values = force ? this._observations : this._readTable();
    this._observations = values;
    const first = body.querySelector('input');
    const wanted = Number.isInteger(by) && Number.isInteger(ty) && ty > by && ty - by <= 60 ? [by + 1, ty] : null;
    if (!force && first && wanted && Number(first.dataset.year) === wanted[0] && body.rows.length === wanted[1] - wanted[0] + 1) return;
    if (!wanted) { if (force || !first) body.innerHTML = ''; return; }
    const t = UI[this._lang];
    let html = '';
    for (let y = wanted[0]; y <= wanted[1]; y += 1) {
      const key = `obs-${y}`;
      html += `<tr><th scope="row">${y}</th><td><input id="${this._id}-${key}" part="input" data-year="${y}" inputmode="decimal" autocomplete="off" aria-label="${esc(t.obsLabel(y))}" aria-describedby="${this._id}-err-${key}" value="${esc(values[y] ?? '')}"><small class="err" part="error" id="${this._id}-err-${key}"></small></td></tr>`;
    }
    body.innerHTML = html;
  }

  _onInput(e) {
    const idOf = (e.target.id || '').slice(this._id.length + 1);
    if (idOf === 'method') { this._method = e.target.value; this._describeMethod(); }
    if (idOf === 'target-kind') this._labelTarget();
    if (idOf === 'baseline-year' || idOf === 'target-year') this._renderTable(false);
    if (e.type === 'change' && idOf !== 'method' && idOf !== 'target-kind' && idOf !== 'direction') return; // input already handled it
    this._update();
  }

  // ---- computing -------------------------------------------------------------------------
  _buildIndicator() {
    const v = (k) => this._$(k).value.trim();
    const kind = v('target-kind');
    const ty = v('target-year');
    const tv = v('target-value');
    const target = kind === 'level' ? Target.level(ty, tv)
      : kind === 'annual_growth' ? Target.annualGrowth(ty, percentToFraction(tv))
        : kind === 'change_relative' ? Target.change(ty, percentToFraction(tv), 'relative') : Target.change(ty, tv, 'absolute');
    const p = this._preset;
    const spec = p ? JSON.parse(p.toJson()) : null;
    return new Indicator(spec ? spec.id : 'calculator', {
      label: spec ? spec.label : { zh: UI.zh.custom, en: UI.en.custom, ko: UI.ko.custom },
      unit: spec ? spec.unit : 'ratio',
      decimals: spec ? spec.decimals ?? undefined : undefined,
      direction: v('direction'),
      baseline: [v('baseline-year'), v('baseline-value')],
      target,
    });
  }

  /** The field an error belongs to: a form field key, or null for the general slot. */
  _slotOf(field) {
    if (!field) return null;
    const obs = /observations(?:\.[^[]+)?\[(-?\d+)\]/.exec(field) || /\[(\d{4})\]$/.exec(field);
    if (obs) return `obs-${obs[1]}`;
    if (/baseline\.year/.test(field)) return 'baseline-year';
    if (/baseline/.test(field)) return 'baseline-value';
    if (/target\.year/.test(field)) return 'target-year';
    if (/target|rate|amount/.test(field)) return 'target-value';
    return null;
  }

  _showError(e) {
    const slot = this._slotOf(e && e.field);
    const el = slot && this._$(`err-${slot}`);
    const text = formatError(e, this._lang);
    if (el) {
      el.textContent = text;
      this._$(slot)?.setAttribute('aria-invalid', 'true');
    } else {
      this._$('general').textContent = text;
    }
  }

  _clearResults(state) {
    this._$('results').dataset.state = state;
    this._setStatus(null);
    for (const k of ['completion', 'time-share', 'required-now', 'projection']) this._$(k).textContent = '—';
    this._$('completion-bar').style.width = '0';
    this._$('time-bar').style.width = '0';
    this._$('chart').innerHTML = '';
    this._$('milestones').innerHTML = '';
  }

  _setStatus(s) {
    const el = this._$('status');
    const text = s ? `${s.symbol} ${s.labels[this._lang]}` : (this._$('results').dataset.state === 'invalid' ? UI[this._lang].invalid : '—');
    el.className = `status tone-${s ? s.tone : 'none'}`;
    el.dataset.code = s ? s.code : '';
    // Only a changed status is written (and so announced): not every keystroke.
    if (el.textContent !== text) el.textContent = text;
  }

  _update() {
    if (!this._ready) return;
    this._root.querySelectorAll('.err').forEach((e) => { e.textContent = ''; });
    this._root.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
    this._last?.dispose();
    this._last = null;
    const errors = [];
    let ind = null;
    try {
      ind = this._buildIndicator();
    } catch (e) {
      errors.push(e);
    }
    this._renderTable(false);
    // Every bad cell gets its own message: the core reports the first, so ask again without it.
    const obs = this._readTable();
    const good = { ...obs };
    let a = null;
    if (ind) {
      for (let tries = 0; tries <= Object.keys(obs).length; tries += 1) {
        try {
          a = ind.assess(good, { method: this._method });
          break;
        } catch (e) {
          errors.push(e);
          const slot = this._slotOf(e.field);
          const y = slot && slot.startsWith('obs-') ? slot.slice(4) : null;
          if (y === null || !(y in good)) break;
          delete good[y];
        }
      }
    }
    if (errors.length) {
      errors.forEach((e) => this._showError(e));
      this._error = errors[0];
      this._result = null;
      this._clearResults('invalid');
      ind?.dispose();
      this.dispatchEvent(new CustomEvent('onpace-invalid', { bubbles: true, composed: true, detail: { errors } }));
      return;
    }
    this._error = null;
    this._last = ind;
    this._$('results').dataset.state = 'valid';
    const t = UI[this._lang];
    this._setStatus(statusTable[a.status]);
    this._$('completion').textContent = pct(a.completion);
    this._$('time-share').textContent = pct(a.timeShare);
    this._$('completion-bar').style.width = `${Math.max(0, Math.min(100, Number(a.completion ?? 0) * 100))}%`;
    this._$('time-bar').style.width = `${Math.max(0, Math.min(100, Number(a.timeShare ?? 0) * 100))}%`;
    this._$('required-now').textContent = a.requiredCagrFromNow === null ? '—' : `${(a.requiredCagrFromNow * 100).toFixed(2)}%`;
    if (a.status === 'not_assessable' && !Object.keys(obs).length) this._$('general').textContent = t.noObs;
    let projection = null;
    try {
      projection = ind.project(obs, { model: 'ols_linear', level: 0.9 });
      this._$('projection').textContent = `${projection.value.toFixed(3)} [${projection.low.toFixed(3)}, ${projection.high.toFixed(3)}]${projection.yearReached ? ` · ${t.reached} ${projection.yearReached}` : ''}`;
    } catch (e) {
      this._$('projection').textContent = `— (${formatError(e, this._lang)})`;
    }
    const tgt = ind.impliedTarget();
    const fromBase = ind.path('linear');
    const latest = a.inputs ? [a.inputs.latestYear, a.inputs.latestValue] : null;
    const fromNow = latest && latest[0] < tgt.year ? ind.path('linear', { fromYear: latest[0], fromValue: latest[1] }) : [];
    const nowBy = Object.fromEntries(fromNow.map((m) => [m.year, m.value]));
    this._$('milestones').innerHTML = fromBase.map((m) => `<tr><td>${m.year}</td><td>${esc(m.value)}</td><td>${esc(nowBy[m.year] ?? '')}</td></tr>`).join('');
    try {
      this._$('chart').innerHTML = this._chart(ind, obs);
    } catch (e) {
      this._showError(e);
    }
    this._result = { assessment: a, projection, milestones: fromBase };
    this.dispatchEvent(new CustomEvent('onpace-result', { bubbles: true, composed: true, detail: { ...this._result } }));
  }

  // The core's own chart (the same SVG as the HTML report, Python and Rust): the indicator in a
  // one-indicator plan, evaluated with the method picked.
  _chart(ind, obs) {
    const spec = JSON.parse(ind.toJson());
    const [by] = ind.baseline;
    const plan = Plan.fromJson(JSON.stringify({
      id: 'calculator', title: spec.label, issuer: spec.label, region: spec.label,
      period: { start: by + 1, end: ind.impliedTarget().year }, base_year: by, indicators: [spec],
    }));
    try {
      const ev = plan.evaluate({ [spec.id]: obs }, { method: this._method });
      try { return ev.chartSvg(spec.id, this._lang); } finally { ev.dispose(); }
    } finally {
      plan.dispose();
    }
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('onpace-calculator')) {
  customElements.define('onpace-calculator', OnpaceCalculator);
}
