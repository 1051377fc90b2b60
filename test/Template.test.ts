/**
 * The tag language's syntax (SPEC R9.1, R9.2, R9.3, R9.7, R13.2): which text
 * forms a tag, which stays literal, and how a template is split into parts.
 * What tags resolve to is tested in Resolver.test.ts.
 */
import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import * as Template from "../src/Template.js"

const maxDepth = 32

/** Parses, failing the test when the parser reports a too-deep nesting. */
const parse = (source: string, depth = maxDepth): Template.Template => {
  const parsed = Template.parse(source, depth)
  if (Template.isTooDeep(parsed)) throw new Error(`unexpected TooDeep for ${source}`)
  return parsed
}

/** The parts of a template in a short form: text as it is, tags as `kind(path)`. */
const shape = (parts: ReadonlyArray<Template.Part>): Array<string> => parts.map(partShape)

const partShape = (part: Template.Part): string =>
  part._tag === "Text" ? part.text : `${part.kind}(${part.path.map(partShape).join("")})`

/** Every part's text as written; joined, they give the source back. */
const written = (parts: ReadonlyArray<Template.Part>): string =>
  parts.map((part) => (part._tag === "Text" ? part.text : part.source)).join("")

/** Strings built from the pieces of the tag language, to find parser corners. */
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
      "\t",
      "\n",
      ".",
      "a",
      "0",
      "-1",
      "::2",
      "{",
      "}"
    ),
    { maxLength: 40 }
  )
  .map((pieces) => pieces.join(""))

describe("Template", () => {
  describe("the four tag forms (R9.1)", () => {
    it("R9.1 {% path %} is a contexts tag", () => {
      expect(shape(parse("{% job.name %}").parts)).toEqual(["%(job.name)"])
    })

    it("R9.1 {: path :} is a step result tag", () => {
      expect(shape(parse("{: step.0 :}").parts)).toEqual([":(step.0)"])
    })

    it("R9.1 {# path #} is a variable tag", () => {
      expect(shape(parse("{# list.-1 #}").parts)).toEqual(["#(list.-1)"])
    })

    it("R9.1 {< path >} is a locals tag", () => {
      expect(shape(parse("{< user.name >}").parts)).toEqual(["<(user.name)"])
    })

    it("R9.1 more than one space, tabs and newlines separate the path from the markers", () => {
      expect(shape(parse("{%   a  %}").parts)).toEqual(["%(a)"])
      expect(shape(parse("{#\ta\t#}").parts)).toEqual(["#(a)"])
      expect(shape(parse("{:\n  a\n:}").parts)).toEqual([":(a)"])
    })

    it("R9.1 a tag records where it stands and its text as written", () => {
      const template = parse("ab{# x #}cd")
      const tag = template.parts[1] as Template.Tag
      expect([tag.start, tag.end, tag.source]).toEqual([2, 9, "{# x #}"])
    })

    it("R9.1 any non-whitespace characters may form a path", () => {
      expect(shape(parse("{# a-b/c:1::2@é😀 #}").parts)).toEqual(["#(a-b/c:1::2@é😀)"])
    })
  })

  describe("text that stays literal (R9.2)", () => {
    it.each([
      ["{% x", "no closer"],
      ["{% x ", "no closer after the space"],
      ["{%", "an opener alone"],
      ["{% x %", "half a closer"],
      ["x %}", "a closer alone"]
    ])("R9.2 an unterminated tag is literal text: %s (%s)", (source) => {
      const template = parse(source)
      expect(shape(template.parts)).toEqual([source])
      expect(template.hasTags).toBe(false)
    })

    it.each([["{% x :}"], ["{% x #}"], ["{: x %}"], ["{# x >}"], ["{< x #}"], ["{< x <}"]])(
      "R9.2 a mismatched closer is literal text: %s",
      (source) => {
        expect(shape(parse(source).parts)).toEqual([source])
      }
    )

    it.each([["{%x%}"], ["{%x %}"], ["{% x%}"], ["{#x#}"], ["{:x:}"], ["{<x>}"]])(
      "R9.2 a tag without spaces is literal text: %s",
      (source) => {
        expect(shape(parse(source).parts)).toEqual([source])
      }
    )

    it("R9.2 a tag with an empty path is literal text", () => {
      expect(shape(parse("{%  %}").parts)).toEqual(["{%  %}"])
      expect(shape(parse("{# #}").parts)).toEqual(["{# #}"])
    })

    it("R9.2 whitespace inside a path (outside nested tags) breaks the tag", () => {
      expect(shape(parse("{% a b %}").parts)).toEqual(["{% a b %}"])
    })

    it("R9.2 braces that are not openers are literal", () => {
      expect(shape(parse('{"a": 1} { % x % }').parts)).toEqual(['{"a": 1} { % x % }'])
    })

    it("R9.2 literal text around a tag is kept as written", () => {
      expect(shape(parse("{% x :} and {# y #} and {%z%}").parts)).toEqual([
        "{% x :} and ",
        "#(y)",
        " and {%z%}"
      ])
    })

    it("R9.2 a broken tag before a good one leaves the good one a tag", () => {
      expect(shape(parse("{% {# a #}").parts)).toEqual(["{% ", "#(a)"])
      expect(shape(parse("{% a {% b %}").parts)).toEqual(["{% a ", "%(b)"])
    })

    it("R9.2 the first complete closer ends the tag; what follows is text", () => {
      expect(shape(parse("{# a #} #}").parts)).toEqual(["#(a)", " #}"])
    })

    it("a string without any opener is one literal part", () => {
      const template = parse("plain text: 50% {of} it")
      expect(shape(template.parts)).toEqual(["plain text: 50% {of} it"])
      expect(template.whole).toBeNull()
      expect(Template.mayHoldTags("plain text: 50% {of} it")).toBe(false)
    })

    it("the empty string has no parts", () => {
      expect(parse("").parts).toEqual([])
    })
  })

  describe("whole tags and mixed strings (R9.3)", () => {
    it("R9.3 a string that is exactly one tag is whole", () => {
      const template = parse("{: count :}")
      expect(template.whole?.source).toBe("{: count :}")
    })

    it("R9.3 surrounding whitespace does not stop a tag from being whole", () => {
      expect(parse("  {: count :}\n").whole?.source).toBe("{: count :}")
      expect(parse("\u00a0{: count :}\u3000").whole?.source).toBe("{: count :}")
    })

    it("R9.3 whitespace around a whole tag follows the same rule as inside tags (U+0085)", () => {
      expect(shape(parse("{#\u0085a\u0085#}").parts)).toEqual(["#(a)"])
      expect(parse("\u0085{# a #}").whole?.source).toBe("{# a #}")
    })

    it("R9.3 a tag with text around it is not whole", () => {
      expect(parse("n={: count :}").whole).toBeNull()
      expect(parse("{: count :}.").whole).toBeNull()
    })

    it("R9.3 two tags are not whole, even with nothing between them", () => {
      const template = parse("{# a #}{# b #}")
      expect(template.whole).toBeNull()
      expect(shape(template.parts)).toEqual(["#(a)", "#(b)"])
    })

    it("R9.3 a whole tag may hold nested tags", () => {
      expect(parse("{# {# a #} #}").whole?.source).toBe("{# {# a #} #}")
    })
  })

  describe("nested tags (R9.7)", () => {
    it("R9.7 a tag in a path is parsed as a nested tag", () => {
      expect(shape(parse("{% job.variables.{% job.name %} %}").parts)).toEqual([
        "%(job.variables.%(job.name))"
      ])
    })

    it("R9.7 tags nest two levels deep", () => {
      expect(shape(parse("{# a.{# b.{< c >} #} #}").parts)).toEqual(["#(a.#(b.<(c)))"])
    })

    it("R9.7 nested tags of every kind may be mixed with text in a path", () => {
      expect(shape(parse("{% x{: s :}.y{# v #}z %}").parts)).toEqual(["%(x:(s).y#(v)z)"])
    })

    it("R9.7 a nested tag keeps its own spaces inside the outer path", () => {
      expect(shape(parse("{#  {#   a   #}  #}").parts)).toEqual(["#(#(a))"])
    })

    it("R9.7 a nested tag that is broken stays literal text in the outer path", () => {
      expect(shape(parse("{# a.{#b#} #}").parts)).toEqual(["#(a.{#b#})"])
    })

    it("R9.7 an outer tag separated from a nested one by a space is not a tag", () => {
      expect(shape(parse("{% a {# b #} %}").parts)).toEqual(["{% a ", "#(b)", " %}"])
    })

    it("R13.2 tags may nest exactly as deep as the limit", () => {
      const source = "{# ".repeat(3) + "a" + " #}".repeat(3)
      expect(Template.isTooDeep(Template.parse(source, 3))).toBe(false)
    })

    it("R13.2 tags nesting deeper than the limit are refused", () => {
      const source = "{# ".repeat(4) + "a" + " #}".repeat(4)
      const parsed = Template.parse(source, 3)
      expect(Template.isTooDeep(parsed) && parsed.depth).toBe(4)
    })

    it("R13.2 no limit takes nesting deeper than maxSupportedDepth", () => {
      const depth = Template.maxSupportedDepth + 1
      const source = "{# ".repeat(depth) + "a" + " #}".repeat(depth)
      expect(Template.isTooDeep(Template.parse(source, Number.POSITIVE_INFINITY))).toBe(true)
    })

    it("R13.2 maxSupportedDepth levels of nesting still parse", () => {
      const depth = Template.maxSupportedDepth
      const source = "{# ".repeat(depth) + "a" + " #}".repeat(depth)
      expect(Template.isTooDeep(Template.parse(source, depth))).toBe(false)
    })
  })

  describe("hostile input (R13.3)", () => {
    const size = 200_000

    it.each([
      ["openers without spaces", "{%a".repeat(size / 3)],
      ["openers with spaces", "{% ".repeat(size / 3)],
      ["openers of every kind", "{% {: {# {< ".repeat(size / 12)],
      ["paths that never close", "{% a".repeat(size / 4)],
      ["closers without openers", " %}".repeat(size / 3)],
      ["braces", "{".repeat(size)],
      ["tags without spaces", "{%a%}".repeat(size / 5)]
    ])("a 200,000-character string of %s parses", (_name, source) => {
      expect(written(parse(source).parts)).toBe(source)
    })

    it("a 200,000-character string of nested openers and closers parses", () => {
      const half = size / 12
      const source = "{% {: ".repeat(half) + "x" + " :} %}".repeat(half)
      expect(Template.isTooDeep(Template.parse(source, maxDepth))).toBe(true)
    })

    it("a 200,000-character string of nested openers without closers parses as text", () => {
      const source = "{# a.".repeat(size / 5)
      expect(written(parse(source).parts)).toBe(source)
    })

    it("a 200,000-character string of many tags parses into every tag", () => {
      const source = "{# a #}".repeat(size / 7)
      expect(parse(source).parts.length).toBe(Math.floor(size / 7))
    })
  })

  describe("properties", () => {
    it.prop("a string without a tag opener parses to itself as literal text", [fc.string()], ([text]) => {
      fc.pre(!Template.mayHoldTags(text))
      const template = parse(text)
      expect(template.hasTags).toBe(false)
      expect(written(template.parts)).toBe(text)
    })

    it.prop("parsing never throws, and the parts give back the source", [fc.string()], ([text]) => {
      expect(written(parse(text).parts)).toBe(text)
    })

    it.prop(
      "parsing strings made of tag pieces never throws, and the parts give back the source",
      [fragments],
      ([text]) => {
        expect(written(parse(text).parts)).toBe(text)
      }
    )

    it.prop("a tag's source is the text between its start and end", [fragments], ([text]) => {
      const check = (parts: ReadonlyArray<Template.Part>): void => {
        for (const part of parts) {
          if (part._tag === "Tag") {
            expect(text.slice(part.start, part.end)).toBe(part.source)
            check(part.path)
          }
        }
      }
      check(parse(text).parts)
    })

    it.prop("a whole template has exactly one tag and only whitespace besides", [fragments], ([text]) => {
      const template = parse(text)
      if (template.whole !== null) {
        const tags = template.parts.filter((part) => part._tag === "Tag")
        expect(tags).toEqual([template.whole])
        expect(text.slice(0, template.whole.start).trim()).toBe("")
        expect(text.slice(template.whole.end).trim()).toBe("")
      }
    })
  })
})
