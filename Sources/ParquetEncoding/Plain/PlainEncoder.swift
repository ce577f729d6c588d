/// The PLAIN encoding (Encodings.md, "Plain") of contiguous value buffers; ``PlainDecoder``
/// reads it back.
///
/// - Fixed-width types (INT32, INT64, FLOAT, DOUBLE) are their little-endian bytes back to
///   back; ``appendLittleEndian(_:into:)`` is a single bulk copy on little-endian hosts.
/// - INT96 and FIXED_LEN_BYTE_ARRAY are the values' bytes back to back, which the writer
///   appends directly from its value buffer; no helper is needed.
/// - BOOLEAN is bit-packed, least significant bit first.
/// - BYTE_ARRAY is each value's length as a 4-byte little-endian integer, then its bytes.
package enum PlainEncoder {
    /// Appends `values` bit-packed eight to a byte, the first value in the least significant
    /// bit; the last byte's unused high bits are zero.
    package static func appendBooleans(_ values: UnsafeBufferPointer<Bool>, into output: inout [UInt8]) {
        guard let base = values.baseAddress else { return }
        let count = values.count
        output.appendUninitialized(upTo: (count + 7) / 8) { buffer in
            let destination = buffer.baseAddress!
            // A Bool is one byte holding 0 or 1, so eight of them load as one word whose
            // byte k holds bit k's value. Multiplying by this constant moves byte k's bit to
            // bit 56 + k without carries, leaving the packed byte in the top eight bits.
            let gather: UInt64 = 0x0102_0408_1020_4080
            let raw = UnsafeRawPointer(base)
            let fullBytes = count / 8
            for byteIndex in 0..<fullBytes {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: byteIndex * 8, as: UInt64.self))
                destination[byteIndex] = UInt8(truncatingIfNeeded: (word &* gather) >> 56)
            }
            if fullBytes * 8 < count {
                var lastByte: UInt8 = 0
                for bit in 0..<(count - fullBytes * 8) where base[fullBytes * 8 + bit] {
                    lastByte |= 1 << UInt8(bit)
                }
                destination[fullBytes] = lastByte
            }
            return (count + 7) / 8
        }
    }

    /// Appends BYTE_ARRAY values, each as a 4-byte little-endian length and its bytes.
    ///
    /// The values lie back to back in `values`; value `i` is
    /// `values[endOffsets[i - 1] ..< endOffsets[i]]`, the first starting at offset 0. Offsets
    /// are `Int` so a large buffer cannot overflow them; a single value must still fit the
    /// format's 32-bit length.
    package static func appendByteArrays(
        _ values: UnsafeRawBufferPointer,
        endOffsets: UnsafeBufferPointer<Int>,
        into output: inout [UInt8]
    ) {
        guard let lastEnd = endOffsets.last else { return }
        precondition(lastEnd <= values.count, "end offsets run past the value bytes")
        let encodedCount = lastEnd + 4 * endOffsets.count
        output.appendUninitialized(upTo: encodedCount) { buffer in
            var destination = UnsafeMutableRawPointer(buffer.baseAddress!)
            var start = 0
            for end in endOffsets {
                let length = end - start
                precondition(length >= 0 && length <= Int(Int32.max), "invalid byte array length \(length)")
                destination.storeBytes(of: UInt32(truncatingIfNeeded: length).littleEndian, as: UInt32.self)
                destination += 4
                if length > 0 {
                    destination.copyMemory(from: values.baseAddress! + start, byteCount: length)
                    destination += length
                }
                start = end
            }
            return encodedCount
        }
    }

    /// Appends integers as little-endian bytes: one bulk copy on little-endian hosts.
    @inlinable
    package static func appendLittleEndian<Value: FixedWidthInteger>(
        _ values: UnsafeBufferPointer<Value>, into output: inout [UInt8]
    ) {
        #if _endian(little)
        output.append(contentsOf: UnsafeRawBufferPointer(values))
        #else
        output.appendUninitialized(upTo: values.count * MemoryLayout<Value>.size) { buffer in
            let destination = UnsafeMutableRawPointer(buffer.baseAddress!)
            for (index, value) in values.enumerated() {
                destination.storeBytes(
                    of: value.littleEndian, toByteOffset: index * MemoryLayout<Value>.size, as: Value.self)
            }
            return values.count * MemoryLayout<Value>.size
        }
        #endif
    }

    /// Appends FLOAT values as their IEEE 754 bit patterns, little-endian.
    package static func appendLittleEndian(_ values: UnsafeBufferPointer<Float>, into output: inout [UInt8]) {
        UnsafeRawBufferPointer(values).withMemoryRebound(to: UInt32.self) { appendLittleEndian($0, into: &output) }
    }

    /// Appends DOUBLE values as their IEEE 754 bit patterns, little-endian.
    package static func appendLittleEndian(_ values: UnsafeBufferPointer<Double>, into output: inout [UInt8]) {
        UnsafeRawBufferPointer(values).withMemoryRebound(to: UInt64.self) { appendLittleEndian($0, into: &output) }
    }
}
