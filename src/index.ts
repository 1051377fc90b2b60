/**
 * effect-conduit: a safe, typed runtime for user-written workflows on Effect.
 *
 * @since 0.1.0
 */
export * as Block from "./Block.js"
export * as CurrentRun from "./CurrentRun.js"
export * as Invocation from "./Invocation.js"
export * as Limits from "./Limits.js"
export * as Parameter from "./Parameter.js"
export * as Registry from "./Registry.js"
export * as Status from "./Status.js"
export * as StepError from "./StepError.js"
export * as Value from "./Value.js"
