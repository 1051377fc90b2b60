/**
 * Parameter schemas shared by the collection blocks, beyond the JSON kinds of
 * `Parameter`: a value that is one of several kinds (text or list), and the
 * parts of a slice. Each gives one decode message in the words users see.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Parameter from "../../Parameter.js"
import * as Value from "../../Value.js"

const { expecting } = Parameter

/**
 * A text or a list: what slices apply to. Lists pass by reference.
 *
 * @since 0.1.0
 * @category schemas
 */
export const sequence = Schema.declare(
  (u): u is string | Array<unknown> => typeof u === "string" || Array.isArray(u),
  {
    identifier: "sequence",
    message: expecting("a text or a list"),
    jsonSchema: { anyOf: [{ type: "string" }, { type: "array" }] }
  }
)

/**
 * A text, a list or a dictionary: what has a length.
 *
 * @since 0.1.0
 * @category schemas
 */
export const sized = Schema.declare(
  (u): u is string | Array<unknown> | Record<string, unknown> =>
    typeof u === "string" || Array.isArray(u) || Value.isPlainObject(u),
  {
    identifier: "sized",
    message: expecting("a text, a list or a dictionary"),
    jsonSchema: { anyOf: [{ type: "string" }, { type: "array" }, { type: "object" }] }
  }
)

/**
 * One part of a slice: a whole number, or null for the part left out.
 *
 * @since 0.1.0
 * @category schemas
 */
export const slicePart = Schema.declare((u): u is number | null => u === null || Number.isInteger(u), {
  identifier: "slicePart",
  message: expecting("an integer or null"),
  jsonSchema: { anyOf: [{ type: "integer" }, { type: "null" }] }
})
