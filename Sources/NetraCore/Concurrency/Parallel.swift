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

    /// Runs `a` and `b` at the same time, on two cores when there are two; returns both results.
    public static func both<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
        let ra = UnsafeMutablePointer<A>.allocate(capacity: 1), rb = UnsafeMutablePointer<B>.allocate(capacity: 1)
        defer { ra.deinitialize(count: 1); ra.deallocate(); rb.deinitialize(count: 1); rb.deallocate() }
        // Each pointer is written by one job only.
        let out = Unshared((ra, rb))
        forEach(2) { k in
            if k == 0 { out.value.0.initialize(to: a()) } else { out.value.1.initialize(to: b()) }
        }
        return (ra.pointee, rb.pointee)
    }
}

/// Hands memory that the threads of `Parallel.forEach` share to them, each using its own part.
struct Unshared<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
