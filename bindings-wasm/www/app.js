// The onpace calculator: pick a built-in indicator or type your own, enter observations,
// pick a method; everything is computed by the WebAssembly core, and its error messages are
// shown beside the field at fault.
import * as onpace from './onpace/web/index.js';

const UI = {
  zh: {
    title: '规划指标进度计算器', language: '语言', indicator: '指标', preset: '预置指标', custom: '自定义指标',
    baselineYear: '基期年份', baselineValue: '基期值', targetKind: '目标类型', kindLevel: '目标值', kindGrowth: '年均增速',
    kindChangeRel: '累计变化（相对）', kindChangeAbs: '累计变化（绝对）', targetYear: '目标年份', targetValue: '目标值 / 增速 / 变化',
    direction: '方向', up: '越高越好', down: '越低越好', observations: '观测值', year: '年份', value: '数值', method: '评估方法',
    result: '结果', completion: '完成进度', timeShare: '时间进度', requiredFromNow: '此后所需年均增速',
    projection: '趋势外推（OLS，90%区间）', milestones: '所需里程碑', fromBase: '自基期（线性）', fromNow: '自最新值（线性）',
    footer: 'onpace · 数值为精确小数；英文与韩文为非官方翻译。', noObs: '请输入基期之后的观测值', reached: '达到年份',
  },
  en: {
    title: 'Plan indicator pace calculator', language: 'Language', indicator: 'Indicator', preset: 'Built-in indicator', custom: 'Custom indicator',
    baselineYear: 'Baseline year', baselineValue: 'Baseline value', targetKind: 'Target kind', kindLevel: 'Level', kindGrowth: 'Average annual growth',
    kindChangeRel: 'Cumulative change (relative)', kindChangeAbs: 'Cumulative change (absolute)', targetYear: 'Target year',
    targetValue: 'Target value / rate / change', direction: 'Direction', up: 'Higher is better', down: 'Lower is better',
    observations: 'Observations', year: 'Year', value: 'Value', method: 'Method', result: 'Result', completion: 'Completion',
    timeShare: 'Time share', requiredFromNow: 'Required annual growth from now', projection: 'Trend projection (OLS, 90% interval)',
    milestones: 'Required milestones', fromBase: 'From the baseline (linear)', fromNow: 'From the latest value (linear)',
    footer: 'onpace · exact decimals; English and Korean labels are unofficial translations.', noObs: 'Enter observations after the baseline year',
    reached: 'year reached',
  },
  ko: {
    title: '계획 지표 진도 계산기', language: '언어', indicator: '지표', preset: '내장 지표', custom: '사용자 지표',
    baselineYear: '기준 연도', baselineValue: '기준값', targetKind: '목표 유형', kindLevel: '목표값', kindGrowth: '연평균 증가율',
    kindChangeRel: '누적 변화(상대)', kindChangeAbs: '누적 변화(절대)', targetYear: '목표 연도', targetValue: '목표값 / 증가율 / 변화',
    direction: '방향', up: '높을수록 좋음', down: '낮을수록 좋음', observations: '관측값', year: '연도', value: '값', method: '평가 방법',
    result: '결과', completion: '달성률', timeShare: '시간 경과율', requiredFromNow: '이후 필요 연평균 증가율',
    projection: '추세 외삽(OLS, 90% 구간)', milestones: '필요 이정표', fromBase: '기준값부터(선형)', fromNow: '최신값부터(선형)',
    footer: 'onpace · 정확한 십진수; 영어와 한국어 표기는 비공식 번역입니다.', noObs: '기준 연도 이후의 관측값을 입력하세요',
    reached: '도달 연도',
  },
};

const $ = (id) => document.getElementById(id);
let lang = 'zh';
let statuses = {};
const t = (k) => UI[lang][k] || k;
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const pct = (v) => (v === null || v === undefined ? '—' : `${(Number(v) * 100).toFixed(1)}%`);

/** Map an error's field path to the input it belongs to. */
function fieldKey(field) {
  if (!field) return null;
  if (/baseline\.year/.test(field)) return 'baseline.year';
  if (/baseline(\.value)?$|baseline\.value/.test(field)) return 'baseline.value';
  if (/target\.year/.test(field)) return 'target.year';
  if (/target/.test(field)) return 'target.value';
  const m = field.match(/observations\[(\d+)\]|\[(\d{4})\]/);
  return m ? `obs.${m[1] || m[2]}` : null;
}

function clearErrors() {
  document.querySelectorAll('.err').forEach((e) => { e.textContent = ''; });
  document.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}

function showError(err) {
  const key = fieldKey(err.field);
  const slot = key && document.querySelector(`.err[data-for="${key}"]`);
  const text = `${err.message}`;
  if (slot) {
    slot.textContent = text;
    const input = slot.parentElement.querySelector('input');
    if (input) input.setAttribute('aria-invalid', 'true');
  } else {
    $('general-error').textContent = text;
  }
}

function buildIndicator() {
  const kind = $('target-kind').value;
  const ty = $('target-year').value.trim();
  const tv = $('target-value').value.trim();
  const target = kind === 'level' ? onpace.Target.level(ty, tv)
    : kind === 'annual_growth' ? onpace.Target.annualGrowth(ty, tv)
      : onpace.Target.change(ty, tv, kind === 'change_relative' ? 'relative' : 'absolute');
  const preset = presetIndicator();
  return new onpace.Indicator('calculator', {
    label: preset ? preset.label : { zh: UI.zh.custom, en: UI.en.custom, ko: UI.ko.custom },
    unit: preset ? preset.unit : 'ratio',
    decimals: preset ? preset.decimals ?? undefined : undefined,
    direction: $('direction').value,
    baseline: [$('baseline-year').value.trim(), $('baseline-value').value.trim()],
    target,
  });
}

function observationsFromTable() {
  const rows = [];
  document.querySelectorAll('#obs-table tbody tr').forEach((tr) => {
    const v = tr.querySelector('input').value.trim();
    if (v !== '') rows.push([Number(tr.dataset.year), v]);
  });
  return rows;
}

function renderObsTable(fromYear, toYear, values = {}) {
  const keep = Object.fromEntries(observationsFromTable().map(([y, v]) => [y, v]));
  const tbody = $('obs-table').querySelector('tbody');
  tbody.innerHTML = '';
  if (!(Number.isInteger(fromYear) && Number.isInteger(toYear)) || toYear <= fromYear || toYear - fromYear > 50) return;
  for (let y = fromYear + 1; y <= toYear; y += 1) {
    const v = values[y] ?? keep[y] ?? '';
    const tr = document.createElement('tr');
    tr.dataset.year = String(y);
    tr.innerHTML = `<td>${y}</td><td><input data-year="${y}" inputmode="decimal" value="${esc(v)}"></td><td><small class="err" data-for="obs.${y}"></small></td>`;
    tbody.appendChild(tr);
  }
}

// The chart is the core's own renderer (the same SVG as the HTML report, Python and Rust):
// the indicator being edited, wrapped in a one-indicator plan and evaluated with the method
// picked.
function chart(ind, obs) {
  const spec = JSON.parse(ind.toJson());
  const [by] = ind.baseline;
  const plan = onpace.Plan.fromJson(JSON.stringify({
    id: 'calculator', title: spec.label, issuer: spec.label, region: spec.label,
    period: { start: by + 1, end: ind.impliedTarget().year }, base_year: by, indicators: [spec],
  }));
  return plan.evaluate({ [spec.id]: obs }, { method: $('method').value }).chartSvg(spec.id, lang);
}

function update() {
  clearErrors();
  $('general-error').textContent = '';
  let ind;
  try {
    ind = buildIndicator();
  } catch (e) {
    showError(e);
    return;
  }
  const [by] = ind.baseline;
  const tgt = ind.impliedTarget();
  if (!$('obs-table').querySelector('tbody tr') || Number($('obs-table').querySelector('tbody tr').dataset.year) !== by + 1) renderObsTable(by, tgt.year);
  const obs = observationsFromTable();
  let a;
  try {
    a = ind.progress(obs, { method: $('method').value });
  } catch (e) {
    showError(e);
    return;
  }
  const s = statuses[a.status];
  $('status').className = `status tone-${s.tone}`;
  $('status').textContent = `${s.symbol} ${s.labels[lang]}`;
  $('status').dataset.code = a.status;
  $('completion').textContent = pct(a.completion);
  $('time-share').textContent = pct(a.timeShare);
  $('completion-bar').style.width = `${Math.max(0, Math.min(100, Number(a.completion ?? 0) * 100))}%`;
  $('time-bar').style.width = `${Math.max(0, Math.min(100, Number(a.timeShare ?? 0) * 100))}%`;
  $('required-now').textContent = a.requiredCagrFromNow === null ? '—' : `${(a.requiredCagrFromNow * 100).toFixed(2)}%`;
  if (a.status === 'not_assessable' && !obs.length) $('general-error').textContent = t('noObs');
  let projection = null;
  try {
    projection = ind.project(obs, { model: 'ols_linear', level: 0.9 });
    $('projection').textContent = `${projection.value.toFixed(3)} [${projection.low.toFixed(3)}, ${projection.high.toFixed(3)}]` +
      (projection.yearReached ? ` · ${t('reached')} ${projection.yearReached}` : '');
  } catch (e) {
    $('projection').textContent = `— (${e.message})`;
  }
  const fromBase = ind.path('linear');
  const latest = a.inputs ? [a.inputs.latestYear, a.inputs.latestValue] : null;
  const fromNow = latest && latest[0] < tgt.year ? ind.path('linear', { fromYear: latest[0], fromValue: latest[1] }) : [];
  const nowBy = Object.fromEntries(fromNow.map((m) => [m.year, m.value]));
  $('milestones').querySelector('tbody').innerHTML = fromBase.map((m) => `<tr><td>${m.year}</td><td>${esc(m.value)}</td><td>${esc(nowBy[m.year] ?? '')}</td></tr>`).join('');
  try {
    $('chart').innerHTML = chart(ind, obs);
  } catch (e) {
    $('chart').innerHTML = '';
    showError(e);
  }
}

function applyLang() {
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  fillPresets();
  update();
}

let presets = [];
function fillPresets() {
  const sel = $('preset');
  const current = sel.value;
  sel.innerHTML = `<option value="">${esc(t('custom'))}</option>`;
  for (const { plan, observations } of presets) {
    const group = document.createElement('optgroup');
    group.label = plan.title[lang] || plan.title.zh;
    for (const ind of plan.indicators) {
      const opt = document.createElement('option');
      opt.value = `${plan.id}/${ind.id}`;
      opt.textContent = ind.name(lang);
      group.appendChild(opt);
    }
    sel.appendChild(group);
    void observations;
  }
  sel.value = current;
}

/** The built-in indicator picked in the preset list, or null for a custom one. */
function presetIndicator() {
  const value = $('preset').value;
  if (!value) return null;
  const [planId, id] = value.split('/');
  const entry = presets.find((p) => p.plan.id === planId);
  return entry ? entry.plan.indicator(id) : null;
}

function loadPreset(value) {
  if (!value) return;
  const [planId, id] = value.split('/');
  const entry = presets.find((p) => p.plan.id === planId);
  const ind = entry.plan.indicator(id);
  const tgt = ind.impliedTarget();
  $('baseline-year').value = ind.baseline[0];
  $('baseline-value').value = ind.baseline[1];
  $('target-kind').value = 'level';
  $('target-year').value = tgt.year;
  $('target-value').value = tgt.value;
  $('direction').value = ind.direction;
  $('obs-table').querySelector('tbody').innerHTML = '';
  renderObsTable(ind.baseline[0], tgt.year, entry.observations[id] || {});
}

async function main() {
  await onpace.init();
  statuses = Object.fromEntries(onpace.statuses().map((s) => [s.code, s]));
  presets = onpace.builtinPlans().map((id) => ({ plan: onpace.builtinPlan(id), observations: onpace.builtinObservations(id) }));
  $('method').innerHTML = onpace.methods().map((m) => `<option value="${m.id}">${esc(m.id)} — ${esc(m.description)}</option>`).join('');
  $('preset').addEventListener('change', (e) => { loadPreset(e.target.value); update(); });
  $('lang').addEventListener('change', (e) => { lang = e.target.value; applyLang(); });
  document.querySelector('.inputs').addEventListener('input', (e) => {
    if (e.target.id === 'baseline-year' || e.target.id === 'target-year') $('obs-table').querySelector('tbody').innerHTML = '';
    update();
  });
  $('method').addEventListener('change', update);
  fillPresets();
  $('preset').value = 'cn-14th-fyp-st/basic-research-share';
  loadPreset($('preset').value);
  applyLang();
  document.body.dataset.ready = 'true';
}

main().catch((e) => { $('general-error').textContent = String(e && e.message ? e.message : e); });
