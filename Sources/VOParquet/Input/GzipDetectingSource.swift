import CZlib

/// Reads another source, inflating it when it starts with the gzip magic bytes and
/// passing it through unchanged otherwise. Concatenated gzip members are read in turn.
public final class GzipDetectingSource: ByteSource {
    private let source: any ByteSource
    private let input: UnsafeMutableRawBufferPointer
    private var inputStart = 0
    private var inputEnd = 0
    private var sourceFinished = false
    private var stream = z_stream()
    private var inflating = false
    private var memberFinished = false
    /// Whether the input turned out to be gzip; known after the first read.
    public private(set) var isGzip = false
    private var detected = false

    /// A source over `source`, reading it `chunkSize` bytes at a time.
    public init(_ source: any ByteSource, chunkSize: Int = 1 << 16) {
        self.source = source
        self.input = .allocate(byteCount: max(16, chunkSize), alignment: 1)
    }

    deinit {
        if inflating { inflateEnd(&stream) }
        input.deallocate()
    }

    /// The next bytes of the document, inflated if the input is gzip.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard buffer.count > 0 else { return 0 }
        if !detected { try detect() }
        guard isGzip else { return try passThrough(into: buffer) }
        return try inflate(into: buffer)
    }

    private func detect() throws(InputError) {
        detected = true
        // The magic may arrive split across reads of a pipe.
        while inputEnd < 2, try refill() {}
        isGzip = inputEnd >= 2 && input[0] == 0x1F && input[1] == 0x8B
        if isGzip { try startMember() }
    }

    /// Reads more input after what is buffered; false at the end of the source.
    private func refill() throws(InputError) -> Bool {
        guard !sourceFinished else { return false }
        if inputStart > 0 {
            input.baseAddress!.copyMemory(from: input.baseAddress! + inputStart, byteCount: inputEnd - inputStart)
            inputEnd -= inputStart
            inputStart = 0
        }
        let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: input[inputEnd...]))
        if count == 0 { sourceFinished = true }
        inputEnd += count
        return count > 0
    }

    private func passThrough(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        if inputStart < inputEnd {
            let count = min(buffer.count, inputEnd - inputStart)
            buffer.baseAddress!.copyMemory(from: input.baseAddress! + inputStart, byteCount: count)
            inputStart += count
            return count
        }
        return try source.read(into: buffer)
    }

    private func startMember() throws(InputError) {
        if inflating {
            guard inflateReset(&stream) == Z_OK else { throw .gzip("cannot reset the decompressor") }
        } else {
            // 16 + MAX_WBITS: expect a gzip header and trailer.
            let status = inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
            guard status == Z_OK else { throw .gzip("cannot start the decompressor (zlib status \(status))") }
            inflating = true
        }
        memberFinished = false
    }

    private func inflate(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        while true {
            if memberFinished {
                // Another member may follow; anything else after a member is an error.
                if inputStart == inputEnd, try !refill() { return 0 }
                while inputEnd - inputStart < 2, try refill() {}
                guard inputEnd - inputStart >= 2, input[inputStart] == 0x1F, input[inputStart + 1] == 0x8B else {
                    throw .gzip("unexpected bytes after the end of the gzip stream")
                }
                try startMember()
            }
            if inputStart == inputEnd, try !refill() {
                throw .gzip("the compressed input ends early (truncated file?)")
            }
            let available = inputEnd - inputStart
            let room = min(buffer.count, Int(UInt32.max))
            stream.next_in = (input.baseAddress! + inputStart).assumingMemoryBound(to: Bytef.self)
            stream.avail_in = UInt32(available)
            stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = UInt32(room)
            let status = CZlib.inflate(&stream, Z_NO_FLUSH)
            let produced = room - Int(stream.avail_out)
            inputStart += available - Int(stream.avail_in)
            switch status {
            case Z_STREAM_END:
                memberFinished = true
            case Z_OK, Z_BUF_ERROR:
                break
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw .gzip("corrupt compressed data: \(message)")
            }
            if produced > 0 { return produced }
        }
    }
}
