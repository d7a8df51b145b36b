import NetraCore
import CExpat

/// The XML parts of a workbook, each read with expat as its bytes are unpacked: a part is never
/// held whole, nor as a tree. expat checks that the part is well-formed (a part cut short, a
/// name that is not UTF-8 are errors at their line), reads UTF-8 and UTF-16 alike, and a
/// document type declaration stops it before any entity is defined.
class PartParser {
    /// A problem found inside a callback, thrown once parsing stops.
    var failure: WorkbookProblem?
    private var parser: XML_Parser?
    private var partName = ""

    // Subclasses override these.
    func start(_ name: Substring, _ attributes: [String: String]) {}
    func characters(_ text: String) {}
    func end(_ name: Substring) {}

    /// Parses the whole of `data` as the part `part`.
    func parse(_ data: [UInt8], part: String) throws(WorkbookProblem) {
        try begin(part: part)
        try feed(data, final: true)
    }

    /// Starts a new part; `feed` then takes its bytes in order.
    func begin(part: String) throws(WorkbookProblem) {
        if let p = parser { XML_ParserFree(p) }
        guard let p = XML_ParserCreate(nil) else {
            throw WorkbookProblem("cannot read \(part): out of memory", id: "tidak dapat membaca \(part): memori habis")
        }
        parser = p
        partName = part
        XML_SetUserData(p, Unmanaged.passUnretained(self).toOpaque())
        XML_SetElementHandler(
            p,
            { ud, name, atts in
                guard let ud, let name else { return }
                let me = Unmanaged<PartParser>.fromOpaque(ud).takeUnretainedValue()
                guard me.failure == nil else { return }
                var attributes: [String: String] = [:]
                if var a = atts {
                    while let k = a.pointee, let v = a.advanced(by: 1).pointee {
                        attributes[String(cString: k)] = String(cString: v)
                        a = a.advanced(by: 2)
                    }
                }
                me.start(local(String(cString: name)), attributes)
            },
            { ud, name in
                guard let ud, let name else { return }
                let me = Unmanaged<PartParser>.fromOpaque(ud).takeUnretainedValue()
                guard me.failure == nil else { return }
                me.end(local(String(cString: name)))
            })
        XML_SetCharacterDataHandler(p) { ud, s, len in
            guard let ud, let s, len > 0 else { return }
            let me = Unmanaged<PartParser>.fromOpaque(ud).takeUnretainedValue()
            guard me.failure == nil else { return }
            me.characters(
                s.withMemoryRebound(to: UInt8.self, capacity: Int(len)) {
                    String(decoding: UnsafeBufferPointer(start: $0, count: Int(len)), as: UTF8.self)
                })
        }
        // No spreadsheet program writes a DTD; one may declare entities that expand a small
        // part into gigabytes (a "billion laughs"). Refused where it starts, in any encoding.
        XML_SetStartDoctypeDeclHandler(p) { ud, _, _, _, _ in
            guard let ud else { return }
            let me = Unmanaged<PartParser>.fromOpaque(ud).takeUnretainedValue()
            me.fail(
                WorkbookProblem(
                    "\(me.partName) declares a DTD or entities, which no spreadsheet program writes; the workbook is refused",
                    id: "\(me.partName) memuat DTD atau entitas, yang tidak pernah ditulis program lembar kerja; buku kerja ditolak"))
        }
        XML_SetEntityDeclHandler(p) { ud, _, _, _, _, _, _, _, _ in
            guard let ud else { return }
            let me = Unmanaged<PartParser>.fromOpaque(ud).takeUnretainedValue()
            me.fail(
                WorkbookProblem(
                    "\(me.partName) declares a DTD or entities, which no spreadsheet program writes; the workbook is refused",
                    id: "\(me.partName) memuat DTD atau entitas, yang tidak pernah ditulis program lembar kerja; buku kerja ditolak"))
        }
    }

    /// Parses the next bytes of the part; `final` with its last ones.
    func feed(_ data: [UInt8], final: Bool) throws(WorkbookProblem) {
        guard let p = parser else { return }
        if let failure { throw failure }
        var status = XML_STATUS_OK
        var offset = 0
        // expat takes an int's worth at a time.
        repeat {
            let n = min(data.count - offset, 1 << 24)
            let last = final && offset + n == data.count
            status = data.withUnsafeBytes { raw in
                XML_Parse(p, raw.baseAddress.map { $0.advanced(by: offset).assumingMemoryBound(to: CChar.self) }, Int32(n), last ? 1 : 0)
            }
            offset += n
        } while status == XML_STATUS_OK && offset < data.count
        if let failure { finish(); throw failure }
        if status != XML_STATUS_OK {
            let line = XML_GetCurrentLineNumber(p), column = XML_GetCurrentColumnNumber(p)
            let reason = XML_ErrorString(XML_GetErrorCode(p)).map { String(cString: $0) } ?? "an error"
            finish()
            throw WorkbookProblem(
                "\(partName) is not well-formed XML (line \(line), column \(column + 1): \(reason)); the workbook is damaged",
                id: "\(partName) bukan XML yang sah (baris \(line), kolom \(column + 1): \(reason)); buku kerja rusak")
        }
        if final { finish() }
    }

    private func finish() {
        if let p = parser { XML_ParserFree(p) }
        parser = nil
    }

    deinit { finish() }

    /// Stops parsing with `problem`.
    func fail(_ problem: WorkbookProblem) {
        if failure == nil { failure = problem }
        if let p = parser { XML_StopParser(p, 0) }
    }
}

/// `x:sheet` and `sheet` alike: names are matched without their prefix.
@inline(__always) func local(_ name: String) -> Substring {
    if let colon = name.lastIndex(of: ":") { return name[name.index(after: colon)...] }
    return name[...]
}

/// xl/workbook.xml: the sheets in order and the date system.
final class WorkbookPart: PartParser {
    var sheets: [(name: String, rid: String, hidden: Bool)] = []
    var date1904 = false

    override func start(_ name: Substring, _ attributes: [String: String]) {
        switch name {
        case "sheet":
            let rid = attributes.first { local($0.key) == "id" }?.value ?? ""
            // `state` is visible (the default), hidden or veryHidden.
            let hidden = attributes["state"].map { $0 != "visible" } ?? false
            sheets.append((attributes["name"] ?? "Sheet\(sheets.count + 1)", rid, hidden))
        case "workbookPr":
            if let v = attributes["date1904"] { date1904 = v == "1" || v.lowercased() == "true" }
        default: break
        }
    }
}

/// xl/_rels/workbook.xml.rels: where each sheet's part is.
final class RelationshipsPart: PartParser {
    var targets: [String: String] = [:]
    var types: [(type: String, target: String)] = []

    override func start(_ name: Substring, _ attributes: [String: String]) {
        guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        targets[id] = target
        types.append((attributes["Type"] ?? "", target))
    }

    /// The target of the relationship whose type ends in `/kind`.
    func typed(_ kind: String) -> String? { types.first { $0.type.hasSuffix("/" + kind) }?.target }
}

/// Collects the text of `<t>` elements, leaving out phonetic runs (`<rPh>`): a rich-text
/// string's runs are joined into one.
struct TextRuns {
    private(set) var text = ""
    var inT = false
    var inPhonetic = 0
    /// More bytes came than any cell may hold (even as `_xHHHH_` escapes); the rest were dropped.
    private(set) var overflow = false
    let limit: Int

    init(limit: Int) { self.limit = limit }

    /// Text of a `<t>` (within its element), kept up to what a cell can hold.
    mutating func append(_ s: String) {
        guard inT, inPhonetic == 0, !overflow else { return }
        if text.utf8.count + s.utf8.count > 7 * limit + 7 { overflow = true; return }
        text += s
    }

    /// The runs' text with Excel's escapes decoded; nil when it is over the limit.
    func value() -> String? {
        if overflow { return nil }
        let t = ExcelEscapes.decode(text)
        return t.utf16.count > limit ? nil : t
    }

    mutating func start(_ n: Substring) {
        if n == "rPh" { inPhonetic += 1 } else if n == "t" && inPhonetic == 0 { inT = true }
    }

    mutating func end(_ n: Substring) {
        if n == "rPh" { inPhonetic = max(0, inPhonetic - 1) } else if n == "t" { inT = false }
    }
}

/// xl/sharedStrings.xml: every `<si>`, rich text joined.
final class SharedStringsPart: PartParser {
    var strings: [String] = []
    var runs: TextRuns
    var inItem = false
    let limit: Int
    /// The first string over the limit.
    var tooLong: Int?

    init(limit: Int) { self.limit = limit; runs = TextRuns(limit: limit) }

    override func start(_ n: Substring, _ attributes: [String: String]) {
        if n == "si" { inItem = true; runs = TextRuns(limit: limit) } else if inItem { runs.start(n) }
    }

    override func characters(_ string: String) {
        if inItem { runs.append(string) }
    }

    override func end(_ n: Substring) {
        if n == "si" {
            inItem = false
            guard let t = runs.value() else {
                fail(
                    WorkbookProblem(
                        "shared string \(strings.count + 1) is longer than \(limit) characters, the most a cell may hold",
                        id: "teks bersama \(strings.count + 1) lebih panjang dari \(limit) karakter, batas isi satu sel"))
                return
            }
            strings.append(t)
        } else if inItem {
            runs.end(n)
        }
    }
}

/// Excel's escapes in text: `_xHHHH_` is the UTF-16 unit HHHH (`_x000D_` a carriage return
/// pasted into a cell), and `_x005F_` an underscore, so `_x005F_x000D_` is the text `_x000D_`.
enum ExcelEscapes {
    static func decode(_ s: String) -> String {
        guard s.utf8.contains(0x5F), s.contains("_x") || s.contains("_X") else { return s }
        let u = Array(s.utf16)
        /// The unit escaped at `i`, if an escape starts there.
        func escape(_ i: Int) -> UInt16? {
            guard u[i] == 0x5F, i + 6 < u.count, u[i + 1] == 0x78 || u[i + 1] == 0x58, u[i + 6] == 0x5F else { return nil }
            var v: UInt16 = 0
            for k in 2...5 {
                let c = u[i + k]
                switch c {
                case 0x30...0x39: v = v << 4 | (c - 0x30)
                case 0x41...0x46: v = v << 4 | (c - 0x41 + 10)
                case 0x61...0x66: v = v << 4 | (c - 0x61 + 10)
                default: return nil
                }
            }
            return v
        }
        var out: [UInt16] = []
        out.reserveCapacity(u.count)
        var i = 0
        while i < u.count {
            if let v = escape(i) {
                switch v {
                case 0xD800...0xDBFF:
                    // A character beyond the BMP is two escapes; half of one is left as written.
                    if i + 7 < u.count, let low = escape(i + 7), (0xDC00...0xDFFF).contains(low) {
                        out.append(v); out.append(low); i += 14; continue
                    }
                case 0xDC00...0xDFFF: break
                default: out.append(v); i += 7; continue
                }
            }
            out.append(u[i])
            i += 1
        }
        return String(decoding: out, as: UTF16.self)
    }
}

/// xl/styles.xml: each cell style's number format, and the custom formats' codes.
final class StylesPart: PartParser {
    var customFormats: [Int: String] = [:]
    var cellFormats: [Int] = []
    var inCellXfs = false

    override func start(_ name: Substring, _ attributes: [String: String]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] { customFormats[id] = code }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: cellFormats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default: break
        }
    }

    override func end(_ name: Substring) {
        if name == "cellXfs" { inCellXfs = false }
    }
}

/// One worksheet, read as it streams past: each `<c>` becomes text by its type and style.
/// A row or cell without an `r` attribute is the one after the previous.
final class SheetPart: PartParser {
    let workbook: WorkbookFile
    var rows: [SheetGrid.Row] = []
    var problems: [WorkbookProblem] = []
    /// Problems past the first `SheetGrid.shownProblems`, only counted.
    var moreProblems = 0
    /// Bytes of cell text kept so far (shared strings counted each time they are used).
    var textBytes = 0

    private var rowNumber = 0
    private var cells: [(column: Int, text: String)] = []
    private var column = 0
    // The cell being read.
    private var inCell = false
    private var type = "n"
    private var style = 0
    private var value: TextRuns
    private var inInline = false
    private var runs: TextRuns
    private var hasFormula = false

    init(workbook: WorkbookFile) {
        self.workbook = workbook
        value = TextRuns(limit: workbook.limits.maxCellCharacters)
        runs = TextRuns(limit: workbook.limits.maxCellCharacters)
    }

    private func problem(_ p: WorkbookProblem) {
        if problems.count < SheetGrid.shownProblems {
            problems.append(p)
        } else {
            if moreProblems == 0 { firstMore = p.cell }
            moreProblems += 1
        }
    }
    /// Where the first problem left out is.
    private(set) var firstMore: CellRef?

    /// The sheet's and shared strings' unpacked bytes, set before parsing, and the text the
    /// cells may hold from them.
    var partBytes = 0
    var textBudget: Int { SheetGrid.budget(partBytes) }

    private var here: CellRef { CellRef(row: max(rowNumber, 1), column: max(column, 1)) }

    override func start(_ n: Substring, _ attributes: [String: String]) {
        if inInline { runs.start(n); return }
        switch n {
        case "row":
            let next = rowNumber + 1
            if let r = attributes["r"] {
                guard let v = Int(r), v >= next, v <= 1_048_576 else {
                    let why = Int(r).map { $0 > 1_048_576 } == true ? "is past Excel's last row, 1048576" : "is not after row \(rowNumber)"
                    fail(
                        WorkbookProblem(
                            cell: CellRef(row: min(next, 1_048_576), column: 1), "row number '\(r)' \(why); the sheet is damaged",
                            id: "nomor baris '\(r)' \(why); lembar rusak"))
                    return
                }
                rowNumber = v
            } else {
                guard next <= 1_048_576 else {
                    fail(WorkbookProblem("the sheet has more rows than Excel allows", id: "lembar memuat lebih banyak baris daripada yang diizinkan Excel"));
                    return
                }
                rowNumber = next
            }
            column = 0
            cells = []
        case "c":
            let next = column + 1
            if let r = attributes["r"] {
                guard let ref = CellRef(r), ref.row == rowNumber, ref.column >= next else {
                    fail(
                        WorkbookProblem(
                            cell: CellRef(row: max(rowNumber, 1), column: next), "cell reference '\(r)' is out of place; the sheet is damaged",
                            id: "rujukan sel '\(r)' salah tempat; lembar rusak"))
                    return
                }
                column = ref.column
            } else {
                guard next <= 16_384 else {
                    fail(
                        WorkbookProblem(
                            cell: here, "the row has more columns than Excel allows", id: "baris memuat lebih banyak kolom daripada yang diizinkan Excel"));
                    return
                }
                column = next
            }
            inCell = true
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap { Int($0) } ?? 0
            value = TextRuns(limit: workbook.limits.maxCellCharacters)
            // An empty inline cell (`<c t="inlineStr"></c>`, as openpyxl writes '') is empty,
            // never the text of the inline cell before it.
            runs = TextRuns(limit: workbook.limits.maxCellCharacters)
            hasFormula = false
        case "v" where inCell: value.inT = true
        case "f" where inCell: hasFormula = true
        case "is" where inCell: inInline = true; runs = TextRuns(limit: workbook.limits.maxCellCharacters)
        default: break
        }
    }

    override func characters(_ string: String) {
        if value.inT { value.append(string) } else if inInline { runs.append(string) }
    }

    override func end(_ n: Substring) {
        if inInline {
            if n == "is" { inInline = false } else { runs.end(n) }
            return
        }
        switch n {
        case "v": value.inT = false
        case "c" where inCell:
            inCell = false
            finishCell()
        case "row":
            if !cells.isEmpty { rows.append(SheetGrid.Row(number: rowNumber, cells: cells)) }
            cells = []
        default: break
        }
    }

    private func finishCell() {
        let limit = workbook.limits.maxCellCharacters
        if value.overflow || runs.overflow {
            problem(
                WorkbookProblem(
                    cell: here, "the cell holds more than the \(limit) characters a cell may hold",
                    id: "sel berisi lebih dari \(limit) karakter, batas isi satu sel"))
            return
        }
        let value = value.text
        // A formula saved without its result (by a program that does not calculate) would
        // read as an empty cell; the value is not known, so it is refused.
        if hasFormula && value.isEmpty && type != "inlineStr" {
            problem(
                WorkbookProblem(
                    cell: here, "the cell holds a formula with no computed value; open and save the workbook in a spreadsheet program, or type the value",
                    id: "sel berisi rumus tanpa nilai terhitung; buka dan simpan buku kerja di program lembar kerja, atau ketik nilainya"))
            return
        }
        let text: CellText
        switch type {
        case "s":
            if value.isEmpty { return }
            if let k = Int(value.trimmingSpaces), workbook.sharedStrings.indices.contains(k) {
                text = .text(workbook.sharedStrings[k])
            } else {
                text = .problem(
                    Said(en: "shared string '\(value)' does not exist; the workbook is damaged", id: "teks bersama '\(value)' tidak ada; buku kerja rusak"))
            }
        case "inlineStr": text = .text(ExcelEscapes.decode(runs.text))
        case "str": text = .text(ExcelEscapes.decode(value))
        case "b": text = .text(value == "1" || value.lowercased() == "true" ? "TRUE" : "FALSE")
        case "e":
            text = .problem(
                Said(en: "the cell holds the error \(value); put the value itself in the cell", id: "sel berisi galat \(value); isikan nilainya sendiri ke sel")
            )
        case "d":
            // Strict OOXML: an ISO 8601 date (and time); its day is the calendar day.
            let t = value.trimmingSpaces
            text = .text(t.count >= 10 ? String(t.prefix(10)) : t)
        default:
            let t = value.trimmingSpaces
            if t.isEmpty { return }
            text = workbook.numberText(t, style: style)
        }
        switch text {
        case .text(let s):
            if s.isEmpty { return }
            if s.utf16.count > limit {
                problem(
                    WorkbookProblem(
                        cell: here, "the cell holds \(s.utf16.count) characters, more than the \(limit) a cell may hold",
                        id: "sel berisi \(s.utf16.count) karakter, melebihi batas \(limit) untuk satu sel"))
                return
            }
            // A shared string costs a few bytes each time it is used: its copies are counted.
            textBytes += s.utf8.count
            if textBytes > textBudget {
                fail(
                    WorkbookProblem(
                        cell: here,
                        "the sheet's cells hold more than \(textBudget) bytes of text, far more than its \(partBytes) bytes could honestly hold (a long shared string used over and over?); the workbook is refused",
                        id:
                            "sel-sel lembar berisi lebih dari \(textBudget) bita teks, jauh melebihi yang wajar untuk \(partBytes) bitanya (teks bersama panjang dipakai berulang?); buku kerja ditolak"
                    ))
                return
            }
            cells.append((column, s))
        case .problem(let m):
            problem(WorkbookProblem(cell: here, m))
        }
    }
}

extension String {
    /// Without the spaces and tabs around it, as Foundation's `.whitespaces` trimmed them
    /// before reading a workbook stopped needing Foundation: the space separators, the tab,
    /// and the zero-width space, which Linux's Foundation counts among them.
    var trimmingSpaces: String {
        func isSpace(_ u: Unicode.Scalar) -> Bool { u == "\t" || u == "\u{200B}" || u.properties.generalCategory == .spaceSeparator }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
