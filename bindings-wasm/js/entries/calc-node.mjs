// `onpace/calc` for Node.js (ES modules): the calculator module, loaded at import from
// ../web/onpace_calc_bg.wasm (init() is optional, as in `onpace`).
import { initSync } from '../web/onpace_calc.js';
import { connect } from '../api.js';
import { nodeLoader } from '../../init-node.js';

const loader = nodeLoader(initSync, new URL('../web/onpace_calc_bg.wasm', import.meta.url));
connect(loader);

export const { init } = loader;
export { Target, Indicator, methods, statuses, version, parseRate, progress, requiredPath, projectTrend, project, errorCodeList as errorCodes, ERROR_NAMES } from '../api.js';
export { OnpaceError, isOnpaceError, formatError, InvalidPlanError, ParseError, InvalidObservationsError, UnknownIndicatorError, UnknownPlanError, UnknownMethodError, InvalidArgumentError, UndefinedGrowthError, InsufficientDataError, NoTargetError, YearOutOfRangeError, OverflowError, NotInitializedError, DisposedError } from '../../errors.js';
