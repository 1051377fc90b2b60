// Benchmarks for the runtime (issue 7). Run with `npm run bench` (which builds first);
// `--smoke` runs the smallest sizes only, as CI does. Prints a table and writes the same
// figures to bench/results/latest.json. Figures are ratios against baselines measured in
// the same run; nothing here asserts anything about time.
import { Effect } from "effect"
import { mkdirSync, writeFileSync } from "node:fs"
import { cpus, totalmem } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { Bench } from "tinybench"
import {
  CurrentRun,
  Invocation,
  Job,
  Registry,
  Resolver,
  Run,
  Size,
  StandardBlocks,
  Template,
  Workflow
} from "../dist/index.js"

const smoke = process.argv.includes("--smoke")
const here = dirname(fileURLToPath(import.meta.url))
const registry = StandardBlocks.standard
const options = { stepLimit: Number.MAX_SAFE_INTEGER, deadline: "1 hour" }

/** A chain of `n` MATH.SUM steps, each reading the previous step's result through a tag. */
const chainDocument = (n) => ({
  name: `chain-${n}`,
  steps: Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    action: "MATH.SUM",
    parameters: i === 0 ? { value1: 0, value2: 1 } : { value1: `{: s${i - 1} :}`, value2: 1 }
  }))
})

const buildJob = (document) => Job.make(Effect.runSync(Workflow.decode(document)), registry, options)

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

const time = async (fn, repeats) => {
  const samples = []
  for (let i = 0; i < repeats; i++) {
    const started = performance.now()
    await fn()
    samples.push(performance.now() - started)
  }
  return median(samples)
}

/**
 * The same work as a run, with no runtime around it: resolve the same compiled parameters
 * against the same contexts, decode them, and call the block's Effect with runSync.
 */
const plainLoop = (job) => {
  const variables = {}
  const steps = {}
  const contexts = { job: { name: job.name, id: job.id, success: null, parameters: {}, variables }, steps }
  const scope = { contexts, limits: job.sizeLimits }
  const service = { variables, locals: {}, jobName: job.name, jobId: job.id, sizeLimits: job.sizeLimits }
  for (const step of job.steps) {
    const parameters = Resolver.resolve(step.compiled, scope)
    const decoded = Invocation.decodeParameters(step.block, parameters.right)
    const result = Effect.runSync(
      Effect.provideService(step.block.run(decoded.right), CurrentRun.CurrentRun, service)
    )
    steps[step.id] = { result }
  }
}

const sizes = smoke ? [1_000] : [1_000, 10_000, 100_000]
const repeatsFor = (n) => (smoke ? 2 : n <= 1_000 ? 30 : n <= 10_000 ? 8 : 3)
const figures = {
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version
  },
  smoke,
  chain: [],
  baseline: [],
  micro: {},
  manyJobs: null,
  memory: null
}

// Warm up the code paths once.
await Effect.runPromise(Run.run(buildJob(chainDocument(2_000))))
plainLoop(buildJob(chainDocument(2_000)))

for (const n of sizes) {
  const job = buildJob(chainDocument(n))
  const runMillis = await time(() => Effect.runPromise(Run.run(job)), repeatsFor(n))
  const loopMillis = await time(async () => plainLoop(job), repeatsFor(n))
  figures.chain.push({ steps: n, millis: runMillis, microsPerStep: (runMillis * 1000) / n })
  figures.baseline.push({
    steps: n,
    millis: loopMillis,
    microsPerStep: (loopMillis * 1000) / n,
    runtimeRatio: runMillis / loopMillis
  })
}
const perStep = figures.chain.map((row) => row.microsPerStep)
figures.linearity = perStep[perStep.length - 1] / perStep[0]
figures.runtimeRatio = Math.max(...figures.baseline.map((row) => row.runtimeRatio))

// Many jobs at once.
{
  const jobs = smoke ? 100 : 10_000
  const concurrency = 64
  const list = Array.from({ length: jobs }, (_, i) => buildJob({ ...chainDocument(10), id: `job-${i}` }))
  const millis = await time(
    () => Effect.runPromise(Effect.forEach(list, Run.run, { concurrency, discard: true })),
    smoke ? 1 : 3
  )
  figures.manyJobs = {
    jobs,
    stepsPerJob: 10,
    concurrency,
    millis,
    stepsPerSecond: (jobs * 10) / (millis / 1000)
  }
}

// Tag resolution and parameter decoding alone.
{
  const job = buildJob(chainDocument(3))
  const contexts = {
    job: { name: null, id: null, success: null, parameters: {}, variables: {} },
    steps: { s0: { result: 41 }, s1: { result: 1 } }
  }
  const scope = { contexts, limits: job.sizeLimits }
  const whole = Template.parse("{: s0 :}", 32)
  const hundredRecords = Array.from({ length: 100 }, (_, i) => ({
    id: i,
    name: `item ${i}`,
    tags: ["a", "b"]
  }))
  const mixed = Template.parse("total {: s0 :} and {: s1 :}!", 32)
  const sum = Registry.lookup(registry, "MATH.SUM")
  const bench = new Bench({ time: smoke ? 50 : 500, warmupTime: smoke ? 10 : 100 })
  bench
    .add("parse a template", () => Template.parse("total {: s0 :} and {: s1 :}!", 32))
    .add("resolve a whole tag", () => Resolver.resolveTemplate(whole, scope))
    .add("resolve a mixed template", () => Resolver.resolveTemplate(mixed, scope))
    .add("decode MATH.SUM parameters", () => Invocation.decodeParameters(sum, { value1: 1, value2: 2 }))
    .add("resolve a step's compiled parameters", () => Resolver.resolve(job.steps[1].compiled, scope))
    .add("size check of MATH.SUM parameters", () => Size.check({ value1: 41, value2: 1 }, job.sizeLimits))
    .add("size check of a 100-item list of records", () => Size.check(hundredRecords, job.sizeLimits))
  await bench.run()
  for (const task of bench.tasks) {
    figures.micro[task.name] = { nanosPerCall: task.result.latency.mean * 1e6 }
  }
}

// Memory retained per completed step.
if (typeof global.gc === "function") {
  const n = smoke ? 1_000 : 100_000
  global.gc()
  const empty = process.memoryUsage().heapUsed
  const job = buildJob(chainDocument(n))
  global.gc()
  const before = process.memoryUsage().heapUsed
  const result = await Effect.runPromise(Run.run(job))
  global.gc()
  const after = process.memoryUsage().heapUsed
  figures.memory = {
    steps: n,
    jobBytesPerStep: (before - empty) / n,
    retainedBytesPerStep: (after - before) / n,
    jobAndRunMiB: (after - empty) / 2 ** 20,
    heapUsedMiB: after / 2 ** 20,
    success: result.success
  }
}

// ---- report ----

const fmt = (x, digits = 2) => (x === undefined || x === null ? "-" : x.toFixed(digits))
console.log(
  `effect-conduit benchmarks${smoke ? " (smoke)" : ""} on ${figures.machine.cpu} x${figures.machine.cpus}, Node ${figures.machine.node}\n`
)
console.log("chain of MATH.SUM steps, each reading the previous result")
console.log("  steps      run ms   µs/step   plain-loop µs/step   runtime / plain loop")
for (const [i, row] of figures.chain.entries()) {
  const base = figures.baseline[i]
  console.log(
    `  ${String(row.steps).padEnd(9)} ${fmt(row.millis, 1).padStart(8)} ${fmt(row.microsPerStep).padStart(9)} ${fmt(base.microsPerStep).padStart(20)} ${fmt(base.runtimeRatio).padStart(22)}`
  )
}
console.log(
  `  time per step at ${sizes[sizes.length - 1]} / at ${sizes[0]}: ${fmt(figures.linearity)} (target at most 1.2)`
)
console.log(`  runtime / plain loop, worst size: ${fmt(figures.runtimeRatio)} (target at most 3)`)
const many = figures.manyJobs
console.log(
  `\n${many.jobs} jobs of ${many.stepsPerJob} steps, concurrency ${many.concurrency}: ${fmt(many.millis, 0)} ms, ${fmt(many.stepsPerSecond, 0)} steps/s`
)
console.log("\nper call")
for (const [name, row] of Object.entries(figures.micro))
  console.log(`  ${name.padEnd(40)} ${fmt(row.nanosPerCall, 0).padStart(8)} ns`)
if (figures.memory) {
  const m = figures.memory
  console.log(
    `\nmemory for ${m.steps} steps: the job ${fmt(m.jobBytesPerStep, 0)} bytes/step, the run ${fmt(m.retainedBytesPerStep, 0)} bytes/step retained; job and run ${fmt(m.jobAndRunMiB, 1)} MiB, whole heap ${fmt(m.heapUsedMiB, 1)} MiB`
  )
} else {
  console.log("\nmemory: run node with --expose-gc to measure")
}

mkdirSync(join(here, "results"), { recursive: true })
writeFileSync(join(here, "results", smoke ? "smoke.json" : "latest.json"), JSON.stringify(figures, null, 2))
