import ParquetFormat

/// Reads the footer of a complete file held in memory.
enum FooterReader {
    struct Malformed: Error {}

    static func metadata(of file: [UInt8]) throws -> FileMetaData {
        guard file.count >= 12, Array(file.prefix(4)) == Array("PAR1".utf8), Array(file.suffix(4)) == Array("PAR1".utf8)
        else { throw Malformed() }
        let lengthBytes = file[(file.count - 8)..<(file.count - 4)]
        let length = lengthBytes.reversed().reduce(0) { $0 << 8 | Int($1) }
        let start = file.count - 8 - length
        guard start >= 4 else { throw Malformed() }
        return try FileMetaData.decode(Array(file[start..<(file.count - 8)]))
    }
}
