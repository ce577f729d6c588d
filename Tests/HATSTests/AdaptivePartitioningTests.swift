import HEALPix
import Testing

@testable import HATS

@Suite struct AdaptivePartitioningTests {
    /// Order 2: two sibling cells (0 and 1) with 5 and 3 rows, and cell 100 alone with 4.
    static func histogram() -> PixelHistogram {
        var histogram = PixelHistogram(order: 2)
        histogram.add(index: 0, rows: 5)
        histogram.add(index: 1, rows: 3)
        histogram.add(index: 100, rows: 4)
        return histogram
    }

    static func cells(_ partitions: [HATSPartition]) -> [[Int64]] {
        partitions.map { [Int64($0.pixel.order), $0.pixel.index, $0.rows] }
    }

    @Test func gathersSiblingsButNotLoneChildren() throws {
        // The deepest order used is 1, the lowest above 0 within the threshold; neither cell
        // at order 0 has two non-empty children, so both order-1 cells stay.
        let partitions = try AdaptivePartitioning.partitions(Self.histogram(), lowestOrder: 0, threshold: 10)
        #expect(Self.cells(partitions) == [[1, 0, 8], [1, 25, 4]])
    }

    @Test func lowestOrderBoundsTheGathering() throws {
        let partitions = try AdaptivePartitioning.partitions(Self.histogram(), lowestOrder: 1, threshold: 10)
        #expect(Self.cells(partitions) == [[1, 0, 8], [2, 100, 4]])
    }

    @Test func thresholdKeepsCellsApart() throws {
        let partitions = try AdaptivePartitioning.partitions(Self.histogram(), lowestOrder: 0, threshold: 7)
        #expect(Self.cells(partitions) == [[2, 0, 5], [2, 1, 3], [2, 100, 4]])
    }

    @Test func equalOrdersKeepEveryCell() throws {
        let partitions = try AdaptivePartitioning.partitions(Self.histogram(), lowestOrder: 2, threshold: 1)
        #expect(Self.cells(partitions) == [[2, 0, 5], [2, 1, 3], [2, 100, 4]])
    }

    @Test func refusesACellOverTheThreshold() {
        #expect(throws: PartitioningError.cellOverThreshold(order: 2, index: 0, rows: 5, threshold: 4)) {
            try AdaptivePartitioning.partitions(Self.histogram(), lowestOrder: 0, threshold: 4)
        }
        #expect(throws: PartitioningError.noRows) {
            try AdaptivePartitioning.partitions(PixelHistogram(order: 3), lowestOrder: 0, threshold: 4)
        }
        #expect(throws: PartitioningError.invalidOrders(lowest: 3, highest: 2)) {
            try AdaptivePartitioning.partitions(Self.histogram(), lowestOrder: 3, threshold: 4)
        }
    }

    @Test func histogramCountsByOrder29Index() {
        var histogram = PixelHistogram(order: 1)
        let deep = HEALPixPixel(order: 1, index: 25).descendants(at: 29)
        histogram.add(index29: deep.lowerBound)
        histogram.add(index29: deep.upperBound - 1)
        histogram.add(index29: deep.upperBound)
        #expect(histogram.sortedCounts.map { [$0.index, $0.rows] } == [[25, 2], [26, 1]])
        #expect(histogram.totalRows == 3)
        histogram.add(index: 25, rows: 4)
        #expect(histogram.sortedCounts.map(\.rows) == [6, 1])
    }

    @Test func histogramMovesToAnArrayWhenDense() throws {
        // Order 2 has 192 cells: past 48 non-empty ones the counts become an array.
        var histogram = PixelHistogram(order: 2)
        var expected: [[Int64]] = []
        for cell in stride(from: Int64(0), to: 192, by: 2) {
            histogram.add(index: cell, rows: cell + 1)
            histogram.add(index: cell)
            expected.append([cell, cell + 2])
        }
        #expect(histogram.sortedCounts.map { [$0.index, $0.rows] } == expected)
        #expect(histogram.totalRows == expected.reduce(0) { $0 + $1[1] })
        let partitions = try AdaptivePartitioning.partitions(histogram, lowestOrder: 0, threshold: 1_000)
        #expect(partitions.reduce(0) { $0 + $1.rows } == histogram.totalRows)
    }

    @Test func partitionPaths() {
        let partition = HATSPartition(pixel: HEALPixPixel(order: 7, index: 123_456), rows: 1)
        #expect(partition.directory == 120_000)
        #expect(partition.path == "dataset/Norder=7/Dir=120000/Npix=123456.parquet")
    }
}
