/// How the process's memory is handed out, set once at start.
public enum Memory {
    /// Blocks of 1 MiB and more (columns, file buffers, export chunks) mapped on their own and
    /// given back to the system when freed. glibc otherwise raises that threshold after the
    /// first big block is freed, so that the load's temporary halves and copies stay in the heap
    /// as holes the system still counts: the 1M report peaked 110 MB higher (issue 34).
    public static func returnLargeBlocks() {
        #if os(Linux)
        _ = glibcMallopt(mmapThreshold, 1 << 20)
        #endif
    }

    /// `M_MMAP_THRESHOLD` of glibc's `<malloc.h>`, which the Glibc module does not bring in.
    static let mmapThreshold: Int32 = -3
}

#if os(Linux)
/// glibc's `mallopt(int, int)`.
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
