import TestSupport
import Testing

@testable import Parquet

@Suite("Byte-array dictionary")
struct ByteArrayDictionaryTests {
    private func index(of string: String, in dictionary: inout ByteArrayDictionary) -> UInt32 {
        Array(string.utf8).withUnsafeBytes { dictionary.index(of: $0) }
    }

    /// The column layout the writer uses: value bytes back to back plus end offsets.
    private func columnLayout(_ strings: [String]) -> (bytes: [UInt8], ends: [Int]) {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for string in strings {
            bytes += string.utf8
            ends.append(bytes.count)
        }
        return (bytes, ends)
    }

    private func bulkIndices(_ strings: [String], in dictionary: inout ByteArrayDictionary) -> [UInt32] {
        let (bytes, ends) = columnLayout(strings)
        var result: [UInt32] = []
        bytes.withUnsafeBytes { values in
            ends.withUnsafeBufferPointer { dictionary.appendIndices(ofValues: values, endOffsets: $0, to: &result) }
        }
        return result
    }

    @Test func equalPrefixesAndEmptyValuesAreDistinct() {
        var dictionary = ByteArrayDictionary()
        let strings = ["abc", "ab", "a", "", "abc", "", "abcd", "ab"]
        #expect(strings.map { index(of: $0, in: &dictionary) } == [0, 1, 2, 3, 0, 3, 4, 1])
        #expect(dictionary.count == 5)
        #expect(Array(dictionary.value(at: 0)) == Array("abc".utf8))
        #expect(dictionary.value(at: 3).isEmpty)
        #expect(Array(dictionary.value(at: 4)) == Array("abcd".utf8))
    }

    /// Every prefix of a long string, lengths 0...64, crosses the hash's 1-3, 4-7 and 8-byte
    /// paths; all must be distinct, and values differing only in their last byte too.
    @Test func prefixesOfEveryLengthAreDistinct() {
        var dictionary = ByteArrayDictionary()
        let long = Array("the quick brown fox jumps over the lazy dog, again and again!!!!!".utf8)
        for length in 0...64 {
            let result = long.prefix(length).withUnsafeBytes { dictionary.index(of: UnsafeRawBufferPointer($0)) }
            #expect(result == UInt32(length))
        }
        for length in 1...64 {
            var changed = Array(long.prefix(length))
            changed[length - 1] ^= 1
            let result = changed.withUnsafeBytes { dictionary.index(of: $0) }
            #expect(result == UInt32(64 + length), "length \(length)")
        }
        for length in 0...64 {
            let result = long.prefix(length).withUnsafeBytes { dictionary.index(of: UnsafeRawBufferPointer($0)) }
            #expect(result == UInt32(length))
        }
    }

    @Test func survivesManyResizes() {
        var dictionary = ByteArrayDictionary()
        let strings = (0..<100_000).map { "value-\($0 * 7919)" }
        #expect(bulkIndices(strings, in: &dictionary) == (0..<UInt32(strings.count)).map { $0 })
        #expect(bulkIndices(strings.reversed(), in: &dictionary) == (0..<UInt32(strings.count)).reversed())
        #expect(dictionary.count == strings.count)
        #expect(Array(dictionary.value(at: 12_345)) == Array(strings[12_345].utf8))
    }

    @Test func bulkMatchesOneByOne() {
        var generator = SeededGenerator(state: 8)
        let strings = (0..<5000).map { _ in String(repeating: "x", count: Int.random(in: 0...20, using: &generator)) }
        var bulk = ByteArrayDictionary()
        var single = ByteArrayDictionary()
        #expect(bulkIndices(strings, in: &bulk) == strings.map { index(of: $0, in: &single) })
        #expect(bulk.count == 21)
    }

    @Test func fixedLengthValues() {
        var dictionary = ByteArrayDictionary()
        let bytes: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 0, 0, 0, 0, 5, 6, 7, 8]
        var result: [UInt32] = []
        bytes.withUnsafeBytes { dictionary.appendIndices(ofFixedLengthValues: $0, length: 4, to: &result) }
        #expect(result == [0, 1, 0, 2, 1])
        var plain: [UInt8] = []
        dictionary.appendPlainEncoded(into: &plain, lengthPrefixed: false)
        #expect(plain == [1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0])
        #expect(dictionary.plainEncodedByteCount(lengthPrefixed: false) == 12)
    }

    @Test func plainEncodingWithLengthPrefixes() {
        var dictionary = ByteArrayDictionary()
        _ = bulkIndices(["hi", "", "hi", "xyz"], in: &dictionary)
        var plain: [UInt8] = [0xEE]
        dictionary.appendPlainEncoded(into: &plain, lengthPrefixed: true)
        #expect(plain == [0xEE, 2, 0, 0, 0, 0x68, 0x69, 0, 0, 0, 0, 3, 0, 0, 0, 0x78, 0x79, 0x7A])
        #expect(dictionary.plainEncodedByteCount(lengthPrefixed: true) == plain.count - 1)
        #expect(dictionary.plainEncodedByteCount(lengthPrefixed: false) == 5)
    }

    @Test(arguments: [true, false])
    func removeAllStartsOver(keepingCapacity: Bool) {
        var dictionary = ByteArrayDictionary()
        _ = bulkIndices((0..<1000).map(String.init), in: &dictionary)
        dictionary.removeAll(keepingCapacity: keepingCapacity)
        #expect(dictionary.count == 0)
        #expect(dictionary.plainEncodedByteCount(lengthPrefixed: true) == 0)
        #expect(index(of: "999", in: &dictionary) == 0)
        #expect(index(of: "", in: &dictionary) == 1)
        #expect(index(of: "999", in: &dictionary) == 0)
    }

    @Test func hashSeparatesShortValues() {
        var hashes = Set<UInt64>()
        var tags = Set<UInt32>()
        for number in 0..<50_000 {
            let bytes = Array(String(number).utf8)
            let hash = bytes.withUnsafeBytes { ByteHash.hash($0) }
            hashes.insert(hash)
            tags.insert(UInt32(truncatingIfNeeded: hash >> 32))
        }
        #expect(hashes.count == 50_000)
        #expect(tags.count > 49_990)
        #expect([UInt8]().withUnsafeBytes { ByteHash.hash($0) } != [0].withUnsafeBytes { ByteHash.hash($0) })
    }
}
