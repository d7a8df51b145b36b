@testable import NetraWrite
import Testing
@testable import NetraCore

/// Names made from ids stay short enough, keep their extension, and never collide (issue 16, point 8).
@Suite struct OutputNameTests {
    @Test func distinctIDsGiveDistinctNamesWithinTheLimit() {
        let long = String(repeating: "é", count: 150), longer = String(repeating: "j", count: 300)
        let ids = ["kota-bekasi", "a/b", "a_b", long, longer, longer + "x"]
        let names = OutputFolder.distinctNames(ids, prefix: "monthly-", ext: ".png")
        #expect(Set(names).count == ids.count)
        #expect(names.allSatisfy { $0.utf8.count <= 255 && $0.hasSuffix(".png") && $0.hasPrefix("monthly-") && !$0.contains("/") })
        // An id that needs no change keeps its plain name; a changed one gets its hash.
        #expect(names[0] == "monthly-kota-bekasi.png")
        #expect(names[2] == "monthly-a_b.png")
        #expect(names[1] == "monthly-a_b-\(OutputFolder.hash8("a/b")).png")
        // The same ids give the same names on every run.
        #expect(OutputFolder.distinctNames(ids, prefix: "monthly-", ext: ".png") == names)
    }

    @Test func aLongNameIsCutByBytesAndKeepsItsExtension() {
        let name = OutputFolder.safeName(String(repeating: "é", count: 200) + ".csv")
        #expect(name.utf8.count <= 255 && name.hasSuffix(".csv"))
        #expect(OutputFolder.safeName(String(repeating: "x", count: 300)).utf8.count == 255)
    }
}
