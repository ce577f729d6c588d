import Parquet
import Testing

/// A sink that fails at its k-th call, for every k over a small file: the writer
/// throws a typed error, does not trap, and holds nothing afterwards. After a sink
/// failure the writer is closed: every later call, `close()` and `finish()`
/// included, throws `ParquetWriterError.writerClosed`, and the sink is not closed.
@Suite struct SinkFaultTests {
    struct InjectedFault: Error, CustomStringConvertible {
        var description: String { "injected fault" }
    }

    /// Fails its `failAt`-th call (writes and the closing call counted together).
    final class FailingSink: ByteSink {
        let failAt: Int
        private(set) var calls = 0
        private(set) var closed = false

        init(failAt: Int) { self.failAt = failAt }

        func write(_ bytes: UnsafeRawBufferPointer) throws {
            calls += 1
            if calls == failAt { throw InjectedFault() }
        }

        func close() throws {
            calls += 1
            if calls == failAt { throw InjectedFault() }
            closed = true
        }
    }

    static var options: WriterOptions {
        var options = WriterOptions()
        options.dataPageRowLimit = 7
        options.maxRowGroupRows = 20
        options.columnOptions["name"] = ColumnOptions(bloomFilter: BloomFilterOptions(expectedDistinctCount: 50))
        return options
    }

    /// Writes 50 rows and finishes; returns the error, if any, and the writer, unless
    /// creating it (which writes the leading magic) failed.
    static func write(to sink: FailingSink) throws -> (error: ParquetWriterError?, writer: ParquetWriter<FailingSink>?)
    {
        let writer: ParquetWriter<FailingSink>
        do throws(ParquetWriterError) {
            writer = try ParquetWriter(schema: try Schema(WriterErrorTests.columns), sink: sink, options: options)
        } catch {
            return (error, nil)
        }
        do throws(ParquetWriterError) {
            for id in 0..<50 {
                do {
                    try WriterErrorTests.appendGoodRow(writer, id: Int64(id))
                } catch {
                    return (error as? ParquetWriterError, writer)
                }
                try writer.endRow()
            }
            try writer.finish()
            return (nil, writer)
        } catch {
            return (error, writer)
        }
    }

    @Test func aSinkFailingAtEveryCallGivesATypedErrorAndAClosedWriter() throws {
        let reference = FailingSink(failAt: 0)
        #expect(try Self.write(to: reference).error == nil)
        let calls = reference.calls
        #expect(calls > 20, "the file should take many sink calls, not \(calls)")
        for failAt in 1...calls {
            weak var weakWriter: ParquetWriter<FailingSink>?
            weak var weakSink: FailingSink?
            try {
                let sink = FailingSink(failAt: failAt)
                let (error, writer) = try Self.write(to: sink)
                #expect(
                    error == .sinkFailed("injected fault"), "call \(failAt) of \(calls): \(String(describing: error))")
                #expect(sink.calls == failAt, "the writer went on writing after call \(failAt) failed")
                #expect(!sink.closed)
                guard let writer else { return }
                #expect(throws: ParquetWriterError.writerClosed) { try writer.finish() }
                #expect(throws: ParquetWriterError.writerClosed) { try writer.close() }
                #expect(throws: ParquetWriterError.writerClosed) { try writer.append(Int64(1)) }
                #expect(sink.calls == failAt)
                weakWriter = writer
                weakSink = sink
            }()
            // Nothing keeps the failed writer or its sink alive.
            #expect(weakWriter == nil && weakSink == nil, "call \(failAt): a reference cycle after the failure")
        }
    }
}
