/**
 * Test support: calls one block the way a step would, with a fresh run
 * service, and returns its result or the status it failed with.
 */
import { Effect, Either } from "effect"
import type * as Block from "../../src/Block.js"
import * as CurrentRun from "../../src/CurrentRun.js"
import * as Invocation from "../../src/Invocation.js"
import * as Limits from "../../src/Limits.js"
import * as StepError from "../../src/StepError.js"

export interface Outcome {
  readonly status: string
  readonly result?: unknown
  readonly error?: string
}

/** Runs `block` with `parameters`, the given variables and locals, and tighter size limits if given; never fails. */
export const invokeBlock = (
  block: Block.Any,
  parameters: Record<string, unknown>,
  variables: Record<string, unknown> = {},
  locals: Record<string, unknown> = {},
  sizeLimits: Partial<Limits.SizeLimits> = {}
): Effect.Effect<Outcome> =>
  Invocation.invoke(block, parameters).pipe(
    Effect.provideService(CurrentRun.CurrentRun, {
      variables,
      locals,
      jobName: null,
      jobId: null,
      sizeLimits: { ...Limits.defaultSizeLimits, ...sizeLimits },
      reserve: () => true
    }),
    Effect.either,
    Effect.map(
      Either.match({
        onLeft: (error): Outcome => ({ status: StepError.statusOf(error).name, error: error.message }),
        onRight: (result): Outcome => ({ status: "DONE", result })
      })
    )
  ) as Effect.Effect<Outcome>
