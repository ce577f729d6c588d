import TestSupport
import Testing

@testable import Parquet

@Suite("Fixed-width dictionary")
struct FixedWidthDictionaryTests {
    private func indices<Key>(_ keys: [Key], in dictionary: inout FixedWidthDictionary<Key>) -> [UInt32] {
        var result: [UInt32] = []
        keys.withUnsafeBufferPointer { dictionary.appendIndices(of: $0, to: &result) }
        return result
    }

    @Test func indicesAreDenseInFirstInsertionOrder() {
        var dictionary = FixedWidthDictionary<UInt32>()
        #expect(dictionary.index(of: 30) == 0)
        #expect(dictionary.index(of: 10) == 1)
        #expect(dictionary.index(of: 30) == 0)
        #expect(dictionary.index(of: 20) == 2)
        #expect(dictionary.index(of: 10) == 1)
        #expect(dictionary.count == 3)
        #expect(dictionary.keys == [30, 10, 20])
    }

    @Test func zeroIsAnOrdinaryKey() {
        var dictionary = FixedWidthDictionary<UInt64>()
        #expect(dictionary.index(of: 5) == 0)
        #expect(dictionary.index(of: 0) == 1)
        #expect(dictionary.index(of: 0) == 1)
        #expect(dictionary.keys == [5, 0])
    }

    @Test func signedZerosAndNaNsKeepTheirBits() {
        var dictionary = FixedWidthDictionary<UInt64>()
        let otherNaN = Double(nan: 0x1234, signaling: false)
        let values: [Double] = [1.0, -0.0, 0.0, .nan, 1.0, otherNaN, .nan, -0.0, 0.0, otherNaN]
        let result = indices(values.map(\.bitPattern), in: &dictionary)
        #expect(result == [0, 1, 2, 3, 0, 4, 3, 1, 2, 4])
        let restored = dictionary.keys.map(Double.init(bitPattern:))
        #expect(restored[1].sign == .minus && restored[1] == 0)
        #expect(restored[2].sign == .plus && restored[2] == 0)
        #expect(restored[3].isNaN && restored[4].isNaN)
        #expect(restored[4].bitPattern == otherNaN.bitPattern)
    }

    @Test func floatBitPatterns() {
        var dictionary = FixedWidthDictionary<UInt32>()
        let values: [Float] = [-0.0, 0.0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, -0.0]
        #expect(indices(values.map(\.bitPattern), in: &dictionary) == [0, 1, 2, 3, 4, 5, 0])
    }

    @Test func survivesManyResizes() {
        var dictionary = FixedWidthDictionary<UInt64>()
        var generator = SeededGenerator(state: 12)
        var distinct: [UInt64] = []
        var seen = Set<UInt64>()
        while distinct.count < 200_000 {
            let key = generator.next()
            if seen.insert(key).inserted { distinct.append(key) }
        }
        for (expected, key) in distinct.enumerated() {
            #expect(dictionary.index(of: key) == UInt32(expected))
        }
        #expect(dictionary.count == distinct.count)
        #expect(dictionary.keys == distinct)
        let lookedUp = indices(distinct, in: &dictionary)
        #expect(lookedUp == (0..<UInt32(distinct.count)).map { $0 })
        #expect(dictionary.count == distinct.count)
    }

    /// Keys that differ only in their high bits (doubles, shifted integers) must still work.
    @Test func clusteredKeysAcrossResizes() {
        var dictionary = FixedWidthDictionary<UInt64>()
        let keys = (0..<50_000).map { UInt64($0) << 40 } + (0..<50_000).map { Double($0).bitPattern }
        let result = indices(keys, in: &dictionary)
        #expect(dictionary.count == 100_000 - 1)  // 0 << 40 and 0.0 share the bit pattern 0.
        #expect(result[50_000] == 0)
        #expect(Array(result.prefix(5)) == [0, 1, 2, 3, 4])
        #expect(result.last == UInt32(99_998))
    }

    @Test func bulkMatchesOneByOne() {
        var generator = SeededGenerator(state: 3)
        let keys = (0..<20_000).map { _ in UInt32.random(in: 0..<3000, using: &generator) }
        var bulk = FixedWidthDictionary<UInt32>()
        var single = FixedWidthDictionary<UInt32>()
        var existing: [UInt32] = [99]
        keys.withUnsafeBufferPointer { bulk.appendIndices(of: $0, to: &existing) }
        #expect(existing == [99] + keys.map { single.index(of: $0) })
        #expect(bulk.keys == single.keys)
    }

    @Test func plainEncodingIsLittleEndianKeys() {
        var dictionary = FixedWidthDictionary<UInt32>()
        _ = indices([0x0102_0304, 7, 0x0102_0304, Float(1.0).bitPattern], in: &dictionary)
        var output: [UInt8] = [0xEE]
        dictionary.appendPlainEncoded(into: &output)
        #expect(output == [0xEE, 0x04, 0x03, 0x02, 0x01, 0x07, 0, 0, 0, 0x00, 0x00, 0x80, 0x3F])
        #expect(dictionary.plainEncodedByteCount == 12)

        var wide = FixedWidthDictionary<UInt64>()
        _ = wide.index(of: UInt64(bitPattern: -2))
        var wideOutput: [UInt8] = []
        wide.appendPlainEncoded(into: &wideOutput)
        #expect(wideOutput == [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
        #expect(wide.plainEncodedByteCount == 8)
    }

    @Test(arguments: [true, false])
    func removeAllStartsOver(keepingCapacity: Bool) {
        var dictionary = FixedWidthDictionary<UInt64>()
        _ = indices((0..<1000).map { UInt64($0) }, in: &dictionary)
        dictionary.removeAll(keepingCapacity: keepingCapacity)
        #expect(dictionary.count == 0)
        #expect(dictionary.keys.isEmpty)
        #expect(dictionary.plainEncodedByteCount == 0)
        #expect(dictionary.index(of: 999) == 0)
        #expect(dictionary.index(of: 5) == 1)
        #expect(dictionary.index(of: 999) == 0)
    }
}
