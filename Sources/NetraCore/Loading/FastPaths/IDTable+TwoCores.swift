import Synchronization

extension IDTable {
    /// A table of the ids `refs` names in `file` and `decoded` (numbered by their place in
    /// `refs`), each part filled on its own core; nil when an id comes twice.
    static func build(_ refs: [TextRef], file: [UInt8], decoded: [UInt8]) -> IDTable? {
        var table = IDTable(capacity: refs.count)
        let repeated = Atomic<Bool>(false)
        refs.withUnsafeBufferPointer { refs in
            file.withUnsafeBufferPointer { file in
                decoded.withUnsafeBufferPointer { decoded in
                    table.parts.withUnsafeMutableBufferPointer { parts in
                        let shared = UnsafeTransfer((refs, file, decoded, parts))
                        Parallel.forEach(2) { p in
                            let (refs, file, decoded, parts) = shared.value
                            func bytes(_ r: TextRef) -> UnsafeBufferPointer<UInt8> { r.bytes(file: file, decoded: decoded) }
                            // Each core takes the ids whose hash's top bit is its own.
                            for n in refs.indices {
                                let b = bytes(refs[n])
                                let top = IDTable.hash(b) >> 32
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
