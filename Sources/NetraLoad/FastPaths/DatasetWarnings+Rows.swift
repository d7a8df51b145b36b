import NetraCore

/// Warnings placed from the loaded events, without reading or scanning `events.csv` again:
/// each warned row is found from its id's cell and read alone. `columnsByScan` (the plain
/// path, every record read) gives the same columns; `DatasetWarningsTests` holds the two to it.
extension DatasetWarnings.TableSource {
    /// The character column of the `name` cell on each of `lines`, from the rows alone; nil
    /// when the id is not the table's first column or a row cannot be found from its id
    /// (events made in code), and every record is then read.
    ///
    /// Why a row starts where its id's line does: the id is the row's first cell, and a loaded
    /// id is a slug, so nothing but a quote, spaces or tabs comes between the row's start and
    /// the id itself, never a line break.
    func columnsFromRows(named name: String, lines: Set<Int>, events: EventTable) -> [Int: Int]? {
        guard let b = bytes, !lines.isEmpty else { return lines.isEmpty ? [:] : nil }
        let start = CSVReader.contentStart(b)
        let delimiter = CSVReader.detectDelimiter(b, from: start)
        // The header: the first record (the first line, unless blank lines come first).
        var header: CSVRecord?
        _ = CSVReader.read(b, delimiter: delimiter, range: start..<Self.recordEnd(b, from: start)) { rec in
            if header == nil { header = rec }
        }
        guard let header, header.count > 0, header.trimmedString(0).lowercased() == EventColumn.id.name,
            let wanted = (0..<header.count).first(where: { header.trimmedString($0).lowercased() == name })
        else { return nil }
        let rowLines = events.lines.values
        var out: [Int: Int] = [:]
        for line in lines {
            // The event on that line (rows are in line order).
            var lo = 0, hi = rowLines.count
            while lo < hi { let mid = (lo + hi) / 2; if rowLines[mid] < line { lo = mid + 1 } else { hi = mid } }
            guard lo < rowLines.count, rowLines[lo] == line else { return nil }
            let id = events.cells[EventIndex(lo)].id
            guard !id.isEmpty, !id.isDecoded, id.range.upperBound <= b.count else { return nil }
            var rowStart = id.range.lowerBound
            while rowStart > 0, b[rowStart - 1] != 0x0A, b[rowStart - 1] != 0x0D { rowStart -= 1 }
            var row: CSVRecord?
            _ = CSVReader.read(b, delimiter: delimiter, range: rowStart..<Self.recordEnd(b, from: rowStart), line: line) { rec in
                if row == nil { row = rec }
            }
            // The row read must be the one whose id it is.
            guard let row, row.count > 0, row.fields[0].start <= id.range.lowerBound, id.range.upperBound <= row.fields[0].end else { return nil }
            if wanted < row.count { out[line] = row.position(wanted).column }
        }
        return out
    }

    /// Just past the line end (LF, CRLF or CR) that ends the record starting at `from`
    /// outside quotes; the file's end when none does.
    static func recordEnd(_ b: [UInt8], from: Int) -> Int {
        var inQuotes = false
        var i = from
        while i < b.count {
            let c = b[i]
            if c == 0x22 {
                inQuotes.toggle()
            } else if !inQuotes && c == 0x0A {
                return i + 1
            } else if !inQuotes && c == 0x0D {
                return i + 1 < b.count && b[i + 1] == 0x0A ? i + 2 : i + 1
            }
            i += 1
        }
        return b.count
    }
}
