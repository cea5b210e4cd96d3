// What the React and Vue apps give the element: an indicator (JSON, as in an attribute) and
// observations (an object, as a property). Illustrative numbers, the same hand calculation as
// calculator.js: 100 (2020) → 150 (2025), 140 in 2023 → completion 0.8 → ahead.
export const indicator = JSON.stringify({
  id: 'x', label: { zh: '指数', en: 'Index' }, unit: { kind: 'index' }, direction: 'increase',
  baseline: { year: 2020, value: '100' }, target: { kind: 'level', year: 2025, value: '150' },
});
export const observations = { 2023: '140' };
export function show(e) {
  document.body.dataset.result = `${e.detail.assessment.status} ${e.detail.assessment.completion}`;
}
