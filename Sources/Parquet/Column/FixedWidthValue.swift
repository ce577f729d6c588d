import ParquetFormat

/// A value stored as fixed-width little-endian bytes: the Swift types behind INT32,
/// INT64, FLOAT, DOUBLE and the two-byte FLOAT16.
protocol FixedWidthValue: Sendable, BitwiseCopyable {
    /// The unsigned integer with the same bits, used as the dictionary key so that
    /// -0.0 and +0.0, or NaNs with different payloads, stay distinct entries.
    associatedtype Bits: FixedWidthInteger & UnsignedInteger & Sendable
    var bits: Bits { get }

    /// Folds `values` into `statistics` under `order`.
    static func accumulate(
        _ values: UnsafeBufferPointer<Self>, order: StatisticsOrder,
        into statistics: inout FixedWidthStatistics<Self>)

    /// The statistics encoding of the value (its PLAIN bytes), after the spec's
    /// zero rule: a zero minimum is written as -0.0 and a zero maximum as +0.0.
    func statisticsBytes(asMinimum: Bool) -> [UInt8]
}

extension FixedWidthValue {
    @inline(__always)
    func littleEndianBytes() -> [UInt8] {
        withUnsafeBytes(of: bits.littleEndian) { Array($0) }
    }
}

extension FixedWidthValue where Self: FixedWidthInteger {
    static func accumulate(
        _ values: UnsafeBufferPointer<Self>, order: StatisticsOrder,
        into statistics: inout FixedWidthStatistics<Self>
    ) {
        guard var low = values.first else { return }
        if order == .unsigned {
            var lowBits = low.bits
            var highBits = low.bits
            for value in values {
                lowBits = Swift.min(lowBits, value.bits)
                highBits = Swift.max(highBits, value.bits)
            }
            statistics.include(min: Self(truncatingIfNeeded: lowBits), max: Self(truncatingIfNeeded: highBits)) {
                $0.bits < $1.bits
            }
        } else {
            var high = low
            for value in values {
                low = Swift.min(low, value)
                high = Swift.max(high, value)
            }
            statistics.include(min: low, max: high, by: <)
        }
    }

    func statisticsBytes(asMinimum: Bool) -> [UInt8] { littleEndianBytes() }
}

extension Int32: FixedWidthValue {
    var bits: UInt32 { UInt32(bitPattern: self) }
}

extension Int64: FixedWidthValue {
    var bits: UInt64 { UInt64(bitPattern: self) }
}

extension FixedWidthValue where Self: BinaryFloatingPoint {
    static func accumulate(
        _ values: UnsafeBufferPointer<Self>, order: StatisticsOrder,
        into statistics: inout FixedWidthStatistics<Self>
    ) {
        var low = Self.infinity
        var high = -Self.infinity
        var nanCount = 0
        var sawNumber = false
        for value in values {
            if value.isNaN {
                nanCount += 1
                continue
            }
            sawNumber = true
            low = Swift.min(low, value)
            high = Swift.max(high, value)
        }
        statistics.nanCount += nanCount
        if sawNumber { statistics.include(min: low, max: high, by: <) }
    }

    func statisticsBytes(asMinimum: Bool) -> [UInt8] {
        guard self == 0 else { return littleEndianBytes() }
        return (asMinimum ? -Self.zero : Self.zero).littleEndianBytes()
    }
}

extension Float: FixedWidthValue {
    var bits: UInt32 { bitPattern }
}

extension Double: FixedWidthValue {
    var bits: UInt64 { bitPattern }
}

/// The two little-endian bytes of an IEEE half float, as a FLOAT16 column stores them.
struct Float16Bits: FixedWidthValue, Equatable {
    let bits: UInt16

    var floatValue: Float { Float(Float16(bitPattern: bits)) }

    static func accumulate(
        _ values: UnsafeBufferPointer<Float16Bits>, order: StatisticsOrder,
        into statistics: inout FixedWidthStatistics<Float16Bits>
    ) {
        var low: Float16Bits? = nil
        var high: Float16Bits? = nil
        for value in values {
            let number = value.floatValue
            if number.isNaN {
                statistics.nanCount += 1
                continue
            }
            if low == nil || number < low!.floatValue { low = value }
            if high == nil || number > high!.floatValue { high = value }
        }
        if let low, let high {
            statistics.include(min: low, max: high) { $0.floatValue < $1.floatValue }
        }
    }

    func statisticsBytes(asMinimum: Bool) -> [UInt8] {
        guard floatValue == 0 else { return littleEndianBytes() }
        return Float16Bits(bits: asMinimum ? 0x8000 : 0x0000).littleEndianBytes()
    }
}
