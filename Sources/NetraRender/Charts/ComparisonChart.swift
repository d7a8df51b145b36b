import NetraCore
import NetraText
import NetraAnalytics

/// One compared figure: its row, both values and both bars.
public struct ComparisonRow: Sendable, Hashable {
    /// 0 prevention, 1 incidents by status, 2 pledge signatories.
    public var panel: Int
    /// The row name.
    public var label: String
    /// The kind whose colour the bars take.
    public var kind: EventKind
    /// The value for the first jurisdiction; nil when unknown (drawn "—", with no bar).
    public var a: Int?
    /// The second jurisdiction’s value; nil when unknown.
    public var b: Int?
    /// Bars: the first jurisdiction's grows left from the centre, the second's right.
    public var barA: ChartRect
    /// The second jurisdiction’s bar.
    public var barB: ChartRect
}

/// One section of the comparison (prevention, incidents, signatories) and the scale drawn
/// under it: each section has its own, stated by its ticks.
public struct ComparisonSection: Sendable, Hashable {
    /// 0 prevention, 1 incidents by status, 2 pledge signatories.
    public var panel: Int
    /// Its title.
    public var title: String
    /// The value a bar of `length` pixels stands for (the last tick).
    public var scaleMax: Double
    /// Pixels from the centre line to the last tick.
    public var length: Double
    /// Ticks under the first jurisdiction's half (growing left) and the second's (right).
    public var ticksA: [AxisTick]
    public var ticksB: [AxisTick]
}

/// The laid-out comparison of two jurisdictions.
public struct ComparisonPlan: Sendable {
    /// What is drawn.
    public var chart: ChartPlan
    /// Indices into `Dataset.jurisdictions`: left, right.
    public var first: JurisdictionIndex
    /// Right-hand jurisdiction.
    public var second: JurisdictionIndex
    /// Rows, panel by panel.
    public var rows: [ComparisonRow]
    /// The three sections' scales, in panel order.
    public var sections: [ComparisonSection]
    /// Legend entries.
    public var legend: [LegendEntry]
}

/// Two jurisdictions side by side: prevention events by kind, incidents by status, pledge signatories.
public struct ComparisonChart: Chart {
    /// The figures drawn: the same value `compare.csv` is written from.
    public var comparison: Comparison
    /// Names the jurisdictions and the footer's source.
    public var dataset: Dataset

    /// The chart of `comparison`; `dataset` names its jurisdictions and the footer's source.
    public init(_ comparison: Comparison, dataset: Dataset) {
        self.comparison = comparison; self.dataset = dataset
    }

    /// The comparison of jurisdictions `first` and `second` (indices) of `analysis`; throws for
    /// an index out of range.
    public init(_ analysis: Analysis, first: JurisdictionIndex, second: JurisdictionIndex) throws(RenderError) {
        let n = analysis.dataset.jurisdictions.count
        for j in [first, second] where !(0..<n).contains(j.raw) {
            throw .invalidInput("jurisdiction index \(j) is out of range (the dataset has \(n))")
        }
        self.init(analysis.compare(first, second), dataset: analysis.dataset)
    }

    /// Lays out the column heads, the three sections and their bars, each section on a scale
    /// of its own that is drawn under it (ticks on both halves), so that 2 incidents and
    /// 24.013 signatories are never read off one silent length: the steps of `ComparisonLayout`.
    public func layout(_ ctx: ChartContext) throws(RenderError) -> ComparisonPlan {
        let nameA = try ctx.jurisdictionName(dataset, comparison.a), nameB = try ctx.jurisdictionName(dataset, comparison.b)
        let frame = try self.frame(ctx, nameA: nameA, nameB: nameB)
        var steps = try ComparisonLayout(self, ctx, frame: frame, specs: specs(ctx.lang))
        return try steps.run(nameA: nameA, nameB: nameB)
    }

    /// A row to draw: its panel, name, colour's kind and both values (nil: unknown), with the
    /// text said instead of a value when it needs more than the number.
    struct Spec {
        var panel: Int; var label: String; var kind: EventKind; var a: Int?; var b: Int?; var bold: Bool
        var textA: String? = nil, textB: String? = nil
    }

    /// The rows: every prevention kind and a total; the incident statuses seen (all four
    /// always, "no status" only when it occurs); signatories.
    func specs(_ lang: Language) -> [Spec] {
        let c = comparison, (ka, kb) = c.breakdown
        var specs: [Spec] = []
        for k in EventKind.allCases.filter(\.isPrevention) {
            specs.append(
                Spec(panel: 0, label: Strings.kind(k).text(lang), kind: k, a: ka.preventionByKind[k] ?? 0, b: kb.preventionByKind[k] ?? 0, bold: false))
        }
        let total = c.counts(.preventionEvents)
        specs.append(Spec(panel: 0, label: StringKey.total.text(lang), kind: .regulation, a: total.a, b: total.b, bold: true))
        var statuses: [CaseStatus?] = CaseStatus.allCases.map { $0 }
        if ka.incidentsWithoutStatus > 0 || kb.incidentsWithoutStatus > 0 { statuses.append(nil) }
        for st in statuses {
            let n: (a: Int, b: Int) = st.map { c.counts(Self.metric($0)) } ?? (ka.incidentsWithoutStatus, kb.incidentsWithoutStatus)
            specs.append(Spec(panel: 1, label: Strings.status(st).text(lang), kind: .incident, a: n.a, b: n.b, bold: false))
        }
        // No pledge with a count is unknown, not zero: "—", explained by a note. Some pledges
        // without one make the sum a lower bound: "+".
        func signatoryText(_ signatories: Int?, _ k: Comparison.Breakdown) -> String? {
            guard let signatories else { return Strings.unknownMark }
            return k.uncountedPledges > 0 ? Strings.atLeast(NumberFormat.number(signatories, lang)).text(lang) : nil
        }
        let signed = c.figures(.pledgeSignatories)
        specs.append(
            Spec(
                panel: 2, label: StringKey.signatories.text(lang), kind: .pledge, a: signed.a, b: signed.b,
                bold: false, textA: signatoryText(signed.a, ka), textB: signatoryText(signed.b, kb)))
        return specs
    }

    /// Step 1: rows name their kinds, so no legend repeats them; what was compared leads the
    /// subtitle. The title names the sides in full when that fits on two lines, else by their
    /// short names.
    func frame(_ ctx: ChartContext, nameA: String, nameB: String) throws(RenderError) -> FrameLayout {
        let lang = ctx.lang, c = comparison, first = c.a, second = c.b
        var title = Self.headline(c, nameA, nameB, lang)
        if try ctx.overflows(title, ctx.theme.title, maxLines: 2) { title = Self.headline(c, nameA, nameB, lang, short: true) }
        return try Frame.layout(
            FrameSpec(
                title: title,
                subtitle: StringKey.comparisonTitle.text(lang) + " · \(nameA) vs \(nameB)"
                    + (dataset.hasJurisdictions(under: first) || dataset.hasJurisdictions(under: second) ? " · " + StringKey.withinNote.text(lang) : ""),
                footer: ChartText.sourceFooter(dataset, lang, outlets: c.outlets), legend: [],
                filter: ChartText.filterNote(dataset, lang)), theme: ctx.theme, measurer: ctx.measurer)
    }

    /// The title, from the figures: prevention on each side (the larger first), then where
    /// the incidents are, naming each side by what tells it apart (`Kota`, `Kabupaten`).
    /// `short` (for a title that would not fit) names the sides by those words throughout, tersely.
    static func headline(_ c: Comparison, _ fullA: String, _ fullB: String, _ lang: Language, short: Bool = false) -> String {
        let p = c.counts(.preventionEvents), inc = c.counts(.incidentsTotal)
        let (shortA, shortB) = shortNames(fullA, fullB)
        let nameA = short ? shortA : fullA, nameB = short ? shortB : fullB
        let n = { (v: Int) in NumberFormat.number(v, lang) }
        let aFirst = p.a >= p.b
        let lead: Phrase
        if short {
            lead =
                aFirst
                ? Strings.comparePreventionShort(first: nameA, n(p.a), second: nameB, n(p.b))
                : Strings.comparePreventionShort(first: nameB, n(p.b), second: nameA, n(p.a))
        } else if p.a == p.b {
            lead = Strings.comparePreventionEqual(first: nameA, second: nameB, n(p.a), count: p.a)
        } else if aFirst {
            lead = Strings.comparePrevention(first: nameA, n(p.a), second: nameB, n(p.b), count: p.a)
        } else {
            lead = Strings.comparePrevention(first: nameB, n(p.b), second: nameA, n(p.a), count: p.b)
        }
        let tail: Phrase
        switch (inc.a > 0, inc.b > 0) {
        case (false, false): tail = Strings.compareNoIncidents
        case (true, false): tail = Strings.compareIncidentsOnly(shortA)
        case (false, true): tail = Strings.compareIncidentsOnly(shortB)
        case (true, true):
            tail =
                aFirst
                ? Strings.compareIncidents(n(inc.a), in: shortA, n(inc.b), in: shortB)
                : Strings.compareIncidents(n(inc.b), in: shortB, n(inc.a), in: shortA)
        }
        return lead.text(lang) + " — " + tail.text(lang)
    }

    /// Two names without the words they end in alike (`Kota Bekasi`, `Kabupaten Bekasi` →
    /// `Kota`, `Kabupaten`); as given when that would leave either empty or both alike.
    static func shortNames(_ a: String, _ b: String) -> (String, String) {
        var wa = a.split(separator: " "), wb = b.split(separator: " ")
        while wa.count > 1, wb.count > 1, wa.last == wb.last { wa.removeLast(); wb.removeLast() }
        let sa = wa.joined(separator: " "), sb = wb.joined(separator: " ")
        return sa.isEmpty || sb.isEmpty || sa == sb || (sa == a && sb == b) ? (a, b) : (sa, sb)
    }

    /// The metric counting incidents of `status`.
    static func metric(_ status: CaseStatus) -> ComparisonMetric {
        switch status {
        case .alleged: return .incidentsAlleged
        case .confirmed: return .incidentsConfirmed
        case .dismissed: return .incidentsDismissed
        case .sanctioned: return .incidentsSanctioned
        }
    }
}
