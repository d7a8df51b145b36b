#if canImport(Glibc)
import Glibc
#endif
import NetraCore
import NetraLoad

// One input covers all three files of a dataset. NUL bytes split it (a NUL can never be
// part of a valid file, so nothing a real file can hold is lost; past the second NUL they
// stay in events.csv and exercise the "not UTF-8" refusal):
//
//   EVENTS                          events.csv; jurisdictions and elections fixed (below)
//   JURISDICTIONS \0 ELECTIONS      both fuzzed; events fixed: checks of the hierarchy
//                                   and election scopes, and of events against them
//   JURISDICTIONS \0 ELECTIONS \0 EVENTS    all three fuzzed
//
// The fixed files are those `netra generate` writes (a superset of the shipped dataset's
// jurisdictions), so generated and shipped events both load in the first form.
//
// Besides "no crash, no hang, no runaway memory", each run checks what the spec promises:
// a refused dataset names at least one problem, each at a real FILE:LINE:COLUMN; a loaded
// one has every index in range and no cycle. An input above `twoCores.twoCoreBytes` is also
// loaded on two cores and scanned eight bytes at a time (the fast paths), which must give
// exactly what the plain path gives; so must the reader's eight-byte scan on every input. A
// broken promise is a crash for libFuzzer.

@_cdecl("LLVMFuzzerTestOneInput")
public func netraFuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    if NetraFuzz.workbooks { WorkbookFuzz.run(input) } else { NetraFuzz.run(input) }
    return 0
}

enum NetraFuzz {
    /// NETRA_FUZZ=xlsx: each input is a workbook (WorkbookFuzz.swift), not CSV files.
    static let workbooks = getenv("NETRA_FUZZ").map { String(cString: $0) } == "xlsx"

    static func run(_ input: [UInt8]) {
        let parts = input.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false).map(Array.init)
        let j: [UInt8], e: [UInt8], ev: [UInt8]
        switch parts.count {
        case 0, 1: j = fixedJurisdictions; e = fixedElections; ev = parts.first ?? []
        case 2: j = parts[0]; e = parts[1]; ev = fixedEvents
        default: j = parts[0]; e = parts[1]; ev = parts[2]
        }
        let files = [("jurisdictions.csv", j), ("elections.csv", e), ("events.csv", ev)]
        let lines = [lineCount(j), lineCount(e), lineCount(ev)]  // once: a file may have many problems
        for (k, (_, bytes)) in files.enumerated() { checkReader(bytes, lines: lines[k]) }
        let plain = Result { () throws(DatasetError) in
            try DatasetLoader.load(jurisdictions: files[0], elections: files[1], events: files[2], name: "fuzz", speed: .oneCore)
        }
        if ev.count >= twoCores.twoCoreBytes {
            let fast = Result { () throws(DatasetError) in
                try DatasetLoader.load(jurisdictions: files[0], elections: files[1], events: files[2], name: "fuzz", speed: twoCores)
            }
            checkSame(plain, fast)
        }
        do {
            let d = try plain.get()
            checkDataset(d)
        } catch {
            check(!error.diagnostics.isEmpty, "a refused dataset names no problem")
            for diag in error.diagnostics {
                guard let k = files.firstIndex(where: { $0.0 == diag.file }) else {
                    fail("diagnostic for an unknown file: \(diag)")
                }
                let bytes = files[k].1
                check(diag.line >= 1 && diag.line <= lines[k], "line out of range: \(diag)")
                check(diag.column >= 1 && diag.column <= bytes.count + 1, "column out of range: \(diag)")
                check(!diag.message.isEmpty, "empty message: \(diag)")
            }
        }
    }

    /// Small enough that fuzz inputs reach the two-core read and link resolution.
    static let twoCores = DatasetLoader.LoadSpeed(twoCoreBytes: 256, twoCoreLinks: 4)

    /// The two-core load gives the one-core load's dataset, or its messages, exactly.
    static func checkSame(_ a: Result<Dataset, DatasetError>, _ b: Result<Dataset, DatasetError>) {
        switch (a, b) {
        case let (.failure(x), .failure(y)):
            check(x.diagnostics.map(\.description) == y.diagnostics.map(\.description), "two cores report otherwise than one")
        case let (.success(x), .success(y)):
            let e = x.events, f = y.events
            check(
                e.dates == f.dates && e.endDates == f.endDates && e.kinds == f.kinds && e.jurisdictions == f.jurisdictions
                    && e.counts == f.counts && e.statuses == f.statuses && e.links == f.links && e.sourceDates == f.sourceDates
                    && e.lines == f.lines && e.extras == f.extras, "two cores load other columns than one")
            for k in e.indices {
                for t in EventText.allCases { check(e.string(t, k) == f.string(t, k), "two cores read another \(t) in row \(k)") }
                check(e.source(k) == f.source(k), "two cores read another source in row \(k)")
                check(y.eventsByID[e.id(k)] == k, "two cores index \(e.id(k)) elsewhere")
            }
        default:
            fail("one core and two cores disagree on whether the dataset loads")
        }
    }

    /// The reader on its own: every field within the file, lines and columns 1-based and in
    /// order; and the eight-byte scan (CSVReader+Unsafe.swift) finding exactly what the plain one finds.
    static func checkReader(_ b: [UInt8], lines: Int) {
        let start = CSVReader.contentStart(b)
        let delimiter = CSVReader.detectDelimiter(b, from: start)
        var lastLine = 0
        var seen: [[CSVField]] = []
        let problems = CSVReader.read(b, delimiter: delimiter) { rec in
            check(rec.count >= 1 && rec.count <= CSVLimits.maxColumns, "record with \(rec.count) fields")
            check(rec.line >= lastLine, "records out of order: line \(rec.line) after \(lastLine)")
            lastLine = rec.line
            seen.append(rec.fields)
            for i in 0..<rec.count {
                let f = rec.fields[i]
                check(
                    f.lineStart <= f.rawStart && f.rawStart <= f.start && f.start <= f.end && f.end <= b.count,
                    "field \(i) out of bounds: \(f)")
                check(f.end - f.start <= CSVLimits.maxFieldBytes, "field \(i) over the limit: \(f)")
                check(f.line >= rec.line, "field \(i) on line \(f.line) before its record's \(rec.line)")
                let p = rec.position(i)
                check(p.line >= 1 && p.column >= 1, "position \(p) of field \(i)")
                _ = rec.string(i)
                _ = rec.trimmedString(i)
            }
        }
        for p in problems {
            check(p.line >= 1 && p.column >= 1 && p.line <= lines, "problem at \(p.line):\(p.column): \(p.message)")
        }
        var fast: [[CSVField]] = []
        let fastProblems = CSVReader.read(b, delimiter: delimiter, scan: .eightBytes) { fast.append($0.fields) }
        check(fastProblems == problems, "the eight-byte scan reports otherwise than the plain one")
        check(
            fast.count == seen.count
                && zip(fast, seen).allSatisfy { x, y in
                    x.count == y.count
                        && zip(x, y).allSatisfy {
                            $0.start == $1.start && $0.end == $1.end && $0.line == $1.line
                                && $0.lineStart == $1.lineStart && $0.rawStart == $1.rawStart && $0.hasEscapes == $1.hasEscapes
                        }
                }, "the eight-byte scan reads other fields than the plain one")
        let bad = CSVReader.firstInvalidUTF8(b), badFast = CSVReader.firstInvalidUTF8(b, scan: .eightBytes)
        check(
            bad?.line == badFast?.line && bad?.column == badFast?.column && bad?.byte == badFast?.byte,
            "the eight-byte scan finds another byte that is not UTF-8")
    }

    /// A dataset that loaded is whole: every index in range, no link to itself, no cycle.
    static func checkDataset(_ d: Dataset) {
        let n = d.events.count, nj = d.jurisdictions.count
        for k in d.events.indices {
            let ev = d.events[k]
            check(ev.jurisdiction.raw >= 0 && ev.jurisdiction.raw < nj, "event \(ev.id) has jurisdiction \(ev.jurisdiction)")
            check(d.eventsByID[ev.id] == k, "event index of \(ev.id)")
            for l in ev.links { check(l.target.raw >= 0 && l.target.raw < n && l.target != k, "link of \(ev.id) to \(l.target)") }
            if let end = ev.endDate { check(end >= ev.date.anchor, "span of \(ev.id) ends before it starts") }
            if let c = ev.count { check(c >= 0, "negative count in \(ev.id)") }
        }
        for x in d.jurisdictions {
            if let p = x.parent { check(p.raw >= 0 && p.raw < nj, "parent of \(x.id)") }
        }
        // No loop of parents (walked once each: a deep valid chain must not slow the check).
        var state = [UInt8](repeating: 0, count: nj)  // 0 new, 1 on this walk, 2 done
        for k in 0..<nj where state[k] == 0 {
            var path: [Int] = []
            var cur: Int? = k
            while let c = cur, state[c] == 0 { state[c] = 1; path.append(c); cur = d.jurisdictions[JurisdictionIndex(c)].parent?.raw }
            if let c = cur { check(state[c] == 2, "a loaded dataset has a loop of parents through \(d.jurisdictions[JurisdictionIndex(c)].id)") }
            for p in path { state[p] = 2 }
        }
        for el in d.elections { check(el.scope.raw >= 0 && el.scope.raw < nj, "scope of \(el.id)") }
        let graph = EventGraph(events: d.events)
        check(graph.topologicalOrder()?.count == n, "a loaded dataset has a cycle")
    }

    /// Lines in a file as the reader counts them (CRLF, LF or CR each end one).
    static func lineCount(_ b: [UInt8]) -> Int {
        var lines = 1, i = 0
        while i < b.count {
            if b[i] == 0x0A { lines += 1 } else if b[i] == 0x0D { lines += 1; if i + 1 < b.count && b[i + 1] == 0x0A { i += 1 } }
            i += 1
        }
        return lines
    }

    static func check(_ ok: Bool, _ what: @autoclosure () -> String) {
        if !ok { fail(what()) }
    }

    static func fail(_ what: String) -> Never {
        fatalError("netra-fuzz: broken promise: \(what)")
    }

    static let fixedJurisdictions: [UInt8] = Array(
        """
        id,name,level,parent
        indonesia,Indonesia,nasional,
        jawa-barat,Jawa Barat,provinsi,indonesia
        kota-bekasi,Kota Bekasi,kota,jawa-barat
        kabupaten-bekasi,Kabupaten Bekasi,kabupaten,jawa-barat
        kota-bandung,Kota Bandung,kota,jawa-barat
        kabupaten-bandung,Kabupaten Bandung,kabupaten,jawa-barat
        kota-bogor,Kota Bogor,kota,jawa-barat
        kabupaten-bogor,Kabupaten Bogor,kabupaten,jawa-barat
        kota-depok,Kota Depok,kota,jawa-barat
        kabupaten-karawang,Kabupaten Karawang,kabupaten,jawa-barat
        dki-jakarta,DKI Jakarta,provinsi,indonesia
        kota-jakarta-pusat,Kota Administrasi Jakarta Pusat,kota,dki-jakarta
        kota-jakarta-selatan,Kota Administrasi Jakarta Selatan,kota,dki-jakarta
        kota-jakarta-timur,Kota Administrasi Jakarta Timur,kota,dki-jakarta
        kabupaten-kepulauan-seribu,Kabupaten Administrasi Kepulauan Seribu,kabupaten,dki-jakarta
        jawa-tengah,Jawa Tengah,provinsi,indonesia
        kota-semarang,Kota Semarang,kota,jawa-tengah
        kabupaten-semarang,Kabupaten Semarang,kabupaten,jawa-tengah
        kota-surakarta,Kota Surakarta,kota,jawa-tengah
        kabupaten-banyumas,Kabupaten Banyumas,kabupaten,jawa-tengah
        jawa-timur,Jawa Timur,provinsi,indonesia
        kota-surabaya,Kota Surabaya,kota,jawa-timur
        kabupaten-sidoarjo,Kabupaten Sidoarjo,kabupaten,jawa-timur
        kota-malang,Kota Malang,kota,jawa-timur
        kabupaten-malang,Kabupaten Malang,kabupaten,jawa-timur
        banten,Banten,provinsi,indonesia
        kota-tangerang,Kota Tangerang,kota,banten
        kabupaten-tangerang,Kabupaten Tangerang,kabupaten,banten
        kota-serang,Kota Serang,kota,banten
        kabupaten-serang,Kabupaten Serang,kabupaten,banten
        di-yogyakarta,DI Yogyakarta,provinsi,indonesia

        """.utf8)

    static let fixedElections: [UInt8] = Array(
        """
        id,name,date,scope
        pemilu-2024,Pemilu 2024,2024-02-14,indonesia
        pilkada-2024,Pilkada Serentak 2024,2024-11-27,indonesia
        psu-banten-2024,"Pemungutan Suara Ulang, Banten (synthetic)",2024-02-24,banten

        """.utf8)

    /// A few events over the fixed jurisdictions, for the second form: links, a span, a
    /// count, every precision.
    static let fixedEvents: [UInt8] = Array(
        """
        id,date,precision,end_date,kind,jurisdiction,title,count,status,links,source,source_date
        skb,2022-09-22,day,,regulation,indonesia,SKB,,,,inspira.tv,
        pledge,2023-11-02,day,2023-11-13,pledge,kota-bekasi,Ikrar,24013,,implements:skb,Rakyat Bekasi,2024-01-04
        ban,2023-11-22,on-or-before,,directive,kabupaten-bekasi,Larangan,,,,KBEONLIN,
        photo,2023-12-29,day,,incident,kota-bekasi,Jersey photo,,dismissed,,Rakyat Bekasi,2024-01-04
        report,2024-01-02,day,,report,kota-bekasi,Report,,,reports:photo,Radar Bekasi,2024-01-04
        tally,2024-01,month,,case_tally,jawa-barat,Kasus,20,,,Bawaslu,2024-01-22
        first,2022,year,,incident,kabupaten-bekasi,First,,,,KBEONLIN,
        banten,2024-02-20,day,,sosialisasi,banten,Sosialisasi,,,,Warta,2024-02-21

        """.utf8)
}
