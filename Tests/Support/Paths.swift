/// Where the checkout is, worked out once from this file, so tests run from any folder and
/// any checkout.
public enum TestPaths {
    /// The package's root folder.
    public static let packageRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/Support/Paths.swift
        return parts.joined(separator: "/")
    }()

    /// The dataset shipped in this checkout.
    public static var shippedDataset: String { packageRoot + "/datasets/bekasi-2024" }
}
