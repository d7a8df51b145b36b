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

    /// Every file's content, taken in order (the PNGs before the page, or the page first).
    static func made(_ files: [OutputFile], reversed: Bool, drawing: Bool) throws -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for f in reversed ? files.reversed() : files where !f.name.hasSuffix(".xlsx") { out[f.name] = try content(f, drawing: drawing) }
        return out
    }

    /// With `drawing`, the PNGs made with the page last are compared byte for byte (drawn from
    /// the shared plans, in the fonts resolved apart); the plans are compared in every order.
    static func check(_ a: Analysis, _ options: JobOptions, drawing: Bool) throws {
        let plainFiles = ReportJob.build(a, options: options, sharingLayouts: false)
        let plain = try made(plainFiles, reversed: false, drawing: false)
        let plainPNGs = drawing ? try made(plainFiles.filter { $0.name.hasSuffix(".png") }, reversed: false, drawing: true) : [:]
        #expect(plain.keys.contains("report.html") && plain.keys.contains("timeline.png"))
        #expect(!drawing || plainPNGs.keys.contains("timeline.png"))
        for reversed in [false, true] {
            let drawn = drawing && !reversed
            let files = ReportJob.build(a, options: options, sharingLayouts: true)
            let shared = try made(files, reversed: reversed, drawing: drawn)
            #expect(shared.keys.sorted() == plain.keys.sorted())
            for (name, b) in plain {
                #expect(shared[name] == (drawn ? plainPNGs[name] ?? b : b), "\(name), page made \(reversed ? "first" : "last")")
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
        try Self.check(a, JobOptions(fonts: try FontSet.resolve()), drawing: true)
        try Self.check(a, JobOptions(language: .en, size: .phone, fonts: try FontSet.resolve(), office: "Bawaslu Kota Bekasi"), drawing: false)
    }

    /// The shipped dataset, and at scale 2, where the page's plans (scale 1) are never the PNGs'.
    @Test func shippedAtBothScales() throws {
        let a = try shipped()
        #expect(SharedLayouts.forPNGs(at: JobOptions(fonts: try FontSet.resolve()).chartOptions) != nil)
        #expect(SharedLayouts.forPNGs(at: JobOptions(scale: 2, fonts: try FontSet.resolve()).chartOptions) == nil)
        try Self.check(a, JobOptions(fonts: try FontSet.resolve()), drawing: true)
        try Self.check(a, JobOptions(scale: 2, fonts: try FontSet.resolve()), drawing: false)
    }
}
