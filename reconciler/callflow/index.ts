/** Call flow: where a call goes (`traceCall`), over a model built from kind content. PURE. */
export {
  type CallFlowState,
  callFlowFromObjects,
  type ExtensionNode,
  type NumberNode,
  type RuleNode,
  type Target,
} from './model';
export { localTime, timeFrameActive, type LocalTime } from './time-frames';
export { DEFAULT_RING_SECONDS, describeOutcome, type Outcome, type Trace, type TraceCaller, traceCall } from './trace';
export { CALL_FLOW_STEPS, type CallFlowStep, type StepApi } from './steps';
export { ruleTarget, rulesFrom, targetName } from './rules';
export { beforeAndAfter, mergedObjects } from './states';
