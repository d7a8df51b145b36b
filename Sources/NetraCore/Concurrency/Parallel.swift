import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Work spread over the machine's cores.
public enum Parallel {
    /// Cores this process may use.
    public static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Runs `work(i)` for every `i` in `0..<count`, on up to `cores` threads. Indices are
    /// handed out in order, so put the longest jobs first.
    public static func forEach(_ count: Int, _ work: @Sendable (Int) -> Void) {
        guard count > 1, cores > 1 else {
            for i in 0..<count { work(i) }
            return
        }
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(count, cores)) { _ in
            while true {
                let i = next.add(1, ordering: .relaxed).oldValue
                if i >= count { return }
                work(i)
            }
        }
    }
}
