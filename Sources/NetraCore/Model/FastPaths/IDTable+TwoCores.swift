import Synchronization

extension IDTable {
    /// A table of the ids `refs` names in `file` and `decoded` (numbered by their place in
    /// `refs`), each part filled on its own core; nil when an id comes twice.
    @usableFromInline package static func build(_ refs: [TextRef], file: [UInt8], decoded: [UInt8]) -> IDTable? {
        var table = IDTable(capacity: refs.count)
        let repeated = Atomic<Bool>(false)
        refs.withUnsafeBufferPointer { refs in
            file.withUnsafeBufferPointer { file in
                decoded.withUnsafeBufferPointer { decoded in
                    table.parts.withUnsafeMutableBufferPointer { parts in
                        let shared = UnsafeTransfer((refs, file, decoded, parts))
                        Parallel.forEach(2) { p in
                            let (refs, file, decoded, parts) = shared.value
                            // Pointers, not array slices: two cores retaining one array would
                            // fight over its reference count.
                            func bytes(_ r: TextRef) -> UnsafeBufferPointer<UInt8> {
                                let s = Int(r.start)
                                return UnsafeBufferPointer(rebasing: (r.isDecoded ? decoded : file)[s..<(s + r.length)])
                            }
                            // Each core takes the ids whose hash's top bit is its own.
                            for n in refs.indices {
                                let b = bytes(refs[n])
                                let top = IDTable.hash(b.span) >> 32
                                guard Int(top >> 31) == p else { continue }
                                if parts[p].insert(top, n, same: { bytes(refs[$0]).elementsEqual(b) }) != nil {
                                    repeated.store(true, ordering: .relaxed)
                                    return
                                }
                            }
                        }
                    }
                }
            }
        }
        return repeated.load(ordering: .relaxed) ? nil : table
    }
}
