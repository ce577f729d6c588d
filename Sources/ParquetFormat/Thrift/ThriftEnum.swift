/// A Thrift enum, represented as a struct over its `Int32` value so that values
/// added to parquet.thrift after this library was written still decode and
/// re-encode unchanged. Known values are available as static properties.
public protocol ThriftEnum: RawRepresentable, Hashable, Sendable, CustomStringConvertible
where RawValue == Int32 {
    init(rawValue: Int32)
}
