/**
 * Reports are what the command line prints about a run or a check: one JSON
 * document (R15.3), or a table printed row by row as steps finish (R15.5).
 *
 * @since 0.1.0
 */
import type { JobResult, StepResult } from "../Events.js"
import * as Job from "../Job.js"
import * as Status from "../Status.js"
import * as Value from "../Value.js"

/**
 * One step as the JSON report shows it.
 *
 * @since 0.1.0
 * @category models
 */
export interface StepReport {
  readonly id: string
  readonly position: number
  readonly action: string
  readonly status: { readonly name: string; readonly value: number }
  readonly result?: unknown
  readonly error?: string
}

/**
 * The JSON report of a run or a check (R15.3).
 *
 * @since 0.1.0
 * @category models
 */
export interface Report {
  readonly name: string | null
  readonly id: string | null
  readonly success: boolean
  readonly failedStep: string | null
  readonly steps: ReadonlyArray<StepReport>
  readonly variables: Record<string, unknown>
}

/**
 * One step as the reports show it: a run's step result or a check's verdict.
 *
 * @since 0.1.0
 * @category constructors
 */
export const stepReport = (
  step: Omit<StepResult, "elapsedMillis"> & { readonly error?: string | undefined }
): StepReport => ({
  id: step.id,
  position: step.position,
  action: step.action,
  status: { name: step.status.name, value: step.status.value },
  ...(step.status === Status.DONE ? { result: step.result === undefined ? null : step.result } : {}),
  ...(step.error !== undefined ? { error: step.error } : {})
})

/**
 * The report of a run.
 *
 * @since 0.1.0
 * @category constructors
 */
export const ofResult = (result: JobResult): Report => ({
  name: result.name,
  id: result.id,
  success: result.success,
  failedStep: result.failedStep?.id ?? null,
  steps: result.steps.map(stepReport),
  variables: result.variables
})

/**
 * The report of a check: every step's pre-flight status, no results.
 *
 * @since 0.1.0
 * @category constructors
 */
export const ofCheck = <R>(job: Job.Job<R>): Report => {
  const verdicts = Job.check(job)
  const failed = verdicts.find((verdict) => Status.isFailure(verdict.status))
  return {
    name: job.name,
    id: job.id,
    success: failed === undefined,
    failedStep: failed?.id ?? null,
    steps: verdicts.map(stepReport),
    variables: { ...job.variables }
  }
}

/**
 * A report as one JSON document, indented four levels deep (enough for every
 * step's fields and the first level of its result) and compact below that.
 * Fully indented JSON grows with the depth of a value (a list nested sixty
 * deep takes forty times its compact size); this way the report stays within
 * a small factor of what the run keeps, which the size limits bound.
 *
 * @since 0.1.0
 * @category rendering
 */
export const toJson = (report: Report): string => indented(report, 0)

/** How many levels of the report are indented; values deeper are written compact. */
const indentedLevels = 4

const indented = (value: unknown, depth: number): string => {
  const isList = Array.isArray(value)
  if (depth >= indentedLevels || !(isList || Value.isPlainObject(value))) {
    return JSON.stringify(value, Value.jsonReplacer) ?? "null"
  }
  const entries = isList
    ? value.map((item) => indented(item, depth + 1))
    : Object.keys(value).map((key) => `${JSON.stringify(key)}: ${indented(value[key], depth + 1)}`)
  if (entries.length === 0) return isList ? "[]" : "{}"
  const inner = "  ".repeat(depth + 1)
  const [open, close] = isList ? ["[", "]"] : ["{", "}"]
  return `${open}\n${inner}${entries.join(`,\n${inner}`)}\n${"  ".repeat(depth)}${close}`
}

// ---- table ----

const columns = [
  { title: "#", width: 5 },
  { title: "ID", width: 16 },
  { title: "ACTION", width: 22 },
  { title: "STATUS", width: 25 },
  { title: "RESULT / ERROR", width: 50 },
  { title: "TIME", width: 9 }
] as const

/**
 * User text made safe for a terminal on one line: runs of whitespace become
 * one space, and control characters (ESC among them, which could move the
 * cursor or fake a line) are shown as escapes such as `\x1b`.
 */
const printable = (text: string): string =>
  text
    .replace(/\s+/g, " ")
    .replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`)

/** A cell of the table: printable, cut to its width in characters (never inside a surrogate pair). */
const cell = (text: string, width: number): string => {
  const characters = Array.from(printable(text))
  return characters.length > width
    ? `${characters.slice(0, width - 1).join("")}…`
    : characters.join("") + " ".repeat(width - characters.length)
}

const row = (cells: ReadonlyArray<string>): string =>
  cells
    .map((text, index) => cell(text, columns[index]!.width))
    .join(" ")
    .trimEnd()

/**
 * The table's header line.
 *
 * @since 0.1.0
 * @category rendering
 */
export const tableHeader = (): string => row(columns.map((column) => column.title))

/**
 * One table row for a step; `elapsedMillis` is left out for a check.
 *
 * @since 0.1.0
 * @category rendering
 */
export const tableRow = (step: StepReport, elapsedMillis?: number): string =>
  row([
    String(step.position),
    step.id,
    step.action,
    `${step.status.name} (${step.status.value})`,
    step.status.name === "DONE" ? Value.toText(step.result) : (step.error ?? ""),
    elapsedMillis === undefined ? "" : `${elapsedMillis.toFixed(1)}ms`
  ])

/**
 * The summary line under the table.
 *
 * @since 0.1.0
 * @category rendering
 */
export const summary = (report: Report, verb: "ran" | "checked"): string => {
  const counts = new Map<string, number>()
  for (const step of report.steps) counts.set(step.status.name, (counts.get(step.status.name) ?? 0) + 1)
  const tally = [...counts].map(([name, count]) => `${count} ${name}`).join(", ")
  const label = report.name === null ? "job" : `job '${printable(report.name)}'`
  const verdict =
    verb === "ran"
      ? report.success
        ? "succeeded"
        : `failed at step ${printable(report.failedStep ?? "")}`
      : report.success
        ? "has no problems"
        : "has problems"
  const counted = tally === "" ? "" : ` (${tally})`
  return `${label} ${verdict}: ${report.steps.length} step(s)${counted}`
}
