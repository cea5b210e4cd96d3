// TypeScript types of the onpace JS package (the main entry, `onpace`; also `onpace/builtin`,
// `onpace/schema` and `onpace/element`, in builtin.d.ts, schema.d.ts and element.d.ts). Decimals are strings (exact); numbers are
// accepted on input. Checked by `tsc --strict --noEmit` on tests/node/usage.ts.

// The results (Assessment, Projection, Progress, …) are generated from the Rust types
// (results.generated.d.ts, camelCase as this package returns them); the options below are
// checked against the requests the core reads (requests.generated.d.ts).
import type {
  Assessment, Baseline, Decomposition, DecompositionRow, MethodId, Model, NatureSummary, PathKind, Progress, Projection, Status,
  StatusCount, Summary, UsedInputs, Warning, WhatIf,
} from './results.generated.js';
/** A (year, value) pair of a result: a milestone of a path, a point of a progress (Rust's `YearValue`). */
export type YearValue = Baseline;
export type Milestone = Baseline;
import type { AssessRequest, EvaluateRequest } from './requests.generated.js';
export type {
  Assessment, Decomposition, DecompositionRow, MethodId, NatureSummary, PathKind, Progress, Projection, StatusCount,
  Summary, UsedInputs, WhatIf,
};
/** The JSON requests the core reads (snake_case), which the options below are turned into. */
export type {
  AssessRequest, EvaluateRequest, NumeratorRequest, PathRequest, ProgressRequest, ProjectPointsRequest, ProjectRequest,
  ProjectsRequest, RequiredPathRequest, WhatIfRequest,
} from './requests.generated.js';

/** An exact decimal on input: a string such as "0.36", a finite number, or a bigint. */
export type DecimalInput = string | number | bigint;
/** An exact decimal on output: always a string, e.g. "0.508". */
export type DecimalString = string;
export type Lang = 'zh' | 'en' | 'ko';
export type Direction = 'increase' | 'decrease';
export type ModelCode = Model;
export type ComparatorCode = 'at_least' | 'above' | 'at_most' | 'below' | 'exactly';
/** Every status code of every method (the core's `Status`). */
export type StatusCode = Status;
export type ErrorCode =
  | 'invalid_plan' | 'parse' | 'invalid_observations' | 'unknown_indicator' | 'unknown_plan'
  | 'unknown_method' | 'invalid_argument' | 'undefined_growth' | 'insufficient_data'
  | 'no_target' | 'year_out_of_range' | 'overflow'
  // JS only: a call before `await init()`, a call on a disposed object.
  | 'not_initialized' | 'disposed';

/**
 * Every error thrown by onpace. `instanceof OnpaceError` (and `instanceof ParseError`, …) is
 * true for all of them, including those that are also a `TypeError` (a wrong argument type) or
 * a `RangeError` (a number out of its domain). `field` names the argument or path at fault
 * (`observations[2022].value`); `line` is the line of text the caller passed, when known.
 */
export declare class OnpaceError extends Error {
  constructor(message: string, options?: { code?: ErrorCode; field?: string; line?: number | null });
  code: ErrorCode;
  field: string;
  line: number | null;
}
export declare class InvalidPlanError extends OnpaceError { code: 'invalid_plan' }
export declare class ParseError extends OnpaceError { code: 'parse' }
export declare class InvalidObservationsError extends OnpaceError { code: 'invalid_observations' }
export declare class UnknownIndicatorError extends OnpaceError { code: 'unknown_indicator' }
export declare class UnknownPlanError extends OnpaceError { code: 'unknown_plan' }
export declare class UnknownMethodError extends OnpaceError { code: 'unknown_method' }
export declare class InvalidArgumentError extends OnpaceError { code: 'invalid_argument' }
export declare class UndefinedGrowthError extends OnpaceError { code: 'undefined_growth' }
export declare class InsufficientDataError extends OnpaceError { code: 'insufficient_data' }
export declare class NoTargetError extends OnpaceError { code: 'no_target' }
export declare class YearOutOfRangeError extends OnpaceError { code: 'year_out_of_range' }
export declare class OverflowError extends OnpaceError { code: 'overflow' }
/** A call before the WebAssembly module is loaded: `await init()` first. */
export declare class NotInitializedError extends OnpaceError { code: 'not_initialized' }
/** A call on an object after its `dispose()`. */
export declare class DisposedError extends OnpaceError { code: 'disposed' }
/** True for every error onpace throws (a type guard for `catch (e: unknown)`). */
export declare function isOnpaceError(value: unknown): value is OnpaceError;
/** An error as a sentence in the UI's language: the message for 'en', the field and the fault in zh and ko. */
export declare function formatError(error: unknown, lang?: Lang): string;

/**
 * An object backed by Rust memory. `dispose()` (or `using`) frees it now; without it the
 * garbage collector frees it some time after the object becomes unreachable.
 */
export interface Disposable {
  /** Free the Rust object now; safe to call twice. Using the object afterwards throws DisposedError. */
  dispose(): void;
  [Symbol.dispose](): void;
  /** True once disposed. */
  readonly disposed: boolean;
}

export interface Label { zh: string; en?: string; ko?: string; official_translations?: boolean }

export type Unit =
  | { kind: 'percent' | 'per_mille' | 'per_ten_thousand' | 'per_hundred_thousand' | 'ratio' | 'index' | 'years' }
  | { kind: 'count'; noun?: Label }
  | { kind: 'money'; currency: string; magnitude: 'one' | 'ten_thousand' | 'hundred_million' }
  | { kind: 'custom'; label: Label; scale: DecimalInput };
export type UnitKind = 'percent' | 'per_mille' | 'per_ten_thousand' | 'per_hundred_thousand' | 'ratio' | 'index' | 'years' | 'count' | 'growth_rate';

export type ComparatorSpec = 'at_least' | 'above' | 'at_most' | 'below' | { exactly: { tolerance: DecimalString } };

export type TargetSpec =
  | { kind: 'level'; year: number; value: DecimalString; comparator?: ComparatorSpec }
  | { kind: 'range'; year: number; low: DecimalString; high: DecimalString }
  | { kind: 'change'; year: number; amount: DecimalString; mode: 'absolute' | 'relative' }
  | { kind: 'annual_growth'; year: number; rate: DecimalString; comparator?: ComparatorSpec }
  | { kind: 'relative'; year: number; to: string; relation: 'faster_than' | 'in_step_with' | 'slower_than' }
  | { kind: 'none' };

export declare class Target {
  readonly spec: TargetSpec;
  static level(year: number, value: DecimalInput, comparator?: ComparatorCode, tolerance?: DecimalInput): Target;
  static range(year: number, low: DecimalInput, high: DecimalInput): Target;
  static change(year: number, amount: DecimalInput, mode?: 'absolute' | 'relative'): Target;
  /** `rate`: 0.07 or "7%"; a bare 7 (+700 % a year) is refused unless `allowLarge`. */
  static annualGrowth(year: number, rate: DecimalInput, comparator?: ComparatorCode, options?: { allowLarge?: boolean }): Target;
  static relative(year: number, to: string, relation?: 'faster_than' | 'in_step_with' | 'slower_than', options?: { tolerance?: DecimalInput }): Target;
  /** A bound held in every year up to `year`. */
  static everyYear(year: number, value: DecimalInput, comparator?: ComparatorCode): Target;
  /** For a growth-rate indicator: the period average of its yearly rates (7 for 7 % a year). */
  static averageRate(year: number, value: DecimalInput, comparator?: ComparatorCode): Target;
  static none(): Target;
  readonly kind: TargetSpec['kind'];
  readonly year: number | null;
  toJSON(): TargetSpec;
}

export type Flag = 'preliminary' | 'estimated' | 'break_in_series' | 'revised';

export interface ObservationRow {
  year: number | string;
  value?: DecimalInput | null;
  numerator?: DecimalInput | null;
  denominator?: DecimalInput | null;
  vintage?: string | null;
  flag?: Flag | null;
  annual_change?: DecimalInput | null;
  /** A sub-annual figure: H1, Q1–Q3 or M01–M11. */
  period?: string | null;
  source?: string | null;
}

/** An observation as the core reads it back (from CSV): decimals as strings. */
export interface ObservationRecord {
  year: number;
  value?: DecimalString;
  numerator?: DecimalString;
  denominator?: DecimalString;
  vintage?: string;
  flag?: Flag;
  source?: string;
  /** The change on the previous year as a fraction ("-0.027" or "-2.7%"), chained exactly. */
  annualChange?: DecimalString;
  /** A sub-annual figure: H1, Q1–Q3 or M01–M11. */
  period?: string;
}

/** One indicator's observations. */
export type Observations =
  | Record<number | string, DecimalInput>
  | Map<number, DecimalInput>
  | ReadonlyArray<readonly [number, DecimalInput]>
  | ReadonlyArray<ObservationRow>;

/** A plan's observations: by indicator id, or long rows. */
export type PlanObservations =
  | Record<string, Observations>
  | Map<string, Observations>
  | ReadonlyArray<ObservationRow & { indicator: string }>;

/** "latest", a year, a date "YYYY-MM-DD", or a Date. */
export type AsOf = number | string | Date | null;

export type ResultWarning = Warning;

export interface AssessOptions {
  asOf?: AsOf;
  method?: MethodId;
  thresholds?: Record<string, DecimalInput>;
  model?: ModelCode;
  referenceRate?: DecimalInput;
  /** The plan's printed baseline (default) or its latest revision. */
  baseline?: NonNullable<AssessRequest['baseline']>;
}

export interface EvaluateOptions {
  asOf?: AsOf;
  method?: MethodId;
  thresholds?: Record<string, DecimalInput>;
  weights?: Record<string, DecimalInput>;
  missing?: NonNullable<EvaluateRequest['missing']>;
  model?: ModelCode;
  /** The plans' printed baselines (default) or their latest revisions. */
  baseline?: NonNullable<EvaluateRequest['baseline']>;
}

/** @deprecated Use `AssessOptions` (the options of `Indicator.assess`). */
export type ProgressOptions = AssessOptions;

export interface IndicatorOptions {
  unit: UnitKind | Unit;
  direction: Direction | 1 | -1;
  baseline: readonly [number, DecimalInput];
  target: readonly [number, DecimalInput] | Target | TargetSpec;
  label?: string | Label;
  nature?: 'anticipatory' | 'binding';
  decimals?: number;
  components?: { numerator: { label: Label; unit: Unit }; denominator: { label: Label; unit: Unit } };
}

export interface ImpliedTarget { year: number; value: DecimalString; comparator: ComparatorCode }

export declare class Indicator implements Disposable {
  dispose(): void;
  [Symbol.dispose](): void;
  readonly disposed: boolean;
  constructor(id: string, options: IndicatorOptions);
  static fromJson(text: string): Indicator;
  toJson(): string;
  readonly id: string;
  readonly label: Label;
  readonly unit: Unit;
  readonly direction: Direction;
  readonly nature: 'anticipatory' | 'binding' | null;
  readonly decimals: number | null;
  readonly baseline: [number, DecimalString];
  readonly target: Target;
  name(lang?: Lang): string;
  impliedTarget(): ImpliedTarget;
  path(kind?: PathKind, options?: { fromYear?: number; fromValue?: DecimalInput }): Milestone[];
  /** Assess the indicator on its observations with a named method (Rust's `Indicator::assess`, Python's `Indicator.assess`). */
  assess(observations: Observations, options?: AssessOptions): Assessment;
  /** @deprecated Use `assess()`: the same call under its old name, kept for one release; warns once at run time. */
  progress(observations: Observations, options?: AssessOptions): Assessment;
  project(observations: Observations, options?: { model?: ModelCode; level?: number; asOf?: AsOf }): Projection;
  /** `rate`: 0.05 or "5%"; a bare rate of 1 or more is refused unless `allowLarge`. */
  whatIf(fromYear: number, value: DecimalInput, growth: { rate?: DecimalInput; increment?: DecimalInput; allowLarge?: boolean }): WhatIf;
  numeratorPath(denominatorYear: number, denominator: DecimalInput, growth: DecimalInput, options?: { kind?: PathKind; allowLarge?: boolean }): Decomposition;
}

export declare class Evaluation implements Disposable {
  /** Evaluations come from `plan.evaluate()`. */
  private constructor();
  dispose(): void;
  [Symbol.dispose](): void;
  readonly disposed: boolean;
  readonly plan: string;
  readonly method: MethodId;
  readonly methodVersion: string;
  readonly asOf: 'latest' | { year: number } | { date: string };
  readonly rows: Assessment[];
  readonly summary: Summary;
  toJson(): string;
  toMarkdown(lang?: Lang): string;
  /** The self-contained HTML report (table, roll-up, charts): the same bytes as Rust and Python. */
  toHtml(lang?: Lang): string;
  /** One indicator's chart as SVG (required paths, observations, projection band, target). */
  chartSvg(indicatorId: string, lang?: Lang): string;
  /** Completion against time share for every indicator, as SVG. */
  paceSvg(lang?: Lang): string;
  /** The report table as CSV: label, unit, nature, target as written, the observation used, the method's numbers. */
  toCsv(lang?: Lang): string;
  /** The report table as objects (the CSV's columns; values as text, exact decimals exact; null when empty). */
  table(lang?: Lang): EvaluationTableRow[];
}

/** One row of Evaluation.table(): every value as the CSV's text (exact decimals stay exact), null when empty. */
export interface EvaluationTableRow {
  indicator: string;
  label: string;
  unit: string | null;
  nature: 'binding' | 'anticipatory' | null;
  target_kind: string;
  comparator: string | null;
  target: string;
  target_year: string | null;
  target_value: DecimalString | null;
  method: string;
  status: string;
  status_label: string;
  completion: DecimalString | null;
  time_share: DecimalString | null;
  pace: DecimalString | null;
  actual_cagr: string | null;
  required_cagr: string | null;
  required_cagr_from_now: string | null;
  ratio: string | null;
  score: string | null;
  index: string | null;
  years_to_target: string | null;
  baseline_year: string;
  baseline_value: DecimalString;
  observation_year: string | null;
  observation_value: DecimalString | null;
  observation_vintage: string | null;
  observation_source: string | null;
  observation_flag: string | null;
  warnings: string | null;
}

export interface YearMonth { year: number; month?: number }
export interface Project {
  table: number;
  number: number;
  name: Label;
  undertakers: string[];
  period: { start: YearMonth; end: YearMonth; phase?: string };
  location: string;
  county?: string;
  summary: Label;
  investments?: { item: string; amount: DecimalString; magnitude: 'one' | 'ten_thousand' | 'hundred_million' }[];
}

export declare class Plan implements Disposable {
  /** Plans come from `Plan.fromJson()` (or `builtinPlan()` in `onpace/builtin`). */
  private constructor();
  dispose(): void;
  [Symbol.dispose](): void;
  readonly disposed: boolean;
  static fromJson(text: string): Plan;
  toJson(): string;
  readonly id: string;
  readonly title: Label;
  readonly period: [number, number];
  readonly baseYear: number;
  /** The plan's indicators; they belong to the plan (plan.dispose() disposes them too). */
  readonly indicators: Indicator[];
  indicator(id: string): Indicator;
  readonly projects: Project[];
  projectsActive(year: number): Project[];
  readonly achievements: Array<Record<string, unknown>>;
  readonly keyFields: Array<{ field: Label; focus: string[]; summary: Label }>;
  readonly sources: Array<{ title: Label; publisher?: string; note?: string }>;
  referenceValue(id: string): [number, DecimalString];
  evaluate(observations: PlanObservations, options?: EvaluateOptions): Evaluation;
  scheduleMarkdown(lang?: Lang): string;
  /** The plan report (schedule, key projects) as a self-contained HTML page. */
  toHtml(lang?: Lang): string;
  /** The key projects (Tables 2, 3 and 5) as a timeline, in SVG. */
  projectsSvg(lang?: Lang): string;
  /** Key projects by year, location, undertaker and table, with their investment total (万元). */
  projectsWhere(query?: { year?: number; location?: string; undertaker?: string; table?: number }): { projects: Project[]; investmentTotal: DecimalString | null };
}

export interface MethodInfo {
  id: MethodId;
  version: string;
  description: string;
  statuses: StatusCode[];
  thresholds: Record<string, DecimalString | null>;
}

export interface StatusInfo {
  code: StatusCode;
  tone: 'good' | 'fair' | 'poor' | 'bad' | 'none';
  symbol: string;
  labels: Record<Lang, string>;
}

/**
 * Load the WebAssembly module. In a browser: required once before anything else (it fetches
 * onpace_wasm_bg.wasm beside the glue unless given a URL, Response, bytes or a compiled module).
 * In Node.js: done on import; needed only when the .wasm was bundled away.
 */
export declare function init(input?: string | URL | Request | Response | PromiseLike<Response> | BufferSource | WebAssembly.Module): Promise<void>;
export declare function methods(): MethodInfo[];
export declare function statuses(): StatusInfo[];
/** The core's error codes (onpace::Error::CODES), without the JS-only ones. */
export declare function errorCodes(): ErrorCode[];
/** Observations from long CSV (`indicator,year,value[,numerator,denominator,vintage,flag,source]`), read by the core. */
export declare function readObservationsCsv(text: string): Record<string, ObservationRecord[]>;
/** A plan from its CSV template (one row per indicator, columns as in docs/plan-format.md); errors carry the line. */
export declare function readPlanCsv(text: string, options?: { id?: string; name?: string }): Plan;
export declare function version(): string;
/** A rate as a fraction string by the core's one parser: "7%" and 0.07 give "0.07"; a bare 7 is refused. */
export declare function parseRate(rate: DecimalInput, options?: { allowLarge?: boolean; field?: string }): DecimalString;
export declare function progress(
  base: readonly [number, DecimalInput],
  latest: readonly [number, DecimalInput],
  target: readonly [number, DecimalInput],
  direction?: Direction,
): Progress;
export declare function requiredPath(start: readonly [number, DecimalInput], end: readonly [number, DecimalInput], kind?: PathKind): Milestone[];
/** Project (year, value) points to `year` (Rust's `project_trend`); options left out take the core's defaults. */
export declare function projectTrend(
  points: ReadonlyArray<readonly [number, DecimalInput]>,
  year: number,
  options?: { low?: DecimalInput | null; high?: DecimalInput | null; model?: ModelCode; level?: number },
): Projection;
/** @deprecated Use `projectTrend()`: the same call under its old name, kept for one release; warns once at run time. */
export declare function project(
  points: ReadonlyArray<readonly [number, DecimalInput]>,
  year: number,
  options?: { low?: DecimalInput | null; high?: DecimalInput | null; model?: ModelCode; level?: number },
): Projection;
export declare const ERROR_NAMES: Record<ErrorCode, string>;

// ---- The batch (js/batch.js; docs/batch.md, "JavaScript") -------------------------------------
// Written by hand: the batch's inputs and outputs are typed arrays, not the core's JSON requests
// and results, so tools/types/generate.py has nothing to generate them from.

/** The methods the array batch runs (`batchMethods()` lists them from the core). */
export type BatchMethodId = Exclude<MethodId, 'destatis'>;
/** A batch input column: one value per series, or one number for every series. `null` in a plain array is NaN. */
export type BatchColumn =
  | number | Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array
  | Uint8ClampedArray | ReadonlyArray<number | null>;
/** The columns of `batchAssess` (Python's `onpace.batch.assess` arguments, in camelCase). */
export interface BatchColumns {
  baseline: BatchColumn;
  target: BatchColumn;
  baseYear: BatchColumn;
  targetYear: BatchColumn;
  year: BatchColumn;
  value: BatchColumn;
  /** +1 higher is better (default), −1 lower is better. */
  direction?: BatchColumn;
  /** `eurostat` only, with `startValue`: the window start (default: the baseline). */
  startYear?: BatchColumn;
  startValue?: BatchColumn;
}
export interface BatchOptions {
  method?: BatchMethodId;
  /** The method's thresholds by name (camelCase or snake_case): numbers (numeric text and bigints as Python's float() takes them). */
  thresholds?: Record<string, number | bigint | string>;
}
/** What `batchAssess` returns: the method's value columns (NaN where none) and the int8 `status` codes. */
export interface BatchResult {
  /**
   * Codes of `batchStatusCodes(method)`: position in the method's statuses, best first; −1
   * not_assessable; −2 monitored (cn-plan-pace on a series without a target, i.e. a NaN target).
   */
  status: Int8Array;
  /** cn-plan-pace. */
  completion?: Float64Array;
  timeShare?: Float64Array;
  pace?: Float64Array;
  actualCagr?: Float64Array;
  requiredCagr?: Float64Array;
  /** Every method. */
  ratio?: Float64Array;
  /** open-sdg, unsd, sdsn. */
  score?: Float64Array;
  /** escap (the Current Status Index). */
  index?: Float64Array;
}
/** Any batch method over columns of series (Python's `onpace.batch.assess`). */
export declare function batchAssess(columns: BatchColumns, options?: BatchOptions): BatchResult;
/** The ids of the batch's methods, from the core. */
export declare function batchMethods(): BatchMethodId[];
/** A batch method's int8 status codes → status codes (Python's `onpace.batch.status_codes`). */
export declare function batchStatusCodes(method?: BatchMethodId): Record<number, StatusCode>;

/** A cell of a panel: a number, or null/undefined for no figure. */
export type PanelNumber = number | null | undefined;
/** One row of a long-format panel (the default `by` keys; others by `by`). */
export interface PanelRow {
  [column: string]: string | number | null | undefined;
  indicator?: string | number;
  region?: string | number;
  year?: number;
  value?: PanelNumber;
  baseline?: PanelNumber;
  baseYear?: PanelNumber;
  target?: PanelNumber;
  targetYear?: PanelNumber;
  /** +1/−1 or 'increase'/'decrease' (default +1). */
  direction?: number | Direction | null;
}
/** A panel as columns: one array (or typed array) per column, all of one length. */
export type PanelColumns = Record<string, ReadonlyArray<string | number | null | undefined> | Float64Array | Int32Array | Uint32Array>;
export interface PanelOptions {
  method?: MethodId;
  /** Each series' indicator by its first `by` key: a Plan, a Map or an object of id → Indicator. */
  plan?: Plan | ReadonlyMap<string | number, Indicator> | Record<string, Indicator>;
  thresholds?: Record<string, DecimalInput>;
  model?: ModelCode;
  /** The series keys (default ['indicator', 'region']). */
  by?: string[];
  /** The year and value column names (default 'year' and 'value'). */
  year?: string;
  value?: string;
}
/** One series of a panel: its keys, the exact method's status and numbers (null where none), and its error. */
export interface PanelResult {
  [key: string]: string | number | null;
  status: StatusCode;
  completion: number | null;
  timeShare: number | null;
  pace: number | null;
  actualCagr: number | null;
  requiredCagr: number | null;
  ratio: number | null;
  score: number | null;
  index: number | null;
  /** The error code of a series that could not be assessed (its status is then not_assessable). */
  error: ErrorCode | null;
  message: string | null;
}
/** A long-format panel, one result per series sorted by its keys (Python's `onpace.batch.evaluate`). */
export declare function batchEvaluate(rows: ReadonlyArray<PanelRow> | PanelColumns, options?: PanelOptions): PanelResult[];
