// swift-tools-version: 6.2
// 6.2: the id table reads bytes through `Span`, new in Swift 6.2; an older toolchain stops here with
// a version message rather than at the first `Span`.
import PackageDescription

// Release builds let the executables inline the libraries' small accessors (an event's text
// cell, a CSV field) across module boundaries: a million rows call each of them many times.
let speed: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

// No `platforms:` claim: Netra builds on Linux only (Glibc, libgd through pkg-config), and
// SwiftPM has no Linux entry to name.
let package = Package(
    name: "Netra",
    products: [
        .executable(name: "netra", targets: ["netra"]),
        .library(name: "NetraCore", targets: ["NetraCore"]),
        .library(name: "NetraWorkbook", targets: ["NetraWorkbook"]),
        .library(name: "NetraLoad", targets: ["NetraLoad"]),
        .library(name: "NetraText", targets: ["NetraText"]),
        .library(name: "NetraAnalytics", targets: ["NetraAnalytics"]),
        .library(name: "NetraRender", targets: ["NetraRender"]),
        .library(name: "NetraWrite", targets: ["NetraWrite"]),
        .library(name: "NetraReport", targets: ["NetraReport"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Only the tests' workbooks are written with it (reading is libzip's, below).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // `netra serve` only (NetraServe): the HTTP server, its password hash, its index of
        // versions (SQLite through GRDB), its log lines and its graceful stop.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // The session tokens' hash; Hummingbird's own dependencies build it already.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0")
    ],
    targets: [
        // libgd, found through pkg-config; nothing but NetraRender imports it.
        .systemLibrary(
            name: "CGD",
            pkgConfig: "gdlib",
            providers: [.apt(["libgd-dev"])]
        ),
        // FreeType, which libgd draws text with; NetraRender measures text with it directly
        // (GD/FastPaths/FreeTypeMeasure.swift). Nothing else imports it.
        .systemLibrary(
            name: "CFreeType",
            pkgConfig: "freetype2",
            providers: [.apt(["libfreetype-dev"])]
        ),
        // libxlsxwriter, found through pkg-config; nothing but NetraWrite imports it.
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // libzip, for reading .xlsx archives (bounds, sizes and CRC-32 checked); nothing but NetraWorkbook reads with it.
        .systemLibrary(
            name: "CZip",
            pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"])]
        ),
        // expat, the streaming parser for a workbook's XML parts; nothing but NetraWorkbook reads with it.
        .systemLibrary(
            name: "CExpat",
            pkgConfig: "expat",
            providers: [.apt(["libexpat1-dev"])]
        ),
        // libharu, which writes the briefing's PDF; Debian's libhpdf-dev has no pkg-config file, so
        // the module map links it by name. Nothing but NetraRender imports it.
        .systemLibrary(
            name: "CHPDF",
            providers: [.apt(["libhpdf-dev"])]
        ),
        // The dataset's model and its event graph: the event table, dates, the vocabulary, the
        // jurisdictions, the legal clocks, the regions of Indonesia, the schema of events.csv.
        // Regions/wilayah-kabkota.csv is built in (the regions of Indonesia, for `kode` and `init`),
        // and so are their boundaries for maps (Regions/Boundaries+Data.swift, made by
        // tools/make_boundaries.py: a string literal, which compiles in seconds where half a
        // megabyte of embedded bytes takes minutes).
        .target(
            name: "NetraCore",
            exclude: ["Regions/LICENSE-wilayah", "Regions/LICENSE-wilayah_boundaries", "Regions/README.md"],
            resources: [
                .embedInCode("Regions/wilayah-kabkota.csv"),
                // The legal clocks and the working-day calendar (Clocks/): shipped as data.
                .embedInCode("Clocks/clocks.csv"), .embedInCode("Clocks/hari-libur.csv")
            ],
            swiftSettings: speed
        ),
        // Reading .xlsx workbooks: the archive (libzip), the sheets' XML (expat), Excel's dates.
        .target(name: "NetraWorkbook", dependencies: ["CZip", "CExpat", "NetraCore"], swiftSettings: speed),
        // Loading a dataset (CSV or workbook) into the model: every check, warning and setting.
        .target(name: "NetraLoad", dependencies: ["NetraCore", "NetraWorkbook"], swiftSettings: speed),
        // The catalogue: every label in Indonesian and English, numbers and dates as each writes them.
        .target(name: "NetraText", dependencies: ["NetraCore"], swiftSettings: speed),
        // Counts, lead times, the comparison, trends, maps' values, a month's figures, the diff.
        .target(name: "NetraAnalytics", dependencies: ["NetraCore", "NetraText"], swiftSettings: speed),
        // The libgd layer, the chart kit and the charts (and the briefing's PDF, with libharu).
        .target(name: "NetraRender", dependencies: ["CGD", "CFreeType", "CHPDF", "NetraCore", "NetraText", "NetraAnalytics"], swiftSettings: speed),
        // Everything Netra writes: the output folder (atomic, never over an input, the manifest),
        // the CSV exports, workbooks (libxlsxwriter) and generated datasets.
        .target(name: "NetraWrite", dependencies: ["CXlsxWriter", "NetraCore", "NetraLoad", "NetraText", "NetraAnalytics"], swiftSettings: speed),
        // Jobs that tie it together: report, briefing, output folders.
        .target(
            name: "NetraReport", dependencies: ["NetraCore", "NetraText", "NetraAnalytics", "NetraRender", "NetraWrite"],
            // report.html's style and script, inlined into every page it writes.
            resources: [.embedInCode("HTML/report.css"), .embedInCode("HTML/report.js")],
            swiftSettings: speed),
        // `netra serve`: workspaces, versions and the web pages and API over the same jobs.
        // Nothing else in Netra depends on it.
        .target(
            name: "NetraServe",
            dependencies: [
                "NetraCore", "NetraLoad", "NetraText", "NetraAnalytics", "NetraRender", "NetraWrite", "NetraReport", "CZip",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
            ]
        ),
        .executableTarget(
            name: "netra",
            dependencies: [
                "NetraCore", "NetraLoad", "NetraText", "NetraAnalytics", "NetraRender", "NetraWrite", "NetraReport", "NetraServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ]
        ),
        // Times each stage at 10k, 100k and 1M events: `make bench`.
        .executableTarget(
            name: "netra-bench",
            dependencies: ["NetraCore", "NetraLoad", "NetraText", "NetraAnalytics", "NetraRender", "NetraWrite", "NetraReport"]
        ),
        // What every test target shares: the checkout's paths, temporary folders, golden files
        // (Goldens/, recorded by the jobs' tests and read by the built binary's) and the slow tag.
        .target(name: "NetraTestSupport", dependencies: ["NetraCore", "NetraLoad"], path: "Tests/Support", exclude: ["Goldens"]),
        .testTarget(name: "NetraCoreTests", dependencies: ["NetraTestSupport", "NetraCore", "NetraText", "NetraLoad", "NetraWrite"]),
        // Fixtures/ holds workbooks made by LibreOffice and openpyxl, read by path.
        .testTarget(
            name: "NetraWorkbookTests",
            dependencies: [
                "NetraTestSupport", "NetraCore", "NetraText", "NetraWorkbook", "NetraLoad", .product(name: "ZIPFoundation", package: "ZIPFoundation")
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "NetraLoadTests",
            dependencies: ["NetraTestSupport", "NetraCore", "NetraText", "NetraLoad", "NetraWrite", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "NetraTextTests", dependencies: ["NetraTestSupport", "NetraCore", "NetraText", "NetraAnalytics"]),
        .testTarget(name: "NetraAnalyticsTests", dependencies: ["NetraTestSupport", "NetraCore", "NetraText", "NetraLoad", "NetraAnalytics", "NetraWrite"]),
        .testTarget(
            name: "NetraRenderTests",
            dependencies: ["NetraTestSupport", "CGD", "NetraCore", "NetraText", "NetraLoad", "NetraAnalytics", "NetraRender", "NetraWrite"]),
        .testTarget(name: "NetraWriteTests", dependencies: ["NetraTestSupport", "NetraCore", "NetraText", "NetraLoad", "NetraAnalytics", "NetraWrite"]),
        .testTarget(
            name: "NetraReportTests",
            dependencies: ["NetraTestSupport", "NetraCore", "NetraText", "NetraLoad", "NetraAnalytics", "NetraRender", "NetraWrite", "NetraReport"]
        ),
        .testTarget(name: "NetraEndToEndTests", dependencies: ["NetraTestSupport", "netra", "NetraCore", "NetraText", "NetraLoad", "NetraWrite", "CGD"]),
        // Starts the real `netra serve` on a loopback port and talks HTTP to it (curl).
        .testTarget(
            name: "NetraServeTests", dependencies: ["NetraTestSupport", "netra", "NetraServe", "NetraCore", "NetraText", "NetraLoad"],
            exclude: ["browser_e2e.py"])
    ],
    swiftLanguageModes: [.v6]
)
