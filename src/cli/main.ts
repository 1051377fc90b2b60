/**
 * The `conduit` command line (SPEC section 15): `run`, `check`, `blocks` and
 * `schema`, built with `@effect/cli`. Exit codes follow R15.4: 0 when the job
 * succeeded (or a check found nothing), 1 when a step failed (or a check
 * found a problem), 2 when the document or the command line was wrong.
 *
 * @since 0.1.0
 */
import { Args, Command, Options } from "@effect/cli"
import { NodeContext, NodeRuntime } from "@effect/platform-node"
import { Console, Effect, Layer, Logger, LogLevel, Option } from "effect"
import { readFile, stat } from "node:fs/promises"
import { standard } from "../blocks/Standard.js"
import * as Catalog from "../Catalog.js"
import type { CurrentRun } from "../CurrentRun.js"
import * as Job from "../Job.js"
import * as Registry from "../Registry.js"
import * as Run from "../Run.js"
import * as Workflow from "../Workflow.js"
import * as Flags from "./flags.js"
import * as Report from "./report.js"

// ---- flags ----

const format = Options.choice("format", ["table", "json"]).pipe(
  Options.withDefault("table" as const),
  Options.withDescription("Output format.")
)
const blockModules = Options.text("blocks").pipe(
  Options.repeated,
  Options.withDescription("An ES module whose default export is a category, a block, or an array of them.")
)
const jobFlags = {
  file: Args.text({ name: "file" }).pipe(
    Args.withDescription("The workflow file (JSON or YAML), or - for stdin.")
  ),
  tag: Options.text("tag").pipe(
    Options.repeated,
    Options.withDescription("A tag the job carries (repeatable).")
  ),
  stepLimit: Options.integer("step-limit").pipe(
    Options.optional,
    Options.withDescription("How many steps may run.")
  ),
  blockLimit: Options.text("block-limit").pipe(
    Options.repeated,
    Options.withDescription("PATTERN=N or PATTERN=none: how often matching blocks may be used (repeatable).")
  ),
  variable: Options.text("var").pipe(
    Options.repeated,
    Options.withDescription(
      "NAME=JSON: an initial variable; text that is not JSON is taken as text (repeatable)."
    )
  ),
  locals: Options.text("locals").pipe(
    Options.optional,
    Options.withDescription("A JSON file holding the locals object.")
  ),
  stepTimeout: Options.text("step-timeout").pipe(
    Options.optional,
    Options.withDescription("How long one step may run, e.g. 500ms, 10s.")
  ),
  deadline: Options.text("deadline").pipe(
    Options.optional,
    Options.withDescription("How long the whole run may take, e.g. 30s, 2m.")
  ),
  blocks: blockModules,
  format
}

type JobFlags = {
  readonly file: string
  readonly tag: ReadonlyArray<string>
  readonly stepLimit: Option.Option<number>
  readonly blockLimit: ReadonlyArray<string>
  readonly variable: ReadonlyArray<string>
  readonly locals: Option.Option<string>
  readonly stepTimeout: Option.Option<string>
  readonly deadline: Option.Option<string>
  readonly blocks: ReadonlyArray<string>
}

const optionalEffect = <A, B, E>(option: Option.Option<A>, f: (a: A) => Effect.Effect<B, E>) =>
  Option.match(option, {
    onNone: () => Effect.succeed(undefined),
    onSome: (a) => Effect.map(f(a), (b): B | undefined => b)
  })

const registryWith = (modules: ReadonlyArray<string>) =>
  Effect.flatMap(Flags.loadBlockModules(modules), (entries) =>
    Effect.try({
      // Limitation: blocks loaded with --blocks cannot be given services; one that needs a
      // service dies when run, which its step reports as UNHANDLED_EXCEPTION.
      try: () => Registry.add(standard, ...entries) as Registry.Registry<CurrentRun>,
      catch: (error) => new Flags.UsageError({ message: `--blocks: ${(error as Error).message}` })
    })
  )

/** Reads the document and the flags into a job; fails with a usage or load error. */
const loadJob = (flags: JobFlags) =>
  Effect.gen(function* () {
    const registry = yield* registryWith(flags.blocks)
    const blockLimits = yield* Effect.forEach(flags.blockLimit, Flags.parseBlockLimit)
    const variables = yield* Flags.parseVariables(flags.variable)
    const locals = yield* optionalEffect(flags.locals, Flags.readLocals)
    const stepTimeout = yield* optionalEffect(flags.stepTimeout, (text) =>
      Flags.parseDuration("--step-timeout", text)
    )
    const deadline = yield* optionalEffect(flags.deadline, (text) => Flags.parseDuration("--deadline", text))
    if (Option.isSome(flags.stepLimit) && flags.stepLimit.value < 0) {
      return yield* new Flags.UsageError({ message: "--step-limit must be at least 0" })
    }
    const text = yield* readDocument(flags.file)
    const workflow = yield* Workflow.parse(text, formatOf(flags.file))
    return Job.make(workflow, registry, {
      tags: flags.tag,
      stepLimit: Option.getOrUndefined(flags.stepLimit),
      blockLimits,
      variables,
      locals,
      stepTimeout,
      deadline
    })
  })

const formatOf = (file: string): Workflow.Format | undefined =>
  /\.json$/i.test(file) ? "json" : /\.ya?ml$/i.test(file) ? "yaml" : undefined

/**
 * The most bytes read of a document: four per character of the longest
 * document loading accepts, so a larger file or stream is refused without
 * being read whole (R13.3).
 */
const maxDocumentBytes = 4 * Workflow.defaultLoadLimits.maxLength

const readDocument = (file: string) =>
  Effect.tryPromise({
    try: () => (file === "-" ? readBounded(process.stdin) : readFileBounded(file)),
    catch: (error) => new Flags.UsageError({ message: `cannot read ${file}: ${(error as Error).message}` })
  }).pipe(
    Effect.flatMap((text) =>
      text === undefined ? Effect.fail(Workflow.documentTooLong()) : Effect.succeed(text)
    )
  )

/** A file's text, or undefined when it has more than `maxDocumentBytes`. */
const readFileBounded = async (path: string): Promise<string | undefined> =>
  (await stat(path)).size > maxDocumentBytes ? undefined : readFile(path, "utf8")

/** A stream's text, or undefined as soon as it passes `maxDocumentBytes`. */
const readBounded = async (stream: AsyncIterable<unknown>): Promise<string | undefined> => {
  const chunks: Array<Buffer> = []
  let bytes = 0
  for await (const chunk of stream) {
    bytes += (chunk as Buffer).length
    if (bytes > maxDocumentBytes) return undefined
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString("utf8")
}

const write = (text: string) => Effect.sync(() => void process.stdout.write(`${text}\n`))

const writeJson = (report: Report.Report) =>
  Effect.try({
    try: () => Report.toJson(report),
    catch: (error) =>
      new Flags.UsageError({ message: `the report cannot be written as JSON: ${(error as Error).message}` })
  }).pipe(Effect.flatMap(write))

const setExitCode = (code: number) => Effect.sync(() => void (process.exitCode = code))

// ---- commands ----

const runCommand = Command.make("run", jobFlags, (flags) =>
  Effect.gen(function* () {
    const loaded = yield* loadJob(flags)
    if (flags.format === "table") {
      yield* write(Report.tableHeader())
      const job = Job.withHooks(loaded, {
        onStepUpdate: (event) =>
          write(Report.tableRow(Report.stepReport(event.step), event.step.elapsedMillis))
      })
      const result = yield* Run.run(job)
      yield* write(Report.summary(Report.ofResult(result), "ran"))
      return yield* setExitCode(result.success ? 0 : 1)
    }
    const result = yield* Run.run(loaded)
    yield* writeJson(Report.ofResult(result))
    return yield* setExitCode(result.success ? 0 : 1)
  })
).pipe(Command.withDescription("Run a workflow with the standard blocks."))

const checkCommand = Command.make("check", jobFlags, (flags) =>
  Effect.gen(function* () {
    const job = yield* loadJob(flags)
    const report = Report.ofCheck(job)
    if (flags.format === "json") {
      yield* writeJson(report)
    } else {
      yield* write(Report.tableHeader())
      for (const step of report.steps) yield* write(Report.tableRow(step))
      yield* write(Report.summary(report, "checked"))
    }
    return yield* setExitCode(report.success ? 0 : 1)
  })
).pipe(Command.withDescription("Report load errors and every pre-flight status; run nothing."))

const blocksCommand = Command.make(
  "blocks",
  {
    blocks: blockModules,
    format: Options.choice("format", ["table", "json", "markdown"]).pipe(
      Options.withDefault("table" as const),
      Options.withDescription("Output format.")
    )
  },
  (flags) =>
    Effect.gen(function* () {
      const entries = Catalog.ofRegistry(yield* registryWith(flags.blocks))
      yield* write(
        flags.format === "json"
          ? JSON.stringify(entries, null, 2)
          : flags.format === "markdown"
            ? Catalog.toMarkdown(entries)
            : Catalog.toTable(entries)
      )
    })
).pipe(Command.withDescription("List the available blocks with their parameters."))

const schemaCommand = Command.make("schema", {}, () =>
  write(JSON.stringify(Workflow.jsonSchema(), null, 2))
).pipe(Command.withDescription("Print the JSON Schema of workflow documents."))

const conduit = Command.make("conduit").pipe(
  Command.withDescription("Run user-written workflows safely."),
  Command.withSubcommands([runCommand, checkCommand, blocksCommand, schemaCommand])
)

const cli = Command.run(conduit, { name: "conduit", version: "0.1.0" })

/** The flags that take a value, which may itself be `-` (`--tag -`). */
const flagsWithValues = new Set([
  "--tag",
  "--step-limit",
  "--block-limit",
  "--var",
  "--locals",
  "--step-timeout",
  "--deadline",
  "--blocks",
  "--format"
])

/**
 * `@effect/cli` reads no options after a lone `-`, so the stdin marker moves
 * to the end: `conduit run - --format json` works like `conduit run --format json -`.
 * A `-` that is a flag's value stays where it is.
 */
const stdinLast = (argv: ReadonlyArray<string>): ReadonlyArray<string> => {
  const isMarker = (arg: string, index: number) => arg === "-" && !flagsWithValues.has(argv[index - 1] ?? "")
  const marker = argv.findIndex(isMarker)
  return marker < 0 ? argv : [...argv.filter((arg, index) => !isMarker(arg, index)), "-"]
}

/**
 * Logs go to stderr, so that stdout holds only what the user asked for (one
 * JSON document with `--format json`). `NodeRuntime.runMain` swaps Effect's
 * default logger for its pretty one, which writes to stdout; both are replaced.
 */
const stderrLogger = Logger.prettyLogger({ stderr: true })
const logsOnStderr = Layer.merge(
  Logger.replace(Logger.defaultLogger, stderrLogger),
  Logger.replace(Logger.prettyLoggerDefault, stderrLogger)
)

/**
 * Runs the command line with the given arguments (as `process.argv`).
 *
 * @since 0.1.0
 * @category running
 */
export const main = (argv: ReadonlyArray<string>) =>
  cli(stdinLast(argv)).pipe(
    Effect.catchAll((error) => {
      if (error instanceof Flags.UsageError || error instanceof Workflow.WorkflowLoadError) {
        return Console.error(`conduit: ${error.message}`).pipe(Effect.zipRight(setExitCode(2)))
      }
      // @effect/cli has already shown the validation error and the help.
      return setExitCode(2)
    }),
    Logger.withMinimumLogLevel(LogLevel.Warning),
    Effect.provide(logsOnStderr),
    Effect.provide(NodeContext.layer)
  )

/**
 * Runs the command line as the process: the `conduit` bin. A reader that
 * closes stdout early (`conduit blocks | head`) ends it quietly.
 *
 * @since 0.1.0
 * @category running
 */
export const runAsProcess = (): void => {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0)
    throw error
  })
  NodeRuntime.runMain(main(process.argv), { disableErrorReporting: true })
}
