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

    @Test func bothGivesEachResultItsPlace() {
        let (a, b) = Parallel.both({ "first" }, { 2 })
        #expect(a == "first")
        #expect(b == 2)
    }
}
