import Testing
import Foundation
@testable import NetraCore
import NetraTestSupport
@testable import NetraLoad

/// The schema of `events.csv` and the table in `datasets/README.md` say the same.
@Suite struct SchemaTests {
    static let readme = TestPaths.packageRoot + "/datasets/README.md"

    /// The rows of the README's `events.csv` table: column name and its "required" cell.
    static func readmeColumns() throws -> [(name: String, required: String)] {
        let text = try String(contentsOfFile: readme, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let head = try #require(lines.firstIndex { $0.hasPrefix("| column | required | meaning |") })
        var rows: [(String, String)] = []
        for line in lines[(head + 2)...] {
            guard line.hasPrefix("|") else { break }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            rows.append((cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`")), cells[2]))
        }
        return rows
    }

    @Test func readmeListsEveryColumnInSchemaOrderWithWhetherItIsRequired() throws {
        let rows = try Self.readmeColumns()
        #expect(rows.map(\.name) == EventColumn.names)
        for (row, column) in zip(rows, EventColumn.schema) {
            #expect((row.required == "yes") == column.isRequired, "\(column.name): README says '\(row.required)'")
        }
    }

    @Test func readmeListsEveryJurisdictionColumn() throws {
        let text = try String(contentsOfFile: Self.readme, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "## `jurisdictions.csv`"))
        let head = try #require(lines[start...].firstIndex { $0.hasPrefix("| column | meaning |") })
        var names: [String] = []
        for line in lines[(head + 2)...] {
            guard line.hasPrefix("|") else { break }
            names.append(line.split(separator: "|")[0].trimmingCharacters(in: CharacterSet(charactersIn: " `")))
        }
        #expect(names == JurisdictionColumn.names)
        #expect(JurisdictionColumn.requiredNames == ["id", "name", "level", "parent"])
    }

    @Test func aFileWithoutARequiredColumnIsToldWhichOnesItNeeds() throws {
        let csv = "id,date,precision,kind,jurisdiction,title\nx,2024-01-01,day,pledge,j,t\n"
        do {
            _ = try DatasetLoader.load(
                jurisdictions: ("j.csv", Array("id,name,level,parent\nj,J,kota,\n".utf8)),
                elections: ("e.csv", Array("id,name,date,scope\n".utf8)),
                events: ("events.csv", Array(csv.utf8)))
            Issue.record("a file without `source` loaded")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "events.csv:1:1: missing column 'source'; the header needs: " + EventColumn.requiredNames.joined(separator: ", ")
                ])
            #expect(EventColumn.requiredNames == ["id", "date", "precision", "kind", "jurisdiction", "title", "source"])
        }
    }

    @Test func positionsFollowTheHeaderNotTheSchemaOrder() {
        var table = Table(file: "events.csv", bytes: Array("notes,id,source\nn,x,s\n".utf8))
        var seen: [ColumnPositions] = []
        table.read(required: [], optional: EventColumn.names, order: EventColumn.names) { _, col, _, _ in
            seen.append(ColumnPositions(col))
        }
        #expect(seen.count == 1)
        #expect(seen.first?[.notes] == 0 && seen.first?[.id] == 1 && seen.first?[.source] == 2 && seen.first?[.title] == nil)
    }
}
