// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "swift-voparquet",
    products: [
        .library(name: "Parquet", targets: ["Parquet"]),
        .library(name: "ParquetReader", targets: ["ParquetReader"]),
        .executable(name: "pqdump", targets: ["pqdump"]),
        .library(name: "VOParquet", targets: ["VOParquet"]),
        .executable(name: "voparquet", targets: ["voparquet"]),
    ],
    dependencies: [
        // Property-based round trips in the tests.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CSnappy", pkgConfig: "snappy", providers: [.apt(["libsnappy-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLZ4", pkgConfig: "liblz4", providers: [.apt(["liblz4-dev"])]),
        .systemLibrary(name: "CBrotli", pkgConfig: "libbrotlidec", providers: [.apt(["libbrotli-dev"])]),

        // Thrift compact protocol and the parquet.thrift structures.
        .target(name: "ParquetFormat"),
        // Page compression codecs over the system C libraries.
        .target(name: "ParquetCompression", dependencies: ["CZstd", "CSnappy", "CZlib", "CLZ4", "CBrotli"]),
        // Schema, encodings, column and file writers, sinks.
        .target(name: "Parquet", dependencies: ["ParquetFormat", "ParquetCompression"]),

        // VOTable envelopes, type mapping and the VOParquet writer; streaming VOTable input.
        .target(name: "VOParquet", dependencies: ["Parquet", "CZlib"]),
        .executableTarget(name: "voparquet", dependencies: ["VOParquet", "Parquet"]),

        .executableTarget(name: "parquet-bench", dependencies: ["Parquet"], path: "Sources/ParquetBench"),
        // Streaming reader: footer, pages, every encoding and codec, nested records.
        .target(name: "ParquetReader", dependencies: ["ParquetFormat", "ParquetCompression", "CZlib"]),
        // Inspection and validation tool over the reader.
        .executableTarget(name: "pqdump", dependencies: ["ParquetReader", "ParquetFormat", "Parquet", "VOParquet"]),
        .executableTarget(name: "parquet-read-bench", dependencies: ["ParquetReader"], path: "Sources/ParquetReadBench"),

        .testTarget(name: "ParquetFormatTests", dependencies: ["ParquetFormat"]),
        .testTarget(name: "ParquetCompressionTests", dependencies: ["ParquetCompression"]),
        .testTarget(name: "ParquetTests", dependencies: ["Parquet", "ParquetFormat", "ParquetCompression"]),
        .testTarget(
            name: "ParquetReaderTests",
            dependencies: [
                "ParquetReader", "pqdump", "Parquet", "ParquetFormat", "ParquetCompression", "VOParquet",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(name: "VOParquetTests", dependencies: ["VOParquet", "Parquet", "ParquetFormat", "ParquetCompression"]),
    ],
    swiftLanguageModes: [.v6]
)
