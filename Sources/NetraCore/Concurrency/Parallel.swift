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
        let ra = Mutex<A?>(nil), rb = Mutex<B?>(nil)
        forEach(2) { k in
            if k == 0 { let v = a(); ra.withLock { $0 = v } } else { let v = b(); rb.withLock { $0 = v } }
        }
        guard let x = ra.withLock({ $0.take() }), let y = rb.withLock({ $0.take() }) else {
            preconditionFailure("forEach(2) runs both jobs")
        }
        return (x, y)
    }

    /// Runs `background` on another thread while `foreground` runs on this one; returns both
    /// results. Unlike `both`, `foreground` may spread its own work with `forEach` over every
    /// core: inside `both` it would be nested, and a nested apply gets one thread.
    public static func beside<A: Sendable, B>(_ background: @escaping @Sendable () -> A, _ foreground: () -> B) -> (A, B) {
        let result = Mutex<A?>(nil)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let v = background()
            result.withLock { $0 = v }
            done.signal()
        }
        let b = foreground()
        done.wait()
        guard let a = result.withLock({ $0.take() }) else { preconditionFailure("the background job has run") }
        return (a, b)
    }

    /// Every job's result, in the jobs' order; the jobs run on up to `cores` threads, handed
    /// out in order (put the longest first).
    public static func map<T: Sendable>(_ jobs: [@Sendable () -> T]) -> [T] {
        let results = Mutex<[T?]>(Array(repeating: nil, count: jobs.count))
        forEach(jobs.count) { k in
            let r = jobs[k]()
            results.withLock { $0[k] = r }
        }
        return results.withLock { $0 }.map { r in
            guard let r else { preconditionFailure("forEach runs every job") }
            return r
        }
    }
}

/// Memory that the threads of `Parallel.forEach` share, each using its own part: the compiler
/// cannot see that, so the type says it is unsafe to send (as swift-nio's `UnsafeTransfer`).
@usableFromInline package struct UnsafeTransfer<T>: @unchecked Sendable {
    @usableFromInline package let value: T
    @usableFromInline package init(_ value: T) { self.value = value }
}
