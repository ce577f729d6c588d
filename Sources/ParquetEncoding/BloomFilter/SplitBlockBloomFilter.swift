import Foundation

/// The Parquet split-block Bloom filter: blocks of eight 32-bit words; a value's
/// xxHash64 picks one block with its upper 32 bits and sets one bit in each word
/// from its lower 32 bits. The writer fills one per column chunk; the reader probes
/// stored ones.
package struct SplitBlockBloomFilter: Sendable {
    /// The spec's eight odd constants, one per word of a block.
    @inlinable static var salts: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) {
        (0x47B6_137B, 0x4497_4D91, 0x8824_AD5B, 0xA2B7_289D, 0x7054_95C7, 0x2DF1_424B, 0x9EFC_4947, 0x5C6B_FB31)
    }
    package static let bytesPerBlock = 32
    static let minimumByteCount = 32
    static let maximumByteCount = 128 << 20

    @usableFromInline var words: [UInt32]
    @usableFromInline let blockCount: UInt64

    /// A filter of `byteCount` bytes, a power of two between the minimum and maximum.
    package init(byteCount: Int) {
        precondition(
            byteCount.nonzeroBitCount == 1 && byteCount >= Self.minimumByteCount
                && byteCount <= Self.maximumByteCount)
        words = Array(repeating: 0, count: byteCount / 4)
        blockCount = UInt64(byteCount / Self.bytesPerBlock)
    }

    /// A filter sized by the spec's formula for `distinctCount` values at false-positive
    /// probability `probability`.
    package init(distinctCount: Int, falsePositiveProbability probability: Double) {
        self.init(byteCount: Self.byteCount(distinctCount: distinctCount, falsePositiveProbability: probability))
    }

    /// The bitset size: `-8 / ln(1 - p^(1/8))` bits per distinct value, rounded up to a
    /// power of two bytes within 32 bytes...128 MiB.
    static func byteCount(distinctCount: Int, falsePositiveProbability probability: Double) -> Int {
        let bitsPerValue = -8 / log(1 - pow(probability, 1.0 / 8))
        let bytes = (Double(distinctCount) * bitsPerValue / 8).rounded(.up)
        guard bytes < Double(maximumByteCount) else { return maximumByteCount }
        var size = minimumByteCount
        while Double(size) < bytes { size <<= 1 }
        return size
    }

    /// Size of the bitset in bytes.
    package var byteCount: Int { words.count * 4 }

    /// A filter over a bitset as stored in a file: its words little-endian. The size must be
    /// a non-zero multiple of the 32-byte block.
    package init(bitset: [UInt8]) {
        precondition(!bitset.isEmpty && bitset.count % Self.bytesPerBlock == 0)
        words = bitset.withUnsafeBytes { bytes in
            (0..<(bitset.count / 4)).map {
                UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))
            }
        }
        blockCount = UInt64(bitset.count / Self.bytesPerBlock)
    }

    /// Records a value by its xxHash64.
    @inlinable
    package mutating func insert(hash: UInt64) {
        let first = blockStart(hash)
        let key = UInt32(truncatingIfNeeded: hash)
        words.withUnsafeMutableBufferPointer { words in
            Self.forEachMask(key) { index, mask in words[first + index] |= mask }
        }
    }

    /// Whether a value with this xxHash64 may have been inserted; false means it was not.
    package func mightContain(hash: UInt64) -> Bool {
        let first = blockStart(hash)
        let key = UInt32(truncatingIfNeeded: hash)
        var contained = true
        Self.forEachMask(key) { index, mask in
            if words[first + index] & mask == 0 { contained = false }
        }
        return contained
    }

    /// Clears every bit, for the next column chunk.
    package mutating func reset() {
        words.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }

    /// Calls `body` with the bitset as stored: the words little-endian.
    @inlinable
    package func withBitsetBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        // Files are written on little-endian hosts only, like every PLAIN memory image here.
        try words.withUnsafeBytes(body)
    }

    @inlinable @inline(__always)
    func blockStart(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: ((hash >> 32) &* blockCount) >> 32) &* 8
    }

    @inlinable @inline(__always)
    static func forEachMask(_ key: UInt32, _ body: (Int, UInt32) -> Void) {
        body(0, 1 << ((key &* salts.0) >> 27))
        body(1, 1 << ((key &* salts.1) >> 27))
        body(2, 1 << ((key &* salts.2) >> 27))
        body(3, 1 << ((key &* salts.3) >> 27))
        body(4, 1 << ((key &* salts.4) >> 27))
        body(5, 1 << ((key &* salts.5) >> 27))
        body(6, 1 << ((key &* salts.6) >> 27))
        body(7, 1 << ((key &* salts.7) >> 27))
    }
}
