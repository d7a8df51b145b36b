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
    /// What is compared of `f`: a chart's plan as text (what its PNG is drawn from, laid out
    /// through the same path), or its bytes: a chart's PNG when `drawing`, any other file always.
    static func content(_ f: OutputFile, drawing: Bool) throws -> [UInt8] {
        if !drawing, let plan = try f.planDump() { return Array(plan.utf8) }
        return try f.bytes()
    }

    /// Every file's content, taken in order (the PNGs before the page, or the page first), the
    /// PNGs named by `drawing` drawn.
    static func made(_ files: [OutputFile], reversed: Bool, drawing: (String) -> Bool) throws -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for f in reversed ? files.reversed() : files where !f.name.hasSuffix(".xlsx") {
            out[f.name] = try content(f, drawing: f.name.hasSuffix(".png") && drawing(f.name))
        }
        return out
    }

    /// The PNGs named by `drawing`, made with the page last, are compared byte for byte (drawn
    /// from the shared plans, in the fonts resolved apart); the plans are compared in every order.
    static func check(_ a: Analysis, _ options: JobOptions, drawing: (String) -> Bool = { _ in false }) throws {
        let plainFiles = ReportJob.build(a, options: options, sharingLayouts: false)
        let plain = try made(plainFiles, reversed: false) { _ in false }
        let plainPNGs = try made(plainFiles.filter { $0.name.hasSuffix(".png") && drawing($0.name) }, reversed: false) { _ in true }
        #expect(plain.keys.contains("report.html") && plain.keys.contains("timeline.png"))
        for reversed in [false, true] {
            let files = ReportJob.build(a, options: options, sharingLayouts: true)
            let shared = try made(files, reversed: reversed) { !reversed && drawing($0) }
            #expect(shared.keys.sorted() == plain.keys.sorted())
            for (name, b) in plain {
                #expect(shared[name] == (reversed ? b : plainPNGs[name] ?? b), "\(name), page made \(reversed ? "first" : "last")")
            }
            // Asked again after both users took them, the plans are laid out anew, the same.
            for f in files where f.name.hasSuffix(".png") { #expect(try content(f, drawing: false) == plain[f.name]) }
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
        // The timeline's PNG drawn from its shared plan (shared only past the detail limit; the
        // other charts' PNGs are drawn from shared plans in `shippedAtBothScales`).
        try Self.check(a, JobOptions(fonts: try FontSet.resolve())) { $0 == "timeline.png" }
        try Self.check(a, JobOptions(language: .en, size: .phone, fonts: try FontSet.resolve(), office: "Bawaslu Kota Bekasi"))
    }

    /// The shipped dataset, and at scale 2, where the page's plans (scale 1) are never the PNGs'.
    @Test func shippedAtBothScales() throws {
        let a = try shipped()
        #expect(SharedLayouts.forPNGs(at: JobOptions(fonts: try FontSet.resolve()).chartOptions) != nil)
        #expect(SharedLayouts.forPNGs(at: JobOptions(scale: 2, fonts: try FontSet.resolve()).chartOptions) == nil)
        try Self.check(a, JobOptions(fonts: try FontSet.resolve())) { _ in true }
        try Self.check(a, JobOptions(scale: 2, fonts: try FontSet.resolve()))
    }
}
