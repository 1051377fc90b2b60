/**
 * What tags resolve to (SPEC R9.1 to R9.9, R13.2): values read from the
 * contexts, paths with keys, indexes and slices, the refused segments, dead
 * references, nesting, and the rule that substituted values are data. Runs
 * through a whole job are tested in Contexts.test.ts and Variables.test.ts.
 */
import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import * as Contexts from "../src/Contexts.js"
import * as Limits from "../src/Limits.js"
import * as Resolver from "../src/Resolver.js"
import * as Sequence from "../src/Sequence.js"
import * as Size from "../src/Size.js"
import * as Status from "../src/Status.js"
import * as StepError from "../src/StepError.js"
import * as Template from "../src/Template.js"

// ---- fixtures ----

const stepContext = (id: string, position: number, result: unknown): Contexts.StepContext => ({
  id,
  position,
  action: "TEST.OK",
  block: { category: "TEST", name: "OK" },
  status: Status.DONE,
  result,
  error: null,
  parameters: {}
})

const fixtureVariables = (): Record<string, unknown> => ({
  n: 3,
  f: 1.5,
  big: 1e21,
  negativeZero: -0,
  t: true,
  nul: null,
  s: "hello",
  empty: "",
  list: [10, 20, 30, 40, 50],
  names: ["alpha", "beta"],
  obj: { a: { b: "deep" }, "0": "zero key", "-1": "minus key" },
  emoji: "a😀b🎉c",
  nested: { list: [1, 2] },
  key: "a",
  zero: 0,
  greeting: "hi",
  dotted: "obj.a",
  tagText: "{# n #}",
  self: "{# self #}",
  quote: 'say "hi"\n',
  guarded: JSON.parse(
    '{"__proto__": 1, "_secret": 2, "secret_": 3, "constructor": 4, "prototype": 5, "_": 6}'
  )
})

const fixtureLocals = (): Record<string, unknown> => ({ user: { name: "Ada" }, list: [1, 2, 3] })

interface Fixture {
  readonly variables: Record<string, unknown>
  readonly locals: Record<string, unknown>
  readonly contexts: Contexts.Contexts
}

const fixture = (
  overrides: { variables?: Record<string, unknown>; locals?: Record<string, unknown> } = {}
): Fixture => {
  const variables = overrides.variables ?? fixtureVariables()
  const locals = overrides.locals ?? fixtureLocals()
  const contexts = Contexts.make(
    { name: "greeting", id: "job-1", success: null, parameters: locals, variables },
    [
      stepContext("sum", 1, 42),
      stepContext("rec", 2, { items: [1, 2, 3], label: "x" }),
      stepContext("3", 3, "three")
    ]
  )
  return { variables, locals, contexts }
}

const resolveIn = (
  value: unknown,
  at: Fixture = fixture(),
  limits: Limits.SizeLimits = Limits.defaultSizeLimits
): Either.Either<unknown, Resolver.ResolveError> =>
  Resolver.resolve(Resolver.compile(value, limits), { contexts: at.contexts, limits })

/** The resolved value; fails the test on an error. */
const value = (input: unknown, at?: Fixture, limits?: Limits.SizeLimits): unknown => {
  const resolved = resolveIn(input, at, limits)
  if (Either.isLeft(resolved))
    throw new Error(`expected a value for ${String(input)}, got: ${resolved.left.message}`)
  return resolved.right
}

/** The resolution error; fails the test on a value. */
const failure = (input: unknown, at?: Fixture, limits?: Limits.SizeLimits): Resolver.ResolveError => {
  const resolved = resolveIn(input, at, limits)
  if (Either.isRight(resolved))
    throw new Error(`expected an error for ${String(input)}, got ${JSON.stringify(resolved.right)}`)
  return resolved.left
}

const statusName = (error: Resolver.ResolveError): string => StepError.statusOf(error).name

// ---- generators and references ----

/** Strings built from the pieces of the tag language. */
const fragments = fc
  .array(
    fc.constantFrom(
      "{%",
      "{:",
      "{#",
      "{<",
      "%}",
      ":}",
      "#}",
      ">}",
      " ",
      ".",
      "a",
      "0",
      "-1",
      "::2",
      "_",
      "x"
    ),
    { maxLength: 40 }
  )
  .map((pieces) => pieces.join(""))

const sliceText = (start: number | null, stop: number | null, step: number | null): string =>
  `${start ?? ""}:${stop ?? ""}${step === null ? "" : `:${step}`}`

/** Python's slicing, written out from its documented rules. */
const pythonSlice = <A>(
  items: ReadonlyArray<A>,
  start: number | null,
  stop: number | null,
  step: number | null
) => {
  const n = items.length
  const by = step ?? 1
  const out: Array<A> = []
  const adjust = (value: number, low: number, high: number) =>
    value < 0 ? Math.max(value + n, low) : Math.min(value, high)
  if (by > 0) {
    const from = start === null ? 0 : adjust(start, 0, n)
    const to = stop === null ? n : adjust(stop, 0, n)
    for (let i = from; i < to; i += by) out.push(items[i]!)
  } else {
    const from = start === null ? n - 1 : adjust(start, -1, n - 1)
    const to = stop === null ? -1 : adjust(stop, -1, n - 1)
    for (let i = from; i > to; i += by) out.push(items[i]!)
  }
  return out
}

// ---- tests ----

describe("Resolver", () => {
  describe("the roots of the four tag forms (R9.1)", () => {
    it("R9.1 {% path %} reads the contexts tree", () => {
      expect(value("{% job.name %}")).toBe("greeting")
      expect(value("{% steps.sum.result %}")).toBe(42)
    })

    it("R9.1 {: id :} is the step's result", () => {
      expect(value("{: sum :}")).toBe(42)
    })

    it("R9.1 {: id.path :} reads into the step's result", () => {
      expect(value("{: rec.label :}")).toBe("x")
      expect(value("{: rec.items.1 :}")).toBe(2)
    })

    it("R9.1 a step id that is a number is read as the id, not an index", () => {
      expect(value("{: 3 :}")).toBe("three")
    })

    it("R9.1 {# path #} reads job.variables.<path>", () => {
      expect(value("{# s #}")).toBe("hello")
      expect(value("{# s #}")).toBe(value("{% job.variables.s %}"))
    })

    it("R9.1 {< path >} reads job.parameters.<path>, the locals", () => {
      expect(value("{< user.name >}")).toBe("Ada")
      expect(value("{< user.name >}")).toBe(value("{% job.parameters.user.name %}"))
    })
  })

  describe("literal text (R9.2)", () => {
    it.each([["{% job.name"], ["{% job.name :}"], ["{%job.name%}"], ["{# s#}"]])(
      "R9.2 text that is not a complete tag resolves to itself: %s",
      (text) => {
        expect(value(text)).toBe(text)
      }
    )

    it("R9.2 literal text beside a tag stays as written", () => {
      expect(value("{%job.name%} is {% job.name %}")).toBe("{%job.name%} is greeting")
    })
  })

  describe("whole tags keep their type (R9.3)", () => {
    it.each([
      ["a number", "{# n #}", 3],
      ["a boolean", "{# t #}", true],
      ["null", "{# nul #}", null],
      ["a string", "{# s #}", "hello"],
      ["the empty string", "{# empty #}", ""],
      ["a list", "{# list #}", [10, 20, 30, 40, 50]],
      ["an object", "{# obj.a #}", { b: "deep" }]
    ])("R9.3 a string that is exactly one tag becomes %s", (_kind, text, expected) => {
      expect(value(text)).toEqual(expected)
    })

    it("R9.3 whitespace around a single tag is ignored and the type kept", () => {
      expect(value("  {: sum :}\n")).toBe(42)
    })
  })

  describe("mixed strings become text (R9.3)", () => {
    it("R9.3 strings are inserted as they are", () => {
      expect(value("<{# quote #}>")).toBe('<say "hi"\n>')
    })

    it("R9.3 numbers are inserted in their JavaScript form", () => {
      expect(value("{# n #}|{# f #}|{# big #}|{# negativeZero #}")).toBe("3|1.5|1e+21|0")
    })

    it("R9.3 booleans are inserted as true and false", () => {
      expect(value("it is {# t #}")).toBe("it is true")
    })

    it("R9.3 null is inserted as null", () => {
      expect(value("value: {# nul #}")).toBe("value: null")
    })

    it("R9.3 lists are inserted as compact JSON", () => {
      expect(value("{# list #};{# names #}")).toBe('[10,20,30,40,50];["alpha","beta"]')
    })

    it("R9.3 objects are inserted as compact JSON", () => {
      expect(value("obj={# obj.a #}")).toBe('obj={"b":"deep"}')
    })

    it("R9.3 two tags side by side make a string", () => {
      expect(value("{# n #}{# n #}")).toBe("33")
    })

    it("R9.3 a tag with text after it makes a string even for numbers", () => {
      expect(value("{: sum :}.")).toBe("42.")
    })
  })

  describe("paths (R9.4)", () => {
    it("R9.4 segments separated by dots walk into objects", () => {
      expect(value("{# obj.a.b #}")).toBe("deep")
    })

    it("R9.4 a segment that looks like a number is a key on an object", () => {
      expect(value("{# obj.0 #}")).toBe("zero key")
      expect(value("{# obj.-1 #}")).toBe("minus key")
    })

    it("R9.4 an integer segment indexes a list", () => {
      expect(value("{# list.0 #}")).toBe(10)
      expect(value("{# list.4 #}")).toBe(50)
    })

    it("R9.4 a negative index counts from the end of a list", () => {
      expect(value("{# list.-1 #}")).toBe(50)
      expect(value("{# list.-5 #}")).toBe(10)
    })

    it("R9.4 an index on a string gives a character, counting code points", () => {
      expect(value("{# emoji.1 #}")).toBe("😀")
      expect(value("{# emoji.2 #}")).toBe("b")
      expect(value("{# emoji.4 #}")).toBe("c")
    })

    it("R9.4 a negative index counts code points from the end of a string", () => {
      expect(value("{# emoji.-1 #}")).toBe("c")
      expect(value("{# emoji.-2 #}")).toBe("🎉")
      expect(value("{# emoji.-5 #}")).toBe("a")
    })

    it.each([
      ["1:3", [20, 30]],
      ["::-2", [50, 30, 10]],
      ["4:1:-1", [50, 40, 30]],
      ["-2:", [40, 50]],
      ["1:-1:2", [20, 40]],
      [":", [10, 20, 30, 40, 50]],
      ["::", [10, 20, 30, 40, 50]],
      ["10:", []],
      ["-100:2", [10, 20]],
      ["3:1", []],
      ["::7", [10]]
    ])("R9.4 the slice %s of a list follows Python", (slice, expected) => {
      expect(value(`{# list.${slice} #}`)).toEqual(expected)
    })

    it.each([
      ["::-1", "c🎉b😀a"],
      ["1:4", "😀b🎉"],
      ["::2", "abc"],
      ["1::2", "😀🎉"],
      ["-2:", "🎉c"],
      [":-3:-1", "c🎉"]
    ])("R9.4 the slice %s of a string counts code points", (slice, expected) => {
      expect(value(`{# emoji.${slice} #}`)).toBe(expected)
    })

    it("R9.4 segments chain through slices and indexes", () => {
      expect(value("{# list.1:4.-1 #}")).toBe(40)
      expect(value("{# names.1.0 #}")).toBe("b")
      expect(value("{: rec.items.::-1.0 :}")).toBe(3)
    })

    it("R9.4 an object's inherited members are not keys", () => {
      expect(statusName(failure("{# obj.toString #}"))).toBe("INVALID_ARGUMENT")
      expect(statusName(failure("{# obj.hasOwnProperty #}"))).toBe("INVALID_ARGUMENT")
    })

    it("R9.4 a list has no named members such as length", () => {
      expect(statusName(failure("{# list.length #}"))).toBe("INVALID_ARGUMENT")
      expect(statusName(failure("{# s.length #}"))).toBe("INVALID_ARGUMENT")
    })

    it("R9.4 a slice segment on an object is a key, not a slice", () => {
      expect(failure("{# obj.0:1 #}").message).toContain("'0:1'")
    })

    it.prop(
      "R9.4 list slices through a tag equal Python's slicing",
      [
        fc.array(fc.integer(), { maxLength: 12 }),
        fc.option(fc.integer({ min: -15, max: 15 })),
        fc.option(fc.integer({ min: -15, max: 15 })),
        fc.option(fc.integer({ min: -4, max: 4 }).filter((step) => step !== 0))
      ],
      ([items, start, stop, step]) => {
        const at = fixture({ variables: { items } })
        expect(value(`{# items.${sliceText(start, stop, step)} #}`, at)).toEqual(
          pythonSlice(items, start, stop, step)
        )
      }
    )

    it.prop(
      "R9.4 string slices through a tag equal Python's slicing of code points",
      [
        fc.array(fc.constantFrom("a", "b", "é", "😀", "🎉", "\ud800"), { maxLength: 12 }),
        fc.option(fc.integer({ min: -15, max: 15 })),
        fc.option(fc.integer({ min: -15, max: 15 })),
        fc.option(fc.integer({ min: -4, max: 4 }).filter((step) => step !== 0))
      ],
      ([characters, start, stop, step]) => {
        const at = fixture({ variables: { text: characters.join("") } })
        const expected = pythonSlice(characters, start, stop, step).join("")
        expect(value(`{# text.${sliceText(start, stop, step)} #}`, at)).toBe(expected)
      }
    )

    it.prop(
      "R9.4 string indexes through a tag count code points like Python",
      [
        fc.array(fc.constantFrom("a", "é", "😀", "\udc00"), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: -8, max: 7 })
      ],
      ([characters, index]) => {
        fc.pre(index < characters.length && index >= -characters.length)
        const at = fixture({ variables: { text: characters.join("") } })
        expect(value(`{# text.${index} #}`, at)).toBe(characters.at(index))
      }
    )
  })

  describe("refused segments (R9.5)", () => {
    it.each([
      ["a leading _", "_secret"],
      ["a trailing _", "secret_"],
      ["a lone _", "_"],
      ["constructor", "constructor"],
      ["prototype", "prototype"],
      ["__proto__", "__proto__"]
    ])("R9.5 a segment with %s is refused even when the key exists", (_rule, segment) => {
      const error = failure(`{# guarded.${segment} #}`)
      expect(statusName(error)).toBe("INVALID_ARGUMENT")
      expect(error.message).toContain(`job.variables.guarded.${segment}`)
      expect(error.message).toContain(`'${segment}'`)
    })

    it("R9.5 constructor is refused where it would reach an inherited member", () => {
      expect(statusName(failure("{# list.constructor #}"))).toBe("INVALID_ARGUMENT")
      expect(statusName(failure("{% job.constructor.name %}"))).toBe("INVALID_ARGUMENT")
    })

    it("R9.5 the guards apply to step ids in {: :} tags", () => {
      expect(statusName(failure("{: __proto__ :}"))).toBe("INVALID_ARGUMENT")
      expect(statusName(failure("{: _x :}"))).toBe("INVALID_ARGUMENT")
    })

    it("R9.5 the guards apply to segments produced by nested tags", () => {
      const at = fixture({ variables: { name: "constructor", target: {} } })
      expect(failure("{# target.{# name #} #}", at).message).toContain("'constructor'")
    })

    it("R9.5 the guards apply to the first segment of every tag form", () => {
      for (const text of ["{% __proto__ %}", "{# __proto__ #}", "{< __proto__ >}", "{: __proto__ :}"]) {
        expect(statusName(failure(text))).toBe("INVALID_ARGUMENT")
      }
    })
  })

  describe("dead references (R9.6)", () => {
    it.each([
      ["an unknown step id", "{: nope :}", "steps.nope.result", "nope"],
      ["an unknown step id with a path", "{: nope.x :}", "steps.nope.result.x", "nope"],
      ["a missing variable", "{# missing #}", "job.variables.missing", "missing"],
      ["a missing key", "{# obj.a.c #}", "job.variables.obj.a.c", "c"],
      ["a missing local", "{< user.age >}", "job.parameters.user.age", "age"],
      ["an index out of range", "{# list.5 #}", "job.variables.list.5", "5"],
      ["a negative index out of range", "{# list.-6 #}", "job.variables.list.-6", "-6"],
      ["a string index out of range in code points", "{# emoji.5 #}", "job.variables.emoji.5", "5"],
      ["a slice with step 0", "{# list.::0 #}", "job.variables.list.::0", "::0"],
      ["a slice of a string with step 0", "{# emoji.1:2:0 #}", "job.variables.emoji.1:2:0", "1:2:0"],
      ["indexing a number", "{# n.0 #}", "job.variables.n.0", "0"],
      ["a key on a step result that is a number", "{: sum.x :}", "steps.sum.result.x", "x"],
      ["a key on null", "{# nul.a #}", "job.variables.nul.a", "a"],
      ["a key on a boolean", "{# t.a #}", "job.variables.t.a", "a"],
      ["a word on a list", "{# list.first #}", "job.variables.list.first", "first"],
      ["an empty segment", "{# obj..a #}", "job.variables.obj..a", ""]
    ])(
      "R9.6 %s fails with INVALID_ARGUMENT naming the path and the segment",
      (_kind, text, path, segment) => {
        const error = failure(text)
        expect(statusName(error)).toBe("INVALID_ARGUMENT")
        expect(error.message).toContain(path)
        expect(error.message).toContain(`segment '${segment}'`)
      }
    )

    it("R9.6 an index or a slice step too large for a number is a dead reference, shown shortened", () => {
      const huge = "9".repeat(400)
      for (const text of [
        `{# list.${huge} #}`,
        `{# emoji.-${huge} #}`,
        `{# emoji.::${huge} #}`,
        `{# list.::-${huge} #}`
      ]) {
        const error = failure(text)
        expect(statusName(error)).toBe("INVALID_ARGUMENT")
        expect(error.message.length).toBeLessThan(500)
      }
    })

    it("R9.6 an index out of range never yields the list itself", () => {
      expect(Either.isLeft(resolveIn("{# list.99 #}"))).toBe(true)
    })

    it("R9.6 a dead reference in a mixed string fails instead of inserting nothing", () => {
      expect(statusName(failure("value: {# missing #}"))).toBe("INVALID_ARGUMENT")
    })

    it("R9.6 a dead reference anywhere in the parameters fails them all", () => {
      expect(statusName(failure({ ok: "{# n #}", deep: [{ bad: "{# missing #}" }] }))).toBe(
        "INVALID_ARGUMENT"
      )
    })

    it("R9.6 a dead reference inside a nested tag fails the outer tag", () => {
      expect(failure("{# list.{# missing #} #}").message).toContain("job.variables.missing")
    })

    it("R9.6 a step that has not run yet has a null result, not a dead reference", () => {
      const at = fixture()
      at.contexts.steps["later"] = { ...stepContext("later", 4, null), status: Status.NONE }
      expect(value("{: later :}", at)).toBeNull()
    })
  })

  describe("nested tags (R9.7)", () => {
    it("R9.7 an inner tag's text becomes part of the outer path", () => {
      expect(value("{% job.variables.{% job.name %} %}")).toBe("hi")
    })

    it("R9.7 an inner tag may give an index", () => {
      expect(value("{# list.{# n #} #}")).toBe(40)
    })

    it("R9.7 tags nest two levels deep", () => {
      expect(value("{# list.{# nested.list.{# zero #} #} #}")).toBe(20)
    })

    it("R9.7 tags of different kinds nest", () => {
      expect(value("{# obj.{< user.name >} #}", fixture({ variables: { obj: { Ada: "found" } } }))).toBe(
        "found"
      )
      expect(value("{< list.{: rec.items.0 :} >}")).toBe(2)
    })

    it("R9.7 an inner tag's text with dots splits into more segments", () => {
      expect(value("{# {# dotted #}.b #}")).toBe("deep")
    })

    it("R9.7 an inner tag's text may reach keys with spaces", () => {
      const at = fixture({ variables: { k: "two words", map: { "two words": 2 } } })
      expect(value("{# map.{# k #} #}", at)).toBe(2)
    })

    it("R9.7 a whole tag with nested tags keeps the value's type", () => {
      expect(
        value("{# nested.{# key #}X #}", fixture({ variables: { key: "li", nested: { liX: [1] } } }))
      ).toEqual([1])
    })
  })

  describe("substituted values are data (R9.8)", () => {
    it("R9.8 a variable holding tag text is inserted as that text by a whole tag", () => {
      expect(value("{# tagText #}")).toBe("{# n #}")
    })

    it("R9.8 a variable holding tag text is inserted as that text in a mixed string", () => {
      expect(value("x {# tagText #} y")).toBe("x {# n #} y")
    })

    it("R9.8 a variable that refers to itself is inserted once, without a loop", () => {
      expect(value("{# self #}!")).toBe("{# self #}!")
    })

    it("R9.8 a nested tag's value is not read as a tag when it becomes a path", () => {
      const at = fixture({ variables: { name: "{# n #}", n: 1 } })
      expect(failure("{# {# name #} #}", at).message).toContain("job.variables.{# n #}")
    })

    it("R9.8 a step result holding tag text is inserted as that text", () => {
      const at = fixture()
      at.contexts.steps["sum"]!.result = "{< user.name >}"
      expect(value("{: sum :}", at)).toBe("{< user.name >}")
    })

    it("R9.8 an object key holding tag text after resolution is not read again", () => {
      expect(value({ "{# tagText #}": 1 })).toEqual({ "{# n #}": 1 })
    })
  })

  describe("tags at any depth and in keys (R9.9)", () => {
    it("R9.9 tags are resolved inside nested lists and objects", () => {
      expect(value({ a: [{ b: ["{# n #}", "x{# t #}"] }, [["{: sum :}"]]] })).toEqual({
        a: [{ b: [3, "xtrue"] }, [[42]]]
      })
    })

    it("R9.9 a key that is a whole tag becomes the value's text", () => {
      expect(value({ "{# key #}": 1, "{# n #}": 2, "{# list.0:2 #}": 3 })).toEqual({
        a: 1,
        "3": 2,
        "[10,20]": 3
      })
    })

    it("R9.9 a key mixing text and tags becomes the resolved text", () => {
      expect(value({ "k_{# n #}": "{# n #}" })).toEqual({ k_3: 3 })
    })

    it("R9.9 a key that resolves to __proto__ is an own key and changes no prototype", () => {
      const at = fixture({ variables: { k: "__proto__" } })
      const resolved = value({ "{# k #}": { polluted: true } }, at) as Record<string, unknown>
      expect(Object.keys(resolved)).toEqual(["__proto__"])
      expect(Object.getPrototypeOf(resolved)).toBe(Object.prototype)
      expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined()
    })

    it("R9.9 a dead reference in a key fails", () => {
      expect(statusName(failure({ "{# missing #}": 1 }))).toBe("INVALID_ARGUMENT")
    })

    it("R9.9 values that hold no tag are kept as written", () => {
      const written = { a: [1, "b", null, { c: true }], d: "50% {of} it" }
      expect(value(written)).toEqual(written)
    })
  })

  describe("who may change what (R10.2)", () => {
    it("R10.2 a whole tag reading a variable hands over the variable's own list", () => {
      const at = fixture()
      expect(value("{# list #}", at)).toBe(at.variables["list"])
      expect(value("{% job.variables.nested.list %}", at)).toBe(
        (at.variables["nested"] as { list: unknown }).list
      )
    })

    it("R10.2 a whole tag reading a local hands over a copy", () => {
      const at = fixture()
      const list = value("{< list >}", at) as Array<unknown>
      list.push(4)
      expect(at.locals["list"]).toEqual([1, 2, 3])
    })

    it("R10.2 a whole tag reading a step result hands over a copy", () => {
      const at = fixture()
      const items = value("{: rec.items :}", at) as Array<unknown>
      items.push(4)
      expect(value("{: rec.items :}", at)).toEqual([1, 2, 3])
    })

    it("R10.2 R12 two tags reading one step result in one step give one copy, as Python gives one object", () => {
      const at = fixture()
      const both = value({ a: "{: rec.items :}", b: "{: rec.items :}", c: "{< list >}" }, at) as Record<
        string,
        Array<unknown>
      >
      expect(both["a"]).toBe(both["b"])
      expect(both["a"]).not.toBe(at.contexts.steps["rec"]!.result)
      both["a"]!.push(4)
      expect(value("{: rec.items :}", at)).toEqual([1, 2, 3])
    })

    it("R10.2 a literal list is copied on every resolution", () => {
      const compiled = Resolver.compile({ list: [1, 2] }, Limits.defaultSizeLimits)
      const scope = { contexts: fixture().contexts, limits: Limits.defaultSizeLimits }
      const first = Either.getOrThrow(Resolver.resolve(compiled, scope)) as { list: Array<number> }
      first.list.push(3)
      expect(Either.getOrThrow(Resolver.resolve(compiled, scope))).toEqual({ list: [1, 2] })
    })

    it("R10.2 a slice of a variable's list is a new list", () => {
      const at = fixture()
      const slice = value("{# list.: #}", at) as Array<unknown>
      slice.push(60)
      expect(at.variables["list"]).toEqual([10, 20, 30, 40, 50])
    })
  })

  describe("limits on tags (R13.2)", () => {
    const small = { ...Limits.defaultSizeLimits, maxTemplateLength: 12, maxTagDepth: 2 }

    it("R13.2 a parameter string longer than maxTemplateLength fails with SIZE_LIMIT_EXCEED", () => {
      expect(statusName(failure("{# s #} and then some", fixture(), small))).toBe("SIZE_LIMIT_EXCEED")
    })

    it("R13.2 a template that resolves to more than maxTemplateLength characters fails with SIZE_LIMIT_EXCEED", () => {
      const at = fixture({ variables: { long: "x".repeat(20) } })
      expect(statusName(failure("x{# long #}", at, small))).toBe("SIZE_LIMIT_EXCEED")
    })

    it("R13.2 a whole tag may give a string longer than maxTemplateLength", () => {
      const at = fixture({ variables: { long: "x".repeat(20) } })
      expect(value("{# long #}", at, small)).toBe("x".repeat(20))
    })

    it("R13.2 tags nested deeper than maxTagDepth fail with SIZE_LIMIT_EXCEED", () => {
      const at = fixture({ variables: { a: "a" } })
      const limits = { ...Limits.defaultSizeLimits, maxTagDepth: 2 }
      expect(value("{# {# a #} #}", at, limits)).toBe("a")
      expect(statusName(failure("{# {# {# a #} #} #}", at, limits))).toBe("SIZE_LIMIT_EXCEED")
    })

    it("R13.2 a container nested deeper than maxDepth is refused inside a mixed string, never written", () => {
      let deep: unknown = []
      for (let i = 0; i < 10_000; i++) deep = [deep]
      const at = fixture({ locals: { deep, shallow: [[1]] } })
      const limits = { ...Limits.defaultSizeLimits, maxDepth: 3 }
      expect(value("x{< shallow >}", at, limits)).toBe("x[[1]]")
      const refused = failure("x{< deep >}", at, limits)
      expect(statusName(refused)).toBe("SIZE_LIMIT_EXCEED")
      expect(refused.message).toContain("nested deeper than 3 levels")
    })

    it("R13.2 a string longer than maxTemplateLength without any tag opener is plain text", () => {
      expect(value("plain text longer than twelve", fixture(), small)).toBe("plain text longer than twelve")
    })

    it("R13.3 tags that read more data than the size limits allow fail with SIZE_LIMIT_EXCEED", () => {
      const limits = { ...Limits.defaultSizeLimits, maxTotalSize: 1_000, maxTemplateLength: 1_000 }
      const at = fixture({ variables: { text: "x".repeat(3_000) } })
      expect(value("{# text.0:1 #}", at, limits)).toBe("x")
      expect(statusName(failure("{# text.0:1 #}{# text.0:1 #}", at, limits))).toBe("SIZE_LIMIT_EXCEED")
    })

    it("R13.3 copying large values for many tags fails with SIZE_LIMIT_EXCEED", () => {
      const limits = { ...Limits.defaultSizeLimits, maxTotalSize: 1_000, maxTemplateLength: 1_000 }
      const at = fixture({ locals: { big: Array.from({ length: 1_500 }, (_, i) => i) } })
      expect(statusName(failure(["{< big >}", "{< big >}"], at, limits))).toBe("SIZE_LIMIT_EXCEED")
    })

    it("R13.3 a budget shared by several resolutions is spent by all of them", () => {
      const limits = { ...Limits.defaultSizeLimits, maxTotalSize: 1_000, maxTemplateLength: 1_000 }
      const at = fixture({ variables: { text: "x".repeat(3_000) } })
      const scope = { contexts: at.contexts, limits, budget: Resolver.makeBudget(limits) }
      const compiled = Resolver.compile("{# text.0:1 #}", limits)
      expect(Either.isRight(Resolver.resolve(compiled, scope))).toBe(true)
      expect(Either.isLeft(Resolver.resolve(compiled, scope))).toBe(true)
    })

    it("R13.3 a million-character template of tags indexing a long string resolves", () => {
      const at = fixture({ variables: { s: "x".repeat(999_000) + "😀" } })
      const text = "{# s.-2 #}".repeat(99_000)
      expect(value(text, at)).toBe("x".repeat(99_000))
    })
  })

  describe("properties", () => {
    it.prop("any string without a tag opener resolves to itself", [fc.string()], ([text]) => {
      fc.pre(!Template.mayHoldTags(text))
      expect(value(text)).toBe(text)
    })

    it.prop(
      "any JSON value stored in a variable comes back equal through a whole tag",
      [
        fc
          .jsonValue({ maxDepth: 6 })
          .filter((json) => Size.check(json, Limits.defaultSizeLimits) === undefined)
      ],
      ([json]) => {
        const at = fixture({ variables: { v: json }, locals: { v: json } })
        expect(value("{# v #}", at)).toEqual(json)
        expect(value("{< v >}", at)).toEqual(json)
      }
    )

    it.prop(
      "any string stored in a variable appears verbatim in a mixed string",
      [fc.oneof(fc.string(), fragments)],
      ([text]) => {
        const at = fixture({ variables: { v: text } })
        expect(value("<{# v #}>", at)).toBe(`<${text}>`)
        expect(value("{# v #}", at)).toBe(text)
      }
    )

    it.prop("resolving never throws for any string", [fc.string()], ([text]) => {
      expect(Either.isEither(resolveIn(text))).toBe(true)
    })

    it.prop("resolving never throws for strings made of tag pieces", [fragments], ([text]) => {
      const at = fixture({ variables: { a: [[1, 2], "ab"], "0": { a: "x" }, "-1": "y" } })
      expect(Either.isEither(resolveIn(text, at))).toBe(true)
      expect(Either.isEither(resolveIn({ [text]: text }, at))).toBe(true)
    })
  })
})

describe("Sequence", () => {
  it("R9.4 sliceRange counts the items a slice selects", () => {
    expect(Sequence.sliceRange({ start: 1, stop: null, step: 2 }, 6)).toEqual({ start: 1, step: 2, count: 3 })
    expect(Sequence.sliceRange({ start: null, stop: null, step: -3 }, 7)).toEqual({
      start: 6,
      step: -3,
      count: 3
    })
    expect(Sequence.sliceRange({ start: null, stop: null, step: 0 }, 7)).toBeUndefined()
  })

  it("R9.4 characterAt counts code points from either end, a lone surrogate being one", () => {
    expect(Sequence.characterAt("a\ud800😀", 1)).toBe("\ud800")
    expect(Sequence.characterAt("a\ud800😀", -1)).toBe("😀")
    expect(Sequence.characterAt("a\ud800😀", 3)).toBeUndefined()
    expect(Sequence.characterAt("a\ud800😀", -4)).toBeUndefined()
  })
})
