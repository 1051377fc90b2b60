/**
 * The standard blocks (SPEC section 12) as one ready registry: TEXT, MATH,
 * LOGIC, LISTS, DICTIONARY, OBJECT and VARIABLE. The command line uses it by
 * default.
 *
 * @since 0.1.0
 */
import * as Registry from "../Registry.js"
import { Dictionary } from "./Dictionary.js"
import { Lists } from "./Lists.js"
import { Logic } from "./Logic.js"
import { MathBlocks } from "./Math.js"
import { ObjectBlocks } from "./Object.js"
import { Text } from "./Text.js"
import { Variable } from "./Variable.js"

export { Dictionary, Lists, Logic, MathBlocks, ObjectBlocks, Text, Variable }

/**
 * Every standard block.
 *
 * @since 0.1.0
 * @category registries
 */
export const standard = Registry.make(Text, MathBlocks, Logic, Lists, Dictionary, ObjectBlocks, Variable)
