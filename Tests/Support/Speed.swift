import Foundation
import Testing

extension Tag {
    /// Minutes rather than seconds: files of hundreds of megabytes, a process killed on
    /// purpose, a browser, LibreOffice or dpkg launched, a generated set whose size is the
    /// point, the server's load test. `make test-fast` leaves these out; `make test` (and
    /// `swift test`) runs everything. docs/DEVELOPING.md lists what each suite costs.
    @Tag public static var slow: Self
}

/// Which run this is.
public enum TestRun {
    /// `make test-fast` (`NETRA_TEST_FAST` set): the slow tests are skipped, and a test that is
    /// fast but for a browser launch leaves that launch out.
    public static var isFast: Bool { ProcessInfo.processInfo.environment["NETRA_TEST_FAST"] != nil }
}

extension Trait where Self == ConditionTrait {
    /// Skipped when `NETRA_TEST_FAST` is set (`make test-fast`), with the reason shown.
    public static var leftOutOfTheFastRun: Self {
        .enabled(if: !TestRun.isFast, "slow: left out of make test-fast")
    }
}
