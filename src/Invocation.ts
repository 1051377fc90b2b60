/**
 * An invocation calls one block with resolved parameters: it decodes them
 * against the block's schema (INVALID_TYPE on a mismatch, naming the path),
 * runs the block's Effect, and classifies whatever comes out of it into a
 * step error (R5.2). Nothing a block does escapes as an exception.
 *
 * @since 0.1.0
 */
import { Cause, Effect, Either, HashSet, ParseResult, Schema } from "effect"
import type * as Block from "./Block.js"
import * as DecodeIssue from "./DecodeIssue.js"
import * as StepError from "./StepError.js"

const decoders = new WeakMap<object, (u: unknown) => Either.Either<unknown, ParseResult.ParseError>>()

const decoderFor = (schema: Schema.Schema<any, any, never>) => {
  let decode = decoders.get(schema)
  if (decode === undefined) {
    decode = Schema.decodeUnknownEither(schema, { errors: "all", onExcessProperty: "error" })
    decoders.set(schema, decode)
  }
  return decode
}

/**
 * Decodes resolved parameters against a block's schema: INVALID_TYPE when
 * they do not fit, UNHANDLED_EXCEPTION when the schema itself throws. A
 * block that takes any parameters receives them as they are.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeParameters = (
  block: Block.Any,
  parameters: Record<string, unknown>
): Either.Either<unknown, StepError.InvalidType | StepError.UnhandledException> => {
  if (block.parameters === "any") return Either.right(parameters)
  let result: Either.Either<unknown, ParseResult.ParseError>
  try {
    result = decoderFor(block.parameters)(parameters)
  } catch (defect) {
    // A schema that throws is a fault in the block, not in the user's values (R5.2).
    return Either.left(
      new StepError.UnhandledException({ message: StepError.describe(defect), cause: defect })
    )
  }
  return Either.mapLeft(
    result,
    (error) =>
      new StepError.InvalidType({
        message: DecodeIssue.format(DecodeIssue.fromParseError(error, "unknown parameter"), "; ")
      })
  )
}

/**
 * Decodes the parameters and runs the block, turning every failure and
 * defect into a step error. Interruption from outside (a time limit, a
 * caller stopping the run) is left as it is; a block that interrupts itself
 * gets UNHANDLED_EXCEPTION, so that it cannot stop the whole run.
 *
 * @since 0.1.0
 * @category running
 */
export const invoke = <R>(
  block: Block.Block<unknown, unknown, R>,
  parameters: Record<string, unknown>
): Effect.Effect<unknown, StepError.StepError, R> => {
  const decoded = decodeParameters(block, parameters)
  if (Either.isLeft(decoded)) return Effect.fail(decoded.left)
  return Effect.suspend(() => block.run(decoded.right)).pipe(
    Effect.catchAllCause((cause) => {
      if (Cause.isInterruptedOnly(cause)) return selfInterruption(cause)
      const failure = Cause.failureOption(cause)
      if (failure._tag === "Some") return Effect.fail(StepError.fromUnknown(failure.value))
      const defect = Cause.dieOption(cause)
      const message = defect._tag === "Some" ? StepError.describe(defect.value) : Cause.pretty(cause)
      return Effect.fail(
        new StepError.UnhandledException({ message, cause: defect._tag === "Some" ? defect.value : cause })
      )
    })
  )
}

/**
 * An interruption reaching a handler. When the fiber is being interrupted from
 * outside, it has interruptors and handlers are skipped anyway; otherwise the
 * block interrupted itself (`Effect.interrupt`, joining an interrupted fiber).
 */
const selfInterruption = (cause: Cause.Cause<unknown>): Effect.Effect<never, StepError.StepError> =>
  Effect.descriptorWith((fiber) =>
    HashSet.size(fiber.interruptors) > 0
      ? Effect.failCause(cause as Cause.Cause<never>)
      : Effect.fail(new StepError.UnhandledException({ message: "the block was interrupted", cause }))
  )
