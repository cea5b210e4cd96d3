// A typical embedding, checked by `tsc --strict --noEmit` (not run).
import {
  init, Indicator, Target, methods, progress, requiredPath, projectTrend, OnpaceError, ParseError, isOnpaceError, formatError,
  readObservationsCsv, readPlanCsv, batchAssess, batchEvaluate, batchMethods, batchStatusCodes, type BatchResult, type PanelResult, type BatchMethodId, type EvaluationTableRow, type ObservationRecord, type Assessment, type Evaluation, type Projection, type StatusCode, type MethodId, type Milestone, type ErrorCode,
} from 'onpace';
import { builtinPlan, builtinObservations, builtinPlans } from 'onpace/builtin';
import { planSchema } from 'onpace/schema';
import { OnpaceCalculator, type OnpaceResultDetail } from 'onpace/element';

async function main(): Promise<void> {
  await init();
  const ids: string[] = builtinPlans();
  const plan = builtinPlan(ids[0]);
  const rd = plan.indicator('rd-intensity');
  const path: Milestone[] = rd.path('geometric');
  const first: string = path[0].value;
  const a: Assessment = rd.assess({ 2022: '0.60' }, { method: 'eurostat', thresholds: { window_years: 0 } });
  const status: StatusCode = a.status;
  // The result's method is the MethodId union (generated from the core's schema), not any string.
  const method: MethodId = a.method;
  const completion: string | null = a.completion;
  const p: Projection = rd.project([[2021, 0.45], [2022, '0.6'], [2023, 0.7]], { model: 'ols_loglinear', level: 0.95 });
  const low: number | null = p.low;
  const cn = builtinPlan('cn-14th-fyp-st');
  const e: Evaluation = cn.evaluate(builtinObservations('cn-14th-fyp-st'), { method: 'open-sdg', asOf: 2024 });
  const share: string | null = e.summary.shareOnPace;
  const report: string = e.toHtml('ko');
  const charts: string[] = [e.chartSvg('rd-expenditure', 'en'), e.paceSvg(), plan.projectsSvg('zh'), plan.toHtml()];
  const csv: string = e.toCsv();
  const table: EvaluationTableRow[] = e.table('en');
  const written: string | null = table[0].target;
  const mine = readPlanCsv('id,label,unit,direction,baseline.year,baseline.value,target.kind,target.year,target.value\nx,x,percent,increase,2020,1,level,2025,2\n', { id: 'mine', name: '我的' });
  console.log(written, mine.indicator('x').id);
  const rows: Record<string, ObservationRecord[]> = readObservationsCsv('indicator,year,value\nrd-intensity,2022,0.60\n');
  const firstValue: string | undefined = rows['rd-intensity'][0].value;
  const again: Evaluation = plan.evaluate(rows);
  const custom = new Indicator('x', { unit: 'percent', direction: 'increase', baseline: [2020, '1'], target: Target.level(2025, 2, 'above') });
  const methodIds: string[] = methods().map((m) => m.id);
  const tau: string = progress([2020, 1], [2022, 2], [2025, 3]).timeShare;
  const milestones: Milestone[] = requiredPath([2020, 1], [2025, 2]);
  const proj: number = projectTrend([[2020, 1], [2021, 2], [2022, 3]], 2025).value;
  try {
    builtinPlan('nope');
  } catch (err) {
    // No cast: instanceof and the type guard narrow `unknown`.
    if (err instanceof ParseError) {
      const parse: 'parse' = err.code;
      console.log(parse);
    } else if (err instanceof OnpaceError) {
      const code: ErrorCode = err.code;
      console.log(code, err.field, err.line, formatError(err, 'zh'));
    }
    if (isOnpaceError(err)) console.log(err.field);
  }
  // Explicit resource management: freed at the end of the block.
  {
    using temp = builtinPlan('cn-14th-fyp-st');
    using ev = temp.evaluate(builtinObservations('cn-14th-fyp-st'));
    console.log(ev.summary.assessed, temp.disposed);
  }
  // The batch: typed arrays in and out; a panel of long rows.
  const batch: BatchResult = batchAssess(
    { baseline: new Float64Array([1, 2]), target: [3, null], baseYear: 2020, targetYear: 2025, year: new Int32Array([2022, 2023]), value: [1.5, 2.5] },
    { method: 'open-sdg', thresholds: { onTrack: 0.9 } },
  );
  const codes: Int8Array = batch.status;
  const score: Float64Array | undefined = batch.score;
  const label: StatusCode = batchStatusCodes('open-sdg')[codes[0]];
  const ids2: BatchMethodId[] = batchMethods();
  const panel: PanelResult[] = batchEvaluate(
    [{ indicator: 'x', region: 'r1', year: 2022, value: 1.5, baseline: 1, baseYear: 2020, target: 2, targetYear: 2025, direction: 'increase' }],
    { method: 'destatis', thresholds: { significant: '1' } },
  );
  const byPlan: PanelResult[] = batchEvaluate({ indicator: ['rd-intensity'], region: ['r'], year: new Int32Array([2022]), value: [0.6] }, { plan, method: 'escap', model: 'ols_linear' });
  const ratio: number | null = panel[0].ratio;
  const failed: ErrorCode | null = byPlan[0].error;
  console.log(score, label, ids2, ratio, failed);
  cn.dispose();
  const schema: string = planSchema();
  const el = document.createElement('onpace-calculator');
  el.method = 'eurostat';
  el.observations = { 2022: '0.60' };
  el.addEventListener('onpace-result', (ev) => { const d: OnpaceResultDetail = ev.detail; console.log(d.assessment?.status); });
  const ctor: typeof OnpaceCalculator = OnpaceCalculator;
  console.log(schema.length, ctor.name);
  console.log(first, status, completion, low, share, report.length, charts.length, csv.length, firstValue, again.rows.length, custom.id, methodIds, tau, milestones.length, proj);
}

void main();

// The calculator entry: the same types, no plans (`calc.Plan` would not compile).
import * as calc from 'onpace/calc';

async function calculator(): Promise<string> {
  await calc.init(new URL('onpace_calc_bg.wasm', 'https://example.invalid/'));
  using ind = new calc.Indicator('x', { unit: 'index', direction: 'increase', baseline: [2020, '100'], target: calc.Target.level(2025, '150') });
  try {
    const a: calc.Assessment = ind.assess({ 2023: '140' });
    const milestones: calc.Milestone[] = ind.path('linear');
    return `${a.status} ${milestones.length}`;
  } catch (e) {
    if (e instanceof calc.ParseError) return calc.formatError(e, 'ko');
    return calc.isOnpaceError(e) ? e.code : String(e);
  }
}

void calculator();

// The options the JS API takes name only fields of the requests the core reads (generated from
// the Rust types): an option the core does not know fails this compilation.
import type { AssessOptions, AssessRequest, EvaluateOptions, EvaluateRequest } from 'onpace';
type Snake<S extends string> = S extends `${infer H}${infer T}` ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${Snake<T>}` : S;
type Unknown<Options, Request> = Exclude<Snake<keyof Options & string>, keyof Request>;
export const assessOptionsAreRequestFields: [Unknown<AssessOptions, AssessRequest>] extends [never] ? true : never = true;
export const evaluateOptionsAreRequestFields: [Unknown<EvaluateOptions, EvaluateRequest>] extends [never] ? true : never = true;
