/**
 * The catalog describes blocks for people and tools: each block's display
 * name, description, tags, limit, and parameters with their types, defaults
 * and descriptions, taken from the block's parameter schema. `conduit blocks`
 * prints it as a table, JSON or Markdown, and `docs/blocks.md` is its
 * Markdown form.
 *
 * @since 0.1.0
 */
import { JSONSchema } from "effect"
import type * as Block from "./Block.js"
import * as Registry from "./Registry.js"
import * as Value from "./Value.js"

/**
 * One parameter of a block.
 *
 * @since 0.1.0
 * @category models
 */
export interface ParameterEntry {
  readonly name: string
  /** A short type, e.g. `number`, `text`, `list`, `any`. */
  readonly type: string
  readonly required: boolean
  /** The default as JSON text, when there is one. */
  readonly default?: string
  readonly description: string
}

/**
 * One block of the catalog.
 *
 * @since 0.1.0
 * @category models
 */
export interface BlockEntry {
  readonly name: string
  readonly category: string | null
  readonly description: string
  readonly tags: ReadonlyArray<string>
  readonly maxUses: number | null
  /** True when the block takes any parameters. */
  readonly anyParameters: boolean
  readonly parameters: ReadonlyArray<ParameterEntry>
  /** The parameters as a JSON Schema (draft-07). */
  readonly schema: unknown
}

type JsonSchemaNode = {
  readonly type?: string | ReadonlyArray<string>
  readonly description?: string
  readonly default?: unknown
  readonly anyOf?: ReadonlyArray<JsonSchemaNode>
  readonly properties?: Record<string, JsonSchemaNode>
  readonly required?: ReadonlyArray<string>
  readonly $ref?: string
  readonly enum?: ReadonlyArray<unknown>
}

/**
 * The parameters of a block as a JSON Schema.
 *
 * @since 0.1.0
 * @category schemas
 */
export const parameterSchema = (block: Block.Any): JsonSchemaNode =>
  block.parameters === "any" ? { type: "object" } : (JSONSchema.make(block.parameters) as JsonSchemaNode)

const typeName = (node: JsonSchemaNode | undefined): string => {
  if (node === undefined) return "any"
  // A choice among literals (Schema.Literal) shows the choices: "low" | "high".
  if (node.enum !== undefined) return node.enum.map((choice) => Value.toJson(choice)).join(" | ")
  if (node.anyOf !== undefined) return node.anyOf.map(typeName).join(" | ")
  if (node.$ref !== undefined) return node.$ref.split("/").pop() ?? "any"
  const kind = Array.isArray(node.type) ? node.type.join(" | ") : (node.type as string | undefined)
  switch (kind) {
    case undefined:
      return "any"
    case "string":
      return "text"
    case "array":
      return "list"
    case "object":
      return "dictionary"
    default:
      return kind
  }
}

/**
 * Describes one block.
 *
 * @since 0.1.0
 * @category constructors
 */
export const describe = (block: Block.Any): BlockEntry => {
  const schema = parameterSchema(block)
  const required = new Set(schema.required ?? [])
  const properties = schema.properties ?? {}
  return {
    name: block.displayName,
    category: block.category,
    description: block.description,
    tags: block.tags,
    maxUses: block.maxUses,
    anyParameters: block.parameters === "any",
    parameters: Object.keys(properties).map((name) => {
      const node = properties[name]!
      return {
        name,
        type: typeName(node),
        required: required.has(name),
        ...(node.default !== undefined ? { default: Value.toJson(node.default) } : {}),
        description: node.description ?? ""
      }
    }),
    schema
  }
}

/**
 * Describes every block of a registry, in display-name order.
 *
 * @since 0.1.0
 * @category constructors
 */
export const ofRegistry = <R>(registry: Registry.Registry<R>): ReadonlyArray<BlockEntry> =>
  Registry.list(registry).map((block) => describe(block as Block.Any))

/** `name: type`, with `= default` or `?` for a parameter that may be left out. */
const signature = (entry: BlockEntry): string =>
  entry.anyParameters
    ? "any parameters"
    : entry.parameters
        .map((p) => {
          const typed = `${p.name}${p.required || p.default !== undefined ? "" : "?"}: ${p.type}`
          return p.default !== undefined ? `${typed} = ${p.default}` : typed
        })
        .join(", ")

/**
 * The catalog as plain text: per block, a line with its parameters, types
 * and defaults, and an indented line with its description.
 *
 * @since 0.1.0
 * @category rendering
 */
export const toTable = (entries: ReadonlyArray<BlockEntry>): string =>
  entries
    .map(
      (entry) => `${entry.name}(${signature(entry)})${entry.description ? `\n    ${entry.description}` : ""}`
    )
    .join("\n")

const escapeCell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\n/g, " ")

/**
 * The catalog as Markdown: a section per category, a table of parameters per
 * block.
 *
 * @since 0.1.0
 * @category rendering
 */
export const toMarkdown = (entries: ReadonlyArray<BlockEntry>): string => {
  const lines: Array<string> = [
    "# Blocks",
    "",
    "Generated by `conduit blocks --format markdown`; do not edit by hand.",
    ""
  ]
  let category: string | null | undefined = undefined
  for (const entry of entries) {
    if (entry.category !== category) {
      category = entry.category
      lines.push(`## ${category ?? "Without category"}`, "")
    }
    lines.push(`### ${entry.name}`, "")
    if (entry.description) lines.push(entry.description, "")
    if (entry.tags.length > 0) lines.push(`Tags: ${entry.tags.join(", ")}`, "")
    if (entry.maxUses !== null) lines.push(`At most ${entry.maxUses} use(s) per job.`, "")
    if (entry.anyParameters) {
      lines.push("Takes any parameters.", "")
    } else if (entry.parameters.length === 0) {
      lines.push("No parameters.", "")
    } else {
      lines.push("| parameter | type | default | description |", "| --- | --- | --- | --- |")
      for (const p of entry.parameters) {
        const fallback = p.default !== undefined ? `\`${p.default}\`` : p.required ? "required" : "optional"
        lines.push(
          `| \`${p.name}\` | ${escapeCell(p.type)} | ${escapeCell(fallback)} | ${escapeCell(p.description)} |`
        )
      }
      lines.push("")
    }
  }
  return lines.join("\n")
}
