import ParquetFormat

/// The footer of a complete Parquet file held in memory.
enum FileFooter {
    struct Malformed: Error {}

    static func metadata(of file: [UInt8]) throws -> FileMetaData {
        guard file.count >= 12, file.prefix(4).elementsEqual("PAR1".utf8), file.suffix(4).elementsEqual("PAR1".utf8)
        else {
            throw Malformed()
        }
        return try FileMetaData.decode(Array(file[(file.count - 8 - length(of: file))..<(file.count - 8)]))
    }

    /// Bytes of the serialized FileMetaData.
    static func length(of file: [UInt8]) -> Int {
        file[(file.count - 8)..<(file.count - 4)].reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    static func keyValue(_ key: String, in metadata: FileMetaData) -> String? {
        metadata.keyValueMetadata?.first { $0.key == key }?.value
    }
}
