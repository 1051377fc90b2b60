/**
 * The adversarial corpus: hostile workflow documents, each with what the
 * command line must do with it (SPEC section 13). Documents are generated
 * here rather than stored, because several are megabytes long.
 */

/** What a corpus entry expects from `conduit run --format json`. */
export interface Expectation {
  readonly exit: number | ReadonlyArray<number>
  /** Statuses of the first steps, in order; null leaves a step unchecked. */
  readonly statuses?: ReadonlyArray<string | null>
  /** Results of the first steps, in order (only compared where given). */
  readonly results?: ReadonlyArray<unknown>
  readonly anyStatus?: string
  readonly lastStatus?: string
  readonly stepCount?: number
  readonly failedStep?: string
  readonly stderrIncludes?: string
}

/** One hostile document. */
export interface Entry {
  readonly name: string
  readonly description: string
  readonly extension: "json" | "yaml"
  readonly text: () => string
  readonly args?: ReadonlyArray<string>
  readonly expect: Expectation
}

const json = (document: unknown) => () => JSON.stringify(document)

const nested = (depth: number): unknown => {
  let value: unknown = "leaf"
  for (let i = 0; i < depth; i++) value = [value]
  return value
}

const billionLaughs = (): string => {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  let previous = "a"
  for (let i = 0; i < 9; i++) {
    lines.push(`b${i}: &b${i} [${Array(9).fill(`*${previous}`).join(",")}]`)
    previous = `b${i}`
  }
  return `${lines.join("\n")}\nsteps:\n  - action: LOGIC.TRUE\n`
}

const tagsNested = (depth: number): string => {
  let inner = "job.name"
  for (let i = 0; i < depth; i++) inner = `job.variables.{% ${inner} %}`
  return `{% ${inner} %}`
}

/** The corpus. */
export const corpus: ReadonlyArray<Entry> = [
  {
    name: "template-bomb",
    description: "each step doubles a text through a variable; doubling stops at the size limit (R13.2)",
    extension: "json",
    text: json({
      variables: { s: "x".repeat(16) },
      steps: Array.from({ length: 40 }, (_, i) => [
        {
          action: "TEXT.JOIN",
          id: `j${i}`,
          parameters: { text1: "{# s #}", text2: "{# s #}", join_with: "" }
        },
        { action: "VARIABLE.SET", id: `v${i}`, parameters: { name: "s", value: `{: j${i} :}` } }
      ]).flat()
    }),
    expect: { exit: 1, anyStatus: "SIZE_LIMIT_EXCEED" }
  },
  {
    name: "mixed-template-bomb",
    description: "a mixed template repeating a large variable is refused before it is built (R13.2)",
    extension: "json",
    text: json({
      variables: { s: "y".repeat(100_000) },
      steps: [{ action: "TEXT.UPPERCASE", parameters: { text: Array(50).fill("{# s #}").join(" ") } }]
    }),
    expect: { exit: 1, statuses: ["SIZE_LIMIT_EXCEED"] }
  },
  {
    name: "deep-array",
    description: "an array nested 120 deep loads but is refused as a parameter (R13.2)",
    extension: "json",
    text: json({ steps: [{ action: "OBJECT.COPY", parameters: { value: nested(120) } }] }),
    expect: { exit: 1, statuses: ["SIZE_LIMIT_EXCEED"] }
  },
  {
    name: "deeper-than-load-limit",
    description: "a document nested 50,000 deep is refused as a whole, without a stack overflow (R3.3)",
    extension: "json",
    text: () =>
      `{"steps": [{"action": "LOGIC.TRUE", "parameters": {"x": ${"[".repeat(50_000)}${"]".repeat(50_000)}}}]}`,
    expect: { exit: 2, stderrIncludes: "nested deeper" }
  },
  {
    name: "huge-numbers",
    description: "huge numbers stay numbers or are refused by the blocks' bounds (R12, R13.3)",
    extension: "json",
    text: () =>
      `{"steps": [
        {"action": "MATH.SUM", "parameters": {"value1": 1e308, "value2": 1e308}},
        {"action": "MATH.MUL", "parameters": {"value1": 1e300, "value2": 2}, "forced": true},
        {"action": "MATH.EXP", "parameters": {"value1": 10, "value2": 1000}, "forced": true},
        {"action": "MATH.SUM", "parameters": {"value1": 1e999999, "value2": 1}, "forced": true}
      ]}`,
    expect: { exit: 1, statuses: ["DONE", "INVALID_ARGUMENT", "INVALID_ARGUMENT", "DONE"] }
  },
  {
    name: "long-strings-and-keys",
    description: "a very long text and a very long key are refused, not stored (R13.2)",
    extension: "json",
    text: json({
      steps: [
        { action: "TEXT.UPPERCASE", parameters: { text: "a".repeat(1_100_000) } },
        { action: "DICTIONARY.CREATE", parameters: { ["k".repeat(1_100_000)]: 1 }, forced: true }
      ]
    }),
    expect: { exit: 1, statuses: ["SIZE_LIMIT_EXCEED", "SIZE_LIMIT_EXCEED"] }
  },
  {
    name: "alias-bomb",
    description: "a billion-laughs YAML document is refused quickly (R13.3)",
    extension: "yaml",
    text: billionLaughs,
    expect: { exit: 2, stderrIncludes: "alias" }
  },
  {
    name: "prototype-keys",
    description:
      "__proto__, constructor and prototype are plain data or refused, never interpreted (R9.5, R13.3)",
    extension: "json",
    text: () =>
      `{"variables": {"v": {}}, "steps": [
        {"action": "DICTIONARY.CREATE", "id": "d",
         "parameters": {"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}},
        {"action": "DICTIONARY.SET", "parameters": {"key": "__proto__", "value": {"polluted": true}, "dictionary": "{# v #}"}},
        {"action": "TEXT.UPPERCASE", "parameters": {"text": "{: d.__proto__ :}"}, "forced": true},
        {"action": "TEXT.UPPERCASE", "parameters": {"text": "{: d.constructor :}"}, "forced": true},
        {"action": "VARIABLE.SET", "parameters": {"name": "constructor", "value": 1}, "forced": true},
        {"action": "DICTIONARY.GET", "parameters": {"key": "toString", "dictionary": {}}, "forced": true},
        {"action": "LOGIC.TRUE", "forced": true}
      ]}`,
    expect: {
      exit: 1,
      statuses: [
        "DONE",
        "DONE",
        "INVALID_ARGUMENT",
        "INVALID_ARGUMENT",
        "INVALID_ARGUMENT",
        "INVALID_ARGUMENT",
        "DONE"
      ]
    }
  },
  {
    name: "tags-nested-deep",
    description: "tags nested 200 deep are refused with SIZE_LIMIT_EXCEED (R13.2)",
    extension: "json",
    text: json({ name: "x", steps: [{ action: "TEXT.UPPERCASE", parameters: { text: tagsNested(200) } }] }),
    expect: { exit: 1, statuses: ["SIZE_LIMIT_EXCEED"] }
  },
  {
    name: "tags-nested-within-limit",
    description: "tags nested 20 deep still resolve (R9.7)",
    extension: "json",
    text: json({
      name: "x",
      variables: { x: "x" },
      steps: [{ action: "TEXT.UPPERCASE", parameters: { text: tagsNested(20) } }]
    }),
    expect: { exit: 0, statuses: ["DONE"], results: ["X"] }
  },
  {
    name: "self-reference",
    description: "a variable holding its own tag is inserted as text, not expanded (R9.8)",
    extension: "json",
    text: json({
      variables: { x: "{# x #}{# x #}" },
      steps: [{ action: "TEXT.UPPERCASE", parameters: { text: "{# x #}" } }]
    }),
    expect: { exit: 0, statuses: ["DONE"], results: ["{# X #}{# X #}"] }
  },
  {
    name: "deadline",
    description:
      "a long run stops at the deadline: TIME_LIMIT_EXCEED, then every step SKIPPED, forced too (R13.1)",
    extension: "json",
    args: ["--deadline", "300ms", "--step-limit", "1000000"],
    text: json({
      variables: { t: "ab".repeat(20_000) },
      steps: Array.from({ length: 60_000 }, (_, i) => ({
        action: "TEXT.REPLACE",
        parameters: { text: "{# t #}", old: "a", new: "xyz" },
        forced: i % 2 === 0
      }))
    }),
    expect: { exit: 1, anyStatus: "TIME_LIMIT_EXCEED", lastStatus: "SKIPPED" }
  },
  {
    name: "step-limit",
    description: "the step limit stops a workflow at exactly N steps (R6.5)",
    extension: "json",
    args: ["--step-limit", "5"],
    text: json({ steps: Array(20).fill({ action: "LOGIC.TRUE" }) }),
    expect: { exit: 1, stepCount: 20, failedStep: "6" }
  },
  {
    name: "replace-explosion",
    description: "REPLACE with an empty piece on a long text is refused before it is built (R13.2)",
    extension: "json",
    text: json({
      steps: [
        { action: "TEXT.REPLACE", parameters: { text: "a".repeat(500_000), old: "", new: "0123456789" } }
      ]
    }),
    expect: { exit: 1, statuses: ["SIZE_LIMIT_EXCEED"] }
  },
  {
    name: "list-growth",
    description: "a list extended with itself stops growing at the size limit (R13.2)",
    extension: "json",
    text: json({
      variables: { l: Array(64).fill(0) },
      steps: Array(20).fill({ action: "LISTS.EXTEND", parameters: { list1: "{# l #}", list2: "{# l #}" } })
    }),
    expect: { exit: 1, anyStatus: "SIZE_LIMIT_EXCEED" }
  },
  {
    name: "append-loop",
    description:
      "appending in a loop keeps a snapshot per step; the run's retained size stops it (R13.2, R13.3)",
    extension: "json",
    text: json({
      variables: { l: [] },
      steps: Array(20_000).fill({ action: "LISTS.APPEND", parameters: { list: "{# l #}", item: 1 } })
    }),
    expect: { exit: 1, anyStatus: "SIZE_LIMIT_EXCEED", lastStatus: "SKIPPED" }
  },
  {
    name: "many-large-results",
    description: "a half-megabyte text passed through thousands of steps stops at the retained size (R13.3)",
    extension: "json",
    text: json({
      steps: [
        { id: "d0", action: "TEXT.JOIN", parameters: { text1: "ab", text2: "cd", join_with: "" } },
        ...Array.from({ length: 17 }, (_, i) => ({
          id: `d${i + 1}`,
          action: "TEXT.JOIN",
          parameters: { text1: `{: d${i} :}`, text2: `{: d${i} :}`, join_with: "" }
        })),
        ...Array(2_000).fill({ action: "TEXT.UPPERCASE", parameters: { text: "{: d17 :}" } })
      ]
    }),
    expect: { exit: 1, anyStatus: "SIZE_LIMIT_EXCEED", lastStatus: "SKIPPED" }
  },
  {
    name: "yaml-alias-expansion",
    description: "a large anchor used by many aliases is refused by the document's parsed size (R13.3)",
    extension: "yaml",
    text: () =>
      `big: &big [${Array(50_000).fill("1").join(",")}]\n` +
      `more: [${Array(99).fill("*big").join(", ")}]\nsteps:\n  - action: LOGIC.TRUE\n`,
    expect: { exit: 2, stderrIncludes: "once parsed" }
  },
  {
    name: "yaml-too-many-nodes",
    description: "a YAML document with hundreds of thousands of nodes is refused before parsing (R13.3)",
    extension: "yaml",
    text: () =>
      `steps:\n  - action: LOGIC.TRUE\n    parameters:\n      x: [${Array(300_000).fill("1").join(",")}]\n`,
    expect: { exit: 2, stderrIncludes: "nodes" }
  },
  {
    name: "yaml-binary",
    description: "YAML 1.1 !!binary would give a Buffer, which is not JSON data (R3.3, R13.3)",
    extension: "yaml",
    text: () =>
      `%YAML 1.1\n---\nsteps:\n  - action: TEXT.UPPERCASE\n    parameters: {text: !!binary ${Buffer.alloc(3000).toString("base64")}}\n`,
    expect: { exit: 2, stderrIncludes: "not JSON data" }
  },
  {
    name: "json-with-bom",
    description: "a JSON file that starts with a byte-order mark loads (R3.3)",
    extension: "json",
    text: () => `\ufeff${JSON.stringify({ steps: [{ action: "LOGIC.TRUE" }] })}`,
    expect: { exit: 0, statuses: ["DONE"] }
  },
  {
    name: "not-a-workflow",
    description: "JSON that is not a workflow is refused with exit 2 (R3.3)",
    extension: "json",
    text: () => '[1, 2, {"steps": 3}]',
    expect: { exit: 2 }
  },
  {
    name: "binary-garbage",
    description: "bytes that are not a document are refused with exit 2 (R3.3)",
    extension: "yaml",
    text: () => "\u0000\u0001\u0002{{{:::%%%\u00ff\ufffe: [",
    expect: { exit: 2 }
  }
]
