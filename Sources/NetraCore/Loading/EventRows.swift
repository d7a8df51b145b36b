extension DatasetLoader {
    /// The rows of `events.csv` read so far: the events, their ids and their pending links.
    /// A file read on two cores has one of these per part, joined by `append`.
    struct EventRows: Sendable {
        let file: String
        let store: TextStore
        let jLookup: ByteLookup?
        let jurisdictionIDs: String
        /// The jurisdictions' ids, for the nearest one to a mistyped id.
        let jurisdictionList: [String]
        /// Other names accepted for kinds and statuses (the Indonesian ones on Netra's charts).
        let names: VocabularyNames
        /// Nearest-name searches made so far (`Suggestions.budget`).
        var suggested = 0
        var events: EventTable
        var pending: [PendingLink] = []
        // One index for both jobs: duplicate ids (row -> first line) and link targets
        // (row -> event, -1 when the row failed).
        var ids: IDTable
        /// Whether each row's id is entered as it is read (reporting a repeat at once). A part
        /// of a file read on two cores leaves it to `append`, which builds one table for all.
        let entersIDs: Bool
        var rowID: [TextRef] = []
        var rowLine: [Int] = []
        var rowEvent: [Int] = []
        // Where each event's links cell starts, for graph messages (offset -1: column 1).
        var linkLine: [Int] = [], linkLineStart: [Int] = [], linkOffset: [Int] = []
        // Text cells point into the file's bytes (offsets fit in 32 bits); only cells with
        // doubled quotes are copied, undone, into `decoded`.
        var decoded: [UInt8] = []
        var sources = ByteInterner()

        init(file: String, store: TextStore, jLookup: ByteLookup?, jurisdictionIDs: String, jurisdictionList: [String] = [],
             names: VocabularyNames = .canonical, rows: Int, events room: Int, entersIDs: Bool = true) {
            self.file = file
            self.jurisdictionList = jurisdictionList
            self.names = names
            self.entersIDs = entersIDs
            self.store = store
            self.jLookup = jLookup
            self.jurisdictionIDs = jurisdictionIDs
            ids = IDTable(capacity: entersIDs ? rows : 0)
            // Room reserved but not yet written costs no memory; growing would copy.
            events = EventTable(text: store, capacity: room)
            for list in [\Self.rowLine, \.rowEvent, \.linkLine, \.linkLineStart, \.linkOffset] { self[keyPath: list].reserveCapacity(room) }
            rowID.reserveCapacity(room)
            pending.reserveCapacity(room)
        }

        /// Enters row `fresh`'s id; returns the row that had it first, if one did.
        mutating func claim(_ id: TextRef, row fresh: Int, in file: [UInt8]) -> Int? {
            // The table is taken out while it is probed, as the probe reads the other rows' ids.
            var table = IDTable.placeholder
            swap(&table, &ids)
            defer { swap(&table, &ids) }
            let fileSpan = file.span, decodedSpan = decoded.span
            return table.insert((id.isDecoded ? decodedSpan : fileSpan).extracting(id.range), fresh,
                                file: fileSpan, decoded: decodedSpan) { rowID[$0] }
        }

        /// Reads one row; what is wrong with it goes to `sink`.
        mutating func add(_ rec: CSVRecord, _ col: ColumnPositions, _ extras: [Int], _ sink: inout [Diagnostic]) {
            func say(_ i: Int, _ m: Said) { let p = rec.position(i); sink.append(Diagnostic(file: file, line: p.line, column: p.column, said: m)) }
            func say(_ i: Int, _ en: String, _ id: String) { say(i, Said(en: en, id: id)) }
            // Each schema column's field in this row; one exhaustive switch, so that a new
            // column does not build until the loader reads it.
            var cId: Int?, cDate: Int?, cPrec: Int?, cKind: Int?, cJur: Int?, cTitle: Int?, cSource: Int?
            var cEnd: Int?, cActors: Int?, cPlace: Int?, cCount: Int?, cUnit: Int?, cStatus: Int?
            var cTitleEN: Int?, cLinks: Int?, cURL: Int?, cSDate: Int?, cKnown: Int?, cQuote: Int?, cNotes: Int?
            for column in EventColumn.schema {
                let at = rec.has(col[column])
                switch column {
                case .id: cId = at
                case .date: cDate = at
                case .precision: cPrec = at
                case .endDate: cEnd = at
                case .kind: cKind = at
                case .jurisdiction: cJur = at
                case .title: cTitle = at
                case .titleEN: cTitleEN = at
                case .actors: cActors = at
                case .place: cPlace = at
                case .count: cCount = at
                case .unit: cUnit = at
                case .status: cStatus = at
                case .links: cLinks = at
                case .source: cSource = at
                case .sourceURL: cURL = at
                case .sourceDate: cSDate = at
                case .knownDate: cKnown = at
                case .quote: cQuote = at
                case .notes: cNotes = at
                }
            }
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
                    let plain = f.rawStart == f.start && rec.delimiter == 0x2C ? TextRef.plainBit : 0
                    return lo == hi ? .empty : TextRef(start: UInt32(lo), count: UInt32(hi - lo) | plain)
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
            func bytes(_ r: TextRef) -> ArraySlice<UInt8> { r.bytes(file: rec.bytes, decoded: decoded) }
            var valid = true
            var idRef = TextRef.empty
            var row = -1
            if let c = cId {
                idRef = ref(c, trim: true)
                if idRef.isEmpty { say(c, "id: missing id", "id: id kosong"); valid = false }
                else if let why = Slug.said(bytes(idRef)) { say(c, why.after(Said("id: "))); valid = false }
                else {
                    // One probe: the entry is made if new, else it names the first row.
                    let fresh = rowLine.count
                    if entersIDs, let first = claim(idRef, row: fresh, in: rec.bytes) {
                        let dup = String(decoding: bytes(idRef), as: UTF8.self)
                        say(c, "id: duplicate id '\(dup)' (first on line \(rowLine[first]))", "id: id '\(dup)' ganda (pertama di baris \(rowLine[first]))"); valid = false
                    } else { row = fresh; rowLine.append(rec.line); rowEvent.append(-1); rowID.append(idRef) }
                }
            } else { valid = false }
            func idText() -> String { String(decoding: bytes(idRef), as: UTF8.self) }

            var written: WrittenDate?
            if let c = cDate {
                let raw = rec.trimmed(c)
                if raw.isEmpty { say(c, "date: missing date; expected YYYY-MM-DD, YYYY-MM or YYYY", "date: tanggal kosong; tulis YYYY-MM-DD, YYYY-MM atau YYYY"); valid = false }
                else {
                    switch WrittenDate.parse(raw) {
                    case .success(let w): written = w
                    case .failure(let p): say(c, dateSaid("date", rec.trimmedString(c), p)); valid = false
                    }
                }
            }
            var precision: Precision?
            if let c = cPrec {
                let raw = rec.trimmed(c)
                if raw.isEmpty {
                    if let w = written { precision = w.form == .day ? .day : (w.form == .month ? .month : .year) }
                } else if let pi = ByteLookup.precisions.find(raw) {
                    let p = Vocabularies.precisions[pi]
                    precision = p
                    if let w = written {
                        switch (p, w.form) {
                        case (.day, .day), (.month, .month), (.year, .year), (.onOrBefore, _): break
                        case (.day, _): say(c, "precision: 'day' needs a full date YYYY-MM-DD, but the date is '\(w.text)'", "precision: 'day' memerlukan tanggal lengkap YYYY-MM-DD, padahal tanggalnya '\(w.text)'"); valid = false
                        case (.month, _): say(c, "precision: 'month' needs a date YYYY-MM, but the date is '\(w.text)'", "precision: 'month' memerlukan tanggal YYYY-MM, padahal tanggalnya '\(w.text)'"); valid = false
                        case (.year, _): say(c, "precision: 'year' needs a date YYYY, but the date is '\(w.text)'", "precision: 'year' memerlukan tanggal YYYY, padahal tanggalnya '\(w.text)'"); valid = false
                        }
                    }
                } else {
                    let t = rec.trimmedString(c), near = Suggestions.didYouMean(t, among: Vocabularies.precisions.map(\.rawValue), spent: &suggested)
                    say(c, "precision: unknown precision '\(t)'\(near.en); expected one of: \(Precision.allowedList)",
                        "precision: ketelitian '\(t)' tidak dikenal\(near.id); pilihan: \(Precision.allowedList)"); valid = false
                }
            }
            var endDate: Day?
            if let c = cEnd, !rec.isBlank(c) {
                switch WrittenDate.parse(rec.trimmed(c)) {
                case .success(let w):
                    endDate = w.last
                    if let s = written, w.last < s.anchor {
                        say(c, "end_date: the span ends (\(w.text)) before it starts (\(s.text))", "end_date: rentang berakhir (\(w.text)) sebelum dimulai (\(s.text))"); valid = false
                    }
                case .failure(let p): say(c, dateSaid("end_date", rec.trimmedString(c), p)); valid = false
                }
            }
            var kind: EventKind?
            if let c = cKind {
                if let k = ByteLookup.kinds.find(rec.trimmed(c)) { kind = Vocabularies.kinds[k] }
                else if rec.isBlank(c) { say(c, "kind: missing kind; expected one of: \(EventKind.allowedList)", "kind: jenis kosong; pilihan: \(EventKind.allowedList)"); valid = false }
                else if let k = names.kind(rec.trimmedString(c)) { kind = k }
                else {
                    let t = rec.trimmedString(c), near = Suggestions.didYouMean(t, among: Vocabularies.kinds.map(\.rawValue), spent: &suggested)
                    say(c, "kind: unknown kind '\(t)'\(near.en); expected one of: \(EventKind.allowedList)",
                        "kind: jenis '\(t)' tidak dikenal\(near.id); pilihan: \(EventKind.allowedList)"); valid = false
                }
            }
            var jurisdiction = -1
            if let c = cJur, jLookup != nil {
                // The jurisdiction id looked up by its bytes, with no String made per row.
                if let j = jLookup?.find(rec.trimmed(c)) { jurisdiction = j }
                else if rec.isBlank(c) { say(c, "jurisdiction: missing jurisdiction; expected one of: \(jurisdictionIDs)", "jurisdiction: wilayah kosong; pilihan: \(jurisdictionIDs)"); valid = false }
                else {
                    let t = rec.trimmedString(c), near = Suggestions.didYouMean(t, among: jurisdictionList, spent: &suggested)
                    say(c, "jurisdiction: unknown jurisdiction '\(t)'\(near.en); expected one of: \(jurisdictionIDs)",
                        "jurisdiction: wilayah '\(t)' tidak dikenal\(near.id); pilihan: \(jurisdictionIDs)"); valid = false
                }
            }
            var count: Int?
            if let c = cCount, !rec.isBlank(c) {
                let raw = rec.trimmed(c)
                if let v = parseDigits(raw), v <= CSVLimits.maxCount { count = v }
                else if !raw.isEmpty, raw.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                    say(c, "count: \(rec.trimmedString(c)) is more than the limit of \(CSVLimits.maxCount); no body counts more people or cases, and sums must stay exact",
                        "count: \(rec.trimmedString(c)) melebihi batas \(CSVLimits.maxCount); tidak ada lembaga yang menghitung orang atau kasus sebanyak itu, dan jumlahnya harus tetap tepat"); valid = false
                } else if raw.first == 0x2D, raw.count > 1, parseDigits(raw.dropFirst()) != nil {
                    say(c, "count: negative count '\(rec.trimmedString(c))'; a count is a whole number, 0 or more",
                        "count: jumlah negatif '\(rec.trimmedString(c))'; jumlah adalah bilangan bulat, 0 atau lebih"); valid = false
                } else {
                    let t = rec.trimmedString(c)
                    if let meant = thousands(t) {
                        say(c, "count: '\(t)' is not a whole number; if \(meant) was meant (typed with a dot for thousands, which a spreadsheet read as a decimal point), write \(meant): digits only, with no separators",
                            "count: '\(t)' bukan bilangan bulat; jika yang dimaksud \(meant) (diketik dengan titik pemisah ribuan, yang dibaca program lembar kerja sebagai koma desimal), tulis \(meant): angka saja, tanpa pemisah")
                    } else {
                        say(c, "count: '\(t)' is not a whole number; write digits only, with no separators",
                            "count: '\(t)' bukan bilangan bulat; tulis angka saja, tanpa pemisah")
                    }
                    valid = false
                }
            }
            var status: CaseStatus?
            if let c = cStatus, !rec.isBlank(c) {
                if let s = ByteLookup.statuses.find(rec.trimmed(c)) { status = Vocabularies.statuses[s] }
                else if let s = names.status(rec.trimmedString(c)) { status = s }
                else {
                    let t = rec.trimmedString(c), near = Suggestions.didYouMean(t, among: Vocabularies.statuses.map(\.rawValue), spent: &suggested)
                    say(c, "status: unknown status '\(t)'\(near.en); expected one of: \(CaseStatus.allowedList)",
                        "status: status '\(t)' tidak dikenal\(near.id); pilihan: \(CaseStatus.allowedList)"); valid = false
                }
            }
            // Title is required (datasets/README.md): an event without one has nothing to show.
            if let c = cTitle {
                if rec.isBlank(c) { say(c, "title: missing title; every event has a short title from the article's own words", "title: judul kosong; setiap peristiwa punya judul singkat dari kata-kata beritanya sendiri"); valid = false }
            }
            var sourceIndex = 0
            if let c = cSource {
                if rec.isBlank(c) { say(c, "source: missing source; every event names the outlet it comes from", "source: sumber kosong; setiap peristiwa menyebut media asalnya"); valid = false }
                else if rec.fields[c].hasEscapes { sourceIndex = sources.intern(ArraySlice(rec.string(c).utf8)) }
                else { sourceIndex = sources.intern(rec.slice(c)) }
            }
            var sourceDate: Day?
            if let c = cSDate, !rec.isBlank(c) {
                switch WrittenDate.parse(rec.trimmed(c)) {
                case .success(let w): sourceDate = w.anchor
                    if w.form != .day { say(c, "source_date: the publication date needs the day, YYYY-MM-DD; got '\(w.text)'", "source_date: tanggal terbit memerlukan harinya, YYYY-MM-DD; tertulis '\(w.text)'"); valid = false }
                case .failure(let p): say(c, dateSaid("source_date", rec.trimmedString(c), p)); valid = false
                }
            }
            var knownDate: Day?
            if let c = cKnown, !rec.isBlank(c) {
                switch WrittenDate.parse(rec.trimmed(c)) {
                case .success(let w): knownDate = w.anchor
                    if w.form != .day { say(c, "known_date: the first day the event was public needs the day, YYYY-MM-DD; got '\(w.text)'", "known_date: hari pertama peristiwa diketahui publik memerlukan harinya, YYYY-MM-DD; tertulis '\(w.text)'"); valid = false }
                    else if let written, let precision, let earliest = EventDate(written: written, precision: precision).earliest, w.anchor < earliest {
                        say(c, "known_date: \(w.text) is before the event's date \(written.text); an event is public only once it has happened",
                            "known_date: \(w.text) lebih awal dari tanggal peristiwa \(written.text); peristiwa baru diketahui publik setelah terjadi")
                        valid = false
                    }
                case .failure(let p): say(c, dateSaid("known_date", rec.trimmedString(c), p)); valid = false
                }
            }
            // Links are resolved once every id is known.
            let index = events.count
            // Straight into `pending`, taken back if the row turns out invalid: no array per row.
            let pendingBefore = pending.count
            if let c = cLinks, !rec.isBlank(c) {
                let f = rec.fields[c]
                // The cell's position, found once for all its messages (it may hold thousands).
                var at: (line: Int, column: Int)?
                func sayLink(_ en: String, _ id: String) {
                    let p = at ?? rec.position(c)
                    at = p
                    sink.append(Diagnostic(file: file, line: p.line, column: p.column, said: Said(en: en, id: id)))
                }
                // `relation:target; …` read from the cell's bytes (offsets are the file's, or
                // `decoded`'s when `flag` says so); targets kept as refs.
                func parse(_ u: ArraySlice<UInt8>, flag: UInt32) {
                    var i = u.startIndex
                    while i <= u.endIndex {
                        var j = i
                        while j < u.endIndex && u[j] != 0x3B { j += 1 }
                        var a = i, z = j
                        i = j + 1
                        while a < z, u[a] == 0x20 || u[a] == 0x09 { a += 1 }
                        while z > a, u[z - 1] == 0x20 || u[z - 1] == 0x09 { z -= 1 }
                        if a == z { continue }
                        func text(_ lo: Int, _ hi: Int) -> String { String(decoding: u[lo..<hi], as: UTF8.self) }
                        guard let colon = (a..<z).first(where: { u[$0] == 0x3A }) else {
                            let e = idRef.isEmpty ? "some-event" : idText()
                            sayLink("links: malformed link '\(text(a, z))'; expected relation:target_id, e.g. responds_to:\(e)",
                                    "links: tautan '\(text(a, z))' tidak berbentuk relasi:id_sasaran, misalnya responds_to:\(e)"); valid = false
                            continue
                        }
                        let ra = a, tz = z
                        var rz = colon, ta = colon + 1
                        while rz > ra, u[rz - 1] == 0x20 || u[rz - 1] == 0x09 { rz -= 1 }
                        while ta < tz, u[ta] == 0x20 || u[ta] == 0x09 { ta += 1 }
                        guard let r = ByteLookup.relations.find(u[ra..<rz]) else {
                            let near = Suggestions.didYouMean(text(ra, rz), among: Vocabularies.relations.map(\.rawValue), spent: &suggested)
                            sayLink("links: unknown relation '\(text(ra, rz))'\(near.en); expected one of: \(Relation.allowedList)",
                                    "links: relasi '\(text(ra, rz))' tidak dikenal\(near.id); pilihan: \(Relation.allowedList)"); valid = false
                            continue
                        }
                        if ta == tz { sayLink("links: link '\(text(a, z))' names no target event", "links: tautan '\(text(a, z))' tidak menyebut peristiwa sasaran"); valid = false; continue }
                        if bytes(idRef) == u[ta..<tz] { sayLink("links: event '\(idText())' links to itself", "links: peristiwa '\(idText())' bertaut ke dirinya sendiri"); valid = false; continue }
                        pending.append(PendingLink(event: index, relation: Vocabularies.relations[r],
                                                 target: TextRef(start: UInt32(ta), count: UInt32(tz - ta) | flag),
                                                 line: f.line, lineStart: f.lineStart, offset: f.rawStart))
                    }
                }
                if f.hasEscapes {
                    parse(bytes(ref(c)), flag: TextRef.decodedBit)
                } else {
                    parse(rec.slice(c), flag: 0)
                }
            }
            guard valid, let written, let precision, let kind, jurisdiction >= 0 || jLookup == nil else {
                pending.removeSubrange(pendingBefore...)
                return
            }
            if let c = cLinks {
                let f = rec.fields[c]
                linkLine.append(f.line); linkLineStart.append(f.lineStart); linkOffset.append(f.rawStart)
            } else {
                linkLine.append(rec.line); linkLineStart.append(0); linkOffset.append(-1)
            }
            if row >= 0 { rowEvent[row] = events.count }
            events.append(
                date: EventDate(written: written, precision: precision), endDate: endDate,
                kind: kind, jurisdiction: JurisdictionIndex(max(jurisdiction, 0)), count: count, status: status, links: [],
                sourceDate: sourceDate, knownDate: knownDate, extras: extras.map { $0 < rec.count ? rec.string($0) : "" }, line: rec.line,
                refs: EventTextRefs(id: idRef, title: ref(cTitle), titleEN: ref(cTitleEN), actors: ref(cActors), place: ref(cPlace), unit: ref(cUnit),
                                    sourceURL: ref(cURL, trim: true), quote: ref(cQuote), notes: ref(cNotes)),
                sourceIndex: sourceIndex)
        }
    }
}

/// The whole number `text` meant when a dot (or comma) for thousands was read as a decimal
/// point and trailing zeros dropped (`1.85` for 1.850: 1850); nil for anything else.
func thousands(_ text: String) -> Int? {
    let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
    guard parts.count == 2, (1...3).contains(parts[0].count), (1...3).contains(parts[1].count),
          parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), let whole = Int(parts[0]),
          let fraction = Int(parts[1] + String(repeating: "0", count: 3 - parts[1].count)) else { return nil }
    return whole * 1000 + fraction
}

/// The cases of each vocabulary, made once: `allCases` builds a new array each time it is asked.
enum Vocabularies {
    static let kinds = EventKind.allCases
    static let precisions = Precision.allCases
    static let statuses = CaseStatus.allCases
    static let relations = Relation.allCases
}
