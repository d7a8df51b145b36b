/// The jurisdictions as a forest, numbered once in depth-first order, so that "is A within B"
/// is two comparisons and a roll-up is one pass from the leaves up, however deep the chain
/// (a lineage walked per jurisdiction is quadratic on a 10,000-deep one).
public struct JurisdictionTree: Sendable {
    /// Each jurisdiction's place in a depth-first walk from the roots, and the last place
    /// taken by anything under it: B lies under A when A's span holds B's.
    let enter: [Int]
    let exit: [Int]
    /// Parents before children (a depth-first order from the roots); walked backwards,
    /// children before parents.
    public let topDown: [JurisdictionIndex]

    init(_ jurisdictions: Column<JurisdictionIndex, Jurisdiction>) {
        let n = jurisdictions.count
        var children = [[Int]](repeating: [], count: n)
        var roots: [Int] = []
        for k in 0..<n {
            if let p = jurisdictions[JurisdictionIndex(k)].parent, p.raw >= 0, p.raw < n, p.raw != k {
                children[p.raw].append(k)
            } else {
                roots.append(k)
            }
        }
        var enter = [Int](repeating: -1, count: n), exit = [Int](repeating: -1, count: n)
        var order: [JurisdictionIndex] = []
        order.reserveCapacity(n)
        var clock = 0
        // The loader refuses parent cycles; a table made in code may still hold one, whose
        // members no root reaches. Each of them is then taken as a root of its own.
        var starts = roots
        var next = 0
        while order.count < n {
            let start: Int
            if next < starts.count {
                start = starts[next]; next += 1
            } else {
                guard let lost = enter.firstIndex(of: -1) else { break }
                starts.append(lost); continue
            }
            guard enter[start] < 0 else { continue }
            // (node, next child to visit)
            var stack: [(Int, Int)] = [(start, 0)]
            enter[start] = clock; clock += 1; order.append(JurisdictionIndex(start))
            while let (node, child) = stack.last {
                if child < children[node].count {
                    stack[stack.count - 1].1 = child + 1
                    let c = children[node][child]
                    guard enter[c] < 0 else { continue }
                    enter[c] = clock; clock += 1; order.append(JurisdictionIndex(c))
                    stack.append((c, 0))
                } else {
                    exit[node] = clock - 1
                    stack.removeLast()
                }
            }
        }
        self.enter = enter; self.exit = exit; topDown = order
    }

    /// True when `j` is `ancestor` or lies under it.
    public func isWithin(_ j: JurisdictionIndex, _ ancestor: JurisdictionIndex) -> Bool {
        guard enter.indices.contains(j.raw), enter.indices.contains(ancestor.raw) else { return false }
        return enter[ancestor.raw] <= enter[j.raw] && exit[j.raw] <= exit[ancestor.raw]
    }

    /// True when some jurisdiction lies under `j`.
    public func hasJurisdictions(under j: JurisdictionIndex) -> Bool {
        enter.indices.contains(j.raw) && exit[j.raw] > enter[j.raw]
    }
}
