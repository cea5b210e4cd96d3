// The onpace calculator page: a built-in indicator picker and the <onpace-calculator> element,
// which does the inputs, the validation and the results. bindings-wasm/README.md describes the element.
import { init } from './onpace/web/index.js';
import { builtinPlans, builtinPlan, builtinObservations } from './onpace/web/builtin.js';
import './onpace/web/element.js';

const PAGE = {
  zh: {
    title: '规划指标进度计算器', language: '语言', preset: '预置指标', custom: '自定义指标',
    footer: 'onpace · 数值为精确小数；英文与韩文为非官方翻译。',
    description: '输入规划指标的基期、目标和观测值，计算完成进度、时间进度、所需增速和趋势外推。',
  },
  en: {
    title: 'Plan indicator pace calculator', language: 'Language', preset: 'Built-in indicator', custom: 'Custom indicator',
    footer: 'onpace · exact decimals; English and Korean labels are unofficial translations.',
    description: 'Enter a plan indicator\u2019s baseline, target and observations to get completion, time share, required growth and a trend projection.',
  },
  ko: {
    title: '계획 지표 진도 계산기', language: '언어', preset: '내장 지표', custom: '사용자 지표',
    footer: 'onpace · 정확한 십진수; 영어와 한국어 표기는 비공식 번역입니다.',
    description: '계획 지표의 기준값, 목표, 관측값을 입력하면 달성률, 시간 경과율, 필요 증가율과 추세 외삽을 계산합니다.',
  },
};

const $ = (id) => document.getElementById(id);
const calc = $('calc');
let lang = 'zh';
let presets = [];

function fillPresets() {
  const sel = $('preset');
  const current = sel.value;
  sel.replaceChildren(new Option(PAGE[lang].custom, ''));
  for (const { plan } of presets) {
    const group = document.createElement('optgroup');
    group.label = plan.title[lang] || plan.title.zh;
    for (const ind of plan.indicators) group.append(new Option(ind.name(lang), `${plan.id}/${ind.id}`));
    sel.append(group);
  }
  sel.value = current;
}

function applyLang() {
  const t = PAGE[lang];
  document.documentElement.lang = lang;
  document.title = `onpace · ${t.title}`;
  document.querySelector('meta[name="description"]').content = t.description;
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t[el.dataset.i18n]; });
  fillPresets();
  calc.lang = lang;
}

function pick(value) {
  if (!value) {
    calc.indicator = null; // keep the fields, as the user's own indicator
    return;
  }
  const [planId, id] = value.split('/');
  const entry = presets.find((p) => p.plan.id === planId);
  calc.indicator = entry.plan.indicator(id);
  calc.observations = entry.observations[id] || {};
}

async function main() {
  await init();
  presets = builtinPlans().map((id) => ({ plan: builtinPlan(id), observations: builtinObservations(id) }));
  fillPresets();
  $('preset').value = 'cn-14th-fyp-st/basic-research-share';
  pick($('preset').value);
  $('preset').addEventListener('change', (e) => pick(e.target.value));
  $('lang').addEventListener('change', (e) => { lang = e.target.value; applyLang(); });
  await customElements.whenDefined('onpace-calculator');
  const ready = () => { document.body.dataset.ready = 'true'; };
  if (calc.result) ready(); else calc.addEventListener('onpace-result', ready, { once: true });
}

main().catch((e) => {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = String(e && e.message ? e.message : e);
  document.querySelector('main').prepend(p);
});
