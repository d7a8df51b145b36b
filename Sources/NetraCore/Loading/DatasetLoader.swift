/// Loads a dataset folder (`events.csv`, `jurisdictions.csv`, `elections.csv`) into a checked
/// `Dataset`, or reports every problem in it at once.
public enum DatasetLoader {
    public static let eventsFile = "events.csv"
    public static let jurisdictionsFile = "jurisdictions.csv"
    public static let electionsFile = "elections.csv"

    static let eventRequired = ["id", "date", "precision", "kind", "jurisdiction", "title", "source"]
    static let eventOptional = ["end_date", "actors", "place", "count", "unit", "status", "links",
                                "source_url", "source_date", "quote", "notes"]
    /// Every known column of `events.csv`, in the order the exports write them.
    public static let eventColumns = ["id", "date", "precision", "end_date", "kind", "jurisdiction",
                                      "title", "actors", "place", "count", "unit", "status", "links",
                                      "source", "source_url", "source_date", "quote", "notes"]

    /// Loads the folder at `directory`.
    public static func load(directory: String) throws(DatasetError) -> Dataset {
        if !FileIO.exists(directory) {
            throw DatasetError([Diagnostic(file: directory, line: 1, column: 1, message: "no such dataset folder")])
        }
        if !FileIO.isDirectory(directory) {
            throw DatasetError([Diagnostic(file: directory, line: 1, column: 1, message: "is not a folder; --dataset names a folder holding events.csv, jurisdictions.csv and elections.csv")])
        }
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var missing: [Diagnostic] = []
        func bytes(_ name: String) -> (String, [UInt8]?) {
            let path = base + "/" + name
            do { return (path, try FileIO.read(path)) } catch {
                missing.append(Diagnostic(file: path, line: 1, column: 1, message: "cannot read the file: \(error.reason)"))
                return (path, nil)
            }
        }
        let j = bytes(jurisdictionsFile), el = bytes(electionsFile), ev = bytes(eventsFile)
        do {
            return try load(jurisdictions: j, elections: el, events: ev, name: base)
        } catch {
            throw DatasetError(missing + error.diagnostics)
        }
    }

    /// Loads from bytes already in memory; a nil file counts as missing (already reported).
    public static func load(
        jurisdictions: (String, [UInt8]?), elections: (String, [UInt8]?), events: (String, [UInt8]?),
        name: String = ""
    ) throws(DatasetError) -> Dataset {
        var diags: [Diagnostic] = []
        let (juris, jurisOK) = loadJurisdictions(jurisdictions, &diags)
        var jIndex: [String: Int] = [:]
        for (k, x) in juris.enumerated() where jIndex[x.id] == nil { jIndex[x.id] = k }
        let elects = loadElections(elections, jIndex: jurisOK ? jIndex : nil, &diags)
        let (evs, extras, ids, rows) = loadEvents(events, jIndex: jurisOK ? jIndex : nil, &diags)
        let hadFileProblem = jurisdictions.1 == nil || elections.1 == nil || events.1 == nil
        if !diags.isEmpty || hadFileProblem { throw DatasetError(diags) }
        // Every row became an event, in order, so the loader's id index is the dataset's.
        if rows == evs.count {
            return Dataset(events: evs, jurisdictions: juris, elections: elects, extraEventColumns: extras,
                           name: name, eventIndex: EventIndex(table: ids, events: evs))
        }
        return Dataset(events: evs, jurisdictions: juris, elections: elects, extraEventColumns: extras, name: name)
    }

    // MARK: jurisdictions.csv

    static func loadJurisdictions(_ input: (String, [UInt8]?), _ diags: inout [Diagnostic]) -> ([Jurisdiction], Bool) {
        guard let data = input.1 else { return ([], false) }
        var table = Table(file: input.0, bytes: data)
        var rows: [Jurisdiction] = []
        var parents: [(String, Int, Int)] = []  // parent id, line, column
        var seen: [String: Int] = [:]
        let file = input.0
        let ok = table.read(required: ["id", "name", "level", "parent"], optional: []) { rec, col, _, sink in
            func say(_ i: Int, _ m: String) { let p = rec.position(i); sink.append(Diagnostic(file: file, line: p.line, column: p.column, message: m)) }
            guard let ci = rec.has(col[0]) else { return }
            let id = rec.trimmedString(ci)
            if id.isEmpty { say(ci, "id: missing id"); return }
            if let first = seen[id] { say(ci, "id: duplicate id '\(id)' (first on line \(first))"); return }
            seen[id] = rec.line
            let name = rec.has(col[1]).map { rec.string($0) } ?? ""
            var level = JurisdictionLevel.kota
            if let cl = rec.has(col[2]) {
                let raw = rec.trimmedString(cl)
                if let l = JurisdictionLevel(rawValue: raw) { level = l }
                else { say(cl, "level: unknown level '\(raw)'; expected one of: \(JurisdictionLevel.allowedList)") }
            }
            let parentCol = rec.has(col[3])
            let parent = parentCol.map { rec.trimmedString($0) } ?? ""
            let pp = parentCol.map { rec.position($0) } ?? (line: rec.line, column: 1)
            parents.append((parent, pp.line, pp.column))
            rows.append(Jurisdiction(id: id, name: name.isEmpty ? id : name, level: level, parent: nil, line: rec.line))
        }
        diags += table.diagnostics
        guard ok else { return (rows, false) }
        var index: [String: Int] = [:]
        for (k, r) in rows.enumerated() { index[r.id] = k }
        let knownIDs = listing(rows.map(\.id))  // once, not per unknown parent
        for (k, p) in parents.enumerated() where !p.0.isEmpty {
            if let t = index[p.0] {
                if t == k { diags.append(Diagnostic(file: file, line: p.1, column: p.2, message: "parent: '\(p.0)' is its own parent")) }
                else { rows[k].parent = t }
            } else {
                diags.append(Diagnostic(file: file, line: p.1, column: p.2, message: "parent: unknown jurisdiction '\(p.0)'; expected one of: \(knownIDs)"))
            }
        }
        // A loop of parents would make roll-ups endless. Each row is walked once (a long
        // chain of parents must not take cubic time): 0 new, 1 on this walk, 2 done.
        var state = [UInt8](repeating: 0, count: rows.count)
        for k in rows.indices where state[k] == 0 {
            var path: [Int] = []
            var cur: Int? = k
            while let c = cur, state[c] == 0 { state[c] = 1; path.append(c); cur = rows[c].parent }
            if let c = cur, state[c] == 1, let at = path.firstIndex(of: c) {
                let loop = Array(path[at...])
                if let first = loop.min() {
                    let start = loop.firstIndex(of: first) ?? 0
                    let names = (loop[start...] + loop[..<start] + [first]).map { rows[$0].id }
                    let p = parents[first]
                    diags.append(Diagnostic(file: file, line: p.1, column: p.2, message: "parent: cycle of parents: \(names.joined(separator: " -> "))"))
                }
            }
            for p in path { state[p] = 2 }
        }
        return (rows, true)
    }

    // MARK: elections.csv

    static func loadElections(_ input: (String, [UInt8]?), jIndex: [String: Int]?, _ diags: inout [Diagnostic]) -> [Election] {
        guard let data = input.1 else { return [] }
        var table = Table(file: input.0, bytes: data)
        var rows: [Election] = []
        var seen: [String: Int] = [:]
        let file = input.0
        let scopeIDs = jIndex.map { listing($0.keys.sorted()) } ?? ""  // once, not per unknown scope
        table.read(required: ["id", "name", "date", "scope"], optional: []) { rec, col, _, sink in
            func say(_ i: Int, _ m: String) { let p = rec.position(i); sink.append(Diagnostic(file: file, line: p.line, column: p.column, message: m)) }
            guard let ci = rec.has(col[0]) else { return }
            let id = rec.trimmedString(ci)
            if id.isEmpty { say(ci, "id: missing id"); return }
            if let first = seen[id] { say(ci, "id: duplicate id '\(id)' (first on line \(first))"); return }
            seen[id] = rec.line
            let name = rec.has(col[1]).map { rec.string($0) } ?? ""
            var day: Day?
            if let cd = rec.has(col[2]) {
                let raw = rec.trimmed(cd)
                switch WrittenDate.parse(raw) {
                case .success(let w) where w.form == .day: day = w.anchor
                case .success: say(cd, "date: an election date needs the day, YYYY-MM-DD; got '\(rec.trimmedString(cd))'")
                case .failure(let p): say(cd, dateMessage("date", rec.trimmedString(cd), p))
                }
            }
            var scope = -1
            if let cs = rec.has(col[3]), let jIndex {
                let raw = rec.trimmedString(cs)
                if let s = jIndex[raw] { scope = s }
                else { say(cs, "scope: unknown jurisdiction '\(raw)'; expected one of: \(scopeIDs)") }
            }
            if let day, scope >= 0 {
                rows.append(Election(id: id, name: name.isEmpty ? id : name, date: day, scope: scope, line: rec.line))
            }
        }
        diags += table.diagnostics
        return rows
    }

    // MARK: events.csv

    struct PendingLink {
        var event: Int
        var relation: Relation
        /// The target id's bytes, in the file or in the decoded cells.
        var target: TextRef
        /// Where the links cell starts; the column is worked out only for a message.
        var line: Int
        var lineStart: Int
        var offset: Int
    }

    /// The events, the extra columns' names, the id table (row numbers) and the number of rows with an id.
    static func loadEvents(_ input: (String, [UInt8]?), jIndex: [String: Int]?, _ diags: inout [Diagnostic]) -> ([Event], [String], IDTable, Int) {
        guard let data = input.1 else { return ([], [], IDTable(capacity: 0), 0) }
        let file = input.0
        var table = Table(file: file, bytes: data)
        var events: [Event] = []
        events.reserveCapacity(data.count / 300)
        var extraNames: [String] = []
        var pending: [PendingLink] = []
        // One index for both jobs: duplicate ids (row -> first line) and link targets
        // (row -> event, -1 when the row failed).
        var ids = IDTable(capacity: data.count / 300)
        var rowID: [TextRef] = []
        var rowLine: [Int] = []
        var rowEvent: [Int] = []
        // Where each event's links cell starts, for graph messages (offset -1: column 1).
        var linkLine: [Int] = [], linkLineStart: [Int] = [], linkOffset: [Int] = []
        let jurisdictionIDs = jIndex.map { listing($0.keys.sorted()) } ?? ""
        // Text cells point into the file's bytes (offsets fit in 32 bits); only cells with
        // doubled quotes are copied, undone, into `decoded`.
        if data.count > Int(UInt32.max) {
            diags.append(Diagnostic(file: file, line: 1, column: 1, message: "the file is larger than 4 GiB; split the dataset"))
            return ([], [], IDTable(capacity: 0), 0)
        }
        let store = TextStore(file: data)
        var decoded: [UInt8] = []
        var sources = ByteInterner()
        let jLookup = jIndex.map { ByteLookup($0.map { ($0.key, $0.value) }) }
        let ok = table.read(required: eventRequired, optional: eventOptional, row: { rec, col, extras, sink in
            func say(_ i: Int, _ m: String) { let p = rec.position(i); sink.append(Diagnostic(file: file, line: p.line, column: p.column, message: m)) }
            // col follows eventRequired + eventOptional.
            let cId = rec.has(col[0]), cDate = rec.has(col[1]), cPrec = rec.has(col[2]), cKind = rec.has(col[3])
            let cJur = rec.has(col[4]), cTitle = rec.has(col[5]), cSource = rec.has(col[6])
            let cEnd = rec.has(col[7]), cActors = rec.has(col[8]), cPlace = rec.has(col[9])
            let cCount = rec.has(col[10]), cUnit = rec.has(col[11]), cStatus = rec.has(col[12])
            let cLinks = rec.has(col[13]), cURL = rec.has(col[14]), cSDate = rec.has(col[15])
            let cQuote = rec.has(col[16]), cNotes = rec.has(col[17])
            // A cell as a span of the file, or of `decoded` when its doubled quotes are undone.
            func ref(_ c: Int?, trim: Bool = false) -> TextRef {
                guard let c else { return .empty }
                let f = rec.fields[c], b = rec.bytes
                var lo = f.start, hi = f.end
                if !f.hasEscapes {
                    if trim {
                        while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
                        while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
                    }
                    return lo == hi ? .empty : TextRef(start: UInt32(lo), count: UInt32(hi - lo))
                }
                let start = decoded.count
                while lo < hi {
                    decoded.append(b[lo])
                    lo += b[lo] == 0x22 ? 2 : 1
                }
                var a = start, z = decoded.count
                if trim {
                    while a < z, decoded[a] == 0x20 || decoded[a] == 0x09 { a += 1 }
                    while z > a, decoded[z - 1] == 0x20 || decoded[z - 1] == 0x09 { z -= 1 }
                }
                return a == z ? .empty : TextRef(start: UInt32(a), count: UInt32(z - a) | TextRef.decodedBit)
            }
            // The bytes of a ref made by `ref`, before the store is sealed.
            func withBytes<R>(_ r: TextRef, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
                let n = Int(r.count & ~TextRef.decodedBit), s = Int(r.start)
                if r.count & TextRef.decodedBit == 0 { return body(UnsafeBufferPointer(rebasing: rec.bytes[s..<(s + n)])) }
                return decoded.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[s..<(s + n)])) }
            }
            var valid = true
            var idRef = TextRef.empty
            var row = -1
            if let c = cId {
                idRef = ref(c, trim: true)
                if idRef.isEmpty { say(c, "id: missing id"); valid = false }
                else {
                    // One probe: the entry is made if new, else it names the first row.
                    let fresh = rowLine.count
                    let first = withBytes(idRef) { b in ids.insert(b, fresh) { n in withBytes(rowID[n]) { $0.elementsEqual(b) } } }
                    if let first {
                        say(c, "id: duplicate id '\(withBytes(idRef) { String(decoding: $0, as: UTF8.self) })' (first on line \(rowLine[first]))"); valid = false
                    } else { row = fresh; rowLine.append(rec.line); rowEvent.append(-1); rowID.append(idRef) }
                }
            } else { valid = false }
            func idText() -> String { withBytes(idRef) { String(decoding: $0, as: UTF8.self) } }

            var written: WrittenDate?
            if let c = cDate {
                let raw = rec.trimmed(c)
                if raw.isEmpty { say(c, "date: missing date; expected YYYY-MM-DD, YYYY-MM or YYYY"); valid = false }
                else {
                    switch WrittenDate.parse(raw) {
                    case .success(let w): written = w
                    case .failure(let p): say(c, dateMessage("date", rec.trimmedString(c), p)); valid = false
                    }
                }
            }
            var precision: Precision?
            if let c = cPrec {
                let raw = rec.trimmed(c)
                if raw.isEmpty {
                    if let w = written { precision = w.form == .day ? .day : (w.form == .month ? .month : .year) }
                } else if let pi = ByteLookup.precisions.find(raw) {
                    let p = Precision.allCases[pi]
                    precision = p
                    if let w = written {
                        switch (p, w.form) {
                        case (.day, .day), (.month, .month), (.year, .year), (.onOrBefore, _): break
                        case (.day, _): say(c, "precision: 'day' needs a full date YYYY-MM-DD, but the date is '\(w.text)'"); valid = false
                        case (.month, _): say(c, "precision: 'month' needs a date YYYY-MM, but the date is '\(w.text)'"); valid = false
                        case (.year, _): say(c, "precision: 'year' needs a date YYYY, but the date is '\(w.text)'"); valid = false
                        }
                    }
                } else {
                    say(c, "precision: unknown precision '\(rec.trimmedString(c))'; expected one of: \(Precision.allowedList)"); valid = false
                }
            }
            var endDate: Day?
            if let c = cEnd, !rec.isBlank(c) {
                switch WrittenDate.parse(rec.trimmed(c)) {
                case .success(let w):
                    endDate = w.last
                    if let s = written, w.last < s.anchor {
                        say(c, "end_date: the span ends (\(w.text)) before it starts (\(s.text))"); valid = false
                    }
                case .failure(let p): say(c, dateMessage("end_date", rec.trimmedString(c), p)); valid = false
                }
            }
            var kind: EventKind?
            if let c = cKind {
                if let k = ByteLookup.kinds.find(rec.trimmed(c)) { kind = EventKind.allCases[k] }
                else if rec.isBlank(c) { say(c, "kind: missing kind; expected one of: \(EventKind.allowedList)"); valid = false }
                else { say(c, "kind: unknown kind '\(rec.trimmedString(c))'; expected one of: \(EventKind.allowedList)"); valid = false }
            }
            var jurisdiction = -1
            if let c = cJur, let jLookup {
                if let j = jLookup.find(rec.trimmed(c)) { jurisdiction = j }
                else if rec.isBlank(c) { say(c, "jurisdiction: missing jurisdiction; expected one of: \(jurisdictionIDs)"); valid = false }
                else { say(c, "jurisdiction: unknown jurisdiction '\(rec.trimmedString(c))'; expected one of: \(jurisdictionIDs)"); valid = false }
            }
            var count: Int?
            if let c = cCount, !rec.isBlank(c) {
                let raw = rec.trimmed(c)
                if let v = parseDigits(raw) { count = v }
                else if raw.first == 0x2D, raw.count > 1, parseDigits(UnsafeBufferPointer(rebasing: raw[(raw.startIndex + 1)...])) != nil {
                    say(c, "count: negative count '\(rec.trimmedString(c))'; a count is a whole number, 0 or more"); valid = false
                } else {
                    say(c, "count: '\(rec.trimmedString(c))' is not a whole number; write digits only, with no separators"); valid = false
                }
            }
            var status: CaseStatus?
            if let c = cStatus, !rec.isBlank(c) {
                if let s = ByteLookup.statuses.find(rec.trimmed(c)) { status = CaseStatus.allCases[s] }
                else { say(c, "status: unknown status '\(rec.trimmedString(c))'; expected one of: \(CaseStatus.allowedList)"); valid = false }
            }
            var sourceIndex = 0
            if let c = cSource {
                if rec.isBlank(c) { say(c, "source: missing source; every event names the outlet it comes from"); valid = false }
                else if rec.fields[c].hasEscapes { var text = rec.string(c); sourceIndex = text.withUTF8 { sources.intern($0) } }
                else { sourceIndex = sources.intern(rec.slice(c)) }
            }
            var sourceDate: Day?
            if let c = cSDate, !rec.isBlank(c) {
                switch WrittenDate.parse(rec.trimmed(c)) {
                case .success(let w): sourceDate = w.anchor
                    if w.form != .day { say(c, "source_date: the publication date needs the day, YYYY-MM-DD; got '\(w.text)'"); valid = false }
                case .failure(let p): say(c, dateMessage("source_date", rec.trimmedString(c), p)); valid = false
                }
            }
            // Links are resolved once every id is known.
            let index = events.count
            var links: [PendingLink] = []
            if let c = cLinks, !rec.isBlank(c) {
                let f = rec.fields[c]
                // The cell's position, found once for all its messages (it may hold thousands).
                var at: (line: Int, column: Int)?
                func sayLink(_ m: String) {
                    let p = at ?? rec.position(c)
                    at = p
                    sink.append(Diagnostic(file: file, line: p.line, column: p.column, message: m))
                }
                // `relation:target; …` read from the cell's bytes; targets kept as refs.
                func parse(_ u: UnsafeBufferPointer<UInt8>, base: Int, flag: UInt32) {
                    var i = 0
                    while i <= u.count {
                        var j = i
                        while j < u.count && u[j] != 0x3B { j += 1 }
                        var a = i, z = j
                        i = j + 1
                        while a < z, u[a] == 0x20 || u[a] == 0x09 { a += 1 }
                        while z > a, u[z - 1] == 0x20 || u[z - 1] == 0x09 { z -= 1 }
                        if a == z { continue }
                        func text(_ lo: Int, _ hi: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: u[lo..<hi]), as: UTF8.self) }
                        guard let colon = (a..<z).first(where: { u[$0] == 0x3A }) else {
                            sayLink("links: malformed link '\(text(a, z))'; expected relation:target_id, e.g. responds_to:\(idRef.isEmpty ? "some-event" : idText())"); valid = false
                            continue
                        }
                        let ra = a, tz = z
                        var rz = colon, ta = colon + 1
                        while rz > ra, u[rz - 1] == 0x20 || u[rz - 1] == 0x09 { rz -= 1 }
                        while ta < tz, u[ta] == 0x20 || u[ta] == 0x09 { ta += 1 }
                        guard let r = ByteLookup.relations.find(UnsafeBufferPointer(rebasing: u[ra..<rz])) else {
                            sayLink("links: unknown relation '\(text(ra, rz))'; expected one of: \(Relation.allowedList)"); valid = false
                            continue
                        }
                        if ta == tz { sayLink("links: link '\(text(a, z))' names no target event"); valid = false; continue }
                        let target = UnsafeBufferPointer(rebasing: u[ta..<tz])
                        if withBytes(idRef, { $0.elementsEqual(target) }) { sayLink("links: event '\(idText())' links to itself"); valid = false; continue }
                        links.append(PendingLink(event: index, relation: Relation.allCases[r],
                                                 target: TextRef(start: UInt32(base + ta), count: UInt32(tz - ta) | flag),
                                                 line: f.line, lineStart: f.lineStart, offset: f.rawStart))
                    }
                }
                if f.hasEscapes {
                    let cell = ref(c)
                    let start = Int(cell.start)
                    withBytes(cell) { parse($0, base: start, flag: TextRef.decodedBit) }
                } else {
                    parse(rec.slice(c), base: f.start, flag: 0)
                }
            }
            guard valid, let written, let precision, let kind, jurisdiction >= 0 || jIndex == nil else { return }
            pending += links
            if let c = cLinks {
                let f = rec.fields[c]
                linkLine.append(f.line); linkLineStart.append(f.lineStart); linkOffset.append(f.rawStart)
            } else {
                linkLine.append(rec.line); linkLineStart.append(0); linkOffset.append(-1)
            }
            if row >= 0 { rowEvent[row] = events.count }
            if row >= 0 { rowEvent[row] = events.count }
            events.append(Event(
                date: EventDate(written: written, precision: precision), endDate: endDate,
                kind: kind, jurisdiction: max(jurisdiction, 0), count: count, status: status, links: [],
                sourceDate: sourceDate, extras: extras.map { $0 < rec.count ? rec.string($0) : "" }, line: rec.line,
                text: store,
                refs: EventTextRefs(id: idRef, title: ref(cTitle), actors: ref(cActors), place: ref(cPlace), unit: ref(cUnit),
                                    sourceURL: ref(cURL, trim: true), quote: ref(cQuote), notes: ref(cNotes)),
                sourceIndex: sourceIndex))
        }, header: { extraNames = $0 })
        store.seal(decoded: decoded, sources: sources.keys.map { String(decoding: $0, as: UTF8.self) })
        diags += table.diagnostics
        guard ok else { return (events, extraNames, ids, rowLine.count) }

        // Resolve links: ids that failed validation still count as known, so one bad row
        // does not set off a cascade of "unknown event" messages.
        // The last one remembered: the links of one cell share their column.
        var last = (lineStart: -1, offset: -1, column: 1)
        func column(_ lineStart: Int, _ offset: Int) -> Int {
            if offset < 0 { return 1 }
            if last.lineStart == lineStart && last.offset == offset { return last.column }
            let col = data.withUnsafeBufferPointer { CSVReader.column(in: $0, lineStart: lineStart, offset: offset) }
            last = (lineStart, offset, col)
            return col
        }
        for l in pending {
            let found = store.withUTF8(l.target) { b in ids.find(b) { n in store.withUTF8(rowID[n]) { $0.elementsEqual(b) } } }
            if let r = found {
                let t = rowEvent[r]
                if t >= 0, !events[l.event].links.contains(Link(relation: l.relation, target: t)) {
                    events[l.event].links.append(Link(relation: l.relation, target: t))
                }
            } else {
                diags.append(Diagnostic(file: file, line: l.line, column: column(l.lineStart, l.offset), message: "links: link to unknown event '\(store.string(l.target))'"))
            }
        }
        // Order: an effect must not be dated before its cause in every reading of the dates.
        for k in events.indices {
            for l in events[k].links where l.relation.isCausal {
                if let earliest = events[l.target].date.earliest, events[k].date.latest < earliest {
                    let e = events[k], cause = events[l.target]
                    diags.append(Diagnostic(file: file, line: linkLine[k], column: column(linkLineStart[k], linkOffset[k]), message:
                        "links: '\(e.id)' (\(e.date.written.text)) is dated before '\(cause.id)' (\(cause.date.written.text)), which it \(l.relation.verb)"))
                }
            }
        }
        let graph = EventGraph(events: events)
        for cycle in graph.cycles() {
            guard let first = cycle.first else { continue }
            let names = (cycle + [first]).map { events[$0].id }
            diags.append(Diagnostic(file: file, line: linkLine[first], column: column(linkLineStart[first], linkOffset[first]), message:
                "links: cycle: \(names.joined(separator: " -> "))"))
        }
        return (events, extraNames, ids, rowLine.count)
    }

    static func dateMessage(_ column: String, _ raw: String, _ p: WrittenDate.Problem) -> String {
        switch p {
        case .malformed: return "\(column): malformed date '\(raw)'; expected YYYY-MM-DD, YYYY-MM or YYYY"
        case .impossible: return "\(column): impossible date '\(raw)'; no such day in the calendar"
        }
    }

    /// Allowed ids for a message: all of them when few, else the first and a count.
    static func listing(_ ids: [String]) -> String {
        if ids.count <= 12 { return ids.joined(separator: ", ") }
        return ids.prefix(12).joined(separator: ", ") + ", … (\(ids.count) in all)"
    }
}

extension Relation {
    /// The verb for messages: "'x' … before 'y', which it reports".
    var verb: String {
        switch self {
        case .respondsTo: return "responds to"
        case .followsUp: return "follows up"
        case .implements: return "implements"
        case .reports: return "reports"
        case .decides: return "decides"
        case .sanctions: return "sanctions"
        case .partOf: return "is part of"
        }
    }
}
