// swift-tools-version:6.2
// 6.2: the code appends through `OutputSpan` (`Array.append(addingCapacity:initializingWith:)`),
// which first shipped with the Swift 6.2 standard library.
import PackageDescription

let package = Package(
    name: "swift-voparquet",
    // The oldest Apple systems whose standard library has `Int128`, `Mutex` and
    // `String(validating:as:)`. Linux has no minimum beyond the toolchain.
    platforms: [.macOS(.v15), .iOS(.v18)],
    products: [
        .library(name: "Parquet", targets: ["Parquet"]),
        .library(name: "ParquetReader", targets: ["ParquetReader"]),
        .executable(name: "pqdump", targets: ["pqdump"]),
        .library(name: "VOParquet", targets: ["VOParquet"]),
        .executable(name: "voparquet", targets: ["voparquet"]),
        .executable(name: "voparquet-bench", targets: ["voparquet-bench"]),
        .library(name: "HEALPix", targets: ["HEALPix"]),
        .library(name: "HATS", targets: ["HATS"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `swift package generate-documentation` for `make docs`.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // Property-based round trips in the tests.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"]), .brew(["zstd"])]),
        .systemLibrary(
            name: "CSnappy", pkgConfig: "snappy", providers: [.apt(["libsnappy-dev"]), .brew(["snappy"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .systemLibrary(name: "CLZ4", pkgConfig: "liblz4", providers: [.apt(["liblz4-dev"]), .brew(["lz4"])]),
        .systemLibrary(
            name: "CBrotli", pkgConfig: "libbrotlidec", providers: [.apt(["libbrotli-dev"]), .brew(["brotli"])]),

        // The value encodings with their decoders side by side, varints, bit packing, the
        // RLE/bit-packing hybrid, xxHash64 and the split-block Bloom filter: `package` API
        // that the writer, the reader and the Thrift protocol share.
        .target(name: "ParquetEncoding"),
        // Thrift compact protocol and the parquet.thrift structures.
        .target(name: "ParquetFormat", dependencies: ["ParquetEncoding"]),
        // Page compression codecs over the system C libraries.
        .target(
            name: "ParquetCompression",
            dependencies: ["ParquetEncoding", "ParquetFormat", "CZstd", "CSnappy", "CZlib", "CLZ4", "CBrotli"]),
        // Schema, dictionaries, statistics, column and file writers, sinks.
        .target(
            name: "Parquet", dependencies: ["ParquetEncoding", "ParquetFormat", "ParquetCompression", "ParquetReader"]),

        // VOTable envelopes, type mapping and the VOParquet writer; streaming VOTable input.
        .target(name: "VOParquet", dependencies: ["Parquet", "CZlib"]),
        .executableTarget(
            name: "voparquet",
            dependencies: [
                "VOParquet", "Parquet", "HATS", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // NESTED HEALPix indexes of sky positions, for HATS catalogs.
        .target(name: "HEALPix"),
        // Writes HEALPix indexes for Tests/healpix/check_healpix.py to compare with cdshealpix.
        .executableTarget(name: "healpix-interop", dependencies: ["HEALPix"], path: "Sources/HEALPixInterop"),
        // HATS catalogs: the adaptive partitioning, and writing a catalog of VOParquet partitions.
        .target(
            name: "HATS",
            dependencies: ["HEALPix", "VOParquet", "Parquet", "ParquetFormat", "ParquetReader", "ParquetCompression"]),
        // Prints AdaptivePartitioning's partitions for Tests/hats/check_partitioning.py.
        .executableTarget(name: "hats-partition-interop", dependencies: ["HATS"], path: "Sources/HATSInterop"),

        .executableTarget(name: "parquet-bench", dependencies: ["Parquet"], path: "Sources/ParquetBench"),
        // DP0.2 Object rows with realistic values through VOParquetWriter (Scripts/bench_engine.py).
        .executableTarget(
            name: "voparquet-bench", dependencies: ["VOParquet", "Parquet"], path: "Sources/VOParquetBench"),
        // Streaming reader: footer, pages, every encoding and codec, nested records, Bloom filters.
        .target(name: "ParquetReader", dependencies: ["ParquetEncoding", "ParquetFormat", "ParquetCompression"]),
        // Inspection and validation tool over the reader.
        .executableTarget(
            name: "pqdump",
            dependencies: [
                "ParquetReader", "ParquetFormat", "Parquet", "VOParquet",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "parquet-read-bench", dependencies: ["ParquetReader"], path: "Sources/ParquetReadBench"),

        // What Tests/interop/check_interop.py expects of each file a test writes for the Python
        // readers ($PARQUET_INTEROP_DIR), shared by the test targets that write such files.
        .target(name: "InteropSupport", dependencies: ["Parquet", "ParquetFormat"], path: "Tests/InteropSupport"),
        // Fixed-seed randomness for the test targets.
        .target(name: "TestSupport", path: "Tests/TestSupport"),

        // Every encoder against its decoder, and each on hand-made bytes.
        .testTarget(name: "ParquetEncodingTests", dependencies: ["ParquetEncoding", "TestSupport"]),
        .testTarget(name: "ParquetFormatTests", dependencies: ["ParquetFormat"]),
        .testTarget(
            name: "ParquetCompressionTests", dependencies: ["ParquetCompression", "ParquetFormat", "TestSupport"]),
        .testTarget(
            name: "ParquetTests",
            dependencies: [
                "Parquet", "ParquetEncoding", "ParquetFormat", "ParquetCompression", "ParquetReader", "InteropSupport",
                "TestSupport",
            ]),
        .testTarget(
            name: "ParquetReaderTests",
            dependencies: [
                "ParquetReader", "pqdump", "Parquet", "ParquetEncoding", "ParquetFormat", "ParquetCompression",
                "VOParquet", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(name: "HEALPixTests", dependencies: ["HEALPix"]),
        .testTarget(name: "HATSTests", dependencies: ["HATS", "HEALPix", "VOParquet", "Parquet", "ParquetReader"]),
        .testTarget(
            name: "VOParquetTests", dependencies: ["VOParquet", "Parquet", "ParquetFormat", "ParquetCompression"]),
    ],
    swiftLanguageModes: [.v6]
)

// `make test` builds each sanitizer's test run without what that run never executes:
// SWIFT_VOPARQUET_TEST_TARGETS names the test targets to keep (comma-separated), and only
// the targets they reach are built. The ThreadSanitizer run compiles half the package.
if let testTargets = Context.environment["SWIFT_VOPARQUET_TEST_TARGETS"] {
    let byName = Dictionary(uniqueKeysWithValues: package.targets.map { ($0.name, $0) })
    var reached = Set<String>()
    var pending = testTargets.split(separator: ",").map(String.init)
    while let name = pending.popLast() {
        guard let target = byName[name], reached.insert(name).inserted else { continue }
        for dependency in target.dependencies {
            switch dependency {
            case .targetItem(let name, _), .byNameItem(let name, _): pending.append(name)
            case .productItem: break
            @unknown default: break
            }
        }
    }
    package.targets.removeAll { !reached.contains($0.name) }
    package.products.removeAll { product in
        let targets = (product as? Product.Library)?.targets ?? (product as? Product.Executable)?.targets ?? []
        return !targets.allSatisfy(reached.contains)
    }
}
