/**
 * Developer options as command-line flags (R15.2): parsing `--block-limit`,
 * `--var`, durations, `--locals` files and `--blocks` modules into job
 * options. Every problem is a `UsageError`, which the command line reports on
 * stderr with exit code 2.
 *
 * @since 0.1.0
 */
import { Data, Duration, Effect } from "effect"
import { readFile } from "node:fs/promises"
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"
import * as Block from "../Block.js"
import type * as Registry from "../Registry.js"
import * as Value from "../Value.js"

/**
 * The command line was wrong, or a file it names could not be used.
 *
 * @since 0.1.0
 * @category errors
 */
export class UsageError extends Data.TaggedError("UsageError")<{ readonly message: string }> {}

/**
 * Reads `PATTERN=N` or `PATTERN=none` (R15.2).
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseBlockLimit = (
  flag: string
): Effect.Effect<readonly [string, number | null], UsageError> => {
  const at = flag.lastIndexOf("=")
  const pattern = flag.slice(0, at).trim()
  const limit = flag
    .slice(at + 1)
    .trim()
    .toLowerCase()
  if (at <= 0 || pattern === "")
    return usage(`--block-limit expects PATTERN=N or PATTERN=none, got '${flag}'`)
  if (limit === "none") return Effect.succeed([pattern, null] as const)
  if (!/^\d+$/.test(limit)) return usage(`--block-limit ${pattern}: '${limit}' is not a whole number or none`)
  return Effect.succeed([pattern, Number(limit)] as const)
}

/**
 * Reads `NAME=JSON`; a value that is not valid JSON is taken as text (R15.2).
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseVariable = (flag: string): Effect.Effect<readonly [string, unknown], UsageError> => {
  const at = flag.indexOf("=")
  if (at <= 0) return usage(`--var expects NAME=JSON, got '${flag}'`)
  const raw = flag.slice(at + 1)
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    value = raw
  }
  return Effect.succeed([flag.slice(0, at), value] as const)
}

/**
 * Collects `--var` flags into one object, later flags winning.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseVariables = (
  flags: ReadonlyArray<string>
): Effect.Effect<Record<string, unknown>, UsageError> =>
  Effect.map(Effect.forEach(flags, parseVariable), (pairs) => {
    const variables: Record<string, unknown> = {}
    for (const [name, value] of pairs) Value.setKey(variables, name, value)
    return variables
  })

const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/**
 * Reads a duration: a number with an optional unit `ms`, `s` (the default),
 * `m` or `h`, e.g. `500ms`, `2.5s`, `1m`.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseDuration = (flag: string, text: string): Effect.Effect<Duration.Duration, UsageError> => {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/i.exec(text)
  if (match === null) return usage(`${flag} expects a duration such as 500ms, 10s or 2m, got '${text}'`)
  const millis = Number(match[1]) * units[(match[2] ?? "s").toLowerCase()]!
  return Effect.succeed(Duration.millis(millis))
}

/**
 * Reads a locals file: a JSON object.
 *
 * @since 0.1.0
 * @category files
 */
export const readLocals = (path: string): Effect.Effect<Record<string, unknown>, UsageError> =>
  Effect.tryPromise({
    try: () => readFile(path, "utf8"),
    catch: (error) => new UsageError({ message: `--locals: cannot read ${path}: ${describe(error)}` })
  }).pipe(
    Effect.flatMap((text) =>
      Effect.try({
        try: () => JSON.parse(text) as unknown,
        catch: (error) =>
          new UsageError({ message: `--locals: ${path} is not valid JSON: ${describe(error)}` })
      })
    ),
    Effect.filterOrFail(
      Value.isPlainObject,
      () => new UsageError({ message: `--locals: ${path} must hold a JSON object` })
    )
  )

/**
 * Imports `--blocks` modules: each default export is a category, a block, or
 * an array of them (R15.2).
 *
 * @since 0.1.0
 * @category files
 */
export const loadBlockModules = (
  paths: ReadonlyArray<string>
): Effect.Effect<Array<Registry.Entry>, UsageError> =>
  Effect.map(
    Effect.forEach(paths, (path) =>
      Effect.tryPromise({
        try: () => import(pathToFileURL(resolve(path)).href) as Promise<{ default?: unknown }>,
        catch: (error) => new UsageError({ message: `--blocks: cannot import ${path}: ${describe(error)}` })
      }).pipe(Effect.flatMap((module) => entriesOf(path, module.default)))
    ),
    (lists) => lists.flat()
  )

const entriesOf = (path: string, exported: unknown): Effect.Effect<Array<Registry.Entry>, UsageError> => {
  const items = Array.isArray(exported) ? exported : [exported]
  const entries = items.filter(
    (item): item is Registry.Entry => Block.isBlock(item) || Block.isCategory(item)
  )
  if (items.length === 0 || entries.length !== items.length) {
    return usage(`--blocks: the default export of ${path} must be a category, a block, or an array of them`)
  }
  return Effect.succeed(entries)
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error))

const usage = (message: string) => Effect.fail(new UsageError({ message }))
