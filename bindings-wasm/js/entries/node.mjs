// The Node.js ES module entry: the module is loaded when this file is imported (from
// ../web/onpace_wasm_bg.wasm, the same glue and module as the browser's), so init() is optional.
// A server bundle that leaves the .wasm behind: mark `onpace` external, or call
// `await init(bytes)` with the module's bytes (README, "Bundlers").
import { initSync } from '../web/onpace_wasm.js';
import { connect } from '../api.js';
import { nodeLoader } from '../init-node.js';

const loader = nodeLoader(initSync, new URL('../web/onpace_wasm_bg.wasm', import.meta.url));
connect(loader);

export const { init } = loader;
export { Plan, Evaluation, readObservationsCsv, readPlanCsv } from '../plan.js';
export { batchAssess, batchEvaluate, batchMethods, batchStatusCodes } from '../batch.js';
export { Target, Indicator, methods, statuses, version, parseRate, progress, requiredPath, projectTrend, project, errorCodeList as errorCodes, ERROR_NAMES } from '../api.js';
export { OnpaceError, isOnpaceError, formatError, InvalidPlanError, ParseError, InvalidObservationsError, UnknownIndicatorError, UnknownPlanError, UnknownMethodError, InvalidArgumentError, UndefinedGrowthError, InsufficientDataError, NoTargetError, YearOutOfRangeError, OverflowError, NotInitializedError, DisposedError } from '../errors.js';
