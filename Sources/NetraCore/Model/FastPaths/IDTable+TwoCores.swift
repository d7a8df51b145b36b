import Synchronization

extension IDTable {
    /// A table of the ids `refs` names in `file` and `decoded` (numbered by their place in
    /// `refs`), each part filled on its own core; nil when an id comes twice. `tops`, when
    /// given, holds each id's `top` already (the loader hashes each id as it reads it).
    @usableFromInline package static func build(_ refs: [TextRef], tops given: [UInt32]? = nil, file: [UInt8], decoded: [UInt8]) -> IDTable? {
        var table = IDTable(capacity: refs.count)
        let repeated = Atomic<Bool>(false)
        // Each id hashed once: half of them on each core (unless given), then each core enters
        // the ids whose hash's top bit is its own.
        if let given { precondition(given.count == refs.count, "a top per id") }
        let hashed = given != nil
        var tops = given ?? [UInt32](repeating: 0, count: refs.count)
        refs.withUnsafeBufferPointer { refs in
            file.withUnsafeBufferPointer { file in
                decoded.withUnsafeBufferPointer { decoded in
                    withUnsafeMutablePointer(to: &table.low) { low in
                        withUnsafeMutablePointer(to: &table.high) { high in
                            tops.withUnsafeMutableBufferPointer { tops in
                                // Pointers only, not array slices (nor an array of the two parts):
                                // two cores retaining one array would fight over its reference count.
                                let shared = UnsafeTransfer((refs, file, decoded, low, high, tops))
                                @Sendable func bytes(_ r: TextRef) -> UnsafeBufferPointer<UInt8> {
                                    let (_, file, decoded, _, _, _) = shared.value
                                    let s = Int(r.start)
                                    return UnsafeBufferPointer(rebasing: (r.isDecoded ? decoded : file)[s..<(s + r.length)])
                                }
                                if !hashed {
                                    Parallel.forEach(2) { p in
                                        let (refs, _, _, _, _, tops) = shared.value
                                        let half = refs.count / 2
                                        for n in (p == 0 ? 0..<half : half..<refs.count) { tops[n] = IDTable.top(bytes(refs[n]).span) }
                                    }
                                }
                                assert(!hashed || refs.indices.allSatisfy { tops[$0] == IDTable.top(bytes(refs[$0]).span) }, "the tops given are the ids'")
                                Parallel.forEach(2) { p in
                                    let (refs, _, _, low, high, tops) = shared.value
                                    let part = p == 0 ? low : high
                                    for n in refs.indices {
                                        let top = UInt64(tops[n])
                                        guard Int(top >> 31) == p else { continue }
                                        let b = bytes(refs[n])
                                        if part.pointee.insert(top, n, same: { bytes(refs[$0]).elementsEqual(b) }) != nil {
                                            repeated.store(true, ordering: .relaxed)
                                            return
                                        }
                                    }
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
