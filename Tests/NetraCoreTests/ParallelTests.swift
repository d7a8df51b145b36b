import Synchronization
import Testing
@testable import NetraCore

@Suite struct ParallelTests {
    @Test func mapKeepsTheJobsOrder() {
        // Jobs of uneven length, so that they finish out of order on two cores.
        let jobs: [@Sendable () -> Int] = (0..<40).map { k in
            {
                var x = 0
                for i in 0..<((40 - k) * 2_000) { x &+= i & k }
                return k * 10 + (x == -1 ? 1 : 0)
            }
        }
        #expect(Parallel.map(jobs) == (0..<40).map { $0 * 10 })
    }

    @Test func mapRunsEveryJobOnce() {
        let runs = Mutex<[Int]>([])
        let jobs: [@Sendable () -> Int] = (0..<25).map { k in
            {
                runs.withLock { $0.append(k) }
                return k
            }
        }
        #expect(Parallel.map(jobs) == Array(0..<25))
        #expect(runs.withLock { $0 }.sorted() == Array(0..<25))
        #expect(Parallel.map([] as [@Sendable () -> Int]).isEmpty)
    }

    /// The foreground job spreads its work over every core while the background one runs:
    /// both finish, each result in its place, and the foreground's forEach ran every index.
    @Test func besideRunsBothAndLeavesTheForegroundItsCores() {
        let (a, b) = Parallel.beside({ (0..<100_000).reduce(0, +) }) { () -> [Int] in
            let seen = Mutex<[Int]>([])
            Parallel.forEach(64) { k in seen.withLock { $0.append(k) } }
            return seen.withLock { $0 }.sorted()
        }
        #expect(a == 4_999_950_000)
        #expect(b == Array(0..<64))
    }

    @Test func bothGivesEachResultItsPlace() {
        let (a, b) = Parallel.both({ "first" }, { 2 })
        #expect(a == "first")
        #expect(b == 2)
    }
}
