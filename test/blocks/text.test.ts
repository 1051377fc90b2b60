/**
 * The TEXT category (SPEC R12). Expected values were computed with python3
 * (3.11); the Python expression sits beside each one.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, FastCheck as fc } from "effect"
import { Text } from "../../src/blocks/Text.js"
import { invokeBlock } from "../support/invoke.js"

const block = (name: string) => {
  const found = Text.blocks.find((b) => b.name === name)
  if (found === undefined) throw new Error(`no block TEXT.${name}`)
  return found
}

const run = (name: string, parameters: Record<string, unknown>) => invokeBlock(block(name), parameters)

const done = (result: unknown) => ({ status: "DONE", result })

/** Runs a block with a smaller string limit and gives the status name, or DONE. */
const statusWithStringLimit = (name: string, parameters: Record<string, unknown>, maxStringLength: number) =>
  Effect.map(invokeBlock(block(name), parameters, {}, {}, { maxStringLength }), (outcome) => outcome.status)

describe("TEXT", () => {
  it("R12 has every TEXT block of SPEC section 12", () => {
    expect(Text.blocks.map((b) => b.displayName).sort()).toEqual(
      [
        "CREATE",
        "JOIN",
        "JOIN_LIST",
        "INCLUDES",
        "COUNT",
        "GET",
        "COUNT_PIECE",
        "IS_EMPTY",
        "STRIP",
        "UPPERCASE",
        "LOWERCASE",
        "SPLIT",
        "TITLECASE",
        "STARTS_WITH",
        "ENDS_WITH",
        "IS_NUMERIC",
        "IS_TEXT",
        "REPLACE"
      ]
        .map((n) => `TEXT.${n}`)
        .sort()
    )
  })

  it("R4.1 every TEXT block has a description", () => {
    for (const b of Text.blocks) expect(b.description, b.name).not.toBe("")
  })

  describe("CREATE", () => {
    it.effect("gives a text unchanged and other values in their template form (R9.3)", () =>
      Effect.gen(function* () {
        expect(yield* run("CREATE", { value: "abc" })).toEqual(done("abc"))
        expect(yield* run("CREATE", { value: 5 })).toEqual(done("5"))
        expect(yield* run("CREATE", { value: null })).toEqual(done("null"))
        expect(yield* run("CREATE", { value: [1, "a"] })).toEqual(done('[1,"a"]'))
      })
    )

    it.effect("without a value is INVALID_TYPE", () =>
      Effect.gen(function* () {
        expect(yield* run("CREATE", {})).toMatchObject({
          status: "INVALID_TYPE",
          error: "value: is required"
        })
      })
    )
  })

  describe("JOIN", () => {
    it.effect("R12 joins two texts with a space by default", () =>
      Effect.gen(function* () {
        // "Hello" + " " + "World"
        expect(yield* run("JOIN", { text1: "Hello", text2: "World" })).toEqual(done("Hello World"))
      })
    )

    it.effect("joins with join_with when it is given", () =>
      Effect.gen(function* () {
        expect(yield* run("JOIN", { text1: "a", text2: "b", join_with: "" })).toEqual(done("ab"))
        expect(yield* run("JOIN", { text1: "a", text2: "b", join_with: "-" })).toEqual(done("a-b"))
      })
    )

    it.effect("R5.2 a number for a text is INVALID_TYPE naming the parameter", () =>
      Effect.gen(function* () {
        const out = yield* run("JOIN", { text1: "a", text2: 5 })
        expect(out.status).toBe("INVALID_TYPE")
        expect(out.error).toContain("text2: expected a text, got 5")
      })
    )

    it.effect("R13.2 a result longer than the string limit is SIZE_LIMIT_EXCEED, before it is built", () =>
      Effect.gen(function* () {
        const parameters = { text1: "a".repeat(6), text2: "b".repeat(4) }
        expect(yield* statusWithStringLimit("JOIN", parameters, 11)).toBe("DONE")
        expect(yield* statusWithStringLimit("JOIN", parameters, 10)).toBe("SIZE_LIMIT_EXCEED")
      })
    )
  })

  describe("JOIN_LIST", () => {
    it.effect("joins the texts of a list with nothing between them by default", () =>
      Effect.gen(function* () {
        // "".join(["a", "b", "c"])
        expect(yield* run("JOIN_LIST", { list: ["a", "b", "c"] })).toEqual(done("abc"))
        // "-".join(["a", "b", "c"])
        expect(yield* run("JOIN_LIST", { list: ["a", "b", "c"], separator: "-" })).toEqual(done("a-b-c"))
        // "-".join([])
        expect(yield* run("JOIN_LIST", { list: [], separator: "-" })).toEqual(done(""))
      })
    )

    it.effect("an item that is not a text is INVALID_TYPE naming its index", () =>
      Effect.gen(function* () {
        const out = yield* run("JOIN_LIST", { list: ["a", 1] })
        expect(out).toMatchObject({ status: "INVALID_TYPE", error: "list[1]: expected a text, got 1" })
      })
    )

    it.effect("a list parameter that is not a list is INVALID_TYPE", () =>
      Effect.gen(function* () {
        const out = yield* run("JOIN_LIST", { list: "abc" })
        expect(out).toMatchObject({
          status: "INVALID_TYPE",
          error: 'list: expected a list of texts, got "abc"'
        })
      })
    )

    it.effect("R13.2 a result longer than the string limit is SIZE_LIMIT_EXCEED", () =>
      Effect.gen(function* () {
        const parameters = { list: ["ab", "cd", "ef"], separator: "--" }
        expect(yield* statusWithStringLimit("JOIN_LIST", parameters, 10)).toBe("DONE")
        expect(yield* statusWithStringLimit("JOIN_LIST", parameters, 9)).toBe("SIZE_LIMIT_EXCEED")
      })
    )

    it.effect.prop(
      "R12 SPLIT then JOIN_LIST with the same non-empty separator gives the text back",
      {
        text: fc.string({ unit: fc.constantFrom("a", "b", ",", " ", "😀", "\ud83d") }),
        separator: fc.string({ unit: fc.constantFrom("a", ",", "😀", "\ud83d"), minLength: 1, maxLength: 3 }),
        maxsplit: fc.integer({ min: -1, max: 5 })
      },
      ({ maxsplit, separator, text }) =>
        Effect.gen(function* () {
          const pieces = yield* run("SPLIT", { text, separator, maxsplit })
          expect(pieces.status).toBe("DONE")
          expect(yield* run("JOIN_LIST", { list: pieces.result, separator })).toEqual(done(text))
        })
    )
  })

  describe("INCLUDES, STARTS_WITH, ENDS_WITH", () => {
    it.effect("tell whether a piece occurs in, starts or ends the text", () =>
      Effect.gen(function* () {
        // "ell" in "hello", "hello".startswith("he"), "hello".endswith("lo")
        expect(yield* run("INCLUDES", { text: "hello", piece: "ell" })).toEqual(done(true))
        expect(yield* run("INCLUDES", { text: "hello", piece: "elo" })).toEqual(done(false))
        expect(yield* run("STARTS_WITH", { text: "hello", piece: "he" })).toEqual(done(true))
        expect(yield* run("STARTS_WITH", { text: "hello", piece: "lo" })).toEqual(done(false))
        expect(yield* run("ENDS_WITH", { text: "hello", piece: "lo" })).toEqual(done(true))
        expect(yield* run("ENDS_WITH", { text: "hello", piece: "he" })).toEqual(done(false))
      })
    )

    it.effect("the empty piece is in every text, as in Python", () =>
      Effect.gen(function* () {
        // "" in "hello", "hello".startswith(""), "".endswith("")
        expect(yield* run("INCLUDES", { text: "hello", piece: "" })).toEqual(done(true))
        expect(yield* run("STARTS_WITH", { text: "hello", piece: "" })).toEqual(done(true))
        expect(yield* run("ENDS_WITH", { text: "", piece: "" })).toEqual(done(true))
      })
    )

    it.effect("R13.3 a long piece that almost matches everywhere is searched in linear time", () =>
      Effect.gen(function* () {
        const text = "a".repeat(400_000)
        const piece = "a".repeat(50_000) + "b" + "a".repeat(50_000)
        const started = Date.now()
        expect(yield* run("INCLUDES", { text, piece })).toEqual(done(false))
        expect(yield* run("COUNT_PIECE", { text, piece })).toEqual(done(0))
        expect(Date.now() - started).toBeLessThan(2_000)
      })
    )

    it.effect("R12 a lone surrogate never matches half of a character, as Python counts code points", () =>
      Effect.gen(function* () {
        // "\ud83d" in "😀", "😀".startswith("\ud83d"), "😀😀".endswith("\ude00"), "x\ud83d".endswith("\ud83d")
        expect(yield* run("INCLUDES", { text: "😀", piece: "\ud83d" })).toEqual(done(false))
        expect(yield* run("INCLUDES", { text: "😀", piece: "\ude00" })).toEqual(done(false))
        expect(yield* run("STARTS_WITH", { text: "😀", piece: "\ud83d" })).toEqual(done(false))
        expect(yield* run("ENDS_WITH", { text: "😀😀", piece: "\ude00" })).toEqual(done(false))
        expect(yield* run("ENDS_WITH", { text: "x\ud83d", piece: "\ud83d" })).toEqual(done(true))
        // "\ud83d\ud83d😀".count("\ud83d"), "a😀b".replace("\ud83d", "-"), "😀".split("\ud83d")
        expect(yield* run("COUNT_PIECE", { text: "\ud83d\ud83d😀", piece: "\ud83d" })).toEqual(done(2))
        expect(yield* run("REPLACE", { text: "a😀b", old: "\ud83d", new: "-" })).toEqual(done("a😀b"))
        expect(yield* run("SPLIT", { text: "😀", separator: "\ud83d" })).toEqual(done(["😀"]))
      })
    )

    it.effect("R13.3 a long piece ending in a lone surrogate is still found past a false match", () =>
      Effect.gen(function* () {
        const piece = "a".repeat(20) + "\ud83d"
        // ("a" * 20 + "😀" + "a" * 20 + "\ud83d").count("a" * 20 + "\ud83d") == 1
        const text = "a".repeat(20) + "😀" + "a".repeat(20) + "\ud83d"
        expect(yield* run("COUNT_PIECE", { text, piece })).toEqual(done(1))
      })
    )

    it.effect("a piece that is not a text is INVALID_TYPE", () =>
      Effect.gen(function* () {
        expect(yield* run("INCLUDES", { text: "a", piece: null })).toMatchObject({ status: "INVALID_TYPE" })
        expect(yield* run("STARTS_WITH", { text: 1, piece: "a" })).toMatchObject({ status: "INVALID_TYPE" })
      })
    )
  })

  describe("COUNT and GET", () => {
    it.effect("R12 COUNT counts code points, not UTF-16 units", () =>
      Effect.gen(function* () {
        // len("héllo😀")
        expect(yield* run("COUNT", { text: "héllo😀" })).toEqual(done(6))
      })
    )

    it.effect("R12 GET indexes code points, negative from the end", () =>
      Effect.gen(function* () {
        // "a😀b"[1], "a😀b"[-1]
        expect(yield* run("GET", { text: "a😀b", index: 1 })).toEqual(done("😀"))
        expect(yield* run("GET", { text: "a😀b", index: -1 })).toEqual(done("b"))
      })
    )

    it.effect("R12 GET out of range is INVALID_ARGUMENT", () =>
      Effect.gen(function* () {
        // "a😀b"[3] raises IndexError
        expect(yield* run("GET", { text: "a😀b", index: 3 })).toMatchObject({ status: "INVALID_ARGUMENT" })
        expect(yield* run("GET", { text: "", index: 0 })).toMatchObject({ status: "INVALID_ARGUMENT" })
        // "abc"[2**53], "abc"[-10**20] raise IndexError: huge indexes are integers, out of range
        expect(yield* run("GET", { text: "abc", index: 2 ** 53 })).toMatchObject({
          status: "INVALID_ARGUMENT"
        })
        expect(yield* run("GET", { text: "abc", index: -1e20 })).toMatchObject({ status: "INVALID_ARGUMENT" })
      })
    )

    it.effect("GET with an index that is not an integer is INVALID_TYPE", () =>
      Effect.gen(function* () {
        const out = yield* run("GET", { text: "abc", index: 1.5 })
        expect(out.status).toBe("INVALID_TYPE")
        expect(out.error).toContain("index: expected an integer, got 1.5")
      })
    )
  })

  describe("COUNT_PIECE", () => {
    it.effect("counts occurrences without overlap", () =>
      Effect.gen(function* () {
        // "aaaa".count("aa")
        expect(yield* run("COUNT_PIECE", { text: "aaaa", piece: "aa" })).toEqual(done(2))
      })
    )

    it.effect("R12 counts the empty piece once more than there are characters, as Python", () =>
      Effect.gen(function* () {
        // "a😀b".count(""), "".count("")
        expect(yield* run("COUNT_PIECE", { text: "a😀b", piece: "" })).toEqual(done(4))
        expect(yield* run("COUNT_PIECE", { text: "", piece: "" })).toEqual(done(1))
      })
    )
  })

  describe("IS_EMPTY", () => {
    it.effect("by default only the empty text is empty", () =>
      Effect.gen(function* () {
        // len("") == 0, len(" ") == 0
        expect(yield* run("IS_EMPTY", { text: "" })).toEqual(done(true))
        expect(yield* run("IS_EMPTY", { text: " " })).toEqual(done(false))
      })
    )

    it.effect(
      "R12 with include_spaces false, Python whitespace counts as empty (\\x1c, \\x85; not \\ufeff)",
      () =>
        Effect.gen(function* () {
          // not " \x1c\x85".strip()
          expect(yield* run("IS_EMPTY", { text: " \x1c\x85", include_spaces: false })).toEqual(done(true))
          // not "\ufeff".strip()
          expect(yield* run("IS_EMPTY", { text: "\ufeff", include_spaces: false })).toEqual(done(false))
        })
    )

    it.effect("include_spaces that is not a boolean is INVALID_TYPE", () =>
      Effect.gen(function* () {
        const out = yield* run("IS_EMPTY", { text: "", include_spaces: "no" })
        expect(out.status).toBe("INVALID_TYPE")
        expect(out.error).toContain('include_spaces: expected a boolean, got "no"')
      })
    )
  })

  describe("STRIP", () => {
    it.effect("R12 strips Python whitespace by default, but not \\ufeff", () =>
      Effect.gen(function* () {
        // "  \x85hi\u3000 ".strip()
        expect(yield* run("STRIP", { text: "  \x85hi\u3000 " })).toEqual(done("hi"))
        // "\ufeffhi".strip()
        expect(yield* run("STRIP", { text: "\ufeffhi" })).toEqual(done("\ufeffhi"))
        expect(yield* run("STRIP", { text: " hi ", chars: null })).toEqual(done("hi"))
      })
    )

    it.effect("R12 strips the characters of chars instead when it is given", () =>
      Effect.gen(function* () {
        // "xyhixy".strip("xy"), "😀a😀".strip("😀"), "a b".strip("")
        expect(yield* run("STRIP", { text: "xyhixy", chars: "xy" })).toEqual(done("hi"))
        expect(yield* run("STRIP", { text: "😀a😀", chars: "😀" })).toEqual(done("a"))
        expect(yield* run("STRIP", { text: "a b", chars: "" })).toEqual(done("a b"))
      })
    )

    it.effect("chars that is neither a text nor null is INVALID_TYPE", () =>
      Effect.gen(function* () {
        const out = yield* run("STRIP", { text: "a", chars: 5 })
        expect(out.status).toBe("INVALID_TYPE")
        expect(out.error).toContain("chars: expected a text or null, got 5")
      })
    )
  })

  describe("UPPERCASE and LOWERCASE", () => {
    it.effect("change case with the full Unicode mappings, as Python", () =>
      Effect.gen(function* () {
        // "straße".upper()
        expect(yield* run("UPPERCASE", { text: "straße" })).toEqual(done("STRASSE"))
        // "ΑΣ ΟΔΟΣ.".lower()
        expect(yield* run("LOWERCASE", { text: "ΑΣ ΟΔΟΣ." })).toEqual(done("ας οδος."))
      })
    )

    it.effect("a list for a text is INVALID_TYPE", () =>
      Effect.gen(function* () {
        expect(yield* run("UPPERCASE", { text: ["a"] })).toMatchObject({ status: "INVALID_TYPE" })
      })
    )
  })

  describe("SPLIT", () => {
    it.effect("R12 without a separator splits on runs of Python whitespace", () =>
      Effect.gen(function* () {
        // "  a  b c ".split()
        expect(yield* run("SPLIT", { text: "  a  b c " })).toEqual(done(["a", "b", "c"]))
        // "a\x1cb\x1dc\x85d\u2028e\ufefff".split()
        expect(yield* run("SPLIT", { text: "a\x1cb\x1dc\x85d\u2028e\ufefff" })).toEqual(
          done(["a", "b", "c", "d", "e\ufefff"])
        )
        // "".split()
        expect(yield* run("SPLIT", { text: "", separator: null })).toEqual(done([]))
      })
    )

    it.effect("R12 without a separator, maxsplit keeps the rest with its trailing whitespace", () =>
      Effect.gen(function* () {
        // "  a  b c ".split(maxsplit=1), "  a  b c ".split(maxsplit=0)
        expect(yield* run("SPLIT", { text: "  a  b c ", maxsplit: 1 })).toEqual(done(["a", "b c "]))
        expect(yield* run("SPLIT", { text: "  a  b c ", maxsplit: 0 })).toEqual(done(["a  b c "]))
        // "a b c d".split(maxsplit=2**53), "a,b".split(",", 2**53)
        expect(yield* run("SPLIT", { text: "a b c d", maxsplit: 2 ** 53 })).toEqual(
          done(["a", "b", "c", "d"])
        )
        expect(yield* run("SPLIT", { text: "a,b", separator: ",", maxsplit: 2 ** 53 })).toEqual(
          done(["a", "b"])
        )
      })
    )

    it.effect("a maxsplit of the wrong type is INVALID_TYPE with one message naming it", () =>
      Effect.gen(function* () {
        expect(yield* run("SPLIT", { text: "a b", maxsplit: true })).toEqual({
          status: "INVALID_TYPE",
          error: "maxsplit: expected an integer, got true"
        })
      })
    )

    it.effect("with a separator keeps empty pieces and honours maxsplit", () =>
      Effect.gen(function* () {
        // "a,b,,c".split(","), "a,b,,c".split(",", 1), "".split(","), "a😀b😀c".split("😀")
        expect(yield* run("SPLIT", { text: "a,b,,c", separator: "," })).toEqual(done(["a", "b", "", "c"]))
        expect(yield* run("SPLIT", { text: "a,b,,c", separator: ",", maxsplit: 1 })).toEqual(
          done(["a", "b,,c"])
        )
        expect(yield* run("SPLIT", { text: "", separator: "," })).toEqual(done([""]))
        expect(yield* run("SPLIT", { text: "a😀b😀c", separator: "😀" })).toEqual(done(["a", "b", "c"]))
      })
    )

    it.effect("an empty separator is INVALID_ARGUMENT, as Python's ValueError", () =>
      Effect.gen(function* () {
        // "abc".split("") raises ValueError: empty separator
        expect(yield* run("SPLIT", { text: "abc", separator: "" })).toEqual({
          status: "INVALID_ARGUMENT",
          error: "empty separator"
        })
      })
    )

    it.effect("a maxsplit that is not an integer is INVALID_TYPE", () =>
      Effect.gen(function* () {
        const out = yield* run("SPLIT", { text: "abc", maxsplit: "1" })
        expect(out.status).toBe("INVALID_TYPE")
        expect(out.error).toMatch(/^maxsplit: /)
      })
    )
  })

  describe("TITLECASE", () => {
    it.effect("R12 follows str.title(): a letter after an apostrophe or a digit starts a word", () =>
      Effect.gen(function* () {
        // "they're bill's 1st ǆemal ßa ﬁsh".title()
        expect(yield* run("TITLECASE", { text: "they're bill's 1st ǆemal ßa ﬁsh" })).toEqual(
          done("They'Re Bill'S 1St ǅemal Ssa Fish")
        )
      })
    )

    it.effect("lowers a capital sigma to its final form only at the end of a word", () =>
      Effect.gen(function* () {
        // "ΣΑΣ ΑΣ'Σ".title()
        expect(yield* run("TITLECASE", { text: "ΣΑΣ ΑΣ'Σ" })).toEqual(done("Σας Ασ'Σ"))
      })
    )
  })

  describe("IS_NUMERIC", () => {
    it.effect("R12 is true when every character has a Unicode numeric value, Han numerals included", () =>
      Effect.gen(function* () {
        // "123".isnumeric(), "½²百Ⅻ٣".isnumeric()
        expect(yield* run("IS_NUMERIC", { text: "123" })).toEqual(done(true))
        expect(yield* run("IS_NUMERIC", { text: "½²百Ⅻ٣" })).toEqual(done(true))
      })
    )

    it.effect("is false for the empty text, a sign or a decimal point", () =>
      Effect.gen(function* () {
        // "".isnumeric(), "1.5".isnumeric(), "-1".isnumeric()
        expect(yield* run("IS_NUMERIC", { text: "" })).toEqual(done(false))
        expect(yield* run("IS_NUMERIC", { text: "1.5" })).toEqual(done(false))
        expect(yield* run("IS_NUMERIC", { text: "-1" })).toEqual(done(false))
      })
    )
  })

  describe("IS_TEXT", () => {
    it.effect("tells texts from other values", () =>
      Effect.gen(function* () {
        expect(yield* run("IS_TEXT", { value: "" })).toEqual(done(true))
        expect(yield* run("IS_TEXT", { value: 5 })).toEqual(done(false))
        expect(yield* run("IS_TEXT", { value: null })).toEqual(done(false))
      })
    )
  })

  describe("REPLACE", () => {
    it.effect("replaces every occurrence by default", () =>
      Effect.gen(function* () {
        // "Hello World".replace("World", "Space"), "aaa".replace("aa", "b")
        const quickStart = { text: "Hello World", old: "World", new: "Space" }
        expect(yield* run("REPLACE", quickStart)).toEqual(done("Hello Space"))
        expect(yield* run("REPLACE", { text: "aaa", old: "aa", new: "b" })).toEqual(done("ba"))
      })
    )

    it.effect("replaces only the first count occurrences", () =>
      Effect.gen(function* () {
        // "aaaa".replace("a", "b", 2), "abc".replace("b", "x", 0)
        expect(yield* run("REPLACE", { text: "aaaa", old: "a", new: "b", count: 2 })).toEqual(done("bbaa"))
        expect(yield* run("REPLACE", { text: "abc", old: "b", new: "x", count: 0 })).toEqual(done("abc"))
      })
    )

    it.effect("R12 an empty old inserts new around every character, as Python", () =>
      Effect.gen(function* () {
        // "a😀b".replace("", "-"), "a😀b".replace("", "-", 2), "".replace("", "x")
        expect(yield* run("REPLACE", { text: "a😀b", old: "", new: "-" })).toEqual(done("-a-😀-b-"))
        expect(yield* run("REPLACE", { text: "a😀b", old: "", new: "-", count: 2 })).toEqual(done("-a-😀b"))
        expect(yield* run("REPLACE", { text: "", old: "", new: "x" })).toEqual(done("x"))
      })
    )

    it.effect("R13.2 a result longer than the string limit is SIZE_LIMIT_EXCEED", () =>
      Effect.gen(function* () {
        const grow = { text: "aaa", old: "a", new: "bbb" }
        expect(yield* statusWithStringLimit("REPLACE", grow, 9)).toBe("DONE")
        expect(yield* statusWithStringLimit("REPLACE", grow, 8)).toBe("SIZE_LIMIT_EXCEED")
        const insert = { text: "aaa", old: "", new: "xx" }
        expect(yield* statusWithStringLimit("REPLACE", insert, 11)).toBe("DONE")
        expect(yield* statusWithStringLimit("REPLACE", insert, 10)).toBe("SIZE_LIMIT_EXCEED")
      })
    )

    it.effect("R13.2 an empty old with a long new is refused under the default limits", () =>
      Effect.gen(function* () {
        const out = yield* run("REPLACE", { text: "a".repeat(1_000), old: "", new: "b".repeat(1_000) })
        expect(out.status).toBe("SIZE_LIMIT_EXCEED")
      })
    )

    it.effect("a count beyond 2^53 is an integer that means every occurrence", () =>
      Effect.gen(function* () {
        // "aaaa".replace("a", "b", 2**53), "ab".replace("", "-", 2**60)
        expect(yield* run("REPLACE", { text: "aaaa", old: "a", new: "b", count: 2 ** 53 })).toEqual(
          done("bbbb")
        )
        expect(yield* run("REPLACE", { text: "ab", old: "", new: "-", count: 2 ** 60 })).toEqual(
          done("-a-b-")
        )
      })
    )

    it.effect("a count that is not an integer is INVALID_TYPE", () =>
      Effect.gen(function* () {
        const out = yield* run("REPLACE", { text: "a", old: "a", new: "b", count: null })
        expect(out.status).toBe("INVALID_TYPE")
        expect(out.error).toMatch(/^count: /)
        expect(out.error).toBe("count: expected an integer, got null")
      })
    )
  })
})
