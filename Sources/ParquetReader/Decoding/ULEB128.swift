/// Unsigned LEB128 varints and their zigzag-encoded signed form, as used by the RLE
/// hybrid run headers and the DELTA encodings.
enum ULEB128 {
    /// Reads a varint of at most 64 bits at `offset`, advancing it.
    @inline(__always)
    static func read(_ input: UnsafeRawBufferPointer, at offset: inout Int) throws(DecodingFailure) -> UInt64 {
        let start = offset
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < input.count else {
                throw DecodingFailure(at: start, "input ends inside a varint")
            }
            let byte = input[offset]
            offset += 1
            if shift == 63 && byte > 1 {
                throw DecodingFailure(at: start, "varint longer than 64 bits")
            }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 {
                return result
            }
            shift += 7
        }
    }

    /// Reads a zigzag-encoded signed varint.
    @inline(__always)
    static func readZigZag(_ input: UnsafeRawBufferPointer, at offset: inout Int) throws(DecodingFailure) -> Int64 {
        let zigzag = try read(input, at: &offset)
        return Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1)))
    }
}
