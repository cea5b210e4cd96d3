// Shared helpers: exact decimal comparison with BigInt, float tolerance, vector loading.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const VECTORS = path.join(ROOT, 'tests', 'vectors');

export function loadVectors(name) {
  return JSON.parse(readFileSync(path.join(VECTORS, name), 'utf8'));
}

export function vectorFiles() {
  return readdirSync(VECTORS).filter((f) => f.endsWith('.json')).sort();
}

/** A decimal string as [BigInt numerator, BigInt power of ten]. */
function parseDec(s) {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(String(s).trim());
  assert.ok(m, `not a decimal: ${s}`);
  const digits = `${m[2] || '0'}${m[3] || ''}`;
  const n = BigInt(digits) * (m[1] === '-' ? -1n : 1n);
  return [n, 10n ** BigInt((m[3] || '').length)];
}

const abs = (x) => (x < 0n ? -x : x);

/** Exact strings compare exactly (as numbers: 1.10 == 1.1); "p/q" to 25 significant digits. */
export function checkDec(name, field, actual, expected) {
  if (expected === null || expected === undefined) {
    assert.equal(actual, null, `${name}: ${field} = ${actual}, expected null`);
    return;
  }
  assert.ok(actual !== null && actual !== undefined, `${name}: ${field} is null, expected ${expected}`);
  const [an, ad] = parseDec(actual);
  if (String(expected).includes('/')) {
    const [p, q] = String(expected).split('/').map(BigInt);
    const diff = abs(an * q - p * ad);
    const scale = abs(p * ad) > q * ad ? abs(p * ad) : q * ad;
    assert.ok(diff * 10n ** 25n <= scale, `${name}: ${field} = ${actual}, expected ${expected}`);
  } else {
    const [en, ed] = parseDec(expected);
    assert.equal(an * ed, en * ad, `${name}: ${field} = ${actual}, expected ${expected}`);
  }
}

export function checkFloat(name, field, actual, expected, tol) {
  if (expected === null || expected === undefined) {
    assert.equal(actual, null, `${name}: ${field} = ${actual}, expected null`);
    return;
  }
  assert.equal(typeof actual, 'number', `${name}: ${field} = ${actual}, expected ${expected}`);
  const err = expected === 0 ? Math.abs(actual) : Math.abs((actual - expected) / expected);
  assert.ok(err <= tol, `${name}: ${field} = ${actual}, expected ${expected} (relative error ${err})`);
}

/** A seeded generator (mulberry32, public domain): the same random rows on every run. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A vector number as a float: a number, a decimal string or an exact fraction "p/q". */
export function vectorNumber(v) {
  const s = String(v);
  if (s.includes('/')) {
    const [p, q] = s.split('/');
    return Number(p) / Number(q);
  }
  return Number(s);
}

/** `a` within `rel` (relative to `b`) or `abs` of `b`. */
export const near = (a, b, rel, abs) => Math.abs(a - b) <= Math.max(abs, rel * Math.abs(b));

/**
 * `fn` throws an onpace error with this code and field (and of this class: TypeError, RangeError
 * or the code's), and not a trap.
 */
export function throwsCoded(fn, code, field, kind) {
  assert.throws(fn, (e) => {
    assert.ok(e !== null && typeof e === 'object' && e[Symbol.for('onpace.error')] === true, `not an onpace error: ${e}`);
    assert.equal(e.code, code, e.message);
    if (field !== undefined) assert.equal(e.field, field, e.message);
    if (kind) assert.ok(e instanceof kind, `${e.name}: ${e.message}`);
    assert.ok(!/RuntimeError|unreachable|memory access/.test(e.message), e.message);
    return true;
  });
}
