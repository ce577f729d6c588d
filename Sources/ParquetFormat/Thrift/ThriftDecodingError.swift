/// An error thrown when bytes cannot be decoded as the expected Thrift structure.
public struct ThriftDecodingError: Error, CustomStringConvertible, Sendable, Hashable {
    /// Index in the decoder's byte array where the problem was found.
    public var offset: Int
    /// Where in the structure tree decoding was, for example
    /// `FileMetaData.row_groups[3].columns[0].meta_data.statistics.null_count`.
    /// Empty when the error is not inside any struct.
    public var path: String
    /// The innermost struct being decoded, for example `Statistics`, if any.
    public var structName: String?
    /// What went wrong.
    public var message: String

    /// An error at byte `offset`, inside `path`, while decoding `structName`.
    public init(offset: Int, path: String, structName: String?, message: String) {
        self.offset = offset
        self.path = path
        self.structName = structName
        self.message = message
    }

    public var description: String {
        var text = "Thrift decoding error at byte \(offset)"
        if !path.isEmpty {
            text += " in \(path)"
        }
        if let structName {
            text += " (\(structName))"
        }
        return text + ": \(message)"
    }
}
