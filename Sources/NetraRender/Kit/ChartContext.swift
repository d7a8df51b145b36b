import NetraCore
import NetraText
import NetraAnalytics

/// What one layout pass needs: the options, the fonts' measurer and the scaled theme.
public struct ChartContext {
    let options: ChartOptions
    let theme: Theme
    let measurer: TextMeasurer
    var lang: Language { options.language }
    var s: Double { theme.s }

    /// Checks the options and resolves the fonts (a missing font throws here, before any work).
    public init(options: ChartOptions) throws(RenderError) {
        try options.validate()
        self.options = options
        theme = Theme(options: options)
        measurer = TextMeasurer(fonts: try FontSet.resolve(path: options.fontPath, boldPath: options.boldFontPath))
    }

    var fonts: FontSet { measurer.fonts }

    func plan(_ marks: [Mark]) -> ChartPlan {
        ChartPlan(width: Int(theme.width), height: Int(theme.height), background: theme.background, marks: marks)
    }

    /// A centred message in `body` for a chart with nothing to show.
    func emptyNote(in body: ChartRect) throws(RenderError) -> Mark {
        .text(
            try measurer.place(
                StringKey.noData.text(lang), theme.header, x: body.midX, y: body.midY,
                align: .center, valign: .middle, role: .note))
    }

    /// A jurisdiction's name, or a clear error for an index out of range.
    func jurisdictionName(_ dataset: Dataset, _ index: JurisdictionIndex) throws(RenderError) -> String {
        guard dataset.jurisdictions.indices.contains(index) else {
            throw .invalidInput("jurisdiction index \(index) is out of range (the dataset has \(dataset.jurisdictions.count))")
        }
        return dataset.jurisdictions[index].name
    }
}
