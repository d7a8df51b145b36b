// swift-tools-version: 6.0
// The libFuzzer target over the CSV reader, workbook reading and dataset validation (NetraLoad): `make fuzz`.
// A package of its own so that the root package never needs the fuzzer's compiler flags.
import PackageDescription

let package = Package(
    name: "NetraFuzz",
    dependencies: [
        .package(name: "Netra", path: "..")
    ],
    targets: [
        // Declares libFuzzer's driver, which main.swift calls.
        .target(name: "FuzzerDriver"),
        .executableTarget(
            name: "netra-fuzz",
            dependencies: [
                "FuzzerDriver", .product(name: "NetraCore", package: "Netra"), .product(name: "NetraLoad", package: "Netra"),
                .product(name: "NetraWorkbook", package: "Netra")
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
