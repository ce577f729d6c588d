import Testing

@testable import Parquet

/// The page buffers' bulk appends, against the definition of what they store.
@Suite struct PageBufferTests {
    /// Definition levels from a validity bitmap: a byte's eight rows are stored at once,
    /// so ranges that start and end inside a byte, span several bytes or fit in one are
    /// each checked, with a level of 1 and a higher one, after levels already stored.
    @Test(arguments: [UInt8(1), 3])
    func levelsFollowTheValidityBits(present: UInt8) {
        // Every pattern of a byte, then a few irregular ones.
        let bitmap: [UInt8] = Array(0...255) + [0xA5, 0x0F, 0xF0, 0x81]
        let rowCount = bitmap.count * 8
        let ranges = [0..<rowCount, 3..<rowCount - 5, 0..<8, 8..<16, 5..<7, 9..<9, 13..<40, 1..<rowCount]
        bitmap.withUnsafeBytes { bytes in
            let validity = ValidityBits(bytes: bytes)
            for rows in ranges {
                var levels = PageBuffer<UInt8>()
                defer { levels.deallocate() }
                levels.append(9)
                levels.appendLevels(of: rows, validity: validity, present: present)
                let expected = [9] + rows.map { bitmap[$0 / 8] >> UInt8($0 % 8) & 1 == 1 ? present : 0 }
                #expect(levels.withUnsafeBufferPointer { Array($0) } == expected, "rows \(rows)")
            }
        }
    }
}
