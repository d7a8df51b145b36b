import ArgumentParser
import NetraCore
import NetraText
import NetraAnalytics

struct RegionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regions",
        abstract: "List Indonesia's provinces and kabupaten/kota with their Kemendagri codes, those matching TEXT when given.",
        discussion: """
            TEXT is a code (32.71, 3271, or 32 for a province and its kabupaten/kota' codes starting with it) or a part of \
            a name, in any case (bogor, "kota  bogor"). What it lists is what `netra init --region` takes. No match is a \
            usage error (exit 2) naming the nearest regions.
            """
    )

    @Argument(help: ArgumentHelp("A code or part of a name.", valueName: "TEXT"))
    var text: String?

    @Option(name: .long, help: "Language of the messages: id (Bahasa Indonesia) or en.")
    var lang: Language = .id

    func run() throws {
        let found = Regions.matching(text ?? "")
        if found.isEmpty, let text {
            let near = Regions.nearest(text).map { "\($0.kode) \($0.name)" }
            throw NetraFailure(exitCode: 2, message: Strings.noRegionMatches(text, nearest: near).text(lang))
        }
        var lines: [String] = []
        for r in found {
            let province = r.province.flatMap { Regions.region(kode: $0)?.name }
            lines.append(
                r.kode.padding(toLength: 6, withPad: " ", startingAt: 0) + r.name
                    + "  (" + r.level.rawValue + (province.map { ", " + $0 } ?? "") + ")")
        }
        try printStdout(lines.joined(separator: "\n"))
    }
}
