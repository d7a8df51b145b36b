import Synchronization
import NetraCore
import NetraText
import NetraAnalytics
import NetraRender
import NetraWrite

/// Why a job's files could not be made or written.
public enum JobError: Error, Sendable, CustomStringConvertible {
    case render(RenderError)
    case output(OutputError)

    public var description: String { text(.en) }

    /// The error in `lang` (a drawing error is said as the chart kit says it).
    public func text(_ lang: Language) -> String {
        switch self {
        case .render(let e): return "\(e)"
        case .output(let e): return e.said.text(lang)
        }
    }
}

/// One file a job produces, made only when it is written: charts drawn, exports streamed.
public struct OutputFile: Sendable {
    /// Path relative to the output folder (`briefing-2024-01/events.csv`).
    public var name: String
    /// Rough relative cost; the costliest files are started first.
    public var cost: Int
    /// Writes the file's bytes; the folder it goes into is where a workbook is made first.
    let make: @Sendable (ByteSink, _ folder: String) throws(RenderError) -> Void
    /// A chart's layout as text (nil for other files): what the golden-file tests compare.
    let plan: (@Sendable () throws(RenderError) -> String)?

    /// A file whose bytes are already made.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        cost = 0
        make = { sink, _ in sink.write(bytes) }
        plan = nil
    }

    /// A chart: drawn when it is written, its plan dumped when a test asks (laid out by the
    /// same closure, without drawing).
    public init<Plan: PlanDumping>(
        name: String, cost: Int = 1,
        chart: @escaping @Sendable () throws(RenderError) -> LaidOutChart<Plan>
    ) {
        self.name = name
        self.cost = cost
        make = { (sink: ByteSink, _: String) throws(RenderError) in sink.write(try chart().png()) }
        plan = { () throws(RenderError) in try chart().plan.textDump }
    }

    /// The chart's plan as text, or nil when the file is not a chart.
    public func planDump() throws(RenderError) -> String? {
        guard let plan else { return nil }
        return try plan()
    }

    /// A file drawn when it is written (a chart).
    public init(name: String, cost: Int = 1, render: @escaping @Sendable () throws(RenderError) -> [UInt8]) {
        self.name = name
        self.cost = cost
        make = { (sink: ByteSink, _: String) throws(RenderError) in sink.write(try render()) }
        plan = nil
    }

    /// A file streamed into its destination chunk by chunk (a big export).
    public init(name: String, cost: Int = 1, stream: @escaping @Sendable (ByteSink) -> Void) {
        self.name = name
        self.cost = cost
        make = { sink, _ in stream(sink) }
        plan = nil
    }

    /// A workbook: libxlsxwriter writes it beside its target first (`Workbook.bytes`).
    public init(name: String, cost: Int = 1, workbook: @escaping @Sendable () -> Workbook) {
        self.name = name
        self.cost = cost
        make = { (sink: ByteSink, folder: String) throws(RenderError) in
            do throws(WorkbookError) { sink.write(try workbook().bytes(scratchDir: folder)) } catch {
                throw RenderError.invalidInput(error.message)
            }
        }
        plan = nil
    }

    /// The whole file in memory; a workbook is made in `folder` first.
    public func bytes(folder: String = "/tmp") throws(RenderError) -> [UInt8] {
        let sink = ByteSink()
        try make(sink, folder)
        return sink.collected
    }
}

extension OutputFolder {
    /// Makes and writes every file, on all cores, costliest first. Each file is written under
    /// a temporary name and renamed only once all of them are whole, so a failure anywhere
    /// leaves the folder as it was (bar subfolders). Returns the paths written, in order.
    /// None of them is written over a file of `inputs` (the dataset's): that is refused first.
    public func write(
        _ files: [OutputFile], sparing inputs: [String] = [],
        progress: any ProgressSink = SilentProgress()
    ) throws(JobError) -> [String] {
        var targets: [String] = []
        do {
            for f in files {
                let parts = f.name.split(separator: "/").map(String.init)
                var folder = self
                for sub in parts.dropLast() { folder = try folder.subfolder(sub) }
                targets.append(folder.path + "/" + OutputFolder.safeName(parts.last ?? f.name))
            }
            for t in targets {
                try OutputFolder.refuseInput(t, inputs: inputs)
                // A pipe or device planted in the folder is refused before anything is written.
                _ = try OutputFolder.placement(of: t, streams: false)
            }
        } catch { throw .output(error) }

        let order = files.indices.sorted { (-files[$0].cost, $0) < (-files[$1].cost, $1) }
        let staged = Mutex<[Result<StagedFile, JobError>?]>(Array(repeating: nil, count: files.count))
        let targetList = targets
        Parallel.forEach(order.count) { i in
            let k = order[i]
            progress.detail(files[k].name)
            let result: Result<StagedFile, JobError>
            do throws(OutputError) {
                let file = try StagedFile(target: targetList[k])
                var renderError: RenderError?
                do throws(OutputError) {
                    try file.fill { sink in
                        do throws(RenderError) { try files[k].make(sink, OutputFolder.split(targetList[k]).dir) } catch { renderError = error }
                    }
                } catch {
                    file.discard()
                    throw error
                }
                if let renderError { file.discard(); result = .failure(.render(renderError)) } else { result = .success(file) }
            } catch {
                result = .failure(.output(error))
            }
            staged.withLock { $0[k] = result }
        }

        let results = staged.withLock { $0 }
        let made = results.compactMap { r -> StagedFile? in if case .success(let f)? = r { return f } else { return nil } }
        for r in results {
            if case .failure(let e)? = r {
                made.forEach { $0.discard() }
                throw e
            }
        }
        for (k, f) in made.enumerated() {
            do { try f.commit() } catch {
                made[k...].forEach { $0.discard() }
                throw .output(error)
            }
        }
        return targets
    }
}
