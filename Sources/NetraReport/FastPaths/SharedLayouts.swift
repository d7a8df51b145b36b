import Synchronization
import NetraRender

/// Charts laid out once (and the lead-time chart, whose series hold every measured value, made once) for both their PNG and `report.html` (issue 34): the page draws the
/// same charts at the PNGs' options (scale 1, the PNGs' size), and laying out the timeline,
/// lead-time and cases charts a second time was a tenth of the 1M report's CPU.
///
/// The plain path lays out each chart where it is used (`ReportJob.build(…, sharingLayouts:
/// false)`); `ReportJobTests.sharedLayoutsMakeTheSameFiles` checks both give the same bytes.
/// A plan is kept only until its second user has taken it (the PNG and the page): a later
/// ask, or one at other options, lays the chart out again.
final class SharedLayouts: Sendable {
    /// The options the PNGs are drawn at.
    let options: ChartOptions
    private let slots = Mutex<[String: Slot]>([:])

    /// Layouts shared at `options` (the PNGs'), or nil when report.html can never ask for
    /// them (it lays out at scale 1 only).
    static func forPNGs(at options: ChartOptions) -> SharedLayouts? {
        options.scale == 1 ? SharedLayouts(options: options) : nil
    }

    private init(options: ChartOptions) { self.options = options }

    /// `key`'s layout at `options`: made once for its two users when `options` are the PNGs',
    /// else made here.
    func layout<P: Sendable, E: Error>(_ key: String, options o: ChartOptions, _ make: () throws(E) -> P) throws(E) -> P {
        guard Self.same(o, options) else { return try make() }
        let slot = slots.withLock { s in
            if let slot = s[key] { return slot }
            let slot = Slot()
            s[key] = slot
            return slot
        }
        return try slot.take(make)
    }

    /// True when both options lay a chart out the same way: every option, compared whole, so
    /// that an option added later cannot be left out.
    static func same(_ a: ChartOptions, _ b: ChartOptions) -> Bool { a == b }

    /// One layout and how many of its two users are still to take it. The lock is held while
    /// it is made: the other user waits for it rather than making it again.
    private final class Slot: Sendable {
        private let state = Mutex<(value: (any Sendable)?, left: Int)>((nil, 2))

        func take<P: Sendable, E: Error>(_ make: () throws(E) -> P) throws(E) -> P {
            try state.withLock { (s: inout (value: (any Sendable)?, left: Int)) throws(E) -> P in
                let made: P
                if let kept = s.value as? P { made = kept } else { made = try make() }
                s.left -= 1
                s.value = s.left > 0 ? made : nil
                return made
            }
        }
    }
}

/// Laid out through `shared` when there is one, else made here (the plain path).
func sharedLayout<P: Sendable, E: Error>(
    _ shared: SharedLayouts?, _ key: String, options: ChartOptions,
    _ make: () throws(E) -> P
) throws(E) -> P {
    guard let shared else { return try make() }
    return try shared.layout(key, options: options, make)
}

/// `chart` laid out at `options` (drawn when its PNG is asked for), its layout taken from
/// `shared` when there is one (the plain path: `Chart.laidOut`).
func rendered<C: Chart>(_ chart: () -> C, _ shared: SharedLayouts?, _ key: String, options: ChartOptions) throws(RenderError) -> LaidOutChart<C.Plan> {
    guard let shared else { return try chart().laidOut(options: options) }
    let plan = try shared.layout(key, options: options) { () throws(RenderError) in try chart().layout(options: options) }
    return LaidOutChart(plan, fonts: try FontSet.resolve(path: options.fontPath, boldPath: options.boldFontPath))
}
