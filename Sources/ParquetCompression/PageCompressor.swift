import CLZ4
import CSnappy
import CZlib
import CZstd
import ParquetEncoding
import ParquetFormat

/// Compresses page bodies with one codec, keeping the codec's native state alive between
/// pages so that a column writer pays for context set-up once rather than per page.
///
/// An instance is meant to be used by one writer at a time: `compress` mutates the native
/// context without locking. It is `@unchecked Sendable` only so that the owning writer may
/// move between tasks or threads; never call it from two threads concurrently.
public final class PageCompressor: @unchecked Sendable {
    /// The codec pages are compressed with.
    public let codec: CompressionCodec
    /// The zstd level, only for `.zstd`.
    private let zstdLevel: Int32

    /// `ZSTD_CCtx*`, only for `.zstd`.
    private let zstdContext: OpaquePointer?
    /// A heap-allocated `z_stream`, only for `.gzip`; zlib keeps a pointer back to the
    /// stream inside its state, so the stream must never move.
    private let deflateStream: UnsafeMutablePointer<z_stream>?

    /// Creates a compressor, validating the level and allocating the native context.
    ///
    /// `codec` is one of `.uncompressed`, `.snappy`, `.gzip`, `.zstd` and `.lz4Raw` (the
    /// deprecated Hadoop-framed LZ4 is readable through ``PageDecompressor`` only).
    /// `level` is required for `.gzip` (zlib's 0...9) and `.zstd` (`ZSTD_minCLevel()` to
    /// `ZSTD_maxCLevel()`), and must be nil for the codecs without levels.
    public init(_ codec: CompressionCodec, level: Int32? = nil) throws(CompressionError) {
        self.codec = codec
        zstdLevel = level ?? 0
        switch (codec, level) {
        case (.uncompressed, nil), (.snappy, nil), (.lz4Raw, nil):
            zstdContext = nil
            deflateStream = nil
        case (.uncompressed, _), (.snappy, _), (.lz4Raw, _):
            throw CompressionError(codec: codec, operation: .setup, reason: "the codec has no compression levels")
        case (.gzip, nil), (.zstd, nil):
            throw CompressionError(codec: codec, operation: .setup, reason: "a compression level is required")
        case (.zstd, let level?):
            guard (ZSTD_minCLevel()...ZSTD_maxCLevel()).contains(level) else {
                throw CompressionError(
                    codec: .zstd, operation: .setup,
                    reason: "level \(level) is outside \(ZSTD_minCLevel())...\(ZSTD_maxCLevel())")
            }
            guard let context = ZSTD_createCCtx() else {
                throw CompressionError(codec: .zstd, operation: .setup, reason: "ZSTD_createCCtx returned null")
            }
            zstdContext = context
            deflateStream = nil
        case (.gzip, let level?):
            guard (0...9).contains(level) else {
                throw CompressionError(codec: .gzip, operation: .setup, reason: "level \(level) is outside 0...9")
            }
            let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            stream.initialize(to: z_stream())
            // windowBits 15 + 16 selects the gzip wrapper; memLevel 8 is zlib's default.
            let status = deflateInit2_(
                stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
            guard status == Z_OK else {
                stream.deinitialize(count: 1)
                stream.deallocate()
                throw CompressionError(codec: .gzip, operation: .setup, reason: "deflateInit2 returned \(status)")
            }
            zstdContext = nil
            deflateStream = stream
        default:
            throw CompressionError(codec: codec, operation: .setup, reason: "pages cannot be written with this codec")
        }
    }

    deinit {
        if let zstdContext {
            ZSTD_freeCCtx(zstdContext)
        }
        if let deflateStream {
            deflateEnd(deflateStream)
            deflateStream.deinitialize(count: 1)
            deflateStream.deallocate()
        }
    }

    /// Bytes a compressor's native context takes, at most, once it has compressed inputs
    /// of up to `largestInput` bytes. ZSTD sizes its tables by the input, up to what the
    /// level allows (from about 100 KiB for a few KiB to tens of MiB at high levels on
    /// MiB-sized input), and keeps them for later inputs; zlib's deflate state is fixed;
    /// snappy and LZ4 keep a hash table of at most 64 KiB.
    public static func contextByteCount(_ codec: CompressionCodec, level: Int32?, largestInput: Int) -> Int {
        switch codec {
        case .zstd:
            let parameters = ZSTD_getCParams(level ?? ZSTD_CLEVEL_DEFAULT, UInt64(max(1, largestInput)), 0)
            return ZSTD_estimateCCtxSize_usingCParams(parameters)
        case .gzip: return 512 << 10
        case .snappy, .lz4Raw: return 64 << 10
        default: return 0
        }
    }

    /// What the ZSTD context takes now (it grows with the largest input so far); nil for
    /// the other codecs.
    var zstdContextByteCount: Int? { zstdContext.map { ZSTD_sizeof_CCtx($0) } }

    /// Compresses `input` and appends the result to `output`.
    ///
    /// The codec's worst-case bound is reserved up front and the codec writes straight
    /// into `output`'s spare capacity. On error `output` is unchanged.
    public func compress(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws(CompressionError) {
        switch codec {
        case .snappy:
            try compressSnappy(input, appendingTo: &output)
        case .gzip:
            try compressGzip(input, appendingTo: &output)
        case .zstd:
            try compressZstd(input, level: zstdLevel, appendingTo: &output)
        case .lz4Raw:
            try compressLZ4Raw(input, appendingTo: &output)
        default:
            // `init` accepts no other codec than `.uncompressed`.
            output.append(contentsOf: input)
        }
    }

    private func compressSnappy(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8])
        throws(CompressionError)
    {
        let bound = snappy_max_compressed_length(input.count)
        try output.appendUninitialized(upTo: bound) { buffer throws(CompressionError) in
            var written = buffer.count
            let status = snappy_compress(
                input.baseAddress?.assumingMemoryBound(to: CChar.self), input.count,
                UnsafeMutableRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self), &written)
            guard status == SNAPPY_OK else {
                throw CompressionError(
                    codec: .snappy, operation: .compression, reason: "snappy_compress returned \(status.rawValue)")
            }
            return written
        }
    }

    private func compressZstd(_ input: UnsafeRawBufferPointer, level: Int32, appendingTo output: inout [UInt8])
        throws(CompressionError)
    {
        let context = zstdContext!
        let bound = ZSTD_compressBound(input.count)
        try output.appendUninitialized(upTo: bound) { buffer throws(CompressionError) in
            let result = ZSTD_compressCCtx(
                context, buffer.baseAddress, buffer.count, input.baseAddress, input.count, level)
            guard ZSTD_isError(result) == 0 else {
                throw CompressionError(
                    codec: .zstd, operation: .compression, reason: String(cString: ZSTD_getErrorName(result)))
            }
            return result
        }
    }

    private func compressLZ4Raw(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8])
        throws(CompressionError)
    {
        guard input.count <= Int(LZ4_MAX_INPUT_SIZE) else {
            throw CompressionError(
                codec: .lz4Raw, operation: .compression,
                reason: "input of \(input.count) bytes exceeds LZ4's limit of \(LZ4_MAX_INPUT_SIZE)")
        }
        let bound = Int(LZ4_compressBound(Int32(input.count)))
        try output.appendUninitialized(upTo: bound) { buffer throws(CompressionError) in
            let written = LZ4_compress_default(
                input.baseAddress?.assumingMemoryBound(to: CChar.self),
                UnsafeMutableRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self),
                Int32(input.count), Int32(buffer.count))
            // LZ4 reports every failure as 0; even an empty input compresses to one byte.
            guard written > 0 else {
                throw CompressionError(codec: .lz4Raw, operation: .compression, reason: "LZ4_compress_default failed")
            }
            return Int(written)
        }
    }

    private func compressGzip(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8])
        throws(CompressionError)
    {
        let stream = deflateStream!
        guard input.count <= Int(UInt32.max) else {
            throw CompressionError(
                codec: .gzip, operation: .compression,
                reason: "input of \(input.count) bytes exceeds zlib's 4 GiB single-call limit")
        }
        let bound = Int(deflateBound(stream, UInt(input.count)))
        // Leave the stream ready for the next page whatever happens here.
        defer { deflateReset(stream) }
        try output.appendUninitialized(upTo: bound) { buffer throws(CompressionError) in
            stream.pointee.next_in = UnsafeMutablePointer(
                mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(input.count)
            stream.pointee.next_out = buffer.baseAddress
            stream.pointee.avail_out = uInt(clamping: buffer.count)
            let status = deflate(stream, Z_FINISH)
            guard status == Z_STREAM_END else {
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "deflate returned \(status)"
                throw CompressionError(codec: .gzip, operation: .compression, reason: message)
            }
            return buffer.count - Int(stream.pointee.avail_out)
        }
    }
}
