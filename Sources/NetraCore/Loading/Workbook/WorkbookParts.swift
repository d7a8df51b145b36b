import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The XML parts of a workbook, each read with Foundation's streaming (SAX) parser: a sheet is
/// never held as a tree.
class PartParser: NSObject, XMLParserDelegate {
    /// A problem found inside a callback, thrown once parsing stops.
    var failure: WorkbookProblem?

    /// The parser at work, for `fail`.
    var current: XMLParser?

    // On Linux the delegate's methods are witnessed here once; subclasses override these.
    func start(_ name: Substring, _ attributes: [String: String]) {}
    func characters(_ text: String) {}
    func end(_ name: Substring) {}

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        start(local(name), attributes)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { characters(string) }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        end(local(name))
    }

    func parse(_ data: Data, part: String) throws(WorkbookProblem) {
        // No spreadsheet program writes a DTD; one may declare entities that expand a small
        // part into gigabytes (a "billion laughs"). Refused before the parser sees it.
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            throw WorkbookProblem("\(part) declares a DTD or entities, which no spreadsheet program writes; the workbook is refused")
        }
        // Fed in chunks from a stream: libxml2 refuses a single chunk over 10 MB (a big sheet).
        let parser = XMLParser(stream: InputStream(data: data))
        current = parser
        defer { current = nil }
        parser.delegate = self
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let ok = parser.parse()
        if let failure { throw failure }
        if !ok {
            throw WorkbookProblem("\(part) is not well-formed XML (line \(parser.lineNumber)); the workbook is damaged")
        }
    }

    /// Stops parsing with `problem`.
    func fail(_ problem: WorkbookProblem) {
        if failure == nil { failure = problem }
        current?.abortParsing()
    }
}

/// `x:sheet` and `sheet` alike: names are matched without their prefix.
@inline(__always) func local(_ name: String) -> Substring {
    if let colon = name.lastIndex(of: ":") { return name[name.index(after: colon)...] }
    return name[...]
}

/// xl/workbook.xml: the sheets in order and the date system.
final class WorkbookPart: PartParser {
    var sheets: [(name: String, rid: String)] = []
    var date1904 = false

    override func start(_ name: Substring, _ attributes: [String: String]) {
        switch name {
        case "sheet":
            let rid = attributes.first { local($0.key) == "id" }?.value ?? ""
            sheets.append((attributes["name"] ?? "Sheet\(sheets.count + 1)", rid))
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
    var text = ""
    var inT = false
    var inPhonetic = 0

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
    var runs = TextRuns()
    var inItem = false
    let limit: Int
    /// The first string over the limit.
    var tooLong: Int?

    init(limit: Int) { self.limit = limit }

    override func start(_ n: Substring, _ attributes: [String: String]) {
        if n == "si" { inItem = true; runs = TextRuns() } else if inItem { runs.start(n) }
    }

    override func characters(_ string: String) {
        if inItem && runs.inT { runs.text += string }
    }

    override func end(_ n: Substring) {
        if n == "si" {
            inItem = false
            if tooLong == nil && runs.text.utf16.count > limit { tooLong = strings.count }
            strings.append(runs.text)
        } else if inItem { runs.end(n) }
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

    private var rowNumber = 0
    private var cells: [(column: Int, text: String)] = []
    private var column = 0
    // The cell being read.
    private var inCell = false
    private var type = "n"
    private var style = 0
    private var value = ""
    private var inValue = false
    private var inInline = false
    private var runs = TextRuns()
    private var hasFormula = false

    init(workbook: WorkbookFile) { self.workbook = workbook }

    private var here: CellRef { CellRef(row: max(rowNumber, 1), column: max(column, 1)) }

    override func start(_ n: Substring, _ attributes: [String: String]) {
        if inInline { runs.start(n); return }
        switch n {
        case "row":
            let next = rowNumber + 1
            if let r = attributes["r"] {
                guard let v = Int(r), v >= next, v <= 1_048_576 else {
                    fail(WorkbookProblem(cell: CellRef(row: next, column: 1), "row number '\(r)' is not after row \(rowNumber); the sheet is damaged"))
                    return
                }
                rowNumber = v
            } else {
                guard next <= 1_048_576 else { fail(WorkbookProblem("the sheet has more rows than Excel allows")); return }
                rowNumber = next
            }
            column = 0
            cells = []
        case "c":
            let next = column + 1
            if let r = attributes["r"] {
                guard let ref = CellRef(r), ref.row == rowNumber, ref.column >= next else {
                    fail(WorkbookProblem(cell: CellRef(row: max(rowNumber, 1), column: next), "cell reference '\(r)' is out of place; the sheet is damaged"))
                    return
                }
                column = ref.column
            } else {
                guard next <= 16_384 else { fail(WorkbookProblem(cell: here, "the row has more columns than Excel allows")); return }
                column = next
            }
            inCell = true
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap { Int($0) } ?? 0
            value = ""
            hasFormula = false
        case "v" where inCell: inValue = true
        case "f" where inCell: hasFormula = true
        case "is" where inCell: inInline = true; runs = TextRuns()
        default: break
        }
    }

    override func characters(_ string: String) {
        if inValue { value += string } else if inInline && runs.inT { runs.text += string }
    }

    override func end(_ n: Substring) {
        if inInline {
            if n == "is" { inInline = false } else { runs.end(n) }
            return
        }
        switch n {
        case "v": inValue = false
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
        // A formula saved without its result (by a program that does not calculate) would
        // read as an empty cell; the value is not known, so it is refused.
        if hasFormula && value.isEmpty && type != "inlineStr" {
            problems.append(WorkbookProblem(cell: here, "the cell holds a formula with no computed value; open and save the workbook in a spreadsheet program, or type the value"))
            return
        }
        let text: CellText
        switch type {
        case "s":
            if value.isEmpty { return }
            if let k = Int(value.trimmingCharacters(in: .whitespaces)), workbook.sharedStrings.indices.contains(k) {
                text = .text(workbook.sharedStrings[k])
            } else {
                text = .problem("shared string '\(value)' does not exist; the workbook is damaged")
            }
        case "inlineStr": text = .text(runs.text)
        case "str": text = .text(value)
        case "b": text = .text(value == "1" || value.lowercased() == "true" ? "TRUE" : "FALSE")
        case "e": text = .problem("the cell holds the error \(value); put the value itself in the cell")
        case "d":
            // Strict OOXML: an ISO 8601 date (and time); its day is the calendar day.
            let t = value.trimmingCharacters(in: .whitespaces)
            text = .text(t.count >= 10 ? String(t.prefix(10)) : t)
        default:
            let t = value.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { return }
            text = workbook.numberText(t, style: style)
        }
        switch text {
        case .text(let s):
            if s.isEmpty { return }
            if s.utf16.count > workbook.limits.maxCellCharacters {
                problems.append(WorkbookProblem(cell: here, "the cell holds \(s.utf16.count) characters, more than the \(workbook.limits.maxCellCharacters) a cell may hold"))
                return
            }
            cells.append((column, s))
        case .problem(let m):
            problems.append(WorkbookProblem(cell: here, m))
        }
    }
}
