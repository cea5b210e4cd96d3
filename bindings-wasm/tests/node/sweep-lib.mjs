// The wrong-type sweep's machinery, shared by sweep.test.mjs (`onpace`) and calc.test.mjs
// (`onpace/calc`): every callable called with each wrong-typed value in each argument position.
import assert from 'node:assert/strict';
import { isOnpaceError, OnpaceError } from 'onpace';

export const BAD = [12, 1.5, {}, [], null, undefined, Symbol('s'), 10n, true, () => 1, new Date(Number.NaN)];
const show = (v) => (typeof v === 'symbol' ? 'Symbol' : typeof v === 'bigint' ? `${v}n` : typeof v === 'function' ? 'function' : JSON.stringify(v) ?? String(v));

/** Calls fn; returns 'ok' or the error, failing on anything that is not an onpace error. */
export async function probe(label, fn) {
  let out;
  try {
    out = fn();
    if (out && typeof out.then === 'function') await out;
    return 'ok';
  } catch (e) {
    assert.ok(isOnpaceError(e), `${label}: not an onpace error: ${e && e.name}: ${e && e.message}`);
    assert.ok(e instanceof OnpaceError, label);
    assert.equal(typeof e.code, 'string', label);
    assert.ok(!/RuntimeError|memory access|unreachable/.test(`${e.name} ${e.message}`), `${label}: ${e.message}`);
    return e;
  }
}

/**
 * The sweep's tables for the indicator API of `mod` (`onpace` or `onpace/calc`): every function,
 * static and method with arguments that work. `ind` makes an indicator that is a ratio with
 * components (so numeratorPath works).
 */
export function indicatorTables(mod, ind) {
  const SPEC = { unit: 'percent', direction: 'increase', baseline: [2020, '1'], target: [2025, '2'] };
  return {
    MODULE: {
      init: [[]],
      methods: [[]],
      statuses: [[]],
      version: [[]],
      errorCodes: [[]],
      parseRate: [['7%', { allowLarge: false, field: 'rate' }]],
      progress: [[[2020, 1], [2022, 2], [2025, 3], 'increase']],
      requiredPath: [[[2020, 1], [2025, 2], 'linear']],
      projectTrend: [[[[2020, 1], [2021, 2], [2022, 3]], 2025, { model: 'ols_linear', level: 0.9 }]],
      project: [[[[2020, 1], [2021, 2], [2022, 3]], 2025, { model: 'ols_linear', level: 0.9 }]],
      formatError: [[new Error('x'), 'zh']],
      isOnpaceError: [[new Error('x')]],
    },
    STATIC: {
      'Target.level': [mod.Target.level, [2025, '2', 'at_least', '0']],
      'Target.range': [mod.Target.range, [2025, '1', '2']],
      'Target.change': [mod.Target.change, [2025, '0.1', 'relative']],
      'Target.annualGrowth': [mod.Target.annualGrowth, [2025, '0.05', 'at_least']],
      'Target.relative': [mod.Target.relative, [2025, 'gdp', 'in_step_with', { tolerance: '0.5' }]],
      'Target.everyYear': [mod.Target.everyYear, [2025, '5.5', 'below']],
      'Target.averageRate': [mod.Target.averageRate, [2025, '7', 'above']],
      'Target.none': [mod.Target.none, []],
      'Indicator.fromJson': [mod.Indicator.fromJson, [ind().toJson()]],
      'new Indicator': [(...a) => new mod.Indicator(...a), ['x', SPEC]],
      'new Target': [(...a) => new mod.Target(...a), [{ kind: 'none' }]],
    },
    METHODS: {
      Indicator: [ind, {
        toJson: [], name: ['en'], impliedTarget: [], path: ['linear', { fromYear: 2022, fromValue: '0.6' }],
        assess: [{ 2022: '0.6' }, { method: 'eurostat', asOf: 2022, thresholds: {}, model: 'ols_linear' }],
        progress: [{ 2022: '0.6' }, { method: 'eurostat', asOf: 2022, thresholds: {}, model: 'ols_linear' }],
        project: [{ 2021: '0.45', 2022: '0.6' }, { model: 'ols_linear', level: 0.9, asOf: 2022 }],
        whatIf: [2022, '0.6', { rate: '0.05' }], numeratorPath: [2020, '726.86', '0.05', { kind: 'linear' }],
        dispose: [],
      }],
      Target: [() => mod.Target.none(), { toJSON: [] }],
    },
  };
}

/**
 * Sweeps `module`'s functions (MODULE: name → lists of good arguments), statics (STATIC: label →
 * [fn, good arguments or null]) and methods (METHODS: class → [make an instance, method → good
 * arguments]); returns {calls, errors}.
 */
export async function sweepAll(module, { MODULE, STATIC, METHODS }) {
  let calls = 0;
  let errors = 0;
  const sweep = async (label, fn, good, makeSelf) => {
    const n = Math.max(good.length, 1) + 1; // one position past the last argument as well
    for (let i = 0; i < n; i += 1) {
      for (const bad of BAD) {
        const args = [...good];
        args[i] = bad;
        const self = makeSelf ? makeSelf() : null;
        const r = await probe(`${label} argument ${i + 1} = ${show(bad)}`, () => fn.apply(self, args));
        calls += 1;
        if (r !== 'ok') errors += 1;
        self?.dispose?.();
      }
    }
  };
  for (const [name, goods] of Object.entries(MODULE)) for (const good of goods) await sweep(name, module[name], good);
  for (const [name, [fn, good]] of Object.entries(STATIC)) await sweep(name, fn, good ?? [Symbol('token'), {}]);
  for (const [cls, [make, methods]] of Object.entries(METHODS)) {
    for (const [m, good] of Object.entries(methods)) {
      await sweep(`${cls}.${m}`, make()[m], good, make);
    }
  }
  return { calls, errors };
}

/** The public methods of a class (own and inherited, not `_private`). */
export function methodNames(cls) {
  const names = new Set();
  for (let p = cls.prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const n of Object.getOwnPropertyNames(p)) {
      const d = Object.getOwnPropertyDescriptor(p, n);
      if (n !== 'constructor' && !n.startsWith('_') && typeof d.value === 'function') names.add(n);
    }
  }
  return names;
}
