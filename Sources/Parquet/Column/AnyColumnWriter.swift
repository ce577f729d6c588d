import ParquetEncoding
import ParquetFormat

/// A column writer of whichever physical type the column has. Operations on whole
/// pages and chunks dispatch through this enum; per-cell appends switch on it once
/// and then call the concrete, specialized writer.
enum AnyColumnWriter {
    case boolean(ColumnWriter<BooleanPageValues>)
    case int32(ColumnWriter<FixedWidthPageValues<Int32>>)
    case int64(ColumnWriter<FixedWidthPageValues<Int64>>)
    case float(ColumnWriter<FixedWidthPageValues<Float>>)
    case double(ColumnWriter<FixedWidthPageValues<Double>>)
    case float16(ColumnWriter<FixedWidthPageValues<Float16Bits>>)
    case byteArray(ColumnWriter<ByteArrayPageValues>)

    init(
        descriptor: ColumnDescriptor, options: WriterOptions, plan: WriterMemoryPlan, columnIndex: Int,
        columnCount: Int
    ) throws(ParquetWriterError) {
        let order = descriptor.statisticsOrder
        func writer<Values: PageValues>(_ values: Values) throws(ParquetWriterError) -> ColumnWriter<Values> {
            try ColumnWriter(
                descriptor: descriptor, values: values, options: options, plan: plan, columnIndex: columnIndex,
                columnCount: columnCount)
        }
        switch PhysicalSlotKind(descriptor) {
        case .boolean: self = .boolean(try writer(BooleanPageValues()))
        case .int32: self = .int32(try writer(.init(order: order)))
        case .int64: self = .int64(try writer(.init(order: order)))
        case .float: self = .float(try writer(.init(order: order)))
        case .double: self = .double(try writer(.init(order: order)))
        case .float16: self = .float16(try writer(.init(order: order)))
        case .byteArray:
            self = .byteArray(try writer(ByteArrayPageValues(fixedLength: descriptor.typeLength, order: order)))
        }
    }

    var descriptor: ColumnDescriptor { forward { $0.descriptor } }

    /// The writer object, unretained: `ParquetWriter.columns` keeps it alive, and
    /// per-cell appends reach it through this without reference counting.
    var unmanaged: Unmanaged<AnyObject> { forward { Unmanaged.passUnretained($0 as AnyObject) } }

    var kind: PhysicalSlotKind {
        switch self {
        case .boolean: .boolean
        case .int32: .int32
        case .int64: .int64
        case .float: .float
        case .double: .double
        case .float16: .float16
        case .byteArray: .byteArray
        }
    }
    var rowsInPage: Int { forward { $0.rowsInPage } }
    var bufferedByteCount: Int { forward { $0.bufferedByteCount } }
    var pageIsFull: Bool { forward { $0.pageIsFull } }
    var heldByteCount: Int { forward { $0.heldByteCount } }
    var chunk: ColumnChunkAssembler { forward { $0.chunk } }
    var bloomFilter: SplitBlockBloomFilter? { forward { $0.bloomFilter } }
    var finishedStatistics: EncodedStatistics? { forward { $0.finishedStatistics } }
    var spillableChunk: any SpillableChunk { forward { $0.spillableChunk } }

    func removeLastCell() { forward { $0.removeLastCell() } }
    func removeOpenListCell() { forward { $0.removeOpenListCell() } }
    func appendNullList() { forward { $0.appendNullList() } }
    func markRowStart() { forward { $0.markRowStart() } }
    var levelCount: Int { forward { $0.levelCount } }
    func appendListEmptySlot(repetitionLevel: UInt8, definitionLevel: UInt8) {
        forward { $0.appendListEmptySlot(repetitionLevel: repetitionLevel, definitionLevel: definitionLevel) }
    }
    func finishListCell() { forward { $0.finishListCell() } }
    func makePageJob(closesChunk: Bool, takingBuffers: Bool) -> any EncodingJob {
        forward { $0.makePageJob(closesChunk: closesChunk, takingBuffers: takingBuffers) }
    }
    func clearPage() { forward { $0.clearPage() } }
    func finishedColumnIndex() -> ColumnIndex? { forward { $0.finishedColumnIndex() } }
    func finishedSizeStatistics() -> (chunk: SizeStatistics?, pageByteArrayBytes: [Int64]?) {
        forward { $0.finishedSizeStatistics() }
    }
    func startNextChunk() { forward { $0.startNextChunk() } }
    func discardChunk() { forward { $0.discardChunk() } }
    func releaseStorage() { forward { $0.releaseStorage() } }

    /// Applies `body` to the concrete writer.
    private func forward<Result, Failure: Error>(
        _ body: (any ColumnWriterOperations) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        switch self {
        case .boolean(let writer): try body(writer)
        case .int32(let writer): try body(writer)
        case .int64(let writer): try body(writer)
        case .float(let writer): try body(writer)
        case .double(let writer): try body(writer)
        case .float16(let writer): try body(writer)
        case .byteArray(let writer): try body(writer)
        }
    }
}

/// Which `AnyColumnWriter` case a column is, without the payload.
@usableFromInline
enum PhysicalSlotKind: UInt8 {
    case boolean, int32, int64, float, double, float16, byteArray

    /// The kind of writer a column of `descriptor` gets.
    init(_ descriptor: ColumnDescriptor) {
        switch descriptor.physical {
        case .boolean: self = .boolean
        case .int32: self = .int32
        case .int64: self = .int64
        case .float: self = .float
        case .double: self = .double
        case .fixedLenByteArray where descriptor.leafType == .float16: self = .float16
        case .byteArray, .fixedLenByteArray: self = .byteArray
        }
    }
}

/// A column's writer as the per-cell appends see it. Sixteen bytes: every cell of a
/// row reads its column's slot, and with hundreds of columns the slots compete for the
/// core's first-level cache with the row's cells.
@usableFromInline
struct CellSlot {
    let writer: Unmanaged<AnyObject>
    @usableFromInline let cellOffset: Int32
    @usableFromInline let kind: PhysicalSlotKind
    /// Whether the column takes a null cell.
    let isNullable: Bool
    /// Whether every value of the column's physical integer type is allowed, so an
    /// integer of that width needs no range check.
    @usableFromInline let takesWholePhysicalRange: Bool
    private let depth: UInt8

    /// A slot for a column whose cells lie `stagedCellOffset` bytes into a staged row
    /// (-1 when not staged), and whose lists nest `listDepth` deep (levels are bytes, so
    /// it is below 256).
    init(
        kind: PhysicalSlotKind, isNullable: Bool, takesWholePhysicalRange: Bool, writer: Unmanaged<AnyObject>,
        stagedCellOffset: Int, listDepth: Int
    ) {
        self.writer = writer
        cellOffset = Int32(stagedCellOffset)
        self.kind = kind
        self.isNullable = isNullable
        self.takesWholePhysicalRange = takesWholePhysicalRange
        depth = UInt8(listDepth)
    }

    /// Where a flat column's cell lies in a row of the writer's `RowStage`; -1 for a
    /// LIST column, whose cells go to its writer.
    @inlinable @inline(__always)
    var stagedCellOffset: Int { Int(cellOffset) }

    /// The column's list nesting depth: 0 for a flat column.
    @inline(__always)
    var listDepth: Int { Int(depth) }

    /// Whether the column's cells go to the writer's `RowStage`.
    @inlinable @inline(__always)
    var isStaged: Bool { cellOffset >= 0 }

    /// Calls `body` with the writer, which must be of type `Writer`, without retaining it.
    @inline(__always)
    func with<Writer: AnyObject, Result>(_: Writer.Type, _ body: (Writer) throws -> Result) rethrows -> Result {
        try writer._withUnsafeGuaranteedRef { try body(unsafeDowncast($0, to: Writer.self)) }
    }

    /// `with` for a body that throws the writer's errors, which `_withUnsafeGuaranteedRef`
    /// would widen to `any Error`: the failure is carried out of it.
    @inline(__always)
    func withWriter<Writer: AnyObject>(_: Writer.Type, _ body: (Writer) throws(ParquetWriterError) -> Void)
        throws(ParquetWriterError)
    {
        var failure: ParquetWriterError?
        with(Writer.self) { writer in
            do throws(ParquetWriterError) { try body(writer) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}

/// The type-independent operations of a column writer, used per page and per chunk.
protocol ColumnWriterOperations: AnyObject {
    var descriptor: ColumnDescriptor { get }
    var rowsInPage: Int { get }
    var bufferedByteCount: Int { get }
    var pageIsFull: Bool { get }
    var heldByteCount: Int { get }
    var chunk: ColumnChunkAssembler { get }
    var bloomFilter: SplitBlockBloomFilter? { get }
    var finishedStatistics: EncodedStatistics? { get }
    var spillableChunk: any SpillableChunk { get }
    func removeLastCell()
    func removeOpenListCell()
    func appendNullList()
    func markRowStart()
    var levelCount: Int { get }
    func appendListEmptySlot(repetitionLevel: UInt8, definitionLevel: UInt8)
    func finishListCell()
    func makePageJob(closesChunk: Bool, takingBuffers: Bool) -> any EncodingJob
    func clearPage()
    func finishedColumnIndex() -> ColumnIndex?
    func finishedSizeStatistics() -> (chunk: SizeStatistics?, pageByteArrayBytes: [Int64]?)
    func startNextChunk()
    func discardChunk()
    func releaseStorage()
}

extension ColumnWriter: ColumnWriterOperations {
    // The encoder's side, reached through the column while the encoding pool is idle.
    var heldByteCount: Int { pageStorageByteCount + encoder.heldByteCount }
    var chunk: ColumnChunkAssembler { encoder.chunk }
    var bloomFilter: SplitBlockBloomFilter? { encoder.bloomFilter }
    var finishedStatistics: EncodedStatistics? { encoder.finishedStatistics }
    var spillableChunk: any SpillableChunk { encoder }
    func finishedColumnIndex() -> ColumnIndex? { encoder.finishedColumnIndex() }
    func finishedSizeStatistics() -> (chunk: SizeStatistics?, pageByteArrayBytes: [Int64]?) {
        encoder.finishedSizeStatistics()
    }
    func startNextChunk() { encoder.startNextChunk() }

    /// A job for the open page: with `takingBuffers`, the page's buffers go with it and
    /// the column starts new ones; otherwise it encodes the page in place, and the
    /// caller runs it before `clearPage()`.
    func makePageJob(closesChunk: Bool, takingBuffers: Bool) -> any EncodingJob {
        if closesChunk { endChunkWithClosingPage() }
        return PageEncodingJob(
            encoder: encoder, page: takingBuffers ? takePage() : pageInPlace(), ownsPage: takingBuffers,
            closesChunk: closesChunk)
    }
}
