import Testing
import Foundation
import NetraTestSupport

/// Issue 31, point 5: what the command line says of its own arguments, of the output folder
/// and of its progress is in the user's language: Indonesian by default, English with
/// `--lang en` — the argument parser's own errors included.
@Suite(.removingTemporaryFolders) struct CommandLineLanguageTests {
    /// Runs `args` with `--lang` `lang` (nil: none, so Indonesian) and expects exit `status`
    /// and `line` among stderr's lines.
    static func says(
        _ args: [String], lang: String?, status: Int32, _ line: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let r = try Netra.run(args + (lang.map { ["--lang", $0] } ?? []))
        #expect(r.status == status, "\(args): \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.split(separator: "\n").contains { $0 == line }, "\(args) \(lang ?? "-"): \(r.stderr)", sourceLocation: sourceLocation)
    }

    @Test func theParsersOwnErrors() throws {
        try Self.says(["report", "--foo"], lang: nil, status: 2, "Galat: Opsi '--foo' tidak dikenal. Maksud Anda '--from'?")
        try Self.says(["report", "--foo"], lang: "en", status: 2, "Error: Unknown option '--foo'. Did you mean '--from'?")
        try Self.says(["report", "--foo"], lang: nil, status: 2, "  Lihat 'netra report --help' untuk keterangan lebih lanjut.")
        try Self.says(["diff"], lang: nil, status: 2, "Galat: Argumen '<OLD>' belum diberikan")
        try Self.says(["diff"], lang: "en", status: 2, "Error: Missing expected argument '<OLD>'")
        // `--lang=en` is the same as `--lang en`.
        try Self.says(["diff", "--lang=en"], lang: nil, status: 2, "Error: Missing expected argument '<OLD>'")
    }

    @Test func netrasOwnUsageErrors() throws {
        try Self.says(
            ["briefing", "--month", "2024-13"], lang: nil, status: 2,
            "Galat: Nilai '2024-13' tidak sah untuk '--month <YYYY-MM>': '2024-13' bukan bulan; yang diharapkan YYYY-MM, mis. 2024-01")
        try Self.says(
            ["briefing", "--month", "2024-13"], lang: "en", status: 2,
            "Error: The value '2024-13' is invalid for '--month <YYYY-MM>': '2024-13' is not a month; expected YYYY-MM, e.g. 2024-01")
        try Self.says(["report", "--scale", "3"], lang: nil, status: 2, "Galat: --scale menerima 1 atau 2; yang diberikan 3")
        try Self.says(["report", "--scale", "3"], lang: "en", status: 2, "Error: --scale takes 1 or 2; got 3")
        try Self.says(["report", "--quiet", "--verbose"], lang: nil, status: 2, "Galat: --quiet dan --verbose tidak dapat dipakai bersama")
        try Self.says(["compare", "kota-bekasi"], lang: "en", status: 2, "Error: give two jurisdiction ids, or none for the default pair")
        try Self.says(["compare", "kota-bekasi"], lang: nil, status: 2, "Galat: beri dua id wilayah, atau tidak sama sekali untuk pasangan bawaan")
        try Self.says(
            ["generate", "--events", "0", "--out", Netra.tempDir("gen0")], lang: nil, status: 2, "Galat: --events harus lebih dari 0; yang diberikan 0")
        try Self.says(["generate", "--events", "0", "--out", Netra.tempDir("gen0")], lang: "en", status: 2, "Error: --events must be more than 0; got 0")
    }

    /// A mistyped `--kind` gets the nearest kind; the Indonesian name the charts print is taken.
    @Test func kindsAsTheChartsNameThem() throws {
        let all = "regulation, task_force, directive, sosialisasi, pledge, incident, response, report, decision, sanction, case_tally, statement"
        try Self.says(
            ["report", "--kind", "insident"], lang: nil, status: 2,
            "Galat: jenis 'insident' tidak dikenal (maksud Anda `incident`?); yang diharapkan salah satu dari: \(all)")
        try Self.says(
            ["report", "--kind", "insident"], lang: "en", status: 2,
            "Error: unknown kind 'insident' (did you mean `incident`?); expected one of: \(all)")
        let r = try Netra.run(["export", "events", "--kind", "insiden"])
        #expect(r.status == 0, "\(r.stderr)")
        // The shipped dataset's six incidents, as `--kind incident` gives them.
        #expect(r.stdout.split(separator: "\n").count == 7)
        #expect(r.stdout == (try Netra.run(["export", "events", "--kind", "incident"])).stdout)
    }

    /// The output folder's refusals, and a tally measure the data does not have.
    @Test func outputsAndMeasures() throws {
        try Self.says(
            ["report", "--out", "/dev/null/x"], lang: nil, status: 1,
            "netra: '/dev/null/x' tidak dapat dipakai sebagai folder keluaran: '/dev/null' adalah berkas, bukan folder")
        try Self.says(
            ["report", "--out", "/dev/null/x"], lang: "en", status: 1,
            "netra: cannot use '/dev/null/x' as the output folder: '/dev/null' is an existing file, not a folder")
        try Self.says(
            ["report", "--out", "."], lang: nil, status: 1,
            "netra: folder keluaran '.' adalah folder dataset '.'; events.csv-nya akan tertimpa: pilih --out lain")
        let out = Netra.tempDir("measure")
        let r = try Netra.run(["report", "--map-measure", "tally:XYZ", "--out", out])
        #expect(
            r.status == 2 && r.stderr.hasPrefix("netra: --map-measure tally:XYZ: tidak ada seri rekap dengan satuan 'XYZ'; data memiliki: tally:ASN:alleged"),
            "\(r.stderr)")
    }

    /// `--verbose` tells each step in the language of the run.
    @Test func progressSteps() throws {
        let out = Netra.tempDir("steps")
        let id = try Netra.run(["briefing", "--month", "2024-01", "--verbose", "--out", out + "/id"])
        #expect(id.status == 0, "\(id.stderr)")
        #expect(id.stderr.contains("… memuat ") && id.stderr.contains("… ringkasan 2024-01"), "\(id.stderr)")
        let en = try Netra.run(["briefing", "--month", "2024-01", "--verbose", "--lang", "en", "--out", out + "/en"])
        #expect(en.stderr.contains("… loading ") && en.stderr.contains("… briefing 2024-01"), "\(en.stderr)")
        #expect(!en.stderr.contains("memuat"))
    }
}
