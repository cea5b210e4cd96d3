// Types of `onpace/element`: the <onpace-calculator> custom element.
import type { Indicator, Assessment, Projection, Milestone, MethodId, Lang, OnpaceError, DecimalInput } from './index.js';

export interface OnpaceResultDetail {
  assessment: Assessment;
  projection: Projection | null;
  milestones: Milestone[];
}
export interface OnpaceInvalidDetail {
  /** One error per field at fault (each observation cell its own). */
  errors: OnpaceError[];
}

/**
 * `<onpace-calculator>`: attributes `builtin` ("plan-id/indicator-id"), `indicator` (indicator
 * JSON), `observations` (JSON {year: value}), `method`, `lang`; the same as properties. Fires
 * `onpace-result` when the result changes and `onpace-invalid` when an input is invalid (the
 * results are cleared then). Style it with --onpace-* custom properties and ::part(form),
 * ::part(results), ::part(status), ::part(field), ::part(label), ::part(input), ::part(error),
 * ::part(observations), ::part(bar), ::part(chart), ::part(milestones).
 */
export declare class OnpaceCalculator extends HTMLElement {
  static readonly observedAttributes: string[];
  indicator: Indicator | object | string | null;
  observations: Record<number | string, DecimalInput> | Map<number, DecimalInput> | ReadonlyArray<readonly [number, DecimalInput]>;
  method: MethodId | string;
  lang: Lang | string;
  /** The last result, or null while the input is invalid. */
  readonly result: OnpaceResultDetail | null;
  /** The first error of the input, or null. */
  readonly error: OnpaceError | null;
}

/** Per cent text as fraction text, exactly: "5" → "0.05". */
export declare function percentToFraction(text: string): string;
/** Fraction text as per cent text, exactly: "0.05" → "5". */
export declare function fractionToPercent(text: string): string;

declare global {
  interface HTMLElementTagNameMap {
    'onpace-calculator': OnpaceCalculator;
  }
  interface HTMLElementEventMap {
    'onpace-result': CustomEvent<OnpaceResultDetail>;
    'onpace-invalid': CustomEvent<OnpaceInvalidDetail>;
  }
}
