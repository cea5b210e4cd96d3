// Types of `onpace/builtin`: the plans shipped with onpace.
import type { Plan, DecimalString } from './index.js';

/** The ids of the built-in plans, e.g. ['yanbian-st-14', 'cn-14th-fyp-st']. */
export declare function builtinPlans(): string[];
/** A built-in plan (a new Plan each call). */
export declare function builtinPlan(id?: string): Plan;
/** A built-in plan's published observations: {indicator: {year: value}}. */
export declare function builtinObservations(id: string): Record<string, Record<number, DecimalString>>;
