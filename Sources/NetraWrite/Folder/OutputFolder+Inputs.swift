import NetraCore
import NetraLoad
#if canImport(Glibc)
import Glibc
#endif

/// An output must never replace an input: a report written into its own dataset folder would
/// put the 28-column events export where `events.csv` was, and the next run would fail.
extension OutputFolder {
    /// The files of the dataset in `folder` that Netra reads.
    /// For a workbook named itself, that file and the tables beside it.
    public static func datasetFiles(in folder: String) -> [String] {
        if DatasetLoader.isWorkbookPath(folder) { return [folder] + datasetFiles(in: DatasetLoader.folder(of: folder)) }
        var files =
            ([
                DatasetLoader.eventsFile, DatasetLoader.jurisdictionsFile, DatasetLoader.electionsFile, DatasetLoader.workbookFile,
                DatasetSettings.csvFile
            ] + DatasetLoader.TableName.allCases.map(\.workbookFile)).map { join(folder, $0) }
        // The folder's one workbook of another name, read as its dataset.
        if let shared = DatasetLoader.sharedWorkbook(in: folder), !files.contains(shared) { files.append(shared) }
        return files
    }

    /// Refuses `target` when it is one of `inputs`: the same file (device and inode, which
    /// also sees through links) or, where it does not exist yet, the same resolved path.
    public static func refuseInput(_ target: String, inputs: [String]) throws(OutputError) {
        var t = stat()
        let targetExists = stat(target, &t) == 0
        let resolvedTarget = resolved(target)
        for input in inputs {
            var i = stat()
            guard stat(input, &i) == 0 else { continue }
            let same =
                targetExists
                ? (t.st_dev == i.st_dev && t.st_ino == i.st_ino)
                : (resolvedTarget != nil && resolvedTarget == resolved(input))
            if same {
                throw OutputError(
                    en: "'\(target)' is the dataset's own file '\(input)'; an output never replaces an input: choose another --out",
                    id: "'\(target)' adalah berkas dataset itu sendiri '\(input)'; keluaran tidak pernah menimpa masukan: pilih --out lain")
            }
        }
    }

    /// Refuses an output folder that is the dataset's folder (the same folder, through any
    /// link): the report's `events.csv` would replace the dataset's.
    public static func refuseDatasetFolder(_ out: String, dataset path: String) throws(OutputError) {
        let dataset = DatasetLoader.folder(of: path)
        var o = stat(), d = stat()
        guard stat(out, &o) == 0, stat(dataset, &d) == 0 else { return }
        if o.st_dev == d.st_dev && o.st_ino == d.st_ino {
            throw OutputError(
                en: "the output folder '\(out)' is the dataset folder '\(dataset)'; its events.csv would be replaced: choose another --out",
                id: "folder keluaran '\(out)' adalah folder dataset '\(dataset)'; events.csv-nya akan tertimpa: pilih --out lain")
        }
    }

    /// The dataset files `folder` holds (none when it holds no dataset): any table as a
    /// workbook, `dataset.xlsx`, or `jurisdictions.csv` or `elections.csv`. A lone `events.csv`
    /// is what a report writes, so it alone does not make a dataset.
    public static func heldDataset(in folder: String) -> [String] {
        ([DatasetLoader.jurisdictionsFile, DatasetLoader.electionsFile, DatasetLoader.workbookFile]
            + DatasetLoader.TableName.allCases.map(\.workbookFile)).filter { FileIO.exists(join(folder, $0)) }
    }

    /// Refuses an output folder that holds a dataset, whichever is being read: the report's
    /// `events.csv` beside it would replace the dataset's or make the folder ambiguous.
    public static func refuseDatasetHolder(_ out: String, option: String = "--out") throws(OutputError) {
        let held = heldDataset(in: out)
        if !held.isEmpty {
            throw OutputError(
                en:
                    "the output folder '\(out)' holds a dataset (\(held.joined(separator: ", "))); writing into it would replace or confuse its tables: choose another \(option)",
                id:
                    "folder keluaran '\(out)' berisi dataset (\(held.joined(separator: ", "))); menulis ke sana akan menimpa atau mengacaukan tabelnya: pilih \(option) lain"
            )
        }
    }

    /// `path` with its folder resolved (links and `..` followed), or nil when that folder does not exist.
    static func resolved(_ path: String) -> String? {
        let (dir, base) = split(path)
        guard let real = realpath(dir, nil) else { return nil }
        defer { free(real) }
        return join(String(cString: real), base)
    }
}
