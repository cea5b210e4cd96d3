// Types of `onpace/schema`.
/** The JSON Schema of plan JSON (core/schema/plan.schema.json), as text. */
export declare function planSchema(): string;
