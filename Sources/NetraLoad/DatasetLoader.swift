import NetraCore

/// Loads a dataset folder (`events.csv`, `jurisdictions.csv`, `elections.csv`, or the same
/// tables in workbooks: Workbook/DatasetSources.swift) into a checked `Dataset`, or reports
/// every problem in it at once.
public enum DatasetLoader {
    public static let eventsFile = "events.csv"
    public static let jurisdictionsFile = "jurisdictions.csv"
    public static let electionsFile = "elections.csv"

    /// Files at least this big are read on two cores.
    static let splitBytes = 1 << 20

    /// From what sizes loading uses two cores, or scans eight bytes at a time
    /// (CSVReader+Unsafe.swift); `.oneCore` never does either: it is the plain path.
    public struct LoadSpeed: Sendable {
        /// `events.csv` files at least this big are read on two cores.
        public var twoCoreBytes: Int
        /// At least this many links are resolved on two cores.
        public var twoCoreLinks: Int
        /// `events.csv` files at least this big are scanned eight bytes at a time.
        public var eightByteScanBytes: Int

        /// `eightByteScanBytes` is `twoCoreBytes` unless given.
        public init(twoCoreBytes: Int, twoCoreLinks: Int, eightByteScanBytes: Int? = nil) {
            self.twoCoreBytes = twoCoreBytes; self.twoCoreLinks = twoCoreLinks
            self.eightByteScanBytes = eightByteScanBytes ?? twoCoreBytes
        }

        public static let `default` = LoadSpeed(twoCoreBytes: DatasetLoader.splitBytes, twoCoreLinks: DatasetLoader.twoCoreLinks)
        public static let oneCore = LoadSpeed(twoCoreBytes: .max, twoCoreLinks: .max)
    }

    /// What every row of a file is read against: the file, its store and the jurisdictions.
    struct RowContext {
        let file: String
        let store: TextStore
        let jurisdictionIDs: String
        let jurisdictionList: [String]
        let jLookup: ByteLookup?
        let names: VocabularyNames
        let schema: EventSchema

        init(file: String, store: TextStore, jIndex: [String: Int]?, names: VocabularyNames = .canonical, schema: EventSchema = .standard) {
            self.file = file
            self.store = store
            self.names = names
            self.schema = schema
            jurisdictionList = jIndex.map { $0.keys.sorted() } ?? []
            jurisdictionIDs = listing(jurisdictionList)
            jLookup = jIndex.map { ByteLookup($0.map { ($0.key, $0.value) }) }
        }

        func rows(_ count: Int, room: Int, entersIDs: Bool = true) -> EventRows {
            EventRows(
                file: file, store: store, jLookup: jLookup, jurisdictionIDs: jurisdictionIDs, jurisdictionList: jurisdictionList,
                names: names, rows: count, events: room, entersIDs: entersIDs)
        }

        /// The added columns of the schema among a file's extra columns `extraNames`: where
        /// each is among them, and the column.
        func added(among extraNames: [String]) -> [(extra: Int, column: AddedColumn)] {
            schema.added.compactMap { c in extraNames.firstIndex(of: c.name).map { ($0, c) } }
        }
    }

    /// Loads the folder at `directory`; `names` are other names its kinds and statuses may
    /// be written with.
    public static func load(directory: String, names: VocabularyNames = .canonical) throws(DatasetError) -> Dataset {
        if !FileIO.exists(directory) {
            throw DatasetError([
                Diagnostic(
                    file: directory, line: 1, column: 1,
                    said: Said(
                        en: "no such dataset folder or workbook", id: "folder atau buku kerja dataset tidak ada"))
            ])
        }
        if !FileIO.isDirectory(directory) && !isWorkbookPath(directory) {
            throw DatasetError([
                Diagnostic(
                    file: directory, line: 1, column: 1,
                    said: Said(
                        en:
                            "is not a folder or a workbook (.xlsx); a dataset is a folder holding events.csv, jurisdictions.csv and elections.csv (or the same as workbooks), or one workbook with a sheet for each",
                        id:
                            "bukan folder atau buku kerja (.xlsx); dataset adalah folder berisi events.csv, jurisdictions.csv dan elections.csv (atau yang sama sebagai buku kerja), atau satu buku kerja dengan satu lembar untuk masing-masing"
                    ))
            ])
        }
        let base = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        // A folder with no table at all is told what was looked for, in one message.
        if FileIO.isDirectory(base) && tableFiles(in: base).isEmpty && sharedWorkbook(in: base) == nil {
            throw DatasetError([Diagnostic(file: directory, line: 1, column: 1, said: noTablesMessage(base))])
        }
        var found: [Diagnostic] = []
        let inputs = tableInputs(base, &found)
        func input(_ t: TableName) -> TableInput { inputs[t] ?? TableInput(label: base + "/" + t.csvFile, bytes: nil) }
        let j = input(.jurisdictions), el = input(.elections), ev = input(.events), st = inputs[.settings]
        do throws(DatasetError) {
            let d = try load(jurisdictions: j.pair, elections: el.pair, events: ev.pair, settings: st?.pair, name: displayName(base), names: names)
            // A cell the workbook could not read was left empty, which may have passed.
            if !found.isEmpty { throw DatasetError([]) }
            return d
        } catch {
            // A sheet's problems are told in its cells, `events.xlsx:events!B12`.
            let told = error.diagnostics.compactMap { d in
                ([j, el, ev] + (st.map { [$0] } ?? [])).first { $0.label == d.file }.map { $0.translate(d) } ?? d
            }
            throw DatasetError(found + told)
        }
    }

    /// Loads from bytes already in memory; a nil file counts as missing (already reported).
    /// `speed` says from what size the work goes on two cores (the result is the same; tests
    /// and the fuzzer compare the two).
    public static func load(
        jurisdictions: (String, [UInt8]?), elections: (String, [UInt8]?), events: (String, [UInt8]?),
        settings: (String, [UInt8]?)? = nil, name: String = "", speed: LoadSpeed = .default, names: VocabularyNames = .canonical,
        schema: EventSchema = .standard
    ) throws(DatasetError) -> Dataset {
        var diags: [Diagnostic] = []
        let (juris, jurisOK) = loadJurisdictions(jurisdictions, &diags)
        var jIndex: [String: Int] = [:]
        for (k, x) in juris.enumerated() where jIndex[x.id] == nil { jIndex[x.id] = k }
        let elects = loadElections(elections, jIndex: jurisOK ? jIndex : nil, &diags)
        let (evs, extras, ids, rows) = loadEvents(events, jIndex: jurisOK ? jIndex : nil, speed: speed, names: names, schema: schema, &diags)
        let chosen = settings.map { loadSettings($0, jIndex: jurisOK ? jIndex : nil, parents: juris.map { $0.parent?.raw }, &diags) }
        let hadFileProblem = jurisdictions.1 == nil || elections.1 == nil || events.1 == nil || (settings.map { $0.1 == nil } ?? false)
        if !diags.isEmpty || hadFileProblem { throw DatasetError(diags) }
        // Every row became an event, in order, so the loader's id index is the dataset's.
        var d =
            rows == evs.count
            ? Dataset(
                events: evs, jurisdictions: juris, elections: elects, extraEventColumns: extras,
                name: name, ids: EventIDs(table: ids, events: evs))
            : Dataset(events: evs, jurisdictions: juris, elections: elects, extraEventColumns: extras, name: name)
        d.settings = chosen ?? DatasetSettings()
        d.schema = schema
        return d
    }

    // MARK: jurisdictions.csv

    static func loadJurisdictions(_ input: (String, [UInt8]?), _ diags: inout [Diagnostic]) -> ([Jurisdiction], Bool) {
        guard let data = input.1 else { return ([], false) }
        var table = Table(file: input.0, bytes: data)
        var rows: [Jurisdiction] = []
        var parents: [(String, Int, Int)] = []  // parent id, line, column
        var kodes: [(line: Int, column: Int)?] = []  // where each row's kode cell is, when filled
        var seen: [String: Int] = [:]
        var extraNames: [String] = []
        let file = input.0
        let ok = table.read(
            required: JurisdictionColumn.requiredNames, optional: JurisdictionColumn.optionalNames,
            order: JurisdictionColumn.names,
            row: { rec, col, extraAt, sink in
                func say(_ i: Int, _ m: Said) { let p = rec.position(i); sink.append(Diagnostic(file: file, line: p.line, column: p.column, said: m)) }
                func say(_ i: Int, _ en: String, _ id: String) { say(i, Said(en: en, id: id)) }
                // A jurisdiction without a name would be a blank label on every chart.
                let noName = Said(
                    en: "name: missing name; every jurisdiction is named as its documents name it",
                    id: "name: nama kosong; setiap wilayah dinamai seperti dokumennya menamainya")
                guard let (id, name) = idAndName(rec, col, seen: &seen, noName: noName, say) else { return }
                var level = JurisdictionLevel.kota
                if let cl = rec.has(col[2]) {
                    let raw = rec.trimmedString(cl)
                    if let l = JurisdictionLevel(rawValue: raw) {
                        level = l
                    } else {
                        let near = Suggestions.didYouMean(raw, among: JurisdictionLevel.allCases.map(\.rawValue))
                        say(
                            cl, "level: unknown level '\(raw)'\(near.en); expected one of: \(JurisdictionLevel.allowedList)",
                            "level: tingkat '\(raw)' tidak dikenal\(near.id); pilihan: \(JurisdictionLevel.allowedList)")
                    }
                }
                let parentCol = rec.has(col[3])
                let parent = parentCol.map { rec.trimmedString($0) } ?? ""
                let pp = parentCol.map { rec.position($0) } ?? (line: rec.line, column: 1)
                parents.append((parent, pp.line, pp.column))
                let kodeCol = rec.has(col[4])
                let kode = kodeCol.map { rec.trimmedString($0) } ?? ""
                kodes.append(kode.isEmpty ? nil : kodeCol.map { rec.position($0) })
                rows.append(
                    Jurisdiction(
                        id: id, name: name.isEmpty ? id : name, level: level, parent: nil, line: rec.line,
                        kode: kode.isEmpty ? nil : kode,
                        extras: zip(extraNames, extraAt).map { ExtraCell(column: $0, value: $1 < rec.count ? rec.string($1) : "") }))
            }, header: { extraNames = $0 })
        diags += table.diagnostics
        guard ok else { return (rows, false) }
        var index: [String: Int] = [:]
        for (k, r) in rows.enumerated() { index[r.id] = k }
        let knownIDs = listing(rows.map(\.id))  // once, not per unknown parent
        let allIDs = rows.map(\.id)
        var suggested = 0
        for (k, p) in parents.enumerated() where !p.0.isEmpty {
            if let t = index[p.0] {
                if t == k {
                    diags.append(
                        Diagnostic(
                            file: file, line: p.1, column: p.2,
                            said: Said(en: "parent: '\(p.0)' is its own parent", id: "parent: '\(p.0)' menjadi induk dirinya sendiri")))
                } else {
                    rows[k].parent = JurisdictionIndex(t)
                }
            } else {
                let near = Suggestions.didYouMean(p.0, among: allIDs, spent: &suggested)
                diags.append(
                    Diagnostic(
                        file: file, line: p.1, column: p.2,
                        said: Said(
                            en: "parent: unknown jurisdiction '\(p.0)'\(near.en); expected one of: \(knownIDs)",
                            id: "parent: wilayah '\(p.0)' tidak dikenal\(near.id); pilihan: \(knownIDs)")))
            }
        }
        // A loop of parents would make roll-ups endless. Each row is walked once (a long
        // chain of parents must not take cubic time): 0 new, 1 on this walk, 2 done.
        var state = [UInt8](repeating: 0, count: rows.count)
        for k in rows.indices where state[k] == 0 {
            var path: [Int] = []
            var cur: Int? = k
            while let c = cur, state[c] == 0 { state[c] = 1; path.append(c); cur = rows[c].parent?.raw }
            if let c = cur, state[c] == 1, let at = path.firstIndex(of: c) {
                let loop = Array(path[at...])
                if let first = loop.min() {
                    let start = loop.firstIndex(of: first) ?? 0
                    let names = (loop[start...] + loop[..<start] + [first]).map { rows[$0].id }
                    let p = parents[first]
                    diags.append(
                        Diagnostic(
                            file: file, line: p.1, column: p.2,
                            said: Said(
                                en: "parent: cycle of parents: \(names.joined(separator: " -> "))",
                                id: "parent: induk berputar: \(names.joined(separator: " -> "))")))
                }
            }
            for p in path { state[p] = 2 }
        }
        diags += checkKodes(&rows, at: kodes, file: file)
        return (rows, true)
    }

    /// Each filled `kode` against the regions of Indonesia: a known code, of the shape the
    /// row's level has, inside its parent's province when the parent has a code too.
    /// A code a spreadsheet shortened (`32.1`, the number 32.10) is read as the code whose
    /// region has the row's name.
    static func checkKodes(_ rows: inout [Jurisdiction], at cells: [(line: Int, column: Int)?], file: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for k in rows.indices {
            if let kode = rows[k].kode, let full = Regions.unshortened(kode, name: rows[k].name) { rows[k].kode = full }
            let j = rows[k]
            guard let kode = j.kode, k < cells.count, let cell = cells[k] else { continue }
            func say(_ en: String, _ id: String) {
                out.append(Diagnostic(file: file, line: cell.line, column: cell.column, said: Said(en: "kode: " + en, id: "kode: " + id)))
            }
            if j.level == .nasional {
                say("a nasional jurisdiction has no Kemendagri code; leave kode empty", "wilayah nasional tidak punya kode Kemendagri; kosongkan kode");
                continue
            }
            guard let shape = Regions.shape(kode) else {
                say(
                    "'\(kode)' is not a Kemendagri code; expected NN for a province or NN.NN for a kabupaten/kota, e.g. 32.75",
                    "'\(kode)' bukan kode Kemendagri; tulis NN untuk provinsi atau NN.NN untuk kabupaten/kota, misalnya 32.75");
                continue
            }
            guard let region = Regions.region(kode: kode) else { say("unknown Kemendagri code '\(kode)'", "kode Kemendagri '\(kode)' tidak dikenal"); continue }
            if region.level != j.level {
                let what = shape == .province ? ("a province", "provinsi") : ("a \(region.level.rawValue)", region.level.rawValue)
                say(
                    "'\(kode)' is \(what.0) (\(region.name)), but level is '\(j.level.rawValue)'",
                    "'\(kode)' adalah \(what.1) (\(region.name)), padahal level '\(j.level.rawValue)'");
                continue
            }
            if let province = region.province, let p = j.parent?.raw, p < rows.count, let parentKode = rows[p].kode,
                parentKode != province
            {
                say(
                    "'\(kode)' lies in province \(province), but parent '\(rows[p].id)' has kode '\(parentKode)'",
                    "'\(kode)' terletak di provinsi \(province), padahal induknya '\(rows[p].id)' berkode '\(parentKode)'")
            }
        }
        return out
    }

    // MARK: elections.csv

    static func loadElections(_ input: (String, [UInt8]?), jIndex: [String: Int]?, _ diags: inout [Diagnostic]) -> [Election] {
        guard let data = input.1 else { return [] }
        var table = Table(file: input.0, bytes: data)
        var rows: [Election] = []
        var seen: [String: Int] = [:]
        let file = input.0
        let scopeList = jIndex.map { $0.keys.sorted() } ?? []
        let scopeIDs = listing(scopeList)  // once, not per unknown scope
        var suggested = 0
        var extraNames: [String] = []
        table.read(
            required: ["id", "name", "date", "scope"], optional: [],
            row: { rec, col, extraAt, sink in
                func say(_ i: Int, _ m: Said) { let p = rec.position(i); sink.append(Diagnostic(file: file, line: p.line, column: p.column, said: m)) }
                func say(_ i: Int, _ en: String, _ id: String) { say(i, Said(en: en, id: id)) }
                let noName = Said(
                    en: "name: missing name; every election is named as its law or KPU names it",
                    id: "name: nama kosong; setiap pemilu dinamai seperti undang-undang atau KPU menamainya")
                guard let (id, name) = idAndName(rec, col, seen: &seen, noName: noName, say) else { return }
                var day: Day?
                if let cd = rec.has(col[2]) {
                    let raw = rec.trimmed(cd)
                    switch WrittenDate.parse(raw) {
                    case .success(let w) where w.form == .day: day = w.anchor
                    case .success:
                        say(
                            cd, "date: an election date needs the day, YYYY-MM-DD; got '\(rec.trimmedString(cd))'",
                            "date: tanggal pemilu memerlukan harinya, YYYY-MM-DD; tertulis '\(rec.trimmedString(cd))'")
                    case .failure(let p): say(cd, dateSaid("date", rec.trimmedString(cd), p))
                    }
                }
                var scope = -1
                if let cs = rec.has(col[3]), let jIndex {
                    let raw = rec.trimmedString(cs)
                    if let s = jIndex[raw] {
                        scope = s
                    } else {
                        let near = Suggestions.didYouMean(raw, among: scopeList, spent: &suggested)
                        say(
                            cs, "scope: unknown jurisdiction '\(raw)'\(near.en); expected one of: \(scopeIDs)",
                            "scope: wilayah '\(raw)' tidak dikenal\(near.id); pilihan: \(scopeIDs)")
                    }
                }
                if let day, scope >= 0 {
                    rows.append(
                        Election(
                            id: id, name: name.isEmpty ? id : name, date: day, scope: JurisdictionIndex(scope), line: rec.line,
                            extras: zip(extraNames, extraAt).map { ExtraCell(column: $0, value: $1 < rec.count ? rec.string($1) : "") }))
                }
            }, header: { extraNames = $0 })
        diags += table.diagnostics
        return rows
    }

    // MARK: events.csv

    /// A link read from an event's links cell, resolved once every id is known. Where the
    /// cell is, for a message, is the event's (`EventRows.linkLine`…), not kept per link: a
    /// million links would hold 48 MB of positions.
    struct PendingLink {
        var event: UInt32
        /// The target id's bytes, in the file or in the decoded cells.
        var target: TextRef
        var relation: Relation

        init(event: UInt32, relation: Relation, target: TextRef) {
            self.event = event; self.relation = relation; self.target = target
        }
    }

    /// The events, the extra columns' names, the id table (row numbers) and the number of rows with an id.
    static func loadEvents(
        _ input: (String, [UInt8]?), jIndex: [String: Int]?, speed: LoadSpeed = .default,
        names: VocabularyNames = .canonical, schema: EventSchema = .standard,
        _ diags: inout [Diagnostic]
    ) -> (EventTable, [String], IDTable, Int) {
        guard let data = input.1 else { return (EventTable([]), [], IDTable(capacity: 0), 0) }
        let file = input.0
        var table = Table(file: file, bytes: data)
        if data.count > FileIO.maxInputBytes {
            diags.append(
                Diagnostic(
                    file: file, line: 1, column: 1,
                    said: Said(en: "the file is larger than 4 GiB; split the dataset", id: "berkas lebih besar dari 4 GiB; pecah datasetnya")))
            return (EventTable([]), [], IDTable(capacity: 0), 0)
        }
        let store = TextStore(file: data)
        let context = RowContext(file: file, store: store, jIndex: jIndex, names: names, schema: schema)
        var extraNames: [String] = []
        var ok = true
        // A big clean file may be read on two cores (FastPaths/, the same result); else, and
        // whenever anything is amiss, the file is read row by row, which reports every problem.
        let scan: CSVReader.Scan = data.count >= speed.eightByteScanBytes ? .eightBytes : .byteByByte
        var read = data.count >= speed.twoCoreBytes ? readOnTwoCores(&table, context, scan: scan, extraNames: &extraNames) : nil
        if read == nil {
            // Room for about as many rows as the file's size suggests (rows run ~300 bytes).
            var rows = context.rows(data.count / 300, room: data.count / 300)
            ok = table.read(
                required: EventColumn.requiredNames, optional: EventColumn.optionalNames, order: EventColumn.names,
                scan: scan,
                row: { rec, col, extras, sink in rows.add(rec, ColumnPositions(col), extras, &sink) },
                header: {
                    extraNames = $0; rows.added = context.added(among: $0)
                })
            read = rows
        }
        guard var r = read.take() else { return (EventTable(text: store), [], IDTable(capacity: 0), 0) }
        // Moved out, not copied: the links are filled in below.
        var events = EventTable(text: store)
        swap(&events, &r.events)
        events.seal(decoded: r.decoded, sources: r.sources.keys.map { String(decoding: $0, as: UTF8.self) })
        diags += table.diagnostics
        guard ok else { return (events, extraNames, r.ids, r.rowLine.count) }

        // Links: each target id looked up once every id is known. Ids that failed validation
        // still count as known, so one bad row does not set off "unknown event" messages.
        // Each event's links are stored as they are found, not gathered in a list first.
        if r.pending.count >= speed.twoCoreLinks {
            diags += resolveLinksOnTwoCores(r, file: file, data: data, into: &events)
        } else {
            diags += resolveLinks(r, file: file, data: data) { e, links in events.links[EventIndex(e)] = links }
        }
        // What only the links needed goes before the graph is checked (its peak is the load's).
        let rows = r.rowLine.count
        r.pending = []; r.rowID = []; r.rowTop = []; r.rowEvent = []; r.rowLine = []
        diags += checkOrder(events, r, file: file, data: data)
        return (events, extraNames, r.ids, rows)
    }

    /// Resolves `pending[range]` (whole events: the list is in event order), handing `found`
    /// each event that has links with its links; returns a message per unknown target.
    static func resolveLinks(
        _ r: EventRows, file: String, data: [UInt8], range: Range<Int>? = nil, _ found: (_ event: Int, [Link]) -> Void
    ) -> [Diagnostic] {
        let pending = r.pending
        let range = range ?? pending.indices
        var unknown: [Diagnostic] = []
        var columns = LinkColumns(data: data)
        // Taken out once: each lookup then holds no reference of its own (the two cores
        // resolving links at once would fight over them).
        let ids = r.ids, rowID = r.rowID, rowEvent = r.rowEvent
        var knownIDs: [String] = []
        // The rows' own decoded bytes: `r.store` holds the file alone (cells whose doubled
        // quotes were undone, ids and link targets among them, live in `r.decoded`).
        let fileBytes = r.store.file, decoded = r.decoded
        func string(_ ref: TextRef) -> String { ref.isEmpty ? "" : String(decoding: ref.bytes(file: fileBytes, decoded: decoded), as: UTF8.self) }
        let fileSpan = fileBytes.span, decodedSpan = decoded.span
        let linkLine = r.linkLine, linkLineStart = r.linkLineStart, linkOffset = r.linkOffset
        var k = range.lowerBound
        while k < range.upperBound {
            let e = pending[k].event
            var links: [Link] = []
            while k < range.upperBound && pending[k].event == e {
                let l = pending[k]
                k += 1
                let target = (l.target.isDecoded ? decodedSpan : fileSpan).extracting(l.target.range)
                guard let row = ids.find(target, file: fileSpan, decoded: decodedSpan, ref: { rowID[$0] }) else {
                    let t = string(l.target)
                    // The nearest id, asked for the first few unknowns of a dataset not too big to search.
                    var near = Said("")
                    if unknown.count < 50, rowID.count <= 20_000 {
                        if knownIDs.isEmpty { knownIDs = rowID.map(string) }
                        near = Suggestions.didYouMean(t, among: knownIDs)
                    }
                    let at = Int(e)
                    unknown.append(
                        Diagnostic(
                            file: file, line: Int(linkLine[at]), column: columns.at(linkLineStart[at], linkOffset[at]),
                            said: Said(
                                en: "links: link to unknown event '\(t)'\(near.en)",
                                id: "links: tautan ke peristiwa '\(t)' yang tidak dikenal\(near.id)")))
                    continue
                }
                let t = Int(rowEvent[row])
                if t >= 0, !links.contains(Link(relation: l.relation, target: EventIndex(t))) {
                    links.append(Link(relation: l.relation, target: EventIndex(t)))
                }
            }
            if !links.isEmpty { found(Int(e), links) }
        }
        return unknown
    }

    /// An effect must not be dated before its cause in every reading of the dates; the
    /// links must not make a cycle.
    static func checkOrder(_ events: EventTable, _ r: EventRows, file: String, data: [UInt8]) -> [Diagnostic] {
        var diags: [Diagnostic] = []
        var columns = LinkColumns(data: data)
        func at(_ k: EventIndex) -> (Int, Int) {
            (Int(r.linkLine[k.raw]), columns.at(r.linkLineStart[k.raw], r.linkOffset[k.raw]))
        }
        for k in events.indices {
            for l in events.links[k] where l.relation.isCausal {
                let date = events.dates[k], cause = events.dates[l.target]
                if let earliest = cause.earliest, date.latest < earliest {
                    let (line, column) = at(k)
                    diags.append(
                        Diagnostic(
                            file: file, line: line, column: column,
                            said: Said(
                                en:
                                    "links: '\(events.id(k))' (\(date.written.text)) is dated before '\(events.id(l.target))' (\(cause.written.text)), which it \(l.relation.verb)",
                                id:
                                    "links: '\(events.id(k))' (\(date.written.text)) bertanggal sebelum '\(events.id(l.target))' (\(cause.written.text)), yang \(l.relation.kata)"
                            )))
                }
            }
        }
        let graph = EventGraph(events: events)
        for cycle in graph.cycles() {
            guard let first = cycle.first else { continue }
            let names = (cycle + [first]).map { events.id($0) }
            let (line, column) = at(first)
            diags.append(
                Diagnostic(
                    file: file, line: line, column: column,
                    said: Said(en: "links: cycle: \(names.joined(separator: " -> "))", id: "links: tautan berputar: \(names.joined(separator: " -> "))")))
        }
        return diags
    }

    /// Columns of links cells, worked out only for a message. The last one is kept: the links
    /// of one cell, which may be thousands, share it.
    struct LinkColumns {
        let data: [UInt8]
        private var last = (lineStart: -1, offset: -1, column: 1)

        init(data: [UInt8]) { self.data = data }

        /// The column of `offset` on the line starting at `lineStart` (1 for `EventRows.noOffset`).
        mutating func at(_ lineStart: UInt32, _ offset: UInt32) -> Int {
            if offset == EventRows.noOffset { return 1 }
            let lineStart = Int(lineStart), offset = Int(offset)
            if last.lineStart == lineStart && last.offset == offset { return last.column }
            let col = CSVReader.column(in: data, lineStart: lineStart, offset: offset)
            last = (lineStart, offset, col)
            return col
        }
    }

    static func dateSaid(_ column: String, _ raw: String, _ p: WrittenDate.Problem) -> Said {
        switch p {
        case .malformed:
            // A date written the office way is refused with the form it would be.
            if let iso = Suggestions.isoDate(raw) {
                return Said(
                    en: "\(column): malformed date '\(raw)'; write it as \(iso) (YYYY-MM-DD, YYYY-MM or YYYY)",
                    id: "\(column): tanggal '\(raw)' tidak berbentuk baku; tulis \(iso) (YYYY-MM-DD, YYYY-MM atau YYYY)")
            }
            return Said(
                en: "\(column): malformed date '\(raw)'; expected YYYY-MM-DD, YYYY-MM or YYYY",
                id: "\(column): tanggal '\(raw)' tidak berbentuk baku; tulis YYYY-MM-DD, YYYY-MM atau YYYY")
        case .impossible:
            return Said(
                en: "\(column): impossible date '\(raw)'; no such day in the calendar",
                id: "\(column): tanggal '\(raw)' mustahil; hari itu tidak ada di kalender")
        }
    }

    /// A small table's row opens with its id and its name (jurisdictions, elections): the id
    /// checked and remembered in `seen`, a missing or blank name said with `noName`. The id and
    /// the name; nil when the row has no id cell or its id is refused.
    static func idAndName(
        _ rec: CSVRecord, _ col: [Int?], seen: inout [String: Int], noName: Said, _ say: (Int, Said) -> Void
    ) -> (id: String, name: String)? {
        guard let ci = rec.has(col[0]) else { return nil }
        let id = rec.trimmedString(ci)
        if let problem = idProblem(id, seen[id]) {
            say(ci, problem)
            return nil
        }
        seen[id] = rec.line
        let name = rec.has(col[1]).map { rec.string($0) } ?? ""
        if let cn = rec.has(col[1]), rec.isBlank(cn) { say(cn, noName) } else if rec.has(col[1]) == nil { say(ci, noName) }
        return (id, name)
    }

    /// What is wrong with a row's id (missing, not a slug, a repeat of the row on line
    /// `first`); nil when it is fine.
    static func idProblem(_ id: String, _ first: Int?) -> Said? {
        if id.isEmpty { return Said(en: "id: missing id", id: "id: id kosong") }
        if let why = Slug.said(id.utf8) { return why.after(Said("id: ")) }
        if let first { return Said(en: "id: duplicate id '\(id)' (first on line \(first))", id: "id: id '\(id)' ganda (pertama di baris \(first))") }
        return nil
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

    /// The same in Bahasa Indonesia: "… yang ditanggapinya".
    var kata: String {
        switch self {
        case .respondsTo: return "ditanggapinya"
        case .followsUp: return "ditindaklanjutinya"
        case .implements: return "dilaksanakannya"
        case .reports: return "dilaporkannya"
        case .decides: return "diputuskannya"
        case .sanctions: return "disanksinya"
        case .partOf: return "menjadi induknya"
        }
    }
}
