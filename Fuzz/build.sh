#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/Targets with coverage guidance and AddressSanitizer.
#
# SwiftPM cannot build them: libFuzzer supplies `main`, and every module the target
# reaches must be instrumented. So each package module is compiled here with swiftc
# into a static library (with -enable-testing, so that harnesses reach internal
# decoders through @testable import), then each harness is linked against them.
#   Fuzz/build.sh OUTPUT_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.build/fuzz}
mkdir -p "$out"
# The package name lets modules see each other's `package` declarations, as under SwiftPM.
# -num-threads: each module's optimization and code generation on every processor.
flags=(-O -sanitize=fuzzer,address -parse-as-library -enable-testing -swift-version 6 -use-ld=lld
    -num-threads "$(getconf _NPROCESSORS_ONLN)" -package-name swift_voparquet -I "$out")
for c in CZstd CSnappy CZlib CLZ4 CBrotli; do flags+=(-I "Sources/$c"); done
links=(-lzstd -lsnappy -lz -llz4 -lbrotlidec)

# Compiles Sources/NAME (or the given files) into $out/libNAME.a and $out/NAME.swiftmodule,
# unless they are newer than every source.
module() {
    local name=$1; shift
    local sources=("$@")
    [ ${#sources[@]} -gt 0 ] || mapfile -t sources < <(find "Sources/$name" -name '*.swift' | sort)
    local library="$out/lib$name.a"
    if [ -f "$library" ] && [ -z "$(find "${sources[@]}" Fuzz/build.sh -newer "$library")" ]; then return; fi
    echo "fuzz: compiling $name"
    swiftc "${flags[@]}" -wmo -module-name "$name" -emit-module -emit-module-path "$out/$name.swiftmodule" \
        -emit-library -static "${sources[@]}" -o "$library"
}

module ParquetEncoding
module ParquetFormat
module ParquetCompression
module ParquetReader
module Parquet
module VOParquet
# pqdump without its entry point and command-line parsing, so that the reader harness
# can drive its commands.
mapfile -t pqdump < <(find Sources/pqdump -name '*.swift' ! -name PQDump.swift ! -name main.swift \
    -exec grep -L '^import ArgumentParser' {} + | sort)
module pqdump "${pqdump[@]}"

libraries=(-L "$out" -lpqdump -lVOParquet -lParquet -lParquetReader -lParquetCompression -lParquetFormat -lParquetEncoding)
for harness in Fuzz/Targets/*.swift; do
    name=$(basename "$harness" .swift)
    binary="$out/fuzz-$name"
    if [ -f "$binary" ] && [ -z "$(find "$harness" "$out"/*.a -newer "$binary")" ]; then continue; fi
    echo "fuzz: linking fuzz-$name"
    swiftc "${flags[@]}" -module-name "Fuzz$name" "$harness" -o "$binary" "${libraries[@]}" "${links[@]}"
done
