/**
 * The guides' examples are executed, so they cannot rot. docs/README.md
 * ("Executed examples") describes the markers this test reads:
 *
 * - `<!-- example: examples/docs/NAME.ts -->` before a fenced block: the block
 *   is the file, verbatim (with the import paths users write); the file's
 *   exported `main` Effect runs. `examples/docs/*.test.ts` files are imported
 *   here, so their tests run as part of this one.
 * - `<!-- output -->` after an example or a command: what it printed.
 * - `<!-- stderr -->` after a command: what it wrote on stderr.
 * - `<!-- workflow: expect S1,S2 [options {...}] -->` or `<!-- workflow: refused -->`
 *   before a JSON or YAML block: the document runs with the standard blocks.
 * - `<!-- command: exit N -->` before a shell block: it runs in the repository,
 *   `npx conduit` being the command line of this repository, and exits with N.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { execFile, execFileSync } from "node:child_process"
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { fileURLToPath, pathToFileURL } from "node:url"
import { format } from "node:util"
import { standard } from "../src/blocks/Standard.js"
import type * as Job from "../src/Job.js"
import { runWorkflow, statusNames } from "../src/testing.js"

const root = fileURLToPath(new URL("..", import.meta.url))
const docsDir = `${root}docs/`
const examplesDir = `${root}examples/docs/`

// ---- reading the marked blocks ----

interface Marked {
  readonly page: string
  /** 1-based line of the marker. */
  readonly line: number
  readonly kind: "example" | "output" | "stderr" | "workflow" | "command"
  readonly argument: string
  readonly language: string
  readonly content: string
}

const kinds = new Set(["example", "output", "stderr", "workflow", "command"])
const markerPattern = /^<!--\s*([a-z]+)(?::\s*(.*?))?\s*-->\s*$/

/** Every marked fenced block of a page; a marker not followed by a fenced block is an error. */
const readPage = (page: string): ReadonlyArray<Marked> => {
  const lines = readFileSync(docsDir + page, "utf8").split("\n")
  const found: Array<Marked> = []
  for (let i = 0; i < lines.length; i++) {
    const marker = markerPattern.exec(lines[i]!)
    if (marker === null || !kinds.has(marker[1]!)) continue
    let start = i + 1
    while (start < lines.length && lines[start]!.trim() === "") start++
    const fence = /^(`{3,})(\S*)\s*$/.exec(lines[start] ?? "")
    if (fence === null) {
      throw new Error(`${page}:${i + 1}: the ${marker[1]} marker must be followed by a fenced block`)
    }
    let end = start + 1
    while (end < lines.length && lines[end] !== fence[1]) end++
    if (end === lines.length) throw new Error(`${page}:${start + 1}: the fenced block is not closed`)
    found.push({
      page,
      line: i + 1,
      kind: marker[1] as Marked["kind"],
      argument: marker[2] ?? "",
      language: fence[2]!,
      content: lines.slice(start + 1, end).join("\n")
    })
    i = end
  }
  return found
}

// The repository's README is read as a page too (its path relative to docs/).
const pages = [
  ...readdirSync(docsDir)
    .filter((file) => file.endsWith(".md"))
    .sort(),
  "../README.md"
]
const marked = pages.flatMap(readPage)

/** The output and stderr blocks that follow a marked block on its page. */
const followers = (block: Marked) => {
  const index = marked.indexOf(block)
  const after: { output?: string; stderr?: string } = {}
  for (const next of marked.slice(index + 1)) {
    if (next.page !== block.page || (next.kind !== "output" && next.kind !== "stderr")) break
    after[next.kind] = next.content
  }
  return after
}

// ---- comparing ----

/** The import paths an example file uses inside this repository, and what users write instead. */
const publicImports: ReadonlyArray<readonly [string, string]> = [
  ['"../../src/testing.js"', '"effect-conduit/testing"'],
  ['"../../src/index.js"', '"effect-conduit"']
]

const asPublished = (source: string): string =>
  publicImports.reduce((text, [local, published]) => text.split(local).join(published), source).trimEnd()

/** Compares printed text with a block; `<time>` in the block stands for an elapsed time such as `1.5ms`. */
const expectPrinted = (actual: string, expected: string, where: string) => {
  const tidy = (text: string) =>
    text
      .split("\n")
      .map((line) => line.trimEnd())
      .join("\n")
      .trim()
  if (!expected.includes("<time>")) return expect(tidy(actual), where).toBe(tidy(expected))
  const pattern = tidy(expected)
    .split("<time>")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("\\d+(?:\\.\\d+)?ms")
  expect(tidy(actual), where).toMatch(new RegExp(`^${pattern}$`))
}

// ---- examples ----

const exampleFiles = readdirSync(examplesDir)
  .filter((file) => file.endsWith(".ts"))
  .sort()
const programFiles = exampleFiles.filter((file) => !file.endsWith(".test.ts"))
const testModules = exampleFiles.filter((file) => file.endsWith(".test.ts"))

// The guides' test examples are real tests: importing them registers their tests in this file.
for (const file of testModules) await import(pathToFileURL(examplesDir + file).href)

/** Runs an example's `main`, collecting what it prints with `console.log` (Effect's Console too). */
const runMain = async (file: string): Promise<string> => {
  const module = (await import(pathToFileURL(examplesDir + file).href)) as { main?: unknown }
  if (!Effect.isEffect(module.main)) throw new Error(`${file} must export a main Effect`)
  const printed: Array<string> = []
  const original = console.log
  console.log = (...args: Array<unknown>) => void printed.push(format(...args))
  try {
    await Effect.runPromise(module.main as Effect.Effect<unknown, unknown, never>)
  } finally {
    console.log = original
  }
  return printed.join("\n")
}

describe("the guides' examples", () => {
  it("every page has been read", () => {
    expect(pages).toContain("README.md")
    expect(marked.length).toBeGreaterThan(0)
  })

  it("every example file appears in a guide", () => {
    const examples = marked.filter((block) => block.kind === "example")
    const included = new Set(examples.map((block) => block.argument))

    expect(exampleFiles.filter((file) => !included.has(`examples/docs/${file}`))).toEqual([])
  })

  for (const block of marked.filter((b) => b.kind === "example")) {
    const where = `${block.page}:${block.line}`

    it(`${where} shows ${block.argument} as it is`, () => {
      expect(existsSync(root + block.argument), block.argument).toBe(true)

      expect(block.content, where).toBe(asPublished(readFileSync(root + block.argument, "utf8")))
    })

    const file = block.argument.replace(/^examples\/docs\//, "")
    if (!programFiles.includes(file)) continue
    it(`${where} runs ${block.argument}`, async () => {
      const printed = await runMain(file)

      const expected = followers(block).output
      if (expected !== undefined) expectPrinted(printed, expected, where)
    })
  }
})

// ---- workflows ----

const workflowPattern = /^(?:expect\s+([A-Z_,\s]+?)(?:\s+options\s+(\{.*\}))?|refused)$/

describe("the guides' workflows", () => {
  for (const block of marked.filter((b) => b.kind === "workflow")) {
    const where = `${block.page}:${block.line}`
    const marker = workflowPattern.exec(block.argument)

    it.effect(`${where} ${block.argument}`, () =>
      Effect.gen(function* () {
        const usage = `${where}: write "workflow: expect S1,S2 [options {...}]" or "workflow: refused"`
        expect(marker, usage).not.toBeNull()
        const options = (marker![2] === undefined ? {} : JSON.parse(marker![2])) as Job.Options
        const outcome = yield* Effect.either(runWorkflow(block.content, standard, options))

        if (marker![1] === undefined) {
          expect(outcome._tag, where).toBe("Left")
          return
        }
        const loadError = outcome._tag === "Left" ? outcome.left.message : ""
        expect(outcome._tag, `${where}: ${loadError}`).toBe("Right")
        if (outcome._tag === "Right") {
          expect(statusNames(outcome.right), where).toEqual(marker![1].split(",").map((s) => s.trim()))
        }
      })
    )
  }
})

// ---- commands ----

/** Every file under a directory, recursively, relative to it. */
const filesUnder = (dir: string): Array<string> =>
  readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => statSync(dir + file).isFile())

/** Whether dist/ was built after the last change to src/ (as `npm test` does before the tests). */
const distIsFresh = (): boolean =>
  filesUnder(`${root}src/`)
    .filter((file) => file.endsWith(".ts"))
    .every((file) => {
      const built = `${root}dist/${file.replace(/\.ts$/, ".js")}`
      return existsSync(built) && statSync(built).mtimeMs >= statSync(`${root}src/${file}`).mtimeMs
    })

/** The command line: the build when it is fresh (fast), else the sources through tsx. */
const conduitCommand = distIsFresh()
  ? "node dist/cli/bin.js"
  : `"${root}node_modules/.bin/tsx" src/cli/bin.ts`

/** Runs a shell block in the repository with `npx conduit` replaced by `conduitCommand`; never rejects. */
const runCommand = (script: string) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const command = script.replace(/\bnpx conduit\b/g, conduitCommand)
    execFile("bash", ["-c", command], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1
      resolve({ code, stdout, stderr })
    })
  })

describe.concurrent("the guides' commands", () => {
  const commands = marked.filter((b) => b.kind === "command")

  // A `--blocks` module imports "effect-conduit" as users do, which is the build in dist/.
  if (commands.some((block) => block.content.includes("--blocks")) && !existsSync(`${root}dist/index.js`)) {
    try {
      execFileSync(`${root}node_modules/.bin/tsc`, ["-p", "tsconfig.build.json"], { cwd: root })
    } catch {
      // A type error elsewhere still leaves dist/ written; the commands below tell whether it works.
    }
  }

  for (const block of commands) {
    const where = `${block.page}:${block.line}`
    const exit = /^exit\s+(\d+)$/.exec(block.argument)

    it(`${where} ${block.content.split("\n").find((line) => !line.startsWith("#"))}`, async () => {
      expect(exit, `${where}: write "command: exit N"`).not.toBeNull()

      const { code, stdout, stderr } = await runCommand(block.content)

      expect(code, `${where}\nstdout: ${stdout}\nstderr: ${stderr}`).toBe(Number(exit![1]))
      const { output, stderr: expectedError } = followers(block)
      if (output !== undefined) expectPrinted(stdout, output, `${where} (output)`)
      if (expectedError !== undefined) expectPrinted(stderr, expectedError, `${where} (stderr)`)
    })
  }
})
