import NetraAnalytics
import CXlsxWriter
import NetraCore
#if canImport(Glibc)
import Glibc
#endif

/// One cell of a sheet, by what it holds: text is always a string (a cell starting with `=`
/// is never a formula), numbers are numbers, a day is an Excel date.
public enum Cell: Sendable, Equatable {
    case text(String)
    case number(Double)
    case int(Int)
    case date(Day)
    case empty
}

/// A drop-down list on a column's cells below the header.
public struct DropDown: Sendable {
    public enum Source: Sendable {
        /// The choices themselves.
        case values([String])
        /// A range of another sheet (`jurisdictions!$A$2:$A$2000`), so the list follows it.
        case range(String)
    }
    public var column: Int
    public var source: Source
    /// False: a value not on the list is allowed (the choices are a help, as for `links`).
    public var strict: Bool
    public var prompt: String?

    public init(column: Int, source: Source, strict: Bool = true, prompt: String? = nil) {
        self.column = column; self.source = source; self.strict = strict; self.prompt = prompt
    }
}

/// One sheet: a header row (frozen, with an autofilter) and rows of cells.
public struct Sheet: Sendable {
    public var name: String
    public var header: [String]
    public var rows: [[Cell]]
    public var dropDowns: [DropDown] = []
    /// Rows the drop-downs cover (below the header), for a sheet to be filled in.
    public var fillRows: Int = 0
    /// A sheet of prose (no header to freeze or filter).
    public var isNotes = false
    /// Columns formatted as text, so that what is typed stays as typed: `2023-11` is not
    /// turned into a date, nor the code `32.10` into the number 32.1.
    public var textColumns: Set<Int> = []
    /// Widths (Excel's units, about a character each) a column has at least, for a sheet to
    /// be filled in: its header alone would make a date or a title column a few characters wide.
    public var minWidths: [Int: Double] = [:]

    public init(name: String, header: [String], rows: [[Cell]]) {
        self.name = name; self.header = header; self.rows = rows
    }
}

/// Why a workbook could not be made.
public struct WorkbookError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A workbook written by libxlsxwriter. Same sheets, same bytes: the document's dates are
/// fixed (libxlsxwriter stamps every zip entry 1980-01-01 itself).
public struct Workbook: Sendable {
    public var sheets: [Sheet]
    public var title: String

    /// The most characters Excel keeps in a cell.
    public static let maxCellCharacters = 32_767
    /// The most rows Excel shows in a sheet, the header's included.
    public static let maxRows = 1_048_576
    /// Excel's width units: a character is about one.
    static let maxWidth = 60.0

    public init(sheets: [Sheet], title: String = "Netra") { self.sheets = sheets; self.title = title }

    /// The `.xlsx` bytes. libxlsxwriter writes a file: it goes into `scratchDir` under Netra's
    /// temporary-file name (so a killed run's leftover is cleaned like any other) and is read
    /// back and removed.
    public func bytes(scratchDir: String) throws(WorkbookError) -> [UInt8] {
        for s in sheets {
            if s.rows.count >= Self.maxRows {
                throw WorkbookError("sheet \(s.name) would have \(s.rows.count + 1) rows, more than Excel's limit of \(Self.maxRows); use the CSV exports")
            }
        }
        let (path, fd) = try Self.lockedScratch(in: scratchDir)
        defer { unlink(path); close(fd) }
        try write(to: path, tmpdir: scratchDir)
        do { return try FileIO.read(path) } catch {
            throw WorkbookError("cannot read back the workbook '\(path)': \(error.reason)")
        }
    }

    /// A new, empty file under Netra's temporary name, locked while its descriptor is open.
    /// It is made and locked before libxlsxwriter opens it (the same file, truncated): a run
    /// in another PID namespace, whose pid looks gone from there, sees the lock and keeps it.
    static func lockedScratch(in dir: String) throws(WorkbookError) -> (path: String, fd: Int32) {
        let path = OutputFolder.scratchPath(in: dir, for: "workbook.xlsx")
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw WorkbookError("cannot write the workbook in '\(dir)': \(Syscall.reason(errno).en)")
        }
        _ = flock(fd, LOCK_EX | LOCK_NB)
        return (path, fd)
    }

    /// `A1`-style name of a zero-based row and column.
    public static func cellName(row: Int, column: Int) -> String {
        var c = column + 1, letters = ""
        while c > 0 { let r = (c - 1) % 26; letters = String(UnicodeScalar(UInt8(65 + r))) + letters; c = (c - 1) / 26 }
        return letters + String(row + 1)
    }

    func write(to path: String, tmpdir: String) throws(WorkbookError) {
        // Every C string lives until the workbook is closed (libxlsxwriter keeps some pointers).
        var keep: [UnsafeMutablePointer<CChar>] = []
        defer { keep.forEach { $0.deallocate() } }
        func c(_ s: String) -> UnsafeMutablePointer<CChar> {
            let u = s.utf8CString
            let p = UnsafeMutablePointer<CChar>.allocate(capacity: u.count)
            u.withUnsafeBufferPointer { b in if let base = b.baseAddress { p.initialize(from: base, count: u.count) } }
            keep.append(p)
            return p
        }
        // Constant memory: rows go to disk as they are written (strings inline), so a big
        // events sheet does not sit in libxlsxwriter's memory too; zip64 past 4 GB.
        var options = lxw_workbook_options(constant_memory: 1, tmpdir: c(tmpdir), use_zip64: 1)
        guard let wb = workbook_new_opt(path, &options) else {
            throw WorkbookError("cannot write the workbook in '\(tmpdir)': \(Syscall.reason(errno).en)")
        }
        var props = lxw_doc_properties()
        props.title = c(title)
        props.author = c("Netra")
        // A fixed creation date (2000-01-01): the same input gives the same bytes.
        props.created = 946_684_800
        workbook_set_properties(wb, &props)

        let bold = workbook_add_format(wb)
        format_set_bold(bold)
        let dateFormat = workbook_add_format(wb)
        format_set_num_format(dateFormat, "yyyy-mm-dd")
        let wrap = workbook_add_format(wb)
        format_set_text_wrap(wrap)
        let textFormat = workbook_add_format(wb)
        format_set_num_format(textFormat, "@")

        for s in sheets {
            guard let ws = workbook_add_worksheet(wb, s.name) else {
                workbook_close(wb)
                throw WorkbookError("cannot add the sheet '\(s.name)'")
            }
            // Widths first: with constant memory each row goes to disk as it is written.
            var widths = s.header.map { Double($0.count) }
            for row in s.rows {
                for (col, cell) in row.enumerated() {
                    let w: Double
                    switch cell {
                    case .text(let t): w = Double(t.count)
                    case .number(let x): w = Double(String(x).count)
                    case .int(let i): w = Double(String(i).count)
                    case .date: w = 10
                    case .empty: continue
                    }
                    if col >= widths.count { widths += Array(repeating: 0, count: col - widths.count + 1) }
                    widths[col] = max(widths[col], w)
                }
            }
            for (col, w) in s.minWidths where col >= 0 && col < 16_384 {
                if col >= widths.count { widths += Array(repeating: 0, count: col - widths.count + 1) }
                widths[col] = max(widths[col], w - 2)
            }
            for (col, w) in widths.enumerated() {
                // Bold headers and cell padding need a little more than the characters.
                worksheet_set_column(
                    ws, lxw_col_t(col), lxw_col_t(col), s.isNotes ? 100 : min(Self.maxWidth, w + 2),
                    s.textColumns.contains(col) ? textFormat : nil)
            }
            if !s.isNotes && !s.header.isEmpty {
                worksheet_freeze_panes(ws, 1, 0)
                let lastRow = lxw_row_t(max(s.rows.count, s.fillRows))
                worksheet_autofilter(ws, 0, 0, lastRow, lxw_col_t(s.header.count - 1))
            }
            for dd in s.dropDowns {
                var v = lxw_data_validation()
                if case .range = dd.source {
                    v.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
                } else {
                    v.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
                }
                v.ignore_blank = UInt8(LXW_VALIDATION_ON.rawValue)
                v.show_input = UInt8(dd.prompt == nil ? LXW_VALIDATION_OFF.rawValue : LXW_VALIDATION_ON.rawValue)
                v.show_error = UInt8(dd.strict ? LXW_VALIDATION_ON.rawValue : LXW_VALIDATION_OFF.rawValue)
                v.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
                if let p = dd.prompt { v.input_message = c(p) }
                var list: [UnsafeMutablePointer<CChar>?] = []
                switch dd.source {
                case .values(let xs): list = xs.map { c($0) } + [nil]
                case .range(let r): v.value_formula = c(r)
                }
                let rows = max(s.fillRows, s.rows.count)
                let err: lxw_error = list.withUnsafeMutableBufferPointer { buf in
                    if buf.count > 0 { v.value_list = buf.baseAddress }
                    return worksheet_data_validation_range(ws, 1, lxw_col_t(dd.column), lxw_row_t(rows), lxw_col_t(dd.column), &v)
                }
                if err != LXW_NO_ERROR {
                    workbook_close(wb)
                    throw WorkbookError("cannot add a drop-down list to sheet \(s.name): \(String(cString: lxw_strerror(err)))")
                }
            }
            var failed: lxw_error = LXW_NO_ERROR
            func check(_ e: lxw_error) { if failed == LXW_NO_ERROR { failed = e } }
            for (c, h) in s.header.enumerated() { check(worksheet_write_string(ws, 0, lxw_col_t(c), Self.escaped(h), s.isNotes ? nil : bold)) }
            for (r, row) in s.rows.enumerated() {
                let rr = lxw_row_t(r + 1)
                for (col, cell) in row.enumerated() {
                    let cc = lxw_col_t(col)
                    switch cell {
                    case .text(let t): check(worksheet_write_string(ws, rr, cc, Self.escaped(Self.fitted(t)), s.isNotes ? wrap : nil))
                    case .number(let x): check(worksheet_write_number(ws, rr, cc, x, nil))
                    case .int(let i): check(worksheet_write_number(ws, rr, cc, Double(i), nil))
                    case .date(let d): check(worksheet_write_number(ws, rr, cc, Double(Self.excelSerial(d)), dateFormat))
                    case .empty: continue
                    }
                }
            }
            if failed != LXW_NO_ERROR {
                workbook_close(wb)
                throw WorkbookError("cannot write sheet \(s.name): \(String(cString: lxw_strerror(failed)))")
            }
        }
        let err = workbook_close(wb)
        if err != LXW_NO_ERROR {
            throw WorkbookError("cannot write the workbook: \(String(cString: lxw_strerror(err)))")
        }
    }

    /// `t` cut to what a cell holds, marked `… [+N]` with the characters left out (the CSV
    /// exports hold it whole): a long note must not cost the rest of the report.
    public static func fitted(_ t: String) -> String {
        // Excel counts UTF-16 units; escapes (`_x000D_`) are counted as the characters they stand for.
        let units = t.utf16.count
        guard units > maxCellCharacters else { return t }
        var kept = String.UnicodeScalarView(), used = 0
        let room = maxCellCharacters - 16
        for u in t.unicodeScalars {
            let w = u.value > 0xFFFF ? 2 : 1
            if used + w > room { break }
            kept.append(u); used += w
        }
        return String(kept) + " … [+\(units - used)]"
    }

    /// Text as OOXML stores it: characters XML cannot hold (controls but tab and line feed,
    /// a CR, U+FFFE, U+FFFF) as `_xHHHH_`, and a `_x` that looks like such an escape as
    /// `_x005F_x`, so that every cell reads back exactly as it was (libxlsxwriter would write
    /// them raw, and the file would not open).
    public static func escaped(_ t: String) -> String {
        func needs(_ u: Unicode.Scalar) -> Bool {
            (u.value < 0x20 && u != "\t" && u != "\n") || u.value == 0xFFFE || u.value == 0xFFFF
        }
        guard t.unicodeScalars.contains(where: { needs($0) || $0 == "_" }) else { return t }
        let scalars = Array(t.unicodeScalars)
        var out = String.UnicodeScalarView()
        func hex(_ v: UInt32) -> String { let h = String(v, radix: 16, uppercase: true); return String(repeating: "0", count: 4 - h.count) + h }
        for (k, u) in scalars.enumerated() {
            if needs(u) { out.append(contentsOf: "_x\(hex(u.value))_".unicodeScalars); continue }
            // `_xHHHH_` already in the text: its underscore escaped, so it is not undone on reading.
            if u == "_", k + 6 < scalars.count, scalars[k + 1] == "x", scalars[k + 6] == "_",
                scalars[(k + 2)...(k + 5)].allSatisfy({ $0.properties.isASCIIHexDigit })
            {
                out.append(contentsOf: "_x005F_".unicodeScalars); continue
            }
            out.append(u)
        }
        return String(out)
    }

    /// Excel's serial number of `d` in the 1900 date system.
    public static func excelSerial(_ d: Day) -> Int {
        let epoch = Day(year: 1970, month: 1, day: 1)?.ordinal ?? 0
        let s = 25_569 + (d.ordinal - epoch)
        // Before 1900-03-01 Excel's count lacks its phantom 1900-02-29.
        return s < 61 ? s - 1 : s
    }
}
