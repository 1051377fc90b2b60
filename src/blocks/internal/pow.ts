/**
 * Powers rounded as Python's `**` rounds them. Python calls the C library's
 * `pow`, which is correctly rounded in practice; the engine's `**` is not, and
 * differs from Python in the last digit for about one power in ten
 * (`4.161799 ** 8`). Here the power is computed in double-double arithmetic
 * (about 106 bits) and rounded once.
 *
 * @since 0.1.0
 */

type DoubleDouble = readonly [high: number, low: number]

// ---- double-double arithmetic ----

const twoSum = (a: number, b: number): DoubleDouble => {
  const sum = a + b
  const part = sum - a
  return [sum, a - (sum - part) + (b - part)]
}

const quickTwoSum = (a: number, b: number): DoubleDouble => {
  const sum = a + b
  return [sum, b - (sum - a)]
}

const split = (a: number): DoubleDouble => {
  const scaled = 134217729 * a
  const high = scaled - (scaled - a)
  return [high, a - high]
}

const twoProduct = (a: number, b: number): DoubleDouble => {
  const product = a * b
  const [aHigh, aLow] = split(a)
  const [bHigh, bLow] = split(b)
  return [product, aHigh * bHigh - product + aHigh * bLow + aLow * bHigh + aLow * bLow]
}

const add = (a: DoubleDouble, b: DoubleDouble): DoubleDouble => {
  const [sum, error] = twoSum(a[0], b[0])
  const [low, lowError] = twoSum(a[1], b[1])
  const [high, carry] = quickTwoSum(sum, error + low)
  return quickTwoSum(high, carry + lowError)
}

const negate = (a: DoubleDouble): DoubleDouble => [-a[0], -a[1]]

const multiply = (a: DoubleDouble, b: DoubleDouble): DoubleDouble => {
  const [product, error] = twoProduct(a[0], b[0])
  return quickTwoSum(product, error + (a[0] * b[1] + a[1] * b[0]))
}

const divideByNumber = (a: DoubleDouble, b: number): DoubleDouble => {
  const quotient = a[0] / b
  const [product, error] = twoProduct(quotient, b)
  return quickTwoSum(quotient, (a[0] - product - error + a[1]) / b)
}

const scale = (a: DoubleDouble, factor: number): DoubleDouble => [a[0] * factor, a[1] * factor]

// ---- exp and log ----

const ln2: DoubleDouble = [0.6931471805599453, 2.3190468138462996e-17]

/** 1/n! for n = 0..13, in double-double. */
const inverseFactorials: ReadonlyArray<DoubleDouble> = (() => {
  const terms: Array<DoubleDouble> = [[1, 0]]
  for (let n = 1; n <= 13; n++) terms.push(divideByNumber(terms[n - 1]!, n))
  return terms
})()

const exp = (a: DoubleDouble): DoubleDouble => {
  const k = Math.round(a[0] / ln2[0])
  const reduced = scale(add(a, negate(multiply([k, 0], ln2))), 1 / 1024)

  let series = inverseFactorials[inverseFactorials.length - 1]!
  for (let n = inverseFactorials.length - 2; n >= 0; n--) {
    series = add(multiply(series, reduced), inverseFactorials[n]!)
  }
  for (let i = 0; i < 10; i++) series = multiply(series, series)
  return scale(series, 2 ** k)
}

/** The natural logarithm of a positive number: one Newton step on `exp` from `Math.log`. */
const log = (x: number): DoubleDouble => {
  const estimate = Math.log(x)
  const power = exp([estimate, 0])
  const correction = add([x, 0], negate(power))[0] / power[0]
  return twoSum(estimate, correction)
}

/**
 * `x ** y` for positive finite `x` and finite `y`, correctly rounded in all
 * but astronomically rare cases. Results near the ends of the double range
 * (where double-double loses bits) come from the engine's `**`.
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const positivePower = (x: number, y: number): number => {
  const rough = x ** y
  if (y === 0 || x === 1 || !(Math.abs(rough) > 1e-290 && Math.abs(rough) < 1e290)) return rough
  const [high, low] = exp(multiply(log(x), [y, 0]))
  return high + low
}
