import Foundation
import Testing
import NetraTestSupport

/// The modules import one way, in the data's order (docs/ARCHITECTURE.md), and each C
/// library is imported only where it is wrapped: read from the sources, so a new import
/// that breaks the order fails here before it tangles the build.
@Suite struct ArchitectureTests {
    /// Each module and the package modules it may import.
    static let allowed: [String: Set<String>] = [
        "NetraCore": [],
        "NetraWorkbook": ["NetraCore", "CZip", "CExpat"],
        "NetraLoad": ["NetraCore", "NetraWorkbook"],
        "NetraText": ["NetraCore"],
        "NetraAnalytics": ["NetraCore", "NetraText"],
        "NetraRender": ["NetraCore", "NetraText", "NetraAnalytics", "CGD", "CFreeType", "CHPDF"],
        "NetraWrite": ["NetraCore", "NetraLoad", "NetraText", "NetraAnalytics", "CXlsxWriter"],
        "NetraReport": ["NetraCore", "NetraText", "NetraAnalytics", "NetraRender", "NetraWrite"],
        // libzip also writes the zip of CSVs a browser downloads.
        "NetraServe": ["NetraCore", "NetraLoad", "NetraText", "NetraAnalytics", "NetraRender", "NetraWrite", "NetraReport", "CZip"],
        "netra": ["NetraCore", "NetraLoad", "NetraText", "NetraAnalytics", "NetraRender", "NetraWrite", "NetraReport", "NetraServe"],
        "netra-bench": ["NetraCore", "NetraLoad", "NetraText", "NetraAnalytics", "NetraRender", "NetraWrite", "NetraReport"]
    ]
    static let cLibraries: Set<String> = ["CZip", "CExpat", "CGD", "CFreeType", "CHPDF", "CXlsxWriter"]
    static let packageModules: Set<String> = Set(allowed.keys).union(cLibraries)

    /// The package modules each Swift file of `Sources/<module>` imports.
    static func imports(of module: String) throws -> [(file: String, imported: String)] {
        let folder = TestPaths.packageRoot + "/Sources/" + module
        let walker = try #require(FileManager.default.enumerator(atPath: folder))
        var found: [(String, String)] = []
        while let name = walker.nextObject() as? String {
            guard name.hasSuffix(".swift") else { continue }
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ").filter { !$0.hasPrefix("@") }
                guard words.count >= 2, words[0] == "import" || (words.count >= 3 && words[1] == "import") else { continue }
                let imported = String(words[words[0] == "import" ? 1 : 2])
                if packageModules.contains(imported) { found.append((module + "/" + name, imported)) }
            }
        }
        return found
    }

    @Test func modulesImportOneWayAndCLibrariesOnlyWhereWrapped() throws {
        var seen = 0
        for (module, may) in Self.allowed.sorted(by: { $0.key < $1.key }) {
            for (file, imported) in try Self.imports(of: module) {
                seen += 1
                #expect(may.contains(imported), "\(file) imports \(imported), which \(module) may not")
            }
        }
        // The walk found the imports it checks (a moved folder would otherwise pass silently).
        #expect(seen > 100)
        #expect(try Self.imports(of: "NetraRender").contains { $0.imported == "CGD" })
    }

    /// Every folder of Sources is a module the table above names, so a new module cannot
    /// escape the check.
    @Test func everyModuleIsInTheTable() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: TestPaths.packageRoot + "/Sources")
        #expect(Set(folders) == Set(Self.allowed.keys).union(Self.cLibraries))
    }
}
