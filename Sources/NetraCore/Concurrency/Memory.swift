#if canImport(Glibc)
import Glibc
#endif

/// How the process's memory is handed out, set once at start.
public enum Memory {
    /// Blocks of 1 MiB and more (columns, file buffers, export chunks) mapped on their own and
    /// given back to the system when freed. glibc otherwise raises that threshold after the
    /// first big block is freed, so that the load's temporary halves and copies stay in the heap
    /// as holes the system still counts: the 1M report peaked 110 MB higher (issue 34).
    public static func returnLargeBlocks() {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, 1 << 20)
        #endif
    }
}
