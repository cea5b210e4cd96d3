// Python ↔ JS: one random panel through Python's onpace.batch.evaluate and JS's batchEvaluate
// gives the same series, statuses, errors and messages, and the same numbers (both run the
// core's panel and its f64 conversion, math::batch::panel::numbers). Needs the repository's .venv with the
// onpace wheel, which scripts/test-all installs before the JS tests; without it the test says so
// and is skipped (never in CI).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as onpace from 'onpace';
import { ROOT, rng } from './helpers.mjs';

const PYTHON = path.join(ROOT, '.venv', 'bin', 'python');
const SCRIPT = `
import json, sys
import pandas as pd
import onpace
rows = json.load(sys.stdin)
frame = pd.DataFrame(rows).rename(columns={"baseYear": "base_year", "targetYear": "target_year"})
frame["value"] = frame["value"].astype(float)
out = []
for method, model in [("open-sdg", None), ("destatis", None), ("escap", "ols_loglinear"), ("cn-plan-pace", None)]:
    got = onpace.batch.evaluate(frame, method=method, model=model)
    for r in got.to_dict("records"):
        out.append({k: (None if isinstance(v, float) and v != v else v) for k, v in r.items()} | {"method": method})
print(json.dumps(out))
`;

function panel() {
  const r = rng(2026);
  const rows = [];
  for (let s = 0; s < 40; s += 1) {
    const b = Math.round((1 + 20 * r()) * 100) / 100;
    const t = Math.round((b + (r() < 0.5 ? -1 : 1) * (1 + 5 * r())) * 100) / 100;
    for (let y = 2018; y <= 2024; y += 1) {
      if (r() < 0.7) rows.push({ indicator: `i${s % 3}`, region: `r${s}`, year: y, value: r() < 0.05 ? null : Math.round((b + (y - 2018) * (r() - 0.3)) * 100) / 100, baseline: b, baseYear: 2018, target: t, targetYear: 2030, direction: t > b ? 1 : -1 });
    }
  }
  return rows;
}

const available = existsSync(PYTHON) && (() => {
  try { execFileSync(PYTHON, ['-c', 'import onpace.batch, pandas'], { stdio: 'ignore' }); return true; } catch { return false; }
})();

// Under CI (scripts/test-all installs the wheel before the JS tests) it never skips: it fails.
test('Python and JS give one panel the same results', { skip: available || process.env.CI ? false : 'no .venv with the onpace wheel and pandas (scripts/test-all installs them)' }, () => {
  const rows = panel();
  const python = JSON.parse(execFileSync(PYTHON, ['-c', SCRIPT], { input: JSON.stringify(rows), encoding: 'utf8' }));
  const snake = { timeShare: 'time_share', actualCagr: 'actual_cagr', requiredCagr: 'required_cagr' };
  let compared = 0;
  const statuses = new Set();
  for (const [method, model] of [['open-sdg'], ['destatis'], ['escap', 'ols_loglinear'], ['cn-plan-pace']]) {
    const js = onpace.batchEvaluate(rows, model ? { method, model } : { method });
    const py = python.filter((p) => p.method === method);
    assert.equal(js.length, py.length, method);
    js.forEach((j, k) => {
      const p = py[k];
      assert.deepEqual([j.indicator, j.region, j.status, j.error, j.message], [p.indicator, p.region, p.status, p.error, p.message], `${method} ${j.region}`);
      // The exact decimals' fields, bit for bit; the irrational ones (rates, ratios, scores) come
      // from each platform's libm (glibc natively, Rust's libm port in WebAssembly), so within
      // a few ulps (1e-12, as the batch tests allow).
      for (const f of ['completion', 'timeShare', 'pace']) {
        assert.ok(Object.is(j[f], p[snake[f] ?? f]), `${method} ${j.region} ${f}: JS ${j[f]}, Python ${p[snake[f] ?? f]}`);
      }
      for (const f of ['actualCagr', 'requiredCagr', 'ratio', 'score', 'index']) {
        const [a, b] = [j[f], p[snake[f] ?? f]];
        assert.ok(a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(b), 1)), `${method} ${j.region} ${f}: JS ${a}, Python ${b}`);
      }
      compared += 1;
      statuses.add(j.status);
    });
  }
  assert.ok(compared >= 120, `${compared} series`);
  assert.ok(statuses.size >= 5, [...statuses].join(', ')); // many bands of four methods, not one
});
