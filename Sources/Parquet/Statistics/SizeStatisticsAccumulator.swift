import ParquetFormat

/// Level histograms and unencoded byte-array sizes (parquet.thrift `SizeStatistics`)
/// of one column chunk, and page by page for its page index.
///
/// Following the spec, the repetition histogram is kept only for list columns and
/// the definition histogram only when the maximum definition level is above 1 (a
/// flat column's null count already says it); byte-array sizes only for BYTE_ARRAY.
struct SizeStatisticsAccumulator {
    private let repetitionBucketCount: Int
    private let definitionBucketCount: Int
    private let tracksByteArrayBytes: Bool
    private var chunkRepetition: [Int64]
    private var chunkDefinition: [Int64]
    private var chunkByteArrayBytes: Int64 = 0
    /// Every page's histogram, back to back, as the ColumnIndex lists them.
    private var pageRepetition: [Int64] = []
    private var pageDefinition: [Int64] = []
    /// Every page's unencoded byte-array bytes, for the OffsetIndex.
    private var pageByteArrayBytes: [Int64] = []

    init(descriptor: ColumnDescriptor) {
        repetitionBucketCount = descriptor.maxRepetitionLevel > 0 ? descriptor.maxRepetitionLevel + 1 : 0
        definitionBucketCount = descriptor.maxDefinitionLevel > 1 ? descriptor.maxDefinitionLevel + 1 : 0
        tracksByteArrayBytes = descriptor.physical == .byteArray
        chunkRepetition = Array(repeating: 0, count: repetitionBucketCount)
        chunkDefinition = Array(repeating: 0, count: definitionBucketCount)
    }

    /// Adds one data page: its levels (repetition levels are always stored, definition
    /// levels maybe as a run) and the bytes of its byte-array values.
    mutating func addPage(
        repetitionLevels: PageBuffer<UInt8>, definitionLevels: LevelEncoder.Levels, byteArrayBytes: Int?
    ) {
        if repetitionBucketCount > 0 {
            let start = pageRepetition.count
            pageRepetition.append(contentsOf: repeatElement(0, count: repetitionBucketCount))
            repetitionLevels.withUnsafeBufferPointer { levels in
                for level in levels { pageRepetition[start + Int(level)] += 1 }
            }
            for bucket in 0..<repetitionBucketCount { chunkRepetition[bucket] += pageRepetition[start + bucket] }
        }
        if definitionBucketCount > 0 {
            let start = pageDefinition.count
            pageDefinition.append(contentsOf: repeatElement(0, count: definitionBucketCount))
            switch definitionLevels {
            case .stored(let buffer):
                buffer.withUnsafeBufferPointer { levels in
                    for level in levels { pageDefinition[start + Int(level)] += 1 }
                }
            case .run(let level, let count):
                pageDefinition[start + Int(level)] += Int64(count)
            }
            for bucket in 0..<definitionBucketCount { chunkDefinition[bucket] += pageDefinition[start + bucket] }
        }
        if tracksByteArrayBytes, let byteArrayBytes {
            pageByteArrayBytes.append(Int64(byteArrayBytes))
            chunkByteArrayBytes += Int64(byteArrayBytes)
        }
    }

    /// The chunk's SizeStatistics, or nil when the column has nothing to report.
    var chunkStatistics: SizeStatistics? {
        guard tracksByteArrayBytes || repetitionBucketCount > 0 || definitionBucketCount > 0 else { return nil }
        return SizeStatistics(
            unencodedByteArrayDataBytes: tracksByteArrayBytes ? chunkByteArrayBytes : nil,
            repetitionLevelHistogram: repetitionBucketCount > 0 ? chunkRepetition : nil,
            definitionLevelHistogram: definitionBucketCount > 0 ? chunkDefinition : nil)
    }

    var pageRepetitionHistograms: [Int64]? { repetitionBucketCount > 0 ? pageRepetition : nil }
    var pageDefinitionHistograms: [Int64]? { definitionBucketCount > 0 ? pageDefinition : nil }
    var pageUnencodedByteArrayBytes: [Int64]? { tracksByteArrayBytes ? pageByteArrayBytes : nil }

    mutating func reset() {
        for bucket in chunkRepetition.indices { chunkRepetition[bucket] = 0 }
        for bucket in chunkDefinition.indices { chunkDefinition[bucket] = 0 }
        chunkByteArrayBytes = 0
        pageRepetition.removeAll(keepingCapacity: true)
        pageDefinition.removeAll(keepingCapacity: true)
        pageByteArrayBytes.removeAll(keepingCapacity: true)
    }
}
