import NetraCore

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
        // Row and event bookkeeping in 32 bits: a file is at most `FileIO.maxInputBytes`
        // (checked before reading), so its lines and offsets are under 2^32 and its rows, each
        // at least a byte and a line end, under 2^31.
        var rowID: [TextRef] = []
        /// Each row's id's hash (`IDTable.top`) when the ids are not entered as they are read.
        var rowTop: [UInt32] = []
        var rowLine: [UInt32] = []
        /// Each row's event, -1 when the row failed.
        var rowEvent: [Int32] = []
        // Where each event's links cell starts, for messages (offset `noOffset`: column 1).
        var linkLine: [UInt32] = [], linkLineStart: [UInt32] = [], linkOffset: [UInt32] = []
        // Text cells point into the file's bytes (offsets fit in 32 bits); only cells with
        // doubled quotes are copied, undone, into `decoded`.
        var decoded: [UInt8] = []
        var sources = ByteInterner()
        /// The schema's added columns in this file: where each is among its extra columns.
        var added: [(extra: Int, column: AddedColumn)] = []

        init(
            file: String, store: TextStore, jLookup: ByteLookup?, jurisdictionIDs: String, jurisdictionList: [String] = [],
            names: VocabularyNames = .canonical, rows: Int, events room: Int, entersIDs: Bool = true
        ) {
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
            for list in [\Self.rowLine, \.linkLine, \.linkLineStart, \.linkOffset] { self[keyPath: list].reserveCapacity(room) }
            rowEvent.reserveCapacity(room)
            rowID.reserveCapacity(room)
            if !entersIDs { rowTop.reserveCapacity(room) }
            pending.reserveCapacity(room)
        }

        /// Enters row `fresh`'s id; returns the row that had it first, if one did.
        mutating func claim(_ id: TextRef, row fresh: Int, in file: [UInt8]) -> Int? {
            // The table is taken out while it is probed, as the probe reads the other rows' ids.
            var table = IDTable.placeholder
            swap(&table, &ids)
            defer { swap(&table, &ids) }
            let fileSpan = file.span, decodedSpan = decoded.span
            return table.insert(
                (id.isDecoded ? decodedSpan : fileSpan).extracting(id.range), fresh,
                file: fileSpan, decoded: decodedSpan
            ) { rowID[$0] }
        }

        /// A row being read: what the rules of the columns read so far have found. A rule
        /// reads only the columns before its own in the schema (`precision` the date,
        /// `links` the id, …). The record and its column positions are handed to each rule,
        /// borrowed, not kept here: kept, they were retained and released for every rule of
        /// every row, by both cores at once on the same file.
        struct Reading {
            /// Where the row's links start in `pending` (taken back if the row fails).
            let pendingBefore: Int
            var valid = true
            var found: [Diagnostic] = []
            var idRef = TextRef.empty
            /// The row's number among the rows with an id, -1 for none.
            var row = -1
            var written: WrittenDate?
            var precision: Precision?
            var endDate: Day?
            var kind: EventKind?
            var jurisdiction = -1
            var count: Int?
            var status: CaseStatus?
            var source = 0
            var sourceDate: Day?
            var knownDate: Day?

            init(pendingBefore: Int) { self.pendingBefore = pendingBefore }
        }

        /// Reads one row; what is wrong with it goes to `sink`.
        mutating func add(_ rec: CSVRecord, _ col: ColumnPositions, _ extras: [Int], _ sink: inout [Diagnostic]) {
            var r = Reading(pendingBefore: pending.count)
            for column in EventColumn.schema { read(column, rec, col, &r) }
            for (n, column) in added where extras[n] < rec.count && !rec.isBlank(extras[n]) {
                if let why = column.rule(rec.trimmedString(extras[n])) { say(&r, rec, extras[n], why.after(Said(column.name + ": "))) }
            }
            if !r.found.isEmpty { sink += r.found }
            guard r.valid, let written = r.written, let precision = r.precision, let kind = r.kind, r.jurisdiction >= 0 || jLookup == nil else {
                pending.removeSubrange(r.pendingBefore...)
                return
            }
            if let c = rec.has(col[.links]) {
                let f = rec.fields[c]
                linkLine.append(narrow(f.line)); linkLineStart.append(narrow(f.lineStart)); linkOffset.append(narrow(f.rawStart))
            } else {
                linkLine.append(narrow(rec.line)); linkLineStart.append(0); linkOffset.append(noOffset)
            }
            if r.row >= 0 { rowEvent[r.row] = Int32(clamping: events.count) }
            let text = EventTextRefs(
                id: r.idRef, title: textRef(.title, rec, col), titleEN: textRef(.titleEN, rec, col), actors: textRef(.actors, rec, col),
                place: textRef(.place, rec, col), unit: textRef(.unit, rec, col), sourceURL: textRef(.sourceURL, rec, col), quote: textRef(.quote, rec, col),
                notes: textRef(.notes, rec, col))
            events.append(
                EventRow(
                    date: EventDate(written: written, precision: precision), endDate: r.endDate, kind: kind,
                    jurisdiction: JurisdictionIndex(max(r.jurisdiction, 0)), count: r.count, status: r.status, links: [],
                    source: r.source, sourceDate: r.sourceDate, knownDate: r.knownDate,
                    text: text,
                    extras: extras.map { $0 < rec.count ? rec.string($0) : "" }, line: rec.line))
        }

        /// A text cell as written; an address, like the id, without the spaces around it.
        @inline(__always)
        mutating func textRef(_ f: EventText, _ rec: CSVRecord, _ col: ColumnPositions) -> TextRef {
            ref(rec, rec.has(col[f.column]), trim: Self.trims[f.rawValue])
        }

        /// Which text columns are trimmed (addresses), from the schema once.
        static let trims = EventText.allCases.map { $0.column.spec.type == .url }

        /// Column `column`'s rule: parse and check its cell of the row. Text cells with no
        /// rule are taken as written when the row is added.
        /// Every rule and helper here is `mutating`, even one that changes nothing: called
        /// from a mutating method, a non-mutating one is handed a copy of the whole loader
        /// (336 bytes, each reference in it retained and released), for every row and column.
        @inline(__always)
        mutating func read(_ column: EventColumn, _ rec: CSVRecord, _ col: ColumnPositions, _ r: inout Reading) {
            switch column {
            case .id: readID(rec, col, &r)
            case .date: readDate(rec, col, &r)
            case .precision: readPrecision(rec, col, &r)
            case .endDate: readEndDate(rec, col, &r)
            case .kind: readKind(rec, col, &r)
            case .jurisdiction: readJurisdiction(rec, col, &r)
            case .title: readTitle(rec, col, &r)
            case .titleEN, .actors, .place, .unit, .sourceURL, .quote, .notes: break
            case .count: readCount(rec, col, &r)
            case .status: readStatus(rec, col, &r)
            case .links: readLinks(rec, col, &r)
            case .source: readSource(rec, col, &r)
            case .sourceDate: readSourceDate(rec, col, &r)
            case .knownDate: readKnownDate(rec, col, &r)
            }
        }

        /// A problem with field `i` of the row, which then is not added.
        mutating func say(_ r: inout Reading, _ rec: CSVRecord, _ i: Int, _ m: Said) {
            let p = rec.position(i)
            r.found.append(Diagnostic(file: file, line: p.line, column: p.column, said: m))
            r.valid = false
        }

        mutating func say(_ r: inout Reading, _ rec: CSVRecord, _ i: Int, _ en: String, _ id: String) { say(&r, rec, i, Said(en: en, id: id)) }

        /// A cell as a span of the file, or of `decoded` when its doubled quotes are undone.
        mutating func ref(_ rec: CSVRecord, _ c: Int?, trim: Bool = false) -> TextRef {
            guard let c else { return .empty }
            let f = rec.fields[c], b = rec.bytes
            var lo = f.start, hi = f.end
            if !f.hasEscapes {
                if trim {
                    let t = rec.trimmedRange(c)
                    lo = t.lowerBound; hi = t.upperBound
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

        /// The bytes of a ref made by `ref`, before the store is sealed.
        mutating func bytes(_ r: TextRef, _ rec: CSVRecord) -> ArraySlice<UInt8> { r.bytes(file: rec.bytes, decoded: decoded) }

        /// The id table's hash of a ref made by `ref`, read in place.
        mutating func top(_ ref: TextRef, _ rec: CSVRecord) -> UInt32 {
            if ref.isDecoded { return IDTable.top(decoded.span.extracting(ref.range)) }
            return IDTable.top(rec.bytes.span.extracting(ref.range))
        }

        /// Whether a ref made by `ref` is a slug, read in place (no slice of the file).
        mutating func isSlug(_ ref: TextRef, _ rec: CSVRecord) -> Bool {
            if ref.isDecoded { return Slug.isSlug(decoded.span.extracting(ref.range)) }
            return Slug.isSlug(rec.bytes.span.extracting(ref.range))
        }

        mutating func idText(_ r: Reading, _ rec: CSVRecord) -> String { String(decoding: bytes(r.idRef, rec), as: UTF8.self) }

        mutating func readID(_ rec: CSVRecord, _ col: ColumnPositions, _ r: inout Reading) {
            guard let c = rec.has(col[.id]) else { r.valid = false; return }
            r.idRef = ref(rec, c, trim: true)
            if r.idRef.isEmpty {
                say(&r, rec, c, "id: missing id", "id: id kosong")
            } else if !isSlug(r.idRef, rec), let why = Slug.said(bytes(r.idRef, rec)) {
                say(&r, rec, c, why.after(Said("id: ")))
            } else {
                // One probe: the entry is made if new, else it names the first row.
                let fresh = rowLine.count
                if entersIDs, let first = claim(r.idRef, row: fresh, in: rec.bytes) {
                    let dup = idText(r, rec)
                    say(&r, rec, c, "id: duplicate id '\(dup)' (first on line \(rowLine[first]))", "id: id '\(dup)' ganda (pertama di baris \(rowLine[first]))")
                } else {
                    r.row = fresh; rowLine.append(narrow(rec.line)); rowEvent.append(-1); rowID.append(r.idRef)
                    // Hashed now, while its bytes are at hand, for the table `append` builds.
                    if !entersIDs { rowTop.append(top(r.idRef, rec)) }
                }
            }
        }

        mutating func readDate(_ rec: CSVRecord, _ col: ColumnPositions, _ r: inout Reading) {
            guard let c = rec.has(col[.date]) else { return }
            let raw = rec.trimmed(c)
            if raw.isEmpty {
                say(&r, rec, c, "date: missing date; expected YYYY-MM-DD, YYYY-MM or YYYY", "date: tanggal kosong; tulis YYYY-MM-DD, YYYY-MM atau YYYY")
            } else {
                switch WrittenDate.parse(raw) {
                case .success(let w): r.written = w
                case .failure(let p): say(&r, rec, c, dateSaid("date", rec.trimmedString(c), p))
                }
            }
        }

        mutating func readPrecision(_ rec: CSVRecord, _ col: ColumnPositions, _ r: inout Reading) {
            guard let c = rec.has(col[.precision]) else { return }
            let raw = rec.trimmedRange(c)
            if raw.isEmpty {
                if let w = r.written { r.precision = w.form == .day ? .day : (w.form == .month ? .month : .year) }
            } else if let pi = ByteLookup.precisions.find(rec.bytes.span.extracting(raw)) {
                let p = Vocabularies.precisions[pi]
                r.precision = p
                if let w = r.written {
                    switch (p, w.form) {
                    case (.day, .day), (.month, .month), (.year, .year), (.onOrBefore, _): break
                    case (.day, _):
                        say(
                            &r, rec, c, "precision: 'day' needs a full date YYYY-MM-DD, but the date is '\(w.text)'",
                            "precision: 'day' memerlukan tanggal lengkap YYYY-MM-DD, padahal tanggalnya '\(w.text)'")
                    case (.month, _):
                        say(
                            &r, rec, c, "precision: 'month' needs a date YYYY-MM, but the date is '\(w.text)'",
                            "precision: 'month' memerlukan tanggal YYYY-MM, padahal tanggalnya '\(w.text)'")
                    case (.year, _):
                        say(
                            &r, rec, c, "precision: 'year' needs a date YYYY, but the date is '\(w.text)'",
                            "precision: 'year' memerlukan tanggal YYYY, padahal tanggalnya '\(w.text)'")
                    }
                }
            } else {
                let t = rec.trimmedString(c), near = Suggestions.didYouMean(t, among: Vocabularies.precisions.map(\.rawValue), spent: &suggested)
                say(
                    &r, rec, c, "precision: unknown precision '\(t)'\(near.en); expected one of: \(Precision.allowedList)",
                    "precision: ketelitian '\(t)' tidak dikenal\(near.id); pilihan: \(Precision.allowedList)")
            }
        }

        mutating func readEndDate(_ rec: CSVRecord, _ col: ColumnPositions, _ r: inout Reading) {
            guard let c = rec.has(col[.endDate]), !rec.isBlank(c) else { return }
            switch WrittenDate.parse(rec.trimmed(c)) {
            case .success(let w):
                r.endDate = w.last
                if let s = r.written, w.last < s.anchor {
                    say(
                        &r, rec, c, "end_date: the span ends (\(w.text)) before it starts (\(s.text))",
                        "end_date: rentang berakhir (\(w.text)) sebelum dimulai (\(s.text))")
                }
            case .failure(let p): say(&r, rec, c, dateSaid("end_date", rec.trimmedString(c), p))
            }
        }

        mutating func readKind(_ rec: CSVRecord, _ col: ColumnPositions, _ r: inout Reading) {
            guard let c = rec.has(col[.kind]) else { return }
            if let k = ByteLookup.kinds.find(rec.bytes.span.extracting(rec.trimmedRange(c))) {
                r.kind = Vocabularies.kinds[k]
            } else if rec.isBlank(c) {
                say(&r, rec, c, "kind: missing kind; expected one of: \(EventKind.allowedList)", "kind: jenis kosong; pilihan: \(EventKind.allowedList)")
            } else if let k = names.kind(rec.trimmedString(c)) {
                r.kind = k
            } else {
                let t = rec.trimmedString(c), near = Suggestions.didYouMean(t, among: Vocabularies.kinds.map(\.rawValue), spent: &suggested)
                say(
                    &r, rec, c, "kind: unknown kind '\(t)'\(near.en); expected one of: \(EventKind.allowedList)",
                    "kind: jenis '\(t)' tidak dikenal\(near.id); pilihan: \(EventKind.allowedList)")
            }
        }

        mutating func readJurisdiction(_ rec: CSVRecord, _ col: ColumnPositions, _ r: inout Reading) {
            guard let c = rec.has(col[.jurisdiction]), let jLookup else { return }
            // The jurisdiction id looked up by its bytes, with no String made per row.
            if let j = jLookup.find(rec.bytes.span.extracting(rec.trimmedRange(c))) {
                r.jurisdiction = j
            } else if rec.isBlank(c) {
                say(
                    &r, rec, c, "jurisdiction: missing jurisdiction; expected one of: \(jurisdictionIDs)",
                    "jurisdiction: wilayah kosong; pilihan: \(jurisdictionIDs)")
            } else {
                let t = rec.trimmedString(c), near = Suggestions.didYouMean(t, among: jurisdictionList, spent: &suggested)
                say(
                    &r, rec, c, "jurisdiction: unknown jurisdiction '\(t)'\(near.en); expected one of: \(jurisdictionIDs)",
                    "jurisdiction: wilayah '\(t)' tidak dikenal\(near.id); pilihan: \(jurisdictionIDs)")
            }
        }

        // Title is required (datasets/README.md): an event without one has nothing to show.
        mutating func readTitle(_ rec: CSVRecord, _ col: ColumnPositions, _ r: inout Reading) {
            guard let c = rec.has(col[.title]), rec.isBlank(c) else { return }
            say(
                &r, rec, c, "title: missing title; every event has a short title from the article's own words",
                "title: judul kosong; setiap peristiwa punya judul singkat dari kata-kata beritanya sendiri")
        }

        mutating func readCount(_ rec: CSVRecord, _ col: ColumnPositions, _ r: inout Reading) {
            guard let c = rec.has(col[.count]), !rec.isBlank(c) else { return }
            let raw = rec.trimmed(c)
            if let v = parseDigits(raw), v <= CSVLimits.maxCount {
                r.count = v
            } else if !raw.isEmpty, raw.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                say(
                    &r, rec, c,
                    "count: \(rec.trimmedString(c)) is more than the limit of \(CSVLimits.maxCount); no body counts more people or cases, and sums must stay exact",
                    "count: \(rec.trimmedString(c)) melebihi batas \(CSVLimits.maxCount); tidak ada lembaga yang menghitung orang atau kasus sebanyak itu, dan jumlahnya harus tetap tepat"
                )
            } else if raw.first == 0x2D, raw.count > 1, parseDigits(raw.dropFirst()) != nil {
                say(
                    &r, rec, c, "count: negative count '\(rec.trimmedString(c))'; a count is a whole number, 0 or more",
                    "count: jumlah negatif '\(rec.trimmedString(c))'; jumlah adalah bilangan bulat, 0 atau lebih")
            } else {
                let t = rec.trimmedString(c)
                if let meant = thousands(t) {
                    say(
                        &r, rec, c,
                        "count: '\(t)' is not a whole number; if \(meant) was meant (typed with a dot for thousands, which a spreadsheet read as a decimal point), write \(meant): digits only, with no separators",
                        "count: '\(t)' bukan bilangan bulat; jika yang dimaksud \(meant) (diketik dengan titik pemisah ribuan, yang dibaca program lembar kerja sebagai koma desimal), tulis \(meant): angka saja, tanpa pemisah"
                    )
                } else {
                    say(
                        &r, rec, c, "count: '\(t)' is not a whole number; write digits only, with no separators",
                        "count: '\(t)' bukan bilangan bulat; tulis angka saja, tanpa pemisah")
                }
            }
        }

        mutating func readStatus(_ rec: CSVRecord, _ col: ColumnPositions, _ r: inout Reading) {
            guard let c = rec.has(col[.status]), !rec.isBlank(c) else { return }
            if let s = ByteLookup.statuses.find(rec.bytes.span.extracting(rec.trimmedRange(c))) {
                r.status = Vocabularies.statuses[s]
            } else if let s = names.status(rec.trimmedString(c)) {
                r.status = s
            } else {
                let t = rec.trimmedString(c), near = Suggestions.didYouMean(t, among: Vocabularies.statuses.map(\.rawValue), spent: &suggested)
                say(
                    &r, rec, c, "status: unknown status '\(t)'\(near.en); expected one of: \(CaseStatus.allowedList)",
                    "status: status '\(t)' tidak dikenal\(near.id); pilihan: \(CaseStatus.allowedList)")
            }
        }

        mutating func readSource(_ rec: CSVRecord, _ col: ColumnPositions, _ r: inout Reading) {
            guard let c = rec.has(col[.source]) else { return }
            if rec.isBlank(c) {
                say(
                    &r, rec, c, "source: missing source; every event names the outlet it comes from",
                    "source: sumber kosong; setiap peristiwa menyebut media asalnya")
            } else if rec.fields[c].hasEscapes {
                r.source = sources.intern(ArraySlice(rec.string(c).utf8))
            } else {
                r.source = sources.intern(rec.slice(c))
            }
        }

        mutating func readSourceDate(_ rec: CSVRecord, _ col: ColumnPositions, _ r: inout Reading) {
            guard let c = rec.has(col[.sourceDate]), !rec.isBlank(c) else { return }
            switch WrittenDate.parse(rec.trimmed(c)) {
            case .success(let w):
                r.sourceDate = w.anchor
                if w.form != .day {
                    say(
                        &r, rec, c, "source_date: the publication date needs the day, YYYY-MM-DD; got '\(w.text)'",
                        "source_date: tanggal terbit memerlukan harinya, YYYY-MM-DD; tertulis '\(w.text)'")
                }
            case .failure(let p): say(&r, rec, c, dateSaid("source_date", rec.trimmedString(c), p))
            }
        }

        mutating func readKnownDate(_ rec: CSVRecord, _ col: ColumnPositions, _ r: inout Reading) {
            guard let c = rec.has(col[.knownDate]), !rec.isBlank(c) else { return }
            switch WrittenDate.parse(rec.trimmed(c)) {
            case .success(let w):
                r.knownDate = w.anchor
                if w.form != .day {
                    say(
                        &r, rec, c, "known_date: the first day the event was public needs the day, YYYY-MM-DD; got '\(w.text)'",
                        "known_date: hari pertama peristiwa diketahui publik memerlukan harinya, YYYY-MM-DD; tertulis '\(w.text)'")
                } else if let written = r.written, let precision = r.precision, let earliest = EventDate(written: written, precision: precision).earliest,
                    w.anchor < earliest
                {
                    say(
                        &r, rec, c, "known_date: \(w.text) is before the event's date \(written.text); an event is public only once it has happened",
                        "known_date: \(w.text) lebih awal dari tanggal peristiwa \(written.text); peristiwa baru diketahui publik setelah terjadi")
                }
            case .failure(let p): say(&r, rec, c, dateSaid("known_date", rec.trimmedString(c), p))
            }
        }

        /// Links are checked here and resolved once every id is known: straight into
        /// `pending`, taken back if the row turns out invalid (no array per row).
        mutating func readLinks(_ rec: CSVRecord, _ col: ColumnPositions, _ r: inout Reading) {
            guard let c = rec.has(col[.links]), !rec.isBlank(c) else { return }
            let index = UInt32(clamping: events.count)
            let f = rec.fields[c]
            // The cell's position, found once for all its messages (it may hold thousands).
            var at: (line: Int, column: Int)?
            func sayLink(_ en: String, _ id: String) {
                let p = at ?? rec.position(c)
                at = p
                r.found.append(Diagnostic(file: file, line: p.line, column: p.column, said: Said(en: en, id: id)))
                r.valid = false
            }
            let file = self.file, idRef = r.idRef
            // `relation:target; …` read from the cell's bytes `cell` of `u` (offsets are the
            // file's, or `decoded`'s when `flag` says so); targets kept as refs. Spans, not
            // array slices: two cores reading rows at once would fight over the file's
            // reference count.
            func parse(_ u: Span<UInt8>, _ cell: Range<Int>, flag: UInt32, id: Span<UInt8>, _ pending: inout [PendingLink], _ suggested: inout Int) {
                func text(_ lo: Int, _ hi: Int) -> String { String(decoding: (lo..<hi).map { u[$0] }, as: UTF8.self) }
                func idText() -> String { id.isEmpty ? "some-event" : String(decoding: id.indices.map { id[$0] }, as: UTF8.self) }
                func isID(_ lo: Int, _ hi: Int) -> Bool {
                    guard hi - lo == id.count else { return false }
                    for k in 0..<id.count where id[k] != u[lo + k] { return false }
                    return true
                }
                var i = cell.lowerBound
                while i <= cell.upperBound {
                    var j = i
                    while j < cell.upperBound && u[j] != 0x3B { j += 1 }
                    var a = i, z = j
                    i = j + 1
                    while a < z, u[a] == 0x20 || u[a] == 0x09 { a += 1 }
                    while z > a, u[z - 1] == 0x20 || u[z - 1] == 0x09 { z -= 1 }
                    if a == z { continue }
                    guard let colon = (a..<z).first(where: { u[$0] == 0x3A }) else {
                        let e = idText()
                        sayLink(
                            "links: malformed link '\(text(a, z))'; expected relation:target_id, e.g. responds_to:\(e)",
                            "links: tautan '\(text(a, z))' tidak berbentuk relasi:id_sasaran, misalnya responds_to:\(e)")
                        continue
                    }
                    let ra = a, tz = z
                    var rz = colon, ta = colon + 1
                    while rz > ra, u[rz - 1] == 0x20 || u[rz - 1] == 0x09 { rz -= 1 }
                    while ta < tz, u[ta] == 0x20 || u[ta] == 0x09 { ta += 1 }
                    guard let rel = ByteLookup.relations.find(u.extracting(ra..<rz)) else {
                        let near = Suggestions.didYouMean(text(ra, rz), among: Vocabularies.relations.map(\.rawValue), spent: &suggested)
                        sayLink(
                            "links: unknown relation '\(text(ra, rz))'\(near.en); expected one of: \(Relation.allowedList)",
                            "links: relasi '\(text(ra, rz))' tidak dikenal\(near.id); pilihan: \(Relation.allowedList)")
                        continue
                    }
                    if ta == tz {
                        sayLink("links: link '\(text(a, z))' names no target event", "links: tautan '\(text(a, z))' tidak menyebut peristiwa sasaran"); continue
                    }
                    if isID(ta, tz) {
                        sayLink("links: event '\(idText())' links to itself", "links: peristiwa '\(idText())' bertaut ke dirinya sendiri"); continue
                    }
                    pending.append(
                        PendingLink(
                            event: index, relation: Vocabularies.relations[rel],
                            target: TextRef(start: UInt32(ta), count: UInt32(tz - ta) | flag)))
                }
            }
            let decodedCell = f.hasEscapes ? ref(rec, c) : nil
            // This core's own decoded bytes, when needed: copying them retains nothing shared.
            let d = idRef.isDecoded || f.hasEscapes ? decoded : []
            let raw = rec.bytes.span, id = (idRef.isDecoded ? d.span : raw).extracting(idRef.range)
            if let decodedCell {
                if decodedCell.isDecoded { parse(d.span, decodedCell.range, flag: TextRef.decodedBit, id: id, &pending, &suggested) }
            } else {
                parse(raw, f.start..<f.end, flag: 0, id: id, &pending, &suggested)
            }
        }
    }
}

extension DatasetLoader.EventRows {
    /// `linkOffset` of an event with no links cell (its messages point at column 1); no
    /// offset in a file of at most `FileIO.maxInputBytes` bytes is this big.
    static let noOffset = UInt32.max

    var noOffset: UInt32 { Self.noOffset }

    /// A line number or offset in the file, in 32 bits: the file is at most
    /// `FileIO.maxInputBytes` bytes (checked before it is read), so the value fits and
    /// clamping never changes it; it is there so that no value can wrap.
    @inline(__always)
    func narrow(_ v: Int) -> UInt32 { UInt32(clamping: v) }
}

/// The whole number `text` meant when a dot (or comma) for thousands was read as a decimal
/// point and trailing zeros dropped (`1.85` for 1.850: 1850); nil for anything else.
func thousands(_ text: String) -> Int? {
    let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
    guard parts.count == 2, (1...3).contains(parts[0].count), (1...3).contains(parts[1].count),
        parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), let whole = Int(parts[0]),
        let fraction = Int(parts[1] + String(repeating: "0", count: 3 - parts[1].count))
    else { return nil }
    return whole * 1000 + fraction
}

/// The cases of each vocabulary, made once: `allCases` builds a new array each time it is asked.
enum Vocabularies {
    static let kinds = EventKind.allCases
    static let precisions = Precision.allCases
    static let statuses = CaseStatus.allCases
    static let relations = Relation.allCases
}
