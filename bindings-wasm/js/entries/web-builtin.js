// `onpace/builtin` for browsers: the plans shipped with onpace, in their own module so that a
// bundle that does not import them leaves their ~16 KB (gzipped) out.
import { Plan } from './index.js';
import * as data from '../data/builtin-plans.js';
import { bindBuiltin } from '../builtin.js';

export const { builtinPlans, builtinPlan, builtinObservations } = bindBuiltin(Plan, data);
