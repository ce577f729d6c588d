import ParquetFormat

/// Where the footer sits and what it says.
struct Footer: Sendable {
    static let magic: [UInt8] = Array("PAR1".utf8)
    static let encryptedMagic: [UInt8] = Array("PARE".utf8)
    /// The 4-byte footer length and the closing magic.
    static let trailerSize = 8

    /// File offset of the serialized FileMetaData.
    let offset: Int
    /// Length of the serialized FileMetaData.
    let length: Int
    let metadata: FileMetaData

    /// Reads and decodes the footer, checking both magic numbers and the declared length.
    static func read(from source: RandomAccessByteSource) throws(ParquetReaderError) -> Footer {
        let size = source.size
        guard size >= magic.count + trailerSize else {
            throw ParquetReaderError(
                offset: 0, structure: "file", message: "\(size) bytes is too short for a Parquet file (at least 12)")
        }
        let head = try source.read(at: 0, count: magic.count, structure: "leading magic")
        guard head == magic else {
            throw ParquetReaderError(
                offset: 0, structure: "leading magic", message: "expected PAR1, found \(describe(head))")
        }
        let trailerOffset = size - trailerSize
        let trailer = try source.read(at: trailerOffset, count: trailerSize, structure: "footer trailer")
        let tail = Array(trailer[4...])
        guard tail != encryptedMagic else {
            throw ParquetReaderError(
                offset: trailerOffset + 4, structure: "trailing magic",
                message: "the file has an encrypted footer (PARE), which this reader does not support")
        }
        guard tail == magic else {
            throw ParquetReaderError(
                offset: trailerOffset + 4, structure: "trailing magic",
                message: "expected PAR1, found \(describe(tail)); the file is truncated or not Parquet")
        }
        let length = Int(
            UInt32(trailer[0]) | UInt32(trailer[1]) << 8 | UInt32(trailer[2]) << 16 | UInt32(trailer[3]) << 24)
        let available = trailerOffset - magic.count
        guard length <= available else {
            throw ParquetReaderError(
                offset: trailerOffset, structure: "footer length",
                message: "footer length \(length) exceeds the \(available) bytes between the magic numbers")
        }
        let offset = trailerOffset - length
        let bytes = try source.read(at: offset, count: length, structure: "footer")
        let metadata: FileMetaData
        do {
            metadata = try FileMetaData.decode(bytes)
        } catch {
            throw ParquetReaderError(error, base: offset, structure: "footer (FileMetaData)")
        }
        return Footer(offset: offset, length: length, metadata: metadata)
    }

    private static func describe(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            (0x20..<0x7F).contains(byte)
                ? String(UnicodeScalar(byte)) : "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }
}
