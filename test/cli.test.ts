/**
 * The command line (SPEC section 15), run as users run it: `bin/conduit.js`
 * in a child process, against the build in dist/ (`npm test` builds first).
 */
import { describe, expect, it } from "@effect/vitest"
import { execFile } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const root = join(import.meta.dirname, "..")
const bin = join(root, "bin", "conduit.js")
const scratch = mkdtempSync(join(tmpdir(), "conduit-cli-"))

interface Finished {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

const conduit = (args: ReadonlyArray<string>, stdin?: string): Promise<Finished> =>
  new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      { cwd: root, timeout: 30_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error === null ? 0 : typeof error.code === "number" ? error.code : -1,
          stdout,
          stderr
        })
    )
    child.stdin?.end(stdin ?? "")
  })

const file = (name: string, content: unknown): string => {
  const path = join(scratch, name)
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content))
  return path
}

const statuses = (stdout: string): ReadonlyArray<string> =>
  (JSON.parse(stdout) as { steps: ReadonlyArray<{ status: { name: string } }> }).steps.map(
    (step) => step.status.name
  )

const twoSteps = file("two.json", {
  name: "Two",
  steps: [
    { id: "a", action: "TEXT.JOIN", parameters: { text1: "Hello", text2: "World" } },
    { action: "MATH.SUM", parameters: { value1: 1, value2: "x" } }
  ]
})

describe("conduit run and check (R15)", () => {
  it.concurrent("R15.3 --format json prints exactly the documented shape", async () => {
    const { code, stdout } = await conduit(["run", twoSteps, "--format", "json"])
    expect(code).toBe(1)
    expect(JSON.parse(stdout)).toEqual({
      name: "Two",
      id: null,
      success: false,
      failedStep: "2",
      steps: [
        {
          id: "a",
          position: 1,
          action: "TEXT.JOIN",
          status: { name: "DONE", value: 0 },
          result: "Hello World"
        },
        {
          id: "2",
          position: 2,
          action: "MATH.SUM",
          status: { name: "INVALID_TYPE", value: 107 },
          error: 'value2: expected a number, got "x"'
        }
      ],
      variables: {}
    })
  })

  it.concurrent(
    "R15.5 the table shows a row per step with position, id, action, status, result and time, then a summary",
    async () => {
      const { code, stdout } = await conduit(["run", twoSteps])
      expect(code).toBe(1)
      const lines = stdout.trim().split("\n")
      expect(lines[0]).toMatch(/^#\s+ID\s+ACTION\s+STATUS\s+RESULT \/ ERROR\s+TIME$/)
      expect(lines[1]).toMatch(/^1\s+a\s+TEXT\.JOIN\s+DONE \(0\)\s+Hello World\s+\d+\.\dms$/)
      expect(lines[2]).toMatch(/^2\s+2\s+MATH\.SUM\s+INVALID_TYPE \(107\)\s+value2: expected a number/)
      expect(lines[3]).toBe("job 'Two' failed at step 2: 2 step(s) (1 DONE, 1 INVALID_TYPE)")
    }
  )

  it.concurrent(
    "R15.5 the table shows control characters as escapes and keeps each row on one line",
    async () => {
      const path = file("escapes.json", {
        name: "evil\njob succeeded: fake\u001b[2K",
        steps: [{ action: "TEXT.CREATE", parameters: { value: "a\nb\u001b[31mRED" } }]
      })
      const { code, stdout } = await conduit(["run", path])
      expect(code).toBe(0)
      expect(stdout).not.toContain("\u001b")
      const lines = stdout.trim().split("\n")
      expect(lines).toHaveLength(3)
      expect(lines[1]).toContain("a b\\x1b[31mRED")
      expect(lines[2]).toBe("job 'evil job succeeded: fake\\x1b[2K' succeeded: 1 step(s) (1 DONE)")
    }
  )

  it.concurrent("R15.5 a long result is cut at a character, never inside a surrogate pair", async () => {
    const path = file("emoji.json", {
      steps: [{ action: "TEXT.CREATE", parameters: { value: "😀".repeat(80) } }]
    })
    const { stdout } = await conduit(["run", path])
    const row = stdout.split("\n")[1]!
    expect(row).toContain("😀".repeat(49) + "…")
    expect(row).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/)
  })

  it.concurrent("R15.4 exit 0 when the job succeeds", async () => {
    const { code } = await conduit(["run", file("ok.json", { steps: [{ action: "LOGIC.TRUE" }] })])
    expect(code).toBe(0)
  })

  it.concurrent("R15.4 exit 2 with the error on stderr for a document that cannot be loaded", async () => {
    const { code, stdout, stderr } = await conduit(["run", file("bad.json", { steps: [{ action: 3 }] })])
    expect(code).toBe(2)
    expect(stdout).toBe("")
    expect(stderr).toContain("steps[0].action")
  })

  it.concurrent("R15.4 exit 2 for a file that does not exist", async () => {
    const { code, stderr } = await conduit(["run", join(scratch, "missing.json")])
    expect(code).toBe(2)
    expect(stderr).toContain("cannot read")
  })

  it.concurrent("R15.4 exit 2 for an unknown flag", async () => {
    const { code } = await conduit(["run", twoSteps, "--no-such-flag"])
    expect(code).toBe(2)
  })

  it.concurrent("R15.2 a malformed --block-limit is a usage error (exit 2)", async () => {
    const { code, stderr } = await conduit(["run", twoSteps, "--block-limit", "TEXT.*"])
    expect(code).toBe(2)
    expect(stderr).toContain("--block-limit")
  })

  it.concurrent(
    "R15.2 --block-limit PATTERN=none lifts a limit and an exact name beats a pattern",
    async () => {
      const path = file("limits.json", { steps: Array(3).fill({ action: "LOGIC.TRUE" }) })
      const { stdout } = await conduit([
        "run",
        path,
        "--format",
        "json",
        "--block-limit",
        "LOGIC.*=1",
        "--block-limit",
        "logic.true=none"
      ])
      expect(statuses(stdout)).toEqual(["DONE", "DONE", "DONE"])
    }
  )

  it.concurrent("R15.2 --var takes JSON, and text that is not JSON as text", async () => {
    const path = file("vars.json", {
      steps: [{ action: "TEXT.JOIN", parameters: { text1: "{# a #}", text2: "{# b.0 #}" } }]
    })
    const { stdout } = await conduit([
      "run",
      path,
      "--format",
      "json",
      "--var",
      "a=plain text",
      "--var",
      'b=["x"]'
    ])
    const report = JSON.parse(stdout)
    expect(report.steps[0].result).toBe("plain text x")
    expect(report.variables).toEqual({ a: "plain text", b: ["x"] })
  })

  it.concurrent("R15.2 --locals reads a JSON object that {< >} tags read", async () => {
    const locals = file("locals.json", { who: { name: "Ada" } })
    const path = file("locals-wf.json", {
      steps: [{ action: "TEXT.UPPERCASE", parameters: { text: "{< who.name >}" } }]
    })
    const { stdout } = await conduit(["run", path, "--format", "json", "--locals", locals])
    expect(JSON.parse(stdout).steps[0].result).toBe("ADA")
  })

  it.concurrent("R15.2 --locals that is not a JSON object is a usage error", async () => {
    const { code, stderr } = await conduit(["run", twoSteps, "--locals", file("list.json", [1])])
    expect(code).toBe(2)
    expect(stderr).toContain("JSON object")
  })

  it.concurrent("R15.2 --blocks adds a module's blocks, and --tag allows a tagged block", async () => {
    const module = join(root, "examples", "cli", "greet-blocks.mjs")
    const path = file("greet.json", {
      steps: [
        { action: "greet.hello", parameters: { name: "Ada" } },
        { action: "GREET.SECRET", forced: true }
      ]
    })
    const untagged = await conduit(["run", path, "--format", "json", "--blocks", module])
    expect(statuses(untagged.stdout)).toEqual(["DONE", "FORBIDDEN_BLOCK"])
    const tagged = await conduit(["run", path, "--format", "json", "--blocks", module, "--tag", "admin"])
    expect(statuses(tagged.stdout)).toEqual(["DONE", "DONE"])
    expect(JSON.parse(tagged.stdout).steps[0].result).toBe("Hello, Ada!")
  })

  it.concurrent("R15.2 --blocks with a module that exports no blocks is a usage error", async () => {
    const module = file("not-blocks.mjs", "export default 42\n")
    const { code, stderr } = await conduit(["blocks", "--blocks", module])
    expect(code).toBe(2)
    expect(stderr).toContain("default export")
  })

  it.concurrent("R15.3 logs go to stderr, so stdout stays one JSON document", async () => {
    const library = join(root, "dist", "index.js")
    const effect = join(root, "node_modules", "effect", "dist", "esm", "index.js")
    const module = file(
      "warning-blocks.mjs",
      `import { Block } from ${JSON.stringify(library)}\n` +
        `import { Effect } from ${JSON.stringify(effect)}\n` +
        `export default Block.make({ name: "WARN", parameters: "any", ` +
        `run: () => Effect.as(Effect.logWarning("careful"), 1) })\n`
    )
    const path = file("warns.json", { steps: [{ action: "WARN" }] })
    const { code, stdout, stderr } = await conduit(["run", path, "--format", "json", "--blocks", module])
    expect(code).toBe(0)
    expect(statuses(stdout)).toEqual(["DONE"])
    expect(stderr).toContain("careful")
  })

  it.concurrent("R15.2 --step-timeout stops a slow step with TIME_LIMIT_EXCEED", async () => {
    const module = join(root, "examples", "cli", "greet-blocks.mjs")
    const path = file("slow.json", {
      steps: [
        { action: "GREET.SLOW", parameters: { millis: 5000 } },
        { action: "LOGIC.TRUE", forced: true }
      ]
    })
    const { code, stdout } = await conduit([
      "run",
      path,
      "--format",
      "json",
      "--blocks",
      module,
      "--step-timeout",
      "100ms"
    ])
    expect(code).toBe(1)
    expect(statuses(stdout)).toEqual(["TIME_LIMIT_EXCEED", "DONE"])
  })

  it.concurrent(
    "R15.2 --deadline stops the run: the running step times out, the rest are SKIPPED, forced too",
    async () => {
      const module = join(root, "examples", "cli", "greet-blocks.mjs")
      const path = file("deadline.json", {
        steps: [
          { action: "GREET.SLOW", parameters: { millis: 5000 } },
          { action: "LOGIC.TRUE", forced: true }
        ]
      })
      const { stdout } = await conduit([
        "run",
        path,
        "--format",
        "json",
        "--blocks",
        module,
        "--deadline",
        "0.2s"
      ])
      expect(statuses(stdout)).toEqual(["TIME_LIMIT_EXCEED", "SKIPPED"])
    }
  )

  it.concurrent("R15.2 a malformed duration is a usage error", async () => {
    const { code, stderr } = await conduit(["run", twoSteps, "--deadline", "soon"])
    expect(code).toBe(2)
    expect(stderr).toContain("--deadline")
  })

  it.concurrent(
    "R15.1 R3.3 a YAML flow document on stdin is read as YAML, since it is not JSON",
    async () => {
      const { code, stdout } = await conduit(
        ["run", "-", "--format", "json"],
        "{steps: [{action: LOGIC.TRUE}]}"
      )
      expect(code).toBe(0)
      expect(statuses(stdout)).toEqual(["DONE"])
    }
  )

  it.concurrent("R15.2 a flag whose value is - keeps it; only the file - moves", async () => {
    const document = JSON.stringify({ steps: [{ action: "LOGIC.TRUE" }] })
    const { code, stdout } = await conduit(["check", "-", "--tag", "-", "--format", "json"], document)
    expect(code).toBe(0)
    expect(statuses(stdout)).toEqual(["NONE"])
  })

  it.concurrent("R15.1 - reads the document from stdin, with flags before or after it", async () => {
    const document = JSON.stringify({ steps: [{ action: "LOGIC.TRUE" }] })
    const after = await conduit(["run", "-", "--format", "json"], document)
    const before = await conduit(["run", "--format", "json", "-"], document)
    expect(statuses(after.stdout)).toEqual(["DONE"])
    expect(statuses(before.stdout)).toEqual(["DONE"])
  })

  it.concurrent(
    "R15.3 check --format json gives pre-flight statuses and no results; exit 1 on a problem",
    async () => {
      const path = file("check.json", {
        steps: [{ action: "LOGIC.TRUE" }, { action: "NOPE" }, { action: "LOGIC.TRUE", id: 1 }]
      })
      const { code, stdout } = await conduit(["check", path, "--format", "json"])
      expect(code).toBe(1)
      const report = JSON.parse(stdout)
      expect(report.steps.map((step: { status: { name: string } }) => step.status.name)).toEqual([
        "NONE",
        "BLOCK_NOT_FOUND",
        "DUPLICATE_STEP_IDS"
      ])
      expect(report.steps.every((step: object) => !("result" in step))).toBe(true)
      expect(report.failedStep).toBe("2")
    }
  )

  it.concurrent("R15.4 check exits 0 when it finds nothing", async () => {
    const { code } = await conduit(["check", file("fine.yaml", "steps:\n  - action: LOGIC.TRUE\n")])
    expect(code).toBe(0)
  })
})

describe("conduit blocks and schema (R15.1)", () => {
  it.concurrent("blocks lists every standard block with its parameters", async () => {
    const { code, stdout } = await conduit(["blocks"])
    expect(code).toBe(0)
    expect(stdout).toContain(
      'TEXT.JOIN(text1: text, text2: text, join_with: text = " ")\n    Joins two texts'
    )
    expect(stdout).toContain("LISTS.POP(list: list, index: integer = -1)")
    expect(stdout).toMatch(/^VARIABLE\.SET\(/m)
  })

  it.concurrent("blocks --format markdown is docs/blocks.md", async () => {
    const { readFile } = await import("node:fs/promises")
    const { stdout } = await conduit(["blocks", "--format", "markdown"])
    expect(stdout).toBe(await readFile(join(root, "docs", "blocks.md"), "utf8"))
  })

  it.concurrent("schema prints a draft-07 JSON Schema that requires steps", async () => {
    const { code, stdout } = await conduit(["schema"])
    expect(code).toBe(0)
    const schema = JSON.parse(stdout)
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#")
    expect(schema.required).toEqual(["steps"])
  })
})
