/**
 * Runs every hostile document of the corpus through `conduit run` in a child
 * process with bounded wall time and heap, and checks how each one ends
 * (R13.3: no crash, no hang, no exhaustion).
 */
import { describe, expect, it } from "@effect/vitest"
import { execFile } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { corpus } from "./corpus.js"

const bin = join(import.meta.dirname, "..", "..", "bin", "conduit.js")
const scratch = mkdtempSync(join(tmpdir(), "conduit-corpus-"))

/** Wall time and heap granted to each run; generous for CI, far below what an attack would take. */
const wallMillis = 45_000
const heapMiB = 512

interface Finished {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
  readonly timedOut: boolean
}

const run = (args: ReadonlyArray<string>): Promise<Finished> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { timeout: wallMillis, maxBuffer: 512 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const killed = error !== null && (error as { killed?: boolean }).killed === true
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : null
        resolve({ status: code, stdout, stderr, timedOut: killed })
      }
    )
  })

describe("the adversarial corpus through the command line", () => {
  for (const entry of corpus) {
    it.concurrent(`${entry.name}: ${entry.description}`, async () => {
      const file = join(scratch, `${entry.name}.${entry.extension}`)
      writeFileSync(file, entry.text())
      const child = await run([
        `--max-old-space-size=${heapMiB}`,
        bin,
        "run",
        file,
        "--format",
        "json",
        ...(entry.args ?? [])
      ])
      expect(child.timedOut, "the run ends within its wall-time bound").toBe(false)
      const exits = typeof entry.expect.exit === "number" ? [entry.expect.exit] : entry.expect.exit
      expect(exits, `exit ${child.status}; stderr: ${child.stderr.slice(0, 300)}`).toContain(child.status)
      if (entry.expect.stderrIncludes !== undefined)
        expect(child.stderr).toContain(entry.expect.stderrIncludes)
      if (child.status === 2) return

      const report = JSON.parse(child.stdout) as {
        readonly failedStep: string | null
        readonly steps: ReadonlyArray<{
          readonly status: { readonly name: string }
          readonly result?: unknown
        }>
      }
      const statuses = report.steps.map((step) => step.status.name)
      expect(
        statuses.every((name) => name !== "NONE"),
        "every step has a final status"
      ).toBe(true)
      entry.expect.statuses?.forEach((want, index) => {
        if (want !== null) expect(statuses[index], `step ${index + 1}`).toBe(want)
      })
      entry.expect.results?.forEach((want, index) => expect(report.steps[index]?.result).toEqual(want))
      if (entry.expect.anyStatus !== undefined) expect(statuses).toContain(entry.expect.anyStatus)
      if (entry.expect.lastStatus !== undefined) expect(statuses.at(-1)).toBe(entry.expect.lastStatus)
      if (entry.expect.stepCount !== undefined) expect(statuses).toHaveLength(entry.expect.stepCount)
      if (entry.expect.failedStep !== undefined) expect(report.failedStep).toBe(entry.expect.failedStep)
    })
  }
})
