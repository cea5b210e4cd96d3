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
    chartTarget: '目标', chartLinear: '线性路径', chartGeo: '等比路径', chartObs: '观测值', chartProj: '外推',
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
    reached: 'year reached', chartTarget: 'target', chartLinear: 'linear path', chartGeo: 'geometric path', chartObs: 'observed', chartProj: 'projection',
  },
  ko: {
    title: '계획 지표 진도 계산기', language: '언어', indicator: '지표', preset: '내장 지표', custom: '사용자 지표',
    baselineYear: '기준 연도', baselineValue: '기준값', targetKind: '목표 유형', kindLevel: '목표값', kindGrowth: '연평균 증가율',
    kindChangeRel: '누적 변화(상대)', kindChangeAbs: '누적 변화(절대)', targetYear: '목표 연도', targetValue: '목표값 / 증가율 / 변화',
    direction: '방향', up: '높을수록 좋음', down: '낮을수록 좋음', observations: '관측값', year: '연도', value: '값', method: '평가 방법',
    result: '결과', completion: '달성률', timeShare: '시간 경과율', requiredFromNow: '이후 필요 연평균 증가율',
    projection: '추세 외삽(OLS, 90% 구간)', milestones: '필요 이정표', fromBase: '기준값부터(선형)', fromNow: '최신값부터(선형)',
    footer: 'onpace · 정확한 십진수; 영어와 한국어 표기는 비공식 번역입니다.', noObs: '기준 연도 이후의 관측값을 입력하세요',
    reached: '도달 연도', chartTarget: '목표', chartLinear: '선형 경로', chartGeo: '등비 경로', chartObs: '관측값', chartProj: '외삽',
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
  return new onpace.Indicator('calculator', {
    unit: 'ratio',
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

function chart(ind, obs, projection) {
  const linear = ind.path('linear');
  let geometric = [];
  try { geometric = ind.path('geometric'); } catch { geometric = []; }
  const pts = [...linear.map((m) => [m.year, Number(m.value)]), ...obs.map(([y, v]) => [y, Number(v)])];
  if (projection) pts.push([projection.year, projection.low ?? projection.value], [projection.year, projection.high ?? projection.value]);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  if (y0 === y1) { y0 -= 1; y1 += 1; }
  const W = 600; const H = 260; const L = 56; const R = 16; const T = 16; const B = 32;
  const sx = (x) => L + ((x - x0) / Math.max(1, x1 - x0)) * (W - L - R);
  const sy = (y) => T + (1 - (y - y0) / (y1 - y0)) * (H - T - B);
  const line = (ms, cls, dash = '') => `<polyline fill="none" stroke="${cls}" stroke-width="2" ${dash} points="${ms.map((m) => `${sx(m.year).toFixed(1)},${sy(Number(m.value)).toFixed(1)}`).join(' ')}"/>`;
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="chart">`;
  for (let y = x0; y <= x1; y += 1) svg += `<text x="${sx(y)}" y="${H - 10}" font-size="11" text-anchor="middle">${y}</text>`;
  for (const v of [y0, (y0 + y1) / 2, y1]) svg += `<text x="${L - 6}" y="${sy(v) + 4}" font-size="11" text-anchor="end">${Number(v.toPrecision(4))}</text><line x1="${L}" x2="${W - R}" y1="${sy(v)}" y2="${sy(v)}" stroke="#e3e7ee"/>`;
  if (projection && projection.low !== null && projection.high !== null && obs.length) {
    const [ly, lv] = obs[obs.length - 1];
    svg += `<polygon fill="#f4a58244" points="${sx(ly)},${sy(Number(lv))} ${sx(projection.year)},${sy(projection.high)} ${sx(projection.year)},${sy(projection.low)}"/>`;
    svg += `<line x1="${sx(ly)}" y1="${sy(Number(lv))}" x2="${sx(projection.year)}" y2="${sy(projection.value)}" stroke="#d6604d" stroke-dasharray="4 3" stroke-width="2"/>`;
  }
  svg += line(linear, '#2c6db5');
  if (geometric.length) svg += line(geometric, '#7fa6d6', 'stroke-dasharray="6 4"');
  const last = linear[linear.length - 1];
  svg += `<circle cx="${sx(last.year)}" cy="${sy(Number(last.value))}" r="6" fill="none" stroke="#1b7837" stroke-width="2"/>`;
  for (const [y, v] of obs) svg += `<circle cx="${sx(y)}" cy="${sy(Number(v))}" r="4" fill="#1d2433"/>`;
  svg += `<g font-size="11"><text x="${L + 4}" y="${T + 10}" fill="#2c6db5">— ${esc(t('chartLinear'))}</text><text x="${L + 110}" y="${T + 10}" fill="#7fa6d6">- - ${esc(t('chartGeo'))}</text>` +
    `<text x="${L + 230}" y="${T + 10}">● ${esc(t('chartObs'))}</text><text x="${L + 320}" y="${T + 10}" fill="#d6604d">- - ${esc(t('chartProj'))}</text>` +
    `<text x="${L + 420}" y="${T + 10}" fill="#1b7837">○ ${esc(t('chartTarget'))}</text></g></svg>`;
  return svg;
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
  $('chart').innerHTML = chart(ind, obs, projection);
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
