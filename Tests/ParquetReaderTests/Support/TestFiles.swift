import Foundation
import ParquetReader

/// Paths of committed fixture files and helpers to read files completely.
enum TestFiles {
    /// The repository root, found from this source file's location.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ relativePath: String) -> URL {
        repositoryRoot.appendingPathComponent("Fixtures").appendingPathComponent(relativePath)
    }

    static func bytes(_ url: URL) throws -> [UInt8] {
        Array(try Data(contentsOf: url))
    }

    /// Decodes everything the reader can reach: every chunk, index, Bloom filter header
    /// and record (assembled from the chunks already decoded).
    static func readEverything(_ reader: ParquetFileReader) throws(ParquetReaderError) {
        for rowGroup in reader.metadata.rowGroups.indices {
            var chunks: [Int: ColumnChunkData] = [:]
            for column in reader.schema.leaves.indices {
                chunks[column] = try reader.readColumnChunk(rowGroup: rowGroup, column: column)
                _ = try reader.columnIndex(rowGroup: rowGroup, column: column)
                _ = try reader.offsetIndex(rowGroup: rowGroup, column: column)
                _ = try reader.bloomFilterHeader(rowGroup: rowGroup, column: column)
            }
            var assembler = try RecordAssembler(
                schema: reader.schema, fields: reader.schema.root.children, chunks: chunks, rowGroupIndex: rowGroup)
            while try assembler.next() != nil {}
        }
    }
}
