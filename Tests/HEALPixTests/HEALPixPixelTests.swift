import Testing

@testable import HEALPix

@Suite struct HEALPixPixelTests {
    @Test func pixelCounts() {
        #expect(HEALPix.pixelCount(order: 0) == 12)
        #expect(HEALPix.pixelCount(order: 10) == 12_582_912)
        #expect(HEALPix.pixelCount(order: 29) == 3_458_764_513_820_540_928)
        #expect(!HEALPix.isValid(order: 30))
        #expect(!HEALPix.isValid(order: -1))
    }

    @Test func parentsChildrenAndDescendants() {
        let cell = HEALPixPixel(order: 3, index: 300)
        #expect(cell.children.map(\.index) == [1200, 1201, 1202, 1203])
        #expect(cell.children.allSatisfy { $0.parent(at: 3) == cell })
        #expect(cell.parent(at: 1) == HEALPixPixel(order: 1, index: 18))
        #expect(cell.parent(at: 3) == cell)
        #expect(cell.descendants(at: 3) == 300..<301)
        #expect(cell.descendants(at: 5) == 4800..<4816)
        #expect(cell.descendants(at: 29) == (300 << 52)..<(301 << 52))
        #expect(cell.contains(HEALPixPixel(order: 5, index: 4815)))
        #expect(!cell.contains(HEALPixPixel(order: 5, index: 4816)))
        #expect(!cell.contains(HEALPixPixel(order: 1, index: 18)))
    }

    @Test func cellsSortAsTheirOrder29Ranges() {
        let cells = [
            HEALPixPixel(order: 2, index: 5), HEALPixPixel(order: 0, index: 1), HEALPixPixel(order: 1, index: 1),
            HEALPixPixel(order: 1, index: 0), HEALPixPixel(order: 0, index: 0),
        ]
        #expect(
            cells.sorted() == [
                HEALPixPixel(order: 0, index: 0), HEALPixPixel(order: 1, index: 0), HEALPixPixel(order: 1, index: 1),
                HEALPixPixel(order: 2, index: 5), HEALPixPixel(order: 0, index: 1),
            ])
    }
}
