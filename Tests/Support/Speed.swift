import Foundation
import Testing

extension Tag {
    /// Minutes rather than seconds: files of hundreds of megabytes, a process killed on
    /// purpose, a browser, LibreOffice or dpkg launched. `make test-fast` leaves these out;
    /// `make test` (and `swift test`) runs everything.
    @Tag public static var slow: Self
}

extension Trait where Self == ConditionTrait {
    /// Skipped when `NETRA_TEST_FAST` is set (`make test-fast`), with the reason shown.
    public static var leftOutOfTheFastRun: Self {
        .enabled(if: ProcessInfo.processInfo.environment["NETRA_TEST_FAST"] == nil, "slow: left out of make test-fast")
    }
}
