/**
 * effect-conduit: a safe, typed runtime for user-written workflows on Effect.
 *
 * @since 0.1.0
 */
export * as Block from "./Block.js"
export * as Catalog from "./Catalog.js"
export * as Contexts from "./Contexts.js"
export * as CurrentRun from "./CurrentRun.js"
export * as DecodeIssue from "./DecodeIssue.js"
export * as Events from "./Events.js"
export * as Invocation from "./Invocation.js"
export * as Job from "./Job.js"
export * as Limits from "./Limits.js"
export * as Parameter from "./Parameter.js"
export * as Path from "./Path.js"
export * as Pattern from "./Pattern.js"
export * as Registry from "./Registry.js"
export * as Resolver from "./Resolver.js"
export * as Run from "./Run.js"
export * as Sequence from "./Sequence.js"
export * as Size from "./Size.js"
export * as Status from "./Status.js"
export * as StepError from "./StepError.js"
export * as Template from "./Template.js"
export * as Value from "./Value.js"
export * as Workflow from "./Workflow.js"
export * as StandardBlocks from "./blocks/Standard.js"
