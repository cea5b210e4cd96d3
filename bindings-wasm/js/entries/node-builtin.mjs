// `onpace/builtin` for Node.js (ES modules): the plans shipped with onpace.
import { Plan } from './index.mjs';
import * as data from '../data/builtin-plans.js';
import { bindBuiltin } from '../builtin.js';

export const { builtinPlans, builtinPlan, builtinObservations } = bindBuiltin(Plan, data);
