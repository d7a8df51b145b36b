import NetraCore

extension Table {
    /// A clean file big enough to be worth it, read on two cores: the rows after the header
    /// are cut in two at a line end outside quotes, each part is read into its own `State`,
    /// and the second is joined to the first (`join` may empty the second as it goes). The
    /// second part's lines are counted from 1 while it is read, since where it starts is
    /// known only once the first has been read: `join` is given what to add to each of them.
    /// Returns nil, having changed nothing, at the first sign of any problem (or for a file
    /// too small to split): `read` then reads it again, one row after another, and reports
    /// every problem exactly as always. `scan` changes the speed, never the result.
    func readInTwo<State: Sendable>(
        required: [String], optional: [String], order: [String]? = nil, minimumBytes: Int, scan: CSVReader.Scan = .byteByByte,
        make: (_ header: Header, _ part: Int) -> State,
        row: @Sendable (inout State, CSVRecord, _ columns: [Int?], _ extras: [Int]) -> Bool,
        join: (_ first: inout State, _ second: inout State, _ secondLineShift: Int) -> Bool
    ) -> (Header, State)? {
        guard bytes.count >= minimumBytes else { return nil }
        let b = bytes
        var found: [Diagnostic] = []
        guard readable(b, required: required, scan: scan, twoCores: true, &found) else { return nil }
        let n = b.count
        let delimiter = CSVReader.detectDelimiter(b, from: CSVReader.contentStart(b))
        // The header ends at the first line end outside quotes; then the middle.
        guard let headerEnd = CSVReader.recordEnd(b, from: CSVReader.contentStart(b), quoted: false) else { return nil }
        let middle = headerEnd + (n - headerEnd) / 2
        // Whether the middle is inside quotes: whether the quotes before it are odd, on both
        // cores (only the quotes: the lines are counted by the reading itself).
        let quarter = headerEnd + (middle - headerEnd) / 2
        let (early, late) = Parallel.both(
            { CSVReader.occursOddly(0x22, in: b, from: headerEnd, to: quarter, scan: scan) },
            { CSVReader.occursOddly(0x22, in: b, from: quarter, to: middle, scan: scan) })
        let quotedAtMiddle = early != late
        guard let cut = CSVReader.recordEnd(b, from: middle, quoted: quotedAtMiddle), cut < n else { return nil }
        var head: Header?
        var records = 0
        let headProblems = CSVReader.read(b, delimiter: delimiter, range: CSVReader.contentStart(b)..<headerEnd) { rec in
            records += 1
            if head == nil { head = header(rec, required: required, optional: optional, order: order, &found) }
        }
        guard records == 1, let h = head, h.ok, headProblems.isEmpty, found.isEmpty else { return nil }
        let parts = [headerEnd..<cut, cut..<n]
        let lines = [1 + CSVReader.lineEnds(in: b, from: 0, to: headerEnd), 1]
        let states = UnsafeMutableBufferPointer<State>.allocate(capacity: 2)
        states.initializeElement(at: 0, to: make(h, 0))
        states.initializeElement(at: 1, to: make(h, 1))
        defer { states.deallocate() }
        // Per part: read without a problem, and the line after its last.
        let outcome = UnsafeMutableBufferPointer<(clean: Bool, nextLine: Int)>.allocate(capacity: 2)
        outcome.initialize(repeating: (true, 0))
        defer { outcome.deallocate() }
        // Each part touches only its own state and outcome.
        let shared = UnsafeTransfer((states, outcome))
        Parallel.forEach(2) { k in
            let (states, outcome) = shared.value
            var ok = true
            let (problems, next) = CSVReader.readCountingLines(b, delimiter: delimiter, range: parts[k], line: lines[k], scan: scan) { rec in
                guard ok else { return }
                ok = rec.count == h.count && row(&states[k], rec, h.columns, h.extras)
            }
            outcome[k] = (ok && problems.isEmpty, next)
        }
        // Moved out, so that the first is joined in place, not copied, and the second can be
        // emptied as it is joined.
        var first = states.moveElement(from: 0)
        var second = states.moveElement(from: 1)
        // The second part began on the line after the first's last.
        guard outcome[0].clean, outcome[1].clean, join(&first, &second, outcome[0].nextLine - 1) else { return nil }
        return (h, first)
    }
}
