/// The events as nodes and their links as typed edges, indexed both ways.
///
/// An edge runs from the event that carries the link (the effect) to its target (the
/// cause). Adjacency is kept in flat arrays (compressed rows) so that a million events
/// cost a few arrays, not a million small ones.
public struct EventGraph: Sendable {
    public struct Edge: Sendable, Hashable {
        public var from: EventIndex
        public var to: EventIndex
        public var relation: Relation
    }

    public let nodeCount: Int
    // Causes of node n: outTarget[outStart[n]..<outStart[n+1]].
    let outStart: [Int32]
    let outTarget: [Int32]
    let outRelation: [Relation]
    // Effects of node n.
    let inStart: [Int32]
    let inSource: [Int32]
    let inRelation: [Relation]

    /// The graph of the table's links.
    public init(events: EventTable) {
        self.init(links: events.links)
    }

    /// The graph of one list of links per event.
    public init(links: Column<EventIndex, [Link]>) {
        let n = links.count
        nodeCount = n
        // Each list read in place through a span (iterating the lists by value retained and
        // released every one of them), and once: a million small arrays are a million places
        // in memory, so the causes are copied out flat in one pass and the effects made from
        // that copy, which is read front to back.
        let lists = links.values.span
        var os = [Int32](repeating: 0, count: n + 1)
        var indeg = [Int32](repeating: 0, count: n + 1)
        var ot: [Int32] = [], orl: [Relation] = []
        ot.reserveCapacity(n)
        orl.reserveCapacity(n)
        for k in 0..<n {
            for i in lists[k].indices {
                let l = lists[k][i]
                ot.append(Int32(l.target.raw)); orl.append(l.relation)
                indeg[l.target.raw + 1] += 1
            }
            os[k + 1] = Int32(ot.count)
        }
        for k in 0..<n { indeg[k + 1] += indeg[k] }
        var fill = indeg
        var isrc = [Int32](repeating: 0, count: ot.count)
        var irel = [Relation](repeating: .partOf, count: ot.count)
        for k in 0..<n {
            for e in Int(os[k])..<Int(os[k + 1]) {
                let t = Int(ot[e])
                let at = Int(fill[t]); fill[t] += 1
                isrc[at] = Int32(k); irel[at] = orl[e]
            }
        }
        outStart = os; outTarget = ot; outRelation = orl
        inStart = indeg; inSource = isrc; inRelation = irel
    }

    public var edgeCount: Int { outTarget.count }

    /// Every edge, effect to cause, in event order.
    public var edges: [Edge] {
        var out: [Edge] = []
        out.reserveCapacity(edgeCount)
        for n in 0..<nodeCount {
            for k in Int(outStart[n])..<Int(outStart[n + 1]) {
                out.append(Edge(from: EventIndex(n), to: EventIndex(Int(outTarget[k])), relation: outRelation[k]))
            }
        }
        return out
    }

    /// The events `node` links to (its direct causes), with the relation.
    public func causes(of node: EventIndex) -> [(node: EventIndex, relation: Relation)] {
        (Int(outStart[node.raw])..<Int(outStart[node.raw + 1])).map { (EventIndex(Int(outTarget[$0])), outRelation[$0]) }
    }

    /// The events that link to `node` (its direct effects), with the relation.
    public func effects(of node: EventIndex) -> [(node: EventIndex, relation: Relation)] {
        (Int(inStart[node.raw])..<Int(inStart[node.raw + 1])).map { (EventIndex(Int(inSource[$0])), inRelation[$0]) }
    }

    /// Calls `body` for each direct cause of `node` with the relation, without an array per call.
    public func forEachCause(of node: EventIndex, _ body: (EventIndex, Relation) -> Void) {
        for k in Int(outStart[node.raw])..<Int(outStart[node.raw + 1]) { body(EventIndex(Int(outTarget[k])), outRelation[k]) }
    }

    /// Calls `body` for each direct effect of `node` with the relation, in event order, without
    /// an array per call.
    public func forEachEffect(of node: EventIndex, _ body: (EventIndex, Relation) -> Void) {
        for k in Int(inStart[node.raw])..<Int(inStart[node.raw + 1]) { body(EventIndex(Int(inSource[k])), inRelation[k]) }
    }

    /// How many links point at `node` along `relation`s for which `allowed[relation.order]` holds.
    public func effectCount(of node: EventIndex, allowed: [Bool]) -> Int {
        var n = 0
        for k in Int(inStart[node.raw])..<Int(inStart[node.raw + 1]) where allowed[inRelation[k].order] { n += 1 }
        return n
    }

    /// Visits every link along the relations `allowed` (by `Relation.order`) from effect to
    /// cause, an effect only once every event that reaches it along them is done: what
    /// reaches a cause is then known when its effect hands it on. Linear in events and links;
    /// false when those links hold a cycle (some were not visited).
    public func sweepFromEffects(allowed: [Bool], _ edge: (_ effect: EventIndex, _ cause: EventIndex) -> Void) -> Bool {
        // In 32 bits, and room for every node made once: half the memory to walk at a million
        // events, and no copies as the list of ready nodes grows.
        var waiting = [Int32](repeating: 0, count: nodeCount)
        var ready: [Int32] = []
        ready.reserveCapacity(nodeCount)
        for n in 0..<nodeCount {
            waiting[n] = Int32(truncatingIfNeeded: effectCount(of: EventIndex(n), allowed: allowed))
            if waiting[n] == 0 { ready.append(Int32(truncatingIfNeeded: n)) }
        }
        var done = 0
        while let x = ready.popLast().map(Int.init) {
            done += 1
            forEachCause(of: EventIndex(x)) { c, relation in
                guard allowed[relation.order] else { return }
                edge(EventIndex(x), c)
                waiting[c.raw] -= 1
                if waiting[c.raw] == 0 { ready.append(Int32(truncatingIfNeeded: c.raw)) }
            }
        }
        return done == nodeCount
    }

    /// Every event reachable from `node` along links (its causes, theirs, …), sorted.
    public func ancestors(of node: EventIndex, following relations: Set<Relation>? = nil) -> [EventIndex] {
        walk(from: node.raw, start: outStart, next: outTarget, relation: outRelation, following: relations)
    }

    /// Every event that reaches `node` along links (its effects, theirs, …), sorted.
    public func descendants(of node: EventIndex, following relations: Set<Relation>? = nil) -> [EventIndex] {
        walk(from: node.raw, start: inStart, next: inSource, relation: inRelation, following: relations)
    }

    private func walk(from node: Int, start: [Int32], next: [Int32], relation: [Relation], following: Set<Relation>?) -> [EventIndex] {
        var seen: Set<Int> = [node]
        var stack = [node]
        var out: [Int] = []
        while let n = stack.popLast() {
            for k in Int(start[n])..<Int(start[n + 1]) {
                if let following, !following.contains(relation[k]) { continue }
                let m = Int(next[k])
                if seen.insert(m).inserted { out.append(m); stack.append(m) }
            }
        }
        return out.sorted().map(EventIndex.init)
    }

    /// Reusable state for many walks over one graph along the same relations: a visit
    /// stamp per node, so a walk costs what it visits, not a fresh set each time.
    public struct Walker: Sendable {
        var stamp: [UInt32]
        var current: UInt32 = 0
        var stack: [Int32] = []
        /// Indexed by `Relation.order`.
        let allowed: [Bool]

        public init(nodeCount: Int, following relations: Set<Relation>? = nil) {
            stamp = [UInt32](repeating: 0, count: nodeCount)
            allowed = Relation.allCases.map { relations?.contains($0) ?? true }
        }
    }

    /// Calls `body` once for every event that reaches `node` along the walker's relations:
    /// the same events as `descendants(of:following:)`, in no particular order.
    public func forEachDescendant(of start: EventIndex, using w: inout Walker, _ body: (EventIndex) -> Void) {
        let node = start.raw
        if w.stamp.count < nodeCount || w.current == UInt32.max {
            w.stamp = [UInt32](repeating: 0, count: nodeCount)
            w.current = 0
        }
        w.current += 1
        let mark = w.current
        w.stamp[node] = mark
        w.stack.removeAll(keepingCapacity: true)
        w.stack.append(Int32(node))
        while let n = w.stack.popLast() {
            for k in Int(inStart[Int(n)])..<Int(inStart[Int(n) + 1]) {
                if !w.allowed[inRelation[k].order] { continue }
                let m = Int(inSource[k])
                if w.stamp[m] != mark {
                    w.stamp[m] = mark
                    body(EventIndex(m))
                    w.stack.append(Int32(m))
                }
            }
        }
    }

    /// Causes before effects; among events free at the same time, the earlier index first.
    /// `nil` when the links hold a cycle.
    public func topologicalOrder() -> [EventIndex]? {
        // Kahn's algorithm over "cause before effect": an event waits for all its causes.
        var waiting = (0..<nodeCount).map { Int(outStart[$0 + 1] - outStart[$0]) }
        var ready = Heap()
        for n in 0..<nodeCount where waiting[n] == 0 { ready.push(n) }
        var order: [Int] = []
        order.reserveCapacity(nodeCount)
        while let n = ready.pop() {
            order.append(n)
            for k in Int(inStart[n])..<Int(inStart[n + 1]) {
                let m = Int(inSource[k])
                waiting[m] -= 1
                if waiting[m] == 0 { ready.push(m) }
            }
        }
        return order.count == nodeCount ? order.map(EventIndex.init) : nil
    }

    /// Each cycle once, as the events around it starting from the smallest index.
    public func cycles() -> [[EventIndex]] {
        // Iterative colouring DFS; a back edge closes a cycle.
        var colour = [UInt8](repeating: 0, count: nodeCount)  // 0 new, 1 on stack, 2 done
        var found: [[Int]] = []
        var seenKeys = Set<[Int]>()
        var path: [Int] = []
        var cursor: [Int] = []
        for root in 0..<nodeCount where colour[root] == 0 {
            // Emptied, not made anew: two arrays allocated per event add up at a million.
            path.removeAll(keepingCapacity: true); path.append(root)
            cursor.removeAll(keepingCapacity: true); cursor.append(Int(outStart[root]))
            colour[root] = 1
            while let n = path.last {
                let c = cursor[cursor.count - 1]
                if c < Int(outStart[n + 1]) {
                    cursor[cursor.count - 1] += 1
                    let m = Int(outTarget[c])
                    if colour[m] == 0 {
                        colour[m] = 1; path.append(m); cursor.append(Int(outStart[m]))
                    } else if colour[m] == 1, let at = path.lastIndex(of: m) {
                        var cycle = Array(path[at...])
                        if let lo = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) {
                            cycle = Array(cycle[lo...] + cycle[..<lo])
                        }
                        if seenKeys.insert(cycle).inserted { found.append(cycle) }
                    }
                } else {
                    colour[n] = 2; path.removeLast(); cursor.removeLast()
                }
            }
        }
        return found.map { $0.map(EventIndex.init) }
    }
}

/// A small binary min-heap of indices, so topological order is deterministic.
struct Heap {
    private var items: [Int] = []
    mutating func push(_ x: Int) {
        items.append(x)
        var i = items.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            if items[p] <= items[i] { break }
            items.swapAt(p, i); i = p
        }
    }
    mutating func pop() -> Int? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count && items[l] < items[m] { m = l }
                if r < items.count && items[r] < items[m] { m = r }
                if m == i { break }
                items.swapAt(i, m); i = m
            }
        }
        return top
    }
}
