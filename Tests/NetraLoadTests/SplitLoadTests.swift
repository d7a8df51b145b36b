@testable import NetraLoad
@testable import NetraWrite
import Testing
@testable import NetraCore

/// A big events.csv is read on two cores; the result, and every message, must be what reading
/// it in one piece gives.
@Suite struct SplitLoadTests {
    /// About 2 MB of events.csv: past `DatasetLoader.splitBytes`.
    static let files = SyntheticDataset.make(events: 6_000, seed: 11)

    /// Read on two cores whatever the size (the split read and the links both), or on one.
    static func load(_ events: [UInt8], parallel: Bool) throws(DatasetError) -> Dataset {
        try DatasetLoader.load(
            jurisdictions: ("jurisdictions.csv", files.jurisdictions),
            elections: ("elections.csv", files.elections),
            events: ("events.csv", events),
            speed: parallel ? DatasetLoader.LoadSpeed(twoCoreBytes: 0, twoCoreLinks: 0) : .oneCore)
    }

    static func diagnostics(_ events: [UInt8], parallel: Bool) -> [String] {
        do { _ = try load(events, parallel: parallel); return [] } catch { return error.diagnostics.map(\.description) }
    }

    /// A row counter for `Table.readInTwo`.
    struct Rows: Sendable { var lines: [Int] = [] }

    @Test func theFileIsReallyCutInTwoAtARowBoundary() throws {
        #expect(Self.files.events.count > DatasetLoader.splitBytes)
        let table = Table(file: "events.csv", bytes: Self.files.events)
        var parts: [Int] = []
        let split = table.readInTwo(
            required: EventColumn.requiredNames, optional: EventColumn.optionalNames, order: EventColumn.names,
            minimumBytes: DatasetLoader.splitBytes, make: { _, _ in Rows() },
            row: { state, rec, _, _ in
                state.lines.append(rec.line); return true
            },
            join: { first, second, shift in
                parts = [first.lines.count, second.lines.count]; first.lines += second.lines.map { $0 + shift }; return true
            })
        let (header, joined) = try #require(split)
        #expect(header.count == EventColumn.names.count)
        #expect(joined.lines.count == 6_000)
        // Neither half is nearly empty, and the second picks up the line count where the first stops.
        #expect(parts.count == 2 && parts.allSatisfy { $0 > 1_000 })
        #expect(joined.lines.first == 2)
        let sequential = try Self.load(Self.files.events, parallel: false)
        #expect(joined.lines == sequential.events.map(\.line))
    }

    /// Every column's cells of event `k` as the input writes them, from the schema itself: a
    /// new column is compared without this test changing.
    static func cells(_ d: Dataset, _ k: EventIndex) -> [String] {
        EventColumn.allCases.map { $0.cell(d.events, k).text(d.events) { d.jurisdictions[$0].id } }
            + d.events.extras[k] + ["line \(d.events.lines[k])"]
    }

    /// The generated file read as CSV, its rows (fields by the schema's names) changed by
    /// `change`, and written again; `adding` rows at the end.
    static func rewritten(adding: [[String: String]] = [], _ change: (_ row: Int, inout [String: String]) -> Void = { _, _ in }) -> [UInt8] {
        // The generator writes the schema's columns, in its order.
        let header = EventColumn.names
        var rows = Self.rows
        for n in rows.indices { change(n, &rows[n]) }
        func quoted(_ s: String) -> String {
            guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
            var out = "\""
            for c in s.unicodeScalars { if c == "\"" { out += "\"\"" } else { out.unicodeScalars.append(c) } }
            return out + "\""
        }
        let lines = [header.joined(separator: ",")] + (rows + adding).map { r in header.map { quoted(r[$0] ?? "") }.joined(separator: ",") }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// The generated rows read as CSV.
    static let rows: [[String: String]] = {
        var header: [String] = [], rows: [[String: String]] = []
        _ = CSVReader.read(files.events, delimiter: 0x2C) { rec in
            let fields = (0..<rec.count).map { rec.string($0) }
            if header.isEmpty { header = fields } else { rows.append(Dictionary(uniqueKeysWithValues: zip(header, fields))) }
        }
        return rows
    }()

    /// The generated file with `title_en` and `known_date` filled on every row (the
    /// generator leaves them empty), so that the halves have something to differ in.
    static let filled = rewritten { n, row in
        row["title_en"] = "English title \(n)"
        row["known_date"] = row["source_date"]
    }

    @Test func twoCoresLoadExactlyWhatOneCoreLoads() throws {
        let a = try Self.load(Self.filled, parallel: true)
        let b = try Self.load(Self.filled, parallel: false)
        #expect(a.events.count == 6_000 && b.events.count == 6_000)
        // The filled columns are really there, in both halves.
        let en = try #require(EventColumn.allCases.firstIndex(of: .titleEN))
        #expect(Self.cells(a, 10)[en].hasPrefix("English title") && Self.cells(a, 5_990)[en].hasPrefix("English title"))
        #expect(a.events.knownDates[10] != nil && a.events.knownDates[5_990] != nil)
        var differing = 0
        for k in a.events.indices where Self.cells(a, k) != Self.cells(b, k) {
            differing += 1
            if differing <= 3 { Issue.record("event \(k): \(Self.cells(a, k)) != \(Self.cells(b, k))") }
        }
        #expect(differing == 0)
        // Ids from both halves are found, by the same index.
        for k: EventIndex in [0, 1, 2_999, 3_000, 3_001, 5_999] {
            #expect(a.eventsByID[a.events[k].id] == k)
        }
        #expect(a.eventsByID["no-such-event"] == nil)
        #expect(a.eventsByID.count == 6_000)
        // Cells with doubled quotes (undone into the second half's own bytes) read the same.
        #expect(a.events[3_000...].contains { $0.title.contains("\"") || $0.quote.contains("\"") })
        #expect(Set(a.events.map(\.source)) == Set(b.events.map(\.source)))
    }

    /// Notes over two lines on every third row, and a bad link near the end: the second part's
    /// lines (counted from 1 while it is read, then moved past the first's) are the file's.
    @Test func linesInsideQuotesAreCountedAcrossTheCut() throws {
        var added = Self.rows[7]
        added["id"] = "added-at-the-end"
        added["links"] = "part_of:no-such-event"
        for cell in ["title", "title_en", "actors", "place", "quote", "notes"] { added[cell] = "one line" }
        let lines = Self.rewritten(adding: [added]) { n, row in if n % 3 == 0 { row["notes"] = "first line\nsecond, \"quoted\" line" } }
        let twoLines = Self.rewritten { n, row in if n % 3 == 0 { row["notes"] = "first line\nsecond line" } }
        let a = try Self.load(twoLines, parallel: true), b = try Self.load(twoLines, parallel: false)
        // Each of the 2,000 rows 0, 3, …, 5,997 takes one more line than with one-line notes.
        let asGenerated = try Self.load(Self.rewritten { n, row in if n % 3 == 0 { row["notes"] = "one line" } }, parallel: false)
        let last = EventIndex(5_999)
        #expect(a.events.lines[last] == asGenerated.events.lines[last] + 2_000)
        #expect(a.events.lines.values == b.events.lines.values)
        #expect(a.events.indices.allSatisfy { Self.cells(a, $0) == Self.cells(b, $0) })
        let told = Self.diagnostics(lines, parallel: true)
        #expect(told == Self.diagnostics(lines, parallel: false))
        // The added row, on one line, is the file's last line.
        let lastLine = lines.count(where: { $0 == 0x0A })
        #expect(lastLine > 8_000)
        #expect(told.count == 1 && told[0].hasPrefix("events.csv:\(lastLine):"))
        #expect(told[0].contains("links: link to unknown event 'no-such-event'"))
    }

    /// The rows as lines: a generated file has no line breaks inside quotes on the rows changed here.
    static func replacingRow(_ n: Int, in bytes: [UInt8], _ change: (String) -> String) -> [UInt8] {
        var rows = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        rows[n] = change(rows[n])
        return Array(rows.joined(separator: "\n").utf8)
    }

    /// The file's lines, and the last one that is a whole row with no quotes in it.
    static func lastPlainRow() throws -> (lines: [Substring], last: Int) {
        let lines = String(decoding: files.events, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        var plain = -1, quotes = 0
        for (n, line) in lines.enumerated() {
            let q = line.filter { $0 == "\"" }.count
            // A line starts a row only when every quote before it is closed.
            if n > 0, quotes % 2 == 0, q == 0, line.split(separator: ",", omittingEmptySubsequences: false).count == EventColumn.names.count {
                plain = n
            }
            quotes += q
        }
        return (lines, try #require(plain > lines.count / 2 ? plain : nil))
    }

    @Test func anIDRepeatedAcrossTheHalvesIsReportedWhereItRepeats() throws {
        let (lines, last) = try Self.lastPlainRow()
        let firstID = try #require(lines[1].split(separator: ",").first).description
        let oldID = try #require(lines[last].split(separator: ",").first).description
        let events = Self.replacingRow(last, in: Self.files.events) { row in firstID + row.dropFirst(oldID.count) }
        let split = Self.diagnostics(events, parallel: true)
        #expect(split == Self.diagnostics(events, parallel: false))
        #expect(split.contains("events.csv:\(last + 1):1: id: duplicate id '\(firstID)' (first on line 2)"))
    }

    @Test func aBadDateInTheSecondHalfIsReportedAsInOnePiece() throws {
        let (lines, last) = try Self.lastPlainRow()
        let fields = lines[last].split(separator: ",", omittingEmptySubsequences: false)
        let date = String(fields[1])
        #expect(date.count >= 4)
        let events = Self.replacingRow(last, in: Self.files.events) { _ in
            var changed = fields.map(String.init)
            changed[1] = "2024-02-30"
            return changed.joined(separator: ",")
        }
        let split = Self.diagnostics(events, parallel: true)
        #expect(split == Self.diagnostics(events, parallel: false))
        let column = fields[0].count + 2
        #expect(split.contains { $0.hasPrefix("events.csv:\(last + 1):\(column): date: impossible date '2024-02-30'") })
    }

    /// Rules that compare rows run on the joined table: a link from the second half to the
    /// first is resolved, an unknown one reported, and a cycle through both halves found, as
    /// in one piece.
    @Test func linksAcrossTheHalvesAreResolvedAndCheckedAsInOnePiece() throws {
        // Row 5 is in the first half of the file's bytes; a row added at the end in the second.
        var added = Self.rows[5]
        let causeID = try #require(added["id"])
        added["id"] = causeID + "-part"
        // part_of: not causal, so no date order applies.
        added["links"] = "part_of:\(causeID)"
        let linked = Self.rewritten(adding: [added])
        let a = try Self.load(linked, parallel: true), b = try Self.load(linked, parallel: false)
        let effect = try #require(a.eventsByID[causeID + "-part"]), cause = try #require(a.eventsByID[causeID])
        #expect(effect.raw == 6_000 && cause.raw == 5)
        #expect(a.events.links[effect] == [Link(relation: .partOf, target: cause)])
        #expect(b.events.links[effect] == a.events.links[effect])

        added["links"] = "part_of:\(causeID)-gone"
        let unknown = Self.rewritten(adding: [added])
        let told = Self.diagnostics(unknown, parallel: true)
        #expect(told == Self.diagnostics(unknown, parallel: false))
        #expect(told.count == 1 && told.allSatisfy { $0.contains(": links: link to unknown event '\(causeID)-gone'") })

        added["links"] = "part_of:\(causeID)"
        let cycle = Self.rewritten(adding: [added]) { n, row in if n == 5 { row["links"] = "part_of:\(causeID)-part" } }
        let cycled = Self.diagnostics(cycle, parallel: true)
        #expect(cycled == Self.diagnostics(cycle, parallel: false))
        #expect(cycled.count == 1 && cycled.allSatisfy { $0.contains("links: cycle: \(causeID)") && $0.contains("\(causeID)-part") })
    }

    /// A row of the first half copied at the end of the second under another id is found as
    /// a possible duplicate of it, as in one piece.
    @Test func aPossibleDuplicateAcrossTheHalvesIsFound() throws {
        var copy = Self.rows[5]
        let firstID = try #require(copy["id"])
        copy["id"] = firstID + "-copy"
        copy["links"] = ""
        let copied = Self.rewritten(adding: [copy])
        let a = try Self.load(copied, parallel: true), b = try Self.load(copied, parallel: false)
        func pairs(_ d: Dataset) -> [String] { PossibleDuplicates.find(d.events).map { "\(d.events.id($0.first))/\(d.events.id($0.second))" } }
        #expect(pairs(a) == pairs(b))
        #expect(pairs(a).contains("\(firstID)/\(firstID)-copy"))
        #expect(a.eventsByID[firstID + "-copy"] == 6_000)
    }

    /// Each fast path on its own (two cores scanning byte by byte, one core scanning eight
    /// bytes at a time) loads what the plain path loads, and reports what it reports.
    @Test func eachFastPathAloneLoadsWhatThePlainPathLoads() throws {
        let speeds = [
            DatasetLoader.LoadSpeed(twoCoreBytes: 0, twoCoreLinks: 0, eightByteScanBytes: .max),
            DatasetLoader.LoadSpeed(twoCoreBytes: .max, twoCoreLinks: .max, eightByteScanBytes: 0)
        ]
        func load(_ events: [UInt8], _ speed: DatasetLoader.LoadSpeed) throws(DatasetError) -> Dataset {
            try DatasetLoader.load(
                jurisdictions: ("jurisdictions.csv", Self.files.jurisdictions),
                elections: ("elections.csv", Self.files.elections),
                events: ("events.csv", events), speed: speed)
        }
        let plain = try load(Self.filled, .oneCore)
        let broken = Self.replacingRow(4_000, in: Self.files.events) { $0 + ",\"open" }
        let plainProblems: [String]
        do { _ = try load(broken, .oneCore); plainProblems = [] } catch { plainProblems = error.diagnostics.map(\.description) }
        #expect(!plainProblems.isEmpty)
        for speed in speeds {
            let d = try load(Self.filled, speed)
            #expect(d.events.count == plain.events.count)
            #expect(d.events.indices.allSatisfy { Self.cells(d, $0) == Self.cells(plain, $0) })
            do { _ = try load(broken, speed); Issue.record("the broken file loaded") } catch {
                #expect(error.diagnostics.map(\.description) == plainProblems)
            }
        }
    }
}
