// Python ↔ JS: one random panel through Python's onpace.batch.evaluate and JS's batchEvaluate
// gives the same series, statuses, errors and numbers, bit for bit (both run the core's panel
// and its f64 conversion, math::batch::panel::numbers). Needs the repository's .venv with the
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

test('Python and JS give one panel the same results', { skip: available ? false : 'no .venv with the onpace wheel and pandas (scripts/test-all installs them)' }, () => {
  const rows = panel();
  const python = JSON.parse(execFileSync(PYTHON, ['-c', SCRIPT], { input: JSON.stringify(rows), encoding: 'utf8' }));
  const snake = { timeShare: 'time_share', actualCagr: 'actual_cagr', requiredCagr: 'required_cagr' };
  let compared = 0;
  for (const [method, model] of [['open-sdg'], ['destatis'], ['escap', 'ols_loglinear'], ['cn-plan-pace']]) {
    const js = onpace.batchEvaluate(rows, model ? { method, model } : { method });
    const py = python.filter((p) => p.method === method);
    assert.equal(js.length, py.length, method);
    js.forEach((j, k) => {
      const p = py[k];
      assert.deepEqual([j.indicator, j.region, j.status, j.error, j.message], [p.indicator, p.region, p.status, p.error, p.message], `${method} ${j.region}`);
      for (const f of ['completion', 'timeShare', 'pace', 'actualCagr', 'requiredCagr', 'ratio', 'score', 'index']) {
        assert.ok(Object.is(j[f], p[snake[f] ?? f]), `${method} ${j.region} ${f}: JS ${j[f]}, Python ${p[snake[f] ?? f]}`);
      }
      compared += 1;
    });
  }
  assert.ok(compared >= 120, `${compared} series`);
});
