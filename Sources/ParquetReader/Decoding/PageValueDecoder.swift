import ParquetEncoding
import ParquetFormat

/// Decodes the values sections of one column chunk's pages and accumulates them in a
/// contiguous buffer of the column's physical type.
///
/// One implementation exists per storage kind; the page reader calls it once per page,
/// and each implementation's loops are concrete and specialized.
protocol PageValueDecoder: AnyObject {
    /// Number of values decoded so far.
    var count: Int { get }
    /// Number of entries in the dictionary, or nil before a dictionary page.
    var dictionarySize: Int? { get }
    /// Decodes the PLAIN values of a dictionary page.
    func setDictionary(_ input: UnsafeRawBufferPointer, count: Int) throws(DecodingFailure)
    /// Decodes `count` values in `encoding` that make up `input` and appends them.
    func append(_ input: UnsafeRawBufferPointer, encoding: Encoding, count: Int) throws(DecodingFailure)
    /// The values decoded so far; the decoder is empty afterwards but keeps its dictionary.
    func takeValues() -> ColumnValues
}

extension PageValueDecoder {
    func unsupported(_ encoding: Encoding, _ type: String) -> DecodingFailure {
        DecodingFailure(at: 0, "encoding \(encoding) is not valid for \(type) values")
    }

    func missingDictionary() -> DecodingFailure {
        DecodingFailure(at: 0, "dictionary-encoded page without a preceding dictionary page")
    }
}

extension Encoding {
    var isDictionary: Bool { self == .plainDictionary || self == .rleDictionary }
}
