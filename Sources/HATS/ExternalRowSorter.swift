/// Sorts encoded rows by key (the `_healpix_29` index) within a memory budget: rows gather
/// in memory until the budget is reached, are sorted and written as a run to a temporary
/// file, and the runs are merged. Runs are merged in tiers as they accumulate (a full set
/// of runs of one tier becomes one run of the next), so that the open files and the merge
/// buffers stay few however many rows come; the last merge feeds the rows out. Equal keys
/// keep the order the rows came in.
final class ExternalRowSorter {
    private let budget: Int
    private let directory: String
    private let checkpoint: () throws(HATSImportError) -> Void
    private var arena: [UInt8] = []
    private var entries: [Entry] = []
    /// The runs written so far with their tiers (0: sorted in memory), tiers never rising.
    private var runs: [(tier: Int, run: RunFile)] = []
    private var nextSequence: Int64 = 0
    /// The most runs merged at once: each gets a read buffer of at least 64 KiB within half
    /// the budget, and at most 64 are open per tier.
    private let fanIn: Int
    static let minimumReadBuffer = 64 << 10

    private struct Entry {
        var key: Int64
        var sequence: Int64
        var offset: Int
        var length: Int
    }

    /// Memory per row in memory beyond its bytes.
    private static var entryCost: Int { MemoryLayout<Entry>.stride }

    /// A sorter holding at most `memoryBudget` bytes of rows (1 MiB at least); `directory`
    /// holds the temporary files, `checkpoint` is called now and then and may throw to stop.
    init(memoryBudget: Int, directory: String, checkpoint: @escaping () throws(HATSImportError) -> Void) {
        budget = max(memoryBudget, 1 << 20)
        self.directory = directory
        self.checkpoint = checkpoint
        fanIn = min(64, max(2, budget / 2 / Self.minimumReadBuffer))
        // Reserved whole so that growing never holds two copies; pages are touched as rows arrive.
        arena.reserveCapacity(budget)
        entries.reserveCapacity(budget / 64)
    }

    /// Rows added so far.
    var count: Int64 { nextSequence }

    /// Adds a row whose bytes `encode` appends to the buffer it is given.
    func add(key: Int64, encode: (inout [UInt8]) -> Void) throws(HATSImportError) {
        let offset = arena.count
        encode(&arena)
        entries.append(Entry(key: key, sequence: nextSequence, offset: offset, length: arena.count - offset))
        nextSequence += 1
        if arena.count + entries.count * Self.entryCost >= budget { try spill() }
    }

    /// Calls `body` with every row in key order, then lets go of the rows.
    func forEachSorted(_ body: (Int64, UnsafeRawBufferPointer) throws(HATSImportError) -> Void)
        throws(HATSImportError)
    {
        defer {
            runs = []
            arena = []
            entries = []
        }
        guard !runs.isEmpty else {
            sortEntries()
            // withUnsafeBufferPointer keeps the error's type, which withUnsafeBytes does not.
            try arena.withUnsafeBufferPointer { (arena) throws(HATSImportError) in
                let bytes = UnsafeRawBufferPointer(arena)
                for (index, entry) in entries.enumerated() {
                    if index & 4095 == 0 { try checkpoint() }
                    try body(
                        entry.key, UnsafeRawBufferPointer(rebasing: bytes[entry.offset..<(entry.offset + entry.length)])
                    )
                }
            }
            return
        }
        if !entries.isEmpty { try spill() }
        arena = []
        entries = []
        while runs.count > fanIn {
            try mergeIntoOne(runs.count - fanIn..<runs.count)
        }
        try merge(runs.map(\.run)) { key, _, row throws(HATSImportError) in try body(key, row) }
    }

    /// Sorts the rows in memory and writes them as a new run.
    private func spill() throws(HATSImportError) {
        sortEntries()
        let run = try RunFile(directory: directory)
        try arena.withUnsafeBufferPointer { (arena) throws(HATSImportError) in
            let bytes = UnsafeRawBufferPointer(arena)
            for entry in entries {
                try run.append(
                    key: entry.key, sequence: entry.sequence,
                    row: UnsafeRawBufferPointer(rebasing: bytes[entry.offset..<(entry.offset + entry.length)]))
            }
        }
        try run.finishWriting()
        runs.append((0, run))
        arena.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        try checkpoint()
        // A full set of runs of the last tier becomes one run of the next.
        while let tier = runs.last?.tier, runs.suffix(fanIn).count == fanIn,
            runs.suffix(fanIn).allSatisfy({ $0.tier == tier })
        {
            try mergeIntoOne(runs.count - fanIn..<runs.count)
        }
    }

    /// Replaces the runs at `positions` (the last ones) by their merge, one tier up.
    private func mergeIntoOne(_ positions: Range<Int>) throws(HATSImportError) {
        let merged = try RunFile(directory: directory)
        try merge(runs[positions].map(\.run)) { key, sequence, row throws(HATSImportError) in
            try merged.append(key: key, sequence: sequence, row: row)
        }
        try merged.finishWriting()
        let tier = runs[positions].map(\.tier).max()! + 1
        runs.replaceSubrange(positions, with: [(tier, merged)])
    }

    private func sortEntries() {
        entries.sort { $0.key != $1.key ? $0.key < $1.key : $0.sequence < $1.sequence }
    }

    /// Merges `runs` in (key, sequence) order through a binary heap of their readers.
    private func merge(
        _ runs: [RunFile], _ body: (Int64, Int64, UnsafeRawBufferPointer) throws(HATSImportError) -> Void
    ) throws(HATSImportError) {
        let bufferSize = max(Self.minimumReadBuffer, budget / 2 / max(runs.count, 1))
        var heap: [RunReader] = []
        for run in runs {
            let reader = RunReader(run, bufferSize: bufferSize)
            if try reader.advance() { heap.append(reader) }
        }
        func precedes(_ a: RunReader, _ b: RunReader) -> Bool {
            a.key != b.key ? a.key < b.key : a.sequence < b.sequence
        }
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1
                guard left < heap.count else { return }
                var smallest = left
                if left + 1 < heap.count, precedes(heap[left + 1], heap[left]) { smallest = left + 1 }
                guard precedes(heap[smallest], heap[parent]) else { return }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
        var emitted = 0
        while let first = heap.first {
            if emitted & 4095 == 0 { try checkpoint() }
            emitted += 1
            try body(first.key, first.sequence, first.row)
            if try !first.advance() {
                heap.swapAt(0, heap.count - 1)
                heap.removeLast()
            }
            siftDown(0)
        }
    }
}
