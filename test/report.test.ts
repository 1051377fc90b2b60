/**
 * The JSON report of the command line (R15.3): one JSON document, whose size
 * stays within a small factor of the data it holds, however deep the data.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Report from "../src/cli/report.js"
import * as Status from "../src/Status.js"

const reportOf = (result: unknown, variables: Record<string, unknown> = {}): Report.Report => ({
  name: "deep",
  id: null,
  success: true,
  failedStep: null,
  steps: [{ id: "1", position: 1, action: "X.Y", status: Status.DONE, result }],
  variables
})

describe("the JSON report (R15.3)", () => {
  it("R15.3 is one JSON document holding exactly the report", () => {
    const report = reportOf([[1, { a: [2] }], "x", null], { list: [1, [2, [3]]], empty: {} })

    expect(JSON.parse(Report.toJson(report))).toEqual(report)
  })

  it("R15.3 indents the steps' fields, and writes values below four levels compact", () => {
    const text = Report.toJson(reportOf([[1, 2], 3]))

    expect(text).toContain('\n      "status": {\n        "name": "DONE",\n        "value": 0\n      },')
    expect(text).toContain('"result": [\n        [1,2],\n        3\n      ]')
  })

  it("R13.3 a value nested sixty deep takes about its compact size, not forty times it", () => {
    let deep: unknown = Array.from({ length: 1_000 }, () => [])
    for (let i = 0; i < 60; i++) deep = [deep]
    const report = reportOf(deep)

    const text = Report.toJson(report)

    expect(JSON.parse(text)).toEqual(report)
    expect(text.length).toBeLessThan(2 * JSON.stringify(report).length)
  })
})
