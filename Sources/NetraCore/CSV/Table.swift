/// One CSV file of a dataset: its header checked, its columns found by name.
@usableFromInline package struct Table {
    let file: String
    @usableFromInline package let bytes: [UInt8]
    @usableFromInline package var diagnostics: [Diagnostic] = []

    @usableFromInline package init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
    }

    mutating func report(_ line: Int, _ column: Int, _ message: Said) {
        diagnostics.append(Diagnostic(file: file, line: line, column: column, said: message))
    }

    /// What the header says: where each named column is, and which columns are extra.
    @usableFromInline package struct Header: Sendable {
        @usableFromInline package var columns: [Int?]
        @usableFromInline package var extras: [Int]
        @usableFromInline package var extraNames: [String]
        @usableFromInline package var count: Int
        @usableFromInline package var ok: Bool
    }

    /// Reads a header record, reporting duplicate and missing columns into `found`. Positions
    /// come in the order of `order` (default: the required, then the optional names).
    @usableFromInline package func header(
        _ rec: CSVRecord, required: [String], optional: [String], order: [String]? = nil,
        _ found: inout [Diagnostic]
    ) -> Header {
        var byName: [String: Int] = [:]
        var names: [String] = []
        var ok = true
        for i in 0..<rec.count {
            let name = rec.trimmedString(i).lowercased()
            names.append(name)
            if name.isEmpty { continue }
            if byName[name] != nil {
                let p = rec.position(i)
                found.append(
                    Diagnostic(
                        file: file, line: p.line, column: p.column,
                        said: Said(en: "column '\(name)' appears twice in the header", id: "kolom '\(name)' muncul dua kali di baris judul kolom")))
                ok = false
            } else {
                byName[name] = i
            }
        }
        for name in required where byName[name] == nil {
            found.append(
                Diagnostic(
                    file: file, line: rec.line, column: 1,
                    said: Said(
                        en: "missing column '\(name)'; the header needs: \(required.joined(separator: ", "))",
                        id: "kolom '\(name)' tidak ada; baris judul kolom memerlukan: \(required.joined(separator: ", "))")))
            ok = false
        }
        let known = Set(required + optional)
        let extras = names.indices.filter { !known.contains(names[$0]) && !names[$0].isEmpty }
        return Header(
            columns: (order ?? required + optional).map { byName[$0] }, extras: extras,
            extraNames: extras.map { rec.trimmedString($0) }, count: rec.count, ok: ok)
    }

    /// The message for a row whose field count differs from the header's.
    func widthProblem(_ rec: CSVRecord, headerCount: Int) -> Diagnostic? {
        guard rec.count != headerCount else { return nil }
        let p = rec.count > headerCount ? rec.position(headerCount) : rec.position(rec.count - 1)
        return Diagnostic(
            file: file, line: p.line, column: p.column,
            said: Said(
                en: "this row has \(rec.count) field\(rec.count == 1 ? "" : "s") but the header has \(headerCount)",
                id: "baris ini berisi \(rec.count) isian, padahal baris judul kolom \(headerCount)"))
    }

    /// Checks that the file is non-empty UTF-8; reports why not. `twoCores` checks its two
    /// halves at once (CSV/FastPaths), with the same answer.
    @usableFromInline package func readable(
        _ b: [UInt8], required: [String], scan: CSVReader.Scan = .byteByByte, twoCores: Bool = false, _ found: inout [Diagnostic]
    ) -> Bool {
        let start = CSVReader.contentStart(b)
        if b.count == start || b[start...].allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            found.append(
                Diagnostic(
                    file: file, line: 1, column: 1,
                    said: Said(
                        en: "the file is empty; it needs a header row with at least: \(required.joined(separator: ", "))",
                        id: "berkas kosong; berkas memerlukan baris judul kolom dengan sekurang-kurangnya: \(required.joined(separator: ", "))")))
            return false
        }
        if let bad = twoCores ? CSVReader.firstInvalidUTF8OnTwoCores(b, scan: scan) : CSVReader.firstInvalidUTF8(b, scan: scan) {
            let hex = "0x\(String(bad.byte, radix: 16, uppercase: true))"
            found.append(
                Diagnostic(
                    file: file, line: bad.line, column: bad.column,
                    said: Said(
                        en: "the file is not UTF-8 text (\(bad.byte == 0 ? "a NUL byte" : "byte " + hex)); save it as \"CSV UTF-8\"",
                        id: "berkas bukan teks UTF-8 (\(bad.byte == 0 ? "bita NUL" : "bita " + hex)); simpan sebagai \"CSV UTF-8\"")))
            return false
        }
        return true
    }

    /// Reads the file: the header first, then each row with the column positions of
    /// `columns` (nil where the file lacks an optional one) and the extra columns' names.
    /// Returns false, having reported why, when the file cannot be read at all. `scan` changes
    /// the speed, never the result.
    @discardableResult
    @usableFromInline package mutating func read(
        required: [String], optional: [String], order: [String]? = nil, scan: CSVReader.Scan = .byteByByte,
        row: (CSVRecord, _ columns: [Int?], _ extras: [Int], _ sink: inout [Diagnostic]) -> Void,
        header headerSink: (_ extraNames: [String]) -> Void = { _ in }
    ) -> Bool {
        var found: [Diagnostic] = []
        let ok: Bool = { () -> Bool in
            let b = bytes
            guard readable(b, required: required, scan: scan, &found) else { return false }
            let delimiter = CSVReader.detectDelimiter(b, from: CSVReader.contentStart(b))
            var head: Header?
            let problems = CSVReader.read(b, delimiter: delimiter, scan: scan) { rec in
                guard let h = head else {
                    let h = header(rec, required: required, optional: optional, order: order, &found)
                    head = h
                    headerSink(h.extraNames)
                    return
                }
                guard h.ok else { return }
                if let d = widthProblem(rec, headerCount: h.count) { found.append(d) }
                row(rec, h.columns, h.extras, &found)
            }
            // A field the reader refused (too long) reads as empty: a row check's "missing"
            // at that very place would only repeat it, wrongly.
            if !problems.isEmpty {
                var told = Set<[Int]>()
                for p in problems { told.insert([p.line, p.column]) }
                found.removeAll { told.contains([$0.line, $0.column]) && $0.message.contains(": missing ") }
            }
            for p in problems {
                found.append(Diagnostic(file: file, line: p.line, column: p.column, said: p.said))
            }
            return head?.ok ?? true
        }()
        diagnostics += found
        return ok
    }

}

extension CSVRecord {
    /// The field at an optional column index, or nil when the column or the field is missing.
    @inlinable
    package func has(_ column: Int?) -> Int? {
        guard let c = column, c < count else { return nil }
        return c
    }
}
