import Testing
import NetraCore
import NetraAnalytics
import NetraRender
@testable import NetraLoad
@testable import NetraWrite
@testable import NetraReport

/// The report's charts laid out once for their PNG and report.html (FastPaths/SharedLayouts.swift)
/// make the same files as each laid out where it is used.
@Suite struct SharedLayoutsTests {
    /// Every file's bytes, made in `order` (the PNG before the page, or the page first).
    static func bytes(_ files: [OutputFile], reversed: Bool) throws -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for f in reversed ? files.reversed() : files where !f.name.hasSuffix(".xlsx") { out[f.name] = try f.bytes() }
        return out
    }

    static func check(_ a: Analysis, _ options: JobOptions) throws {
        let plain = try bytes(ReportJob.build(a, options: options, sharingLayouts: false), reversed: false)
        #expect(plain.keys.contains("report.html") && plain.keys.contains("timeline.png"))
        for reversed in [false, true] {
            let files = ReportJob.build(a, options: options, sharingLayouts: true)
            let shared = try bytes(files, reversed: reversed)
            #expect(shared.keys.sorted() == plain.keys.sorted())
            for (name, b) in plain { #expect(shared[name] == b, "\(name), page made \(reversed ? "first" : "last")") }
            // Asked again after both users took them, the plans are laid out anew, the same.
            for f in files where f.name.hasSuffix(".png") { #expect(try f.bytes() == plain[f.name]) }
        }
    }

    /// 2,000 generated events: the timeline's counted markers are laid out once too.
    @Test func generatedWideAndPhone() throws {
        let f = SyntheticDataset.make(events: 2_000, seed: 11)
        let a = Analysis(
            dataset: try DatasetLoader.load(
                jurisdictions: ("jurisdictions.csv", f.jurisdictions), elections: ("elections.csv", f.elections),
                events: ("events.csv", f.events), name: "generated-2k"))
        #expect(a.dataset.events.count > HTMLReport.detailLimit)
        try Self.check(a, JobOptions(fonts: try FontSet.resolve()))
        try Self.check(a, JobOptions(language: .en, size: .phone, fonts: try FontSet.resolve(), office: "Bawaslu Kota Bekasi"))
    }

    /// The shipped dataset, and at scale 2, where the page's plans (scale 1) are never the PNGs'.
    @Test func shippedAtBothScales() throws {
        let a = try shipped()
        #expect(SharedLayouts.forPNGs(at: JobOptions(fonts: try FontSet.resolve()).chartOptions) != nil)
        #expect(SharedLayouts.forPNGs(at: JobOptions(scale: 2, fonts: try FontSet.resolve()).chartOptions) == nil)
        try Self.check(a, JobOptions(fonts: try FontSet.resolve()))
        try Self.check(a, JobOptions(scale: 2, fonts: try FontSet.resolve()))
    }
}
