import CBrotli
import CLZ4
import CSnappy
import CZlib
import CZstd
import ParquetEncoding
import ParquetFormat

/// Decompresses page bodies of any supported codec, checking the result against the
/// uncompressed size declared in the page header.
///
/// Native contexts (zstd, inflate) are created on first use and reused for later pages.
/// Like ``PageCompressor``, an instance serves one reader at a time; it is
/// `@unchecked Sendable` only so that its owner may move between tasks.
public final class PageDecompressor: @unchecked Sendable {
    /// Largest declared uncompressed size accepted, so a corrupt header cannot make the
    /// reader allocate gigabytes. Page sizes are `i32` in the format, hence the default.
    public let maximumUncompressedSize: Int

    /// `ZSTD_DCtx*`, created on the first zstd page.
    private var zstdContext: OpaquePointer?
    /// A heap-allocated, initialised `z_stream`, created on the first gzip page; zlib keeps a
    /// pointer back to it in its state, so it must never move.
    private var inflateStream: UnsafeMutablePointer<z_stream>?

    /// The codecs `decompress` reads: all of parquet.thrift's but LZO.
    public static let decompressibleCodecs: [CompressionCodec] = [
        .uncompressed, .snappy, .gzip, .brotli, .lz4, .zstd, .lz4Raw,
    ]

    /// A decompressor that refuses pages declaring more than `maximumUncompressedSize` bytes.
    public init(maximumUncompressedSize: Int = Int(Int32.max)) {
        self.maximumUncompressedSize = maximumUncompressedSize
    }

    deinit {
        if let zstdContext {
            ZSTD_freeDCtx(zstdContext)
        }
        if let inflateStream {
            inflateEnd(inflateStream)
            inflateStream.deinitialize(count: 1)
            inflateStream.deallocate()
        }
    }

    /// Decompresses `input`, which must expand to exactly `uncompressedSize` bytes, and
    /// appends the result to `output`.
    ///
    /// An empty `input` with a declared size of 0 is accepted for every codec (an empty page
    /// needs no codec framing). On error `output` is unchanged.
    public func decompress(
        _ input: UnsafeRawBufferPointer,
        codec: CompressionCodec,
        uncompressedSize: Int,
        appendingTo output: inout [UInt8]
    ) throws(CompressionError) {
        guard uncompressedSize >= 0, uncompressedSize <= maximumUncompressedSize else {
            throw CompressionError(
                codec: codec, operation: .decompression,
                reason: "declared uncompressed size \(uncompressedSize) is outside 0...\(maximumUncompressedSize)")
        }
        if input.isEmpty && uncompressedSize == 0 { return }
        switch codec {
        case .uncompressed:
            guard input.count == uncompressedSize else {
                throw sizeMismatch(codec, actual: input.count, declared: uncompressedSize)
            }
            output.append(contentsOf: input)
        case .snappy:
            try decompressSnappy(input, uncompressedSize: uncompressedSize, appendingTo: &output)
        case .gzip:
            try decompressGzip(input, uncompressedSize: uncompressedSize, appendingTo: &output)
        case .zstd:
            try decompressZstd(input, uncompressedSize: uncompressedSize, appendingTo: &output)
        case .brotli:
            try decompressBrotli(input, uncompressedSize: uncompressedSize, appendingTo: &output)
        case .lz4Raw:
            try output.appendUninitialized(upTo: uncompressedSize) { buffer throws(CompressionError) in
                let written = try LZ4Block.decompress(input, into: buffer, codec: .lz4Raw)
                guard written == uncompressedSize else {
                    throw sizeMismatch(.lz4Raw, actual: written, declared: uncompressedSize)
                }
                return written
            }
        case .lz4:
            try output.appendUninitialized(upTo: uncompressedSize) { buffer throws(CompressionError) in
                try HadoopLZ4Frames.decompress(input, into: buffer)
            }
        default:
            throw CompressionError(codec: codec, operation: .decompression, reason: "the codec is not supported")
        }
    }

    private func decompressSnappy(
        _ input: UnsafeRawBufferPointer, uncompressedSize: Int, appendingTo output: inout [UInt8]
    ) throws(CompressionError) {
        let source = input.baseAddress?.assumingMemoryBound(to: CChar.self)
        var encodedSize = 0
        guard snappy_uncompressed_length(source, input.count, &encodedSize) == SNAPPY_OK else {
            throw CompressionError(codec: .snappy, operation: .decompression, reason: "invalid snappy length preamble")
        }
        guard encodedSize == uncompressedSize else {
            throw sizeMismatch(.snappy, actual: encodedSize, declared: uncompressedSize)
        }
        try output.appendUninitialized(upTo: uncompressedSize) { buffer throws(CompressionError) in
            var written = buffer.count
            let status = snappy_uncompress(
                source, input.count,
                UnsafeMutableRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self), &written)
            guard status == SNAPPY_OK else {
                throw CompressionError(
                    codec: .snappy, operation: .decompression, reason: "corrupt snappy data (status \(status.rawValue))"
                )
            }
            guard written == uncompressedSize else {
                throw sizeMismatch(.snappy, actual: written, declared: uncompressedSize)
            }
            return written
        }
    }

    private func decompressZstd(
        _ input: UnsafeRawBufferPointer, uncompressedSize: Int, appendingTo output: inout [UInt8]
    ) throws(CompressionError) {
        let context = try zstdDecompressionContext()
        try output.appendUninitialized(upTo: uncompressedSize) { buffer throws(CompressionError) in
            // Capacity is exactly the declared size, so longer output fails inside zstd.
            let result = ZSTD_decompressDCtx(context, buffer.baseAddress, buffer.count, input.baseAddress, input.count)
            guard ZSTD_isError(result) == 0 else {
                throw CompressionError(
                    codec: .zstd, operation: .decompression, reason: String(cString: ZSTD_getErrorName(result)))
            }
            guard result == uncompressedSize else {
                throw sizeMismatch(.zstd, actual: result, declared: uncompressedSize)
            }
            return result
        }
    }

    private func decompressBrotli(
        _ input: UnsafeRawBufferPointer, uncompressedSize: Int, appendingTo output: inout [UInt8]
    ) throws(CompressionError) {
        try output.appendUninitialized(upTo: uncompressedSize) { buffer throws(CompressionError) in
            // The output capacity is the declared size, so longer output fails inside brotli.
            var written = uncompressedSize
            let result = BrotliDecoderDecompress(
                input.count, input.baseAddress?.assumingMemoryBound(to: UInt8.self), &written, buffer.baseAddress)
            guard result == BROTLI_DECODER_RESULT_SUCCESS else {
                let reason =
                    result == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT
                    ? "data expands beyond the declared \(uncompressedSize) bytes"
                    : "corrupt or truncated brotli stream"
                throw CompressionError(codec: .brotli, operation: .decompression, reason: reason)
            }
            guard written == uncompressedSize else {
                throw sizeMismatch(.brotli, actual: written, declared: uncompressedSize)
            }
            return written
        }
    }

    /// Inflates one or more concatenated gzip members (the spec asks readers to accept
    /// several). zlib-wrapped data is accepted too, as zlib detects the header itself.
    private func decompressGzip(
        _ input: UnsafeRawBufferPointer, uncompressedSize: Int, appendingTo output: inout [UInt8]
    ) throws(CompressionError) {
        guard input.count <= Int(UInt32.max) else {
            throw CompressionError(
                codec: .gzip, operation: .decompression, reason: "input exceeds zlib's 4 GiB single-call limit")
        }
        let stream = try inflateStreamForNewPage()
        try output.appendUninitialized(upTo: uncompressedSize) { buffer throws(CompressionError) in
            stream.pointee.next_in = UnsafeMutablePointer(
                mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(input.count)
            stream.pointee.next_out = buffer.baseAddress
            stream.pointee.avail_out = uInt(buffer.count)
            while true {
                let status = inflate(stream, Z_FINISH)
                if status == Z_STREAM_END {
                    if stream.pointee.avail_in == 0 { break }
                    // Another member follows; inflateReset keeps the buffer positions.
                    inflateReset(stream)
                    continue
                }
                let reason: String
                if status == Z_BUF_ERROR || status == Z_OK {
                    reason =
                        stream.pointee.avail_out == 0 && stream.pointee.avail_in > 0
                        ? "data expands beyond the declared \(uncompressedSize) bytes"
                        : "input ends inside a gzip member"
                } else {
                    reason = stream.pointee.msg.map { String(cString: $0) } ?? "inflate returned \(status)"
                }
                throw CompressionError(codec: .gzip, operation: .decompression, reason: reason)
            }
            let written = buffer.count - Int(stream.pointee.avail_out)
            guard written == uncompressedSize else {
                throw sizeMismatch(.gzip, actual: written, declared: uncompressedSize)
            }
            return written
        }
    }

    private func zstdDecompressionContext() throws(CompressionError) -> OpaquePointer {
        if let zstdContext { return zstdContext }
        guard let context = ZSTD_createDCtx() else {
            throw CompressionError(codec: .zstd, operation: .setup, reason: "ZSTD_createDCtx returned null")
        }
        zstdContext = context
        return context
    }

    private func inflateStreamForNewPage() throws(CompressionError) -> UnsafeMutablePointer<z_stream> {
        if let inflateStream {
            inflateReset(inflateStream)
            return inflateStream
        }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // windowBits 15 + 32: accept a gzip or zlib header, detected automatically.
        let status = inflateInit2_(stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw CompressionError(codec: .gzip, operation: .setup, reason: "inflateInit2 returned \(status)")
        }
        inflateStream = stream
        return stream
    }
}

/// The error for output whose length differs from the page header's declared size.
func sizeMismatch(_ codec: CompressionCodec, actual: Int, declared: Int) -> CompressionError {
    CompressionError(
        codec: codec, operation: .decompression,
        reason: "decompressed size \(actual) differs from the declared \(declared) bytes")
}
