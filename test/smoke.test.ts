import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import * as Job from "../src/Job.js"
import * as Run from "../src/Run.js"
import { registry } from "./support/blocks.js"

describe("a first run", () => {
  it.effect("R7.1 runs steps in order and passes results through tags", () =>
    Effect.gen(function* () {
      const job = yield* Job.load(
        {
          steps: [
            { action: "test.add", id: "a", parameters: { a: 1, b: 2 } },
            { action: "TEST.ADD", parameters: { a: "{: a :}", b: 10 } },
            { action: "test.ok", parameters: { value: "sum={: 2 :}" } }
          ]
        },
        registry
      )
      const result = yield* Run.run(job)
      expect(result.steps.map((s) => [s.status.name, s.result])).toEqual([
        ["DONE", 3],
        ["DONE", 13],
        ["DONE", "sum=13"]
      ])
      expect(result.success).toBe(true)
    })
  )
})
