// The nightly job's core: dispatch (one message per station) and one station's night. No AWS here but the store.
export { dispatchNight, SEND_BATCH_SIZE, type DispatchOptions, type DispatchSummary, type SendBatch } from './dispatch.ts';
export { NightlyMessage, nightOf } from './message.ts';
export { runNight, NightBusyError, nightSeed, NIGHTLY_ACTOR_SUB, type NightResult, type NightSummary } from './night.ts';
export { DEFAULT_NIGHTLY_OPTIONS, NightlyOptions, nightlyEnvironment, nightlyOptions } from './options.ts';
export { firstChangedDate, sliceSolution } from './window.ts';
