// Types of `onpace/calc`: the indicator API on the calculator module (no plans, reports or CSV).
// The declarations are the main entry's (index.d.ts), re-exported: one source for both.
export {
  init, Target, Indicator, methods, statuses, version, parseRate, progress, requiredPath, projectTrend, project, errorCodes, ERROR_NAMES,
  OnpaceError, isOnpaceError, formatError, InvalidPlanError, ParseError, InvalidObservationsError, UnknownIndicatorError,
  UnknownPlanError, UnknownMethodError, InvalidArgumentError, UndefinedGrowthError, InsufficientDataError, NoTargetError,
  YearOutOfRangeError, OverflowError, NotInitializedError, DisposedError,
} from './index.js';
export type {
  DecimalInput, DecimalString, Lang, Direction, PathKind, MethodId, ModelCode, ComparatorCode, StatusCode, ErrorCode, Disposable,
  Label, Unit, UnitKind, ComparatorSpec, TargetSpec, Flag, ObservationRow, ObservationRecord, Observations, AsOf, Milestone,
  ResultWarning, UsedInputs, Assessment, Projection, Progress, WhatIf, DecompositionRow, Decomposition, AssessOptions, ProgressOptions,
  IndicatorOptions, ImpliedTarget, MethodInfo, StatusInfo,
} from './index.js';
