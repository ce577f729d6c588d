/// The kind of a page (parquet.thrift `PageType`).
///
/// Values unknown to this library are kept as their raw value.
public struct PageType: ThriftEnum {
    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// The parquet.thrift value `DATA_PAGE`.
    public static var dataPage: PageType { PageType(rawValue: 0) }
    /// The parquet.thrift value `INDEX_PAGE`.
    public static var indexPage: PageType { PageType(rawValue: 1) }
    /// The parquet.thrift value `DICTIONARY_PAGE`.
    public static var dictionaryPage: PageType { PageType(rawValue: 2) }
    /// The parquet.thrift value `DATA_PAGE_V2`.
    public static var dataPageV2: PageType { PageType(rawValue: 3) }

    /// The parquet.thrift name, such as `DATA_PAGE_V2`.
    public var description: String {
        switch rawValue {
        case 0: "DATA_PAGE"
        case 1: "INDEX_PAGE"
        case 2: "DICTIONARY_PAGE"
        case 3: "DATA_PAGE_V2"
        default: "PageType(\(rawValue))"
        }
    }
}
