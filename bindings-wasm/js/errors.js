// The errors of the onpace JS package: one class per error code, usable with `instanceof`,
// and a formatter that words them in zh, en or ko. bindings-wasm/README.md describes them.
//
// The codes, class names and kinds are the Rust core's error table (`onpace::Error::TABLE`),
// written into the generated blocks below by tools/types/generate.py; tests/node/errors.test.mjs
// checks them against the module's codes too. Plus two codes that only exist in JS:
// `not_initialized` (a call before `await init()`) and `disposed` (a call on an object after
// `dispose()`).
//
// Errors about the *type* of an argument are real `TypeError`s, and numbers out of their domain
// real `RangeError`s, as JS code expects; `instanceof OnpaceError` (and of the class of the
// code) still holds for them, because the classes test a brand and the code rather than the
// prototype chain.

// BEGIN generated: table (tools/types/generate.py, from core/schema/errors.json: the core's
// error table, onpace::Error::TABLE; do not edit, scripts/test-all fails when it differs)
/** code → JS class name: the core's codes, in its order. */
const CORE_CODES = {
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
/** The core's codes JS throws as a RangeError (a number out of its domain). */
const RANGE_CODES = ['year_out_of_range', 'overflow'];
// END generated: table

/** code → class name; the order of the core's `Error::CODES`, then the JS-only codes. */
const CODES = /* @__PURE__ */ Object.assign({}, CORE_CODES, { not_initialized: 'NotInitializedError', disposed: 'DisposedError' });
/** The codes that exist only in JS (the rest are the core's). */
const JS_ONLY_CODES = ['not_initialized', 'disposed'];

// A registered symbol: errors from two copies of the package (or two realms) still count.
const BRAND = Symbol.for('onpace.error');

/** True for every error onpace throws, whatever its class (Error, TypeError or RangeError). */
function isOnpaceError(value) {
  return value !== null && typeof value === 'object' && value[BRAND] === true && typeof value.code === 'string';
}

class OnpaceError extends Error {
  constructor(message, { code = 'invalid_argument', field = '', line = null } = {}) {
    super(message);
    brand(this, code, field, line);
  }

  // `e instanceof OnpaceError` (or `instanceof ParseError`): the brand and the code decide, so
  // the TypeError and RangeError forms count too.
  static [Symbol.hasInstance](value) {
    return isOnpaceError(value) && (this.code === undefined || value.code === this.code);
  }
}

function brand(e, code, field, line) {
  Object.defineProperty(e, BRAND, { value: true });
  e.name = CODES[code] || 'OnpaceError';
  e.code = code;
  e.field = field;
  e.line = line;
  return e;
}

function subclass(code) {
  const name = CODES[code];
  // A computed name so that stack traces and `constructor.name` show e.g. ParseError.
  const cls = { [name]: class extends OnpaceError {} }[name];
  Object.defineProperty(cls, 'code', { value: code });
  return cls;
}

// BEGIN generated: classes (tools/types/generate.py, from core/schema/errors.json)
const InvalidPlanError = /* @__PURE__ */ subclass('invalid_plan');
const ParseError = /* @__PURE__ */ subclass('parse');
const InvalidObservationsError = /* @__PURE__ */ subclass('invalid_observations');
const UnknownIndicatorError = /* @__PURE__ */ subclass('unknown_indicator');
const UnknownPlanError = /* @__PURE__ */ subclass('unknown_plan');
const UnknownMethodError = /* @__PURE__ */ subclass('unknown_method');
const InvalidArgumentError = /* @__PURE__ */ subclass('invalid_argument');
const UndefinedGrowthError = /* @__PURE__ */ subclass('undefined_growth');
const InsufficientDataError = /* @__PURE__ */ subclass('insufficient_data');
const NoTargetError = /* @__PURE__ */ subclass('no_target');
const YearOutOfRangeError = /* @__PURE__ */ subclass('year_out_of_range');
const OverflowError = /* @__PURE__ */ subclass('overflow');
// END generated: classes
const NotInitializedError = /* @__PURE__ */ subclass('not_initialized');
const DisposedError = /* @__PURE__ */ subclass('disposed');

const CLASSES = {
  InvalidPlanError, ParseError, InvalidObservationsError, UnknownIndicatorError, UnknownPlanError,
  UnknownMethodError, InvalidArgumentError, UndefinedGrowthError, InsufficientDataError, NoTargetError,
  YearOutOfRangeError, OverflowError, NotInitializedError, DisposedError,
};

/**
 * A new onpace error. `kind` is 'type' for a wrong argument type (a TypeError), 'range' for a
 * number out of its domain (a RangeError), otherwise an instance of the code's class.
 */
function makeError(code, field, message, kind) {
  if (kind === 'type' || kind === 'range') {
    return brand(kind === 'type' ? new TypeError(message) : new RangeError(message), code, field, null);
  }
  const cls = CLASSES[CODES[code]] || OnpaceError;
  return new cls(message, { code, field, line: null });
}

// ---- Messages in zh, en and ko ---------------------------------------------------------------
// The core's messages are English and name the field and the value; `formatError(e, lang)`
// gives a sentence in the UI's language from the code and the field, and keeps the English
// detail for 'en'.

const TEXT = {
  en: {
    invalid_plan: 'does not satisfy the indicator rules', parse: 'not a valid number', invalid_observations: 'invalid observations',
    unknown_indicator: 'no such indicator', unknown_plan: 'no such plan', unknown_method: 'no such method',
    invalid_argument: 'invalid argument', undefined_growth: 'no growth rate exists for these values (zero or a change of sign)',
    insufficient_data: 'not enough data', no_target: 'no target that can be computed', year_out_of_range: 'year out of range or out of order',
    overflow: 'too large for an exact decimal', not_initialized: 'call await init() first', disposed: 'the object was disposed',
    empty: 'enter a number', yearFirst: 'the target year must be after the baseline year',
  },
  zh: {
    invalid_plan: '不符合指标规则', parse: '不是有效的数值', invalid_observations: '观测值有误',
    unknown_indicator: '没有这个指标', unknown_plan: '没有这个规划', unknown_method: '没有这种评估方法',
    invalid_argument: '参数无效', undefined_growth: '无法计算增速（数值为零或符号变化）',
    insufficient_data: '数据不足', no_target: '没有可计算的目标', year_out_of_range: '年份超出范围或顺序不对',
    overflow: '数值太大，超出精确小数的范围', not_initialized: '请先调用 await init()', disposed: '对象已释放',
    empty: '请输入数值', yearFirst: '目标年份须晚于基期年份',
  },
  ko: {
    invalid_plan: '지표 규칙에 맞지 않습니다', parse: '올바른 숫자가 아닙니다', invalid_observations: '관측값 오류',
    unknown_indicator: '없는 지표입니다', unknown_plan: '없는 계획입니다', unknown_method: '없는 평가 방법입니다',
    invalid_argument: '인수가 올바르지 않습니다', undefined_growth: '증가율을 계산할 수 없습니다(0 또는 부호 변화)',
    insufficient_data: '데이터가 부족합니다', no_target: '계산할 수 있는 목표가 없습니다',
    year_out_of_range: '연도가 범위를 벗어났거나 순서가 맞지 않습니다', overflow: '값이 너무 커서 정확한 십진수 범위를 넘습니다',
    not_initialized: '먼저 await init()을 호출하세요', disposed: '이미 해제된 객체입니다',
    empty: '값을 입력하세요', yearFirst: '목표 연도는 기준 연도보다 뒤여야 합니다',
  },
};

const FIELDS = {
  en: { 'baseline.year': 'Baseline year', 'baseline.value': 'Baseline value', 'target.year': 'Target year', target: 'Target', obs: (y) => `Observation ${y}` },
  zh: { 'baseline.year': '基期年份', 'baseline.value': '基期值', 'target.year': '目标年份', target: '目标', obs: (y) => `${y} 年观测值` },
  ko: { 'baseline.year': '기준 연도', 'baseline.value': '기준값', 'target.year': '목표 연도', target: '목표', obs: (y) => `${y}년 관측값` },
};

/** The field of an error in words of the language, or null when it has none there. */
function fieldWords(field, lang) {
  const words = FIELDS[lang];
  if (!words || !field) return null;
  const obs = /observations(?:\.[^[]+)?\[(-?\d+)\]/.exec(field);
  if (obs) return words.obs(obs[1]);
  for (const key of ['baseline.year', 'baseline.value', 'target.year']) if (field.endsWith(key)) return words[key];
  if (/(^|\.)target(\.|$)/.test(field)) return words.target;
  return null;
}

/**
 * The error as a sentence for a form in `lang` ('zh', 'en' or 'ko'): the field and what is
 * wrong with it, in words (`error.message` keeps the core's full English detail). Errors that
 * are not onpace's give their message; an unknown language gives the message.
 */
function formatError(error, lang = 'en') {
  if (!isOnpaceError(error)) return String(error && error.message ? error.message : error);
  const text = TEXT[lang];
  if (!text) return error.message;
  let what = text[error.code] || text.invalid_argument;
  // The same fault under another code: a bad number inside a plan is an invalid plan.
  if (/empty number/.test(error.message)) what = text.empty;
  else if (/is not a decimal number|is not a finite number|more than 28 significant digits/.test(error.message)) what = text.parse;
  else if (/must be after the baseline year/.test(error.message)) what = text.yearFirst;
  const where = fieldWords(error.field, lang);
  if (!where) return lang === 'en' ? error.message : what;
  return lang === 'zh' ? `${where}：${what}` : `${where}: ${what}`;
}

/** What the entry points export of this module (the CommonJS entries spread it). */
const PUBLIC = /* @__PURE__ */ Object.assign({ OnpaceError, isOnpaceError, formatError }, CLASSES);

export {
  CODES, RANGE_CODES, JS_ONLY_CODES, PUBLIC, OnpaceError, isOnpaceError, makeError, formatError, InvalidPlanError, ParseError, InvalidObservationsError, UnknownIndicatorError, UnknownPlanError, UnknownMethodError, InvalidArgumentError, UndefinedGrowthError, InsufficientDataError, NoTargetError, YearOutOfRangeError, OverflowError, NotInitializedError, DisposedError,
};
