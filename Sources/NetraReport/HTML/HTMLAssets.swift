/// The page's style and script, hand-written and inline: `report.html` fetches nothing.
/// They live as files beside this one (`report.css`, `report.js`), so an editor and a linter
/// see them as what they are, and are built into the binary.
enum HTMLAssets {
    /// Screen, phone (390 px and up, nothing wider than the screen, 44 px touch targets) and print.
    static let css = inline(PackageResources.report_css)

    /// Filters, search, sorting, the timeline (pan, zoom, details) and the permalinks. Values
    /// from the data only ever reach the page as `textContent` or attribute values, never as markup.
    static let script = inline(PackageResources.report_js)

    /// A file's text as the page inlines it: without the file's last line break, which the
    /// page's own markup supplies.
    private static func inline(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.last == 0x0A ? bytes.dropLast() : bytes[...], as: UTF8.self)
    }
}
