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
export { DEFAULT_RING_SECONDS, type Outcome, type Trace, type TraceState, traceCall } from './trace';
export { type CallCenter, callCenterFromObjects } from './call-center-steps';
