import ArgumentParser
import NetraCore

@main
struct Netra: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "netra",
        abstract: "Watch ASN neutrality around elections: charts, exports and briefings from a dataset of dated events.",
        subcommands: [Validate.self, Export.self, Compare.self, Generate.self]
    )
}
