/// The tests' one seeded random generator: the same numbers on every run and machine, so that a
/// failure comes back the same. Knuth's MMIX linear congruential step, as the copies it replaces
/// had it (each test keeps its seed, so each draws what it drew before).
public struct SeededGenerator: RandomNumberGenerator {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The next state. Its low bits repeat quickly; the standard library's bounded draws
    /// (`Int.random(in:using:)`, `randomElement(using:)`, `shuffle(using:)`) take the high ones.
    public mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state
    }

    /// A whole number in `0..<n` (n > 0), from the next state's top 31 bits.
    public mutating func below(_ n: Int) -> Int { Int((next() >> 33) % UInt64(n)) }

    /// A number in `0..<1`, from the next state's top 31 bits.
    public mutating func unit() -> Double { Double(next() >> 33) / Double(1 << 31) }
}
