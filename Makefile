# Build, test and benchmark entry points. `make test` is what CI runs.

SHELL := /bin/bash
PYTHON := .venv/bin/python
INTEROP_DIR := $(CURDIR)/.build/interop
DETERMINISM_DIR := $(CURDIR)/.build/determinism
SHARED_DATA ?= $(CURDIR)/../shared/data
DEV_PACKAGES := libzstd-dev libsnappy-dev liblz4-dev zlib1g-dev libbrotli-dev pkg-config
PKG_CONFIG_MODULES := libzstd snappy liblz4 zlib libbrotlidec
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

FUZZ_DIR := $(CURDIR)/.build/fuzz
# Seconds per fuzz target: `make fuzz FUZZ_SECONDS=600`; `make test` runs each for CI_FUZZ_SECONDS.
FUZZ_SECONDS ?= 60
CI_FUZZ_SECONDS ?= 10
# The tests ThreadSanitizer checks in `make test`: everything that runs tasks or threads concurrently,
# and the test targets that hold them (the only ones its build compiles; Package.swift says how).
# (VOParquetWriter's async streaming only forwards to the core writer's, which AsyncChunkSinkTests covers.)
TSAN_TESTS := AsyncChunkSinkTests|SinkFaultTests|EncodingThreadsTests
TSAN_TEST_TARGETS := ParquetTests
# Every test target, for the AddressSanitizer run, which so leaves out the tools no test runs.
comma := ,
ASAN_TEST_TARGETS := $(subst $() $(),$(comma),$(notdir $(wildcard Tests/*Tests)))
# The one suite `make test` leaves to ThreadSanitizer alone: it writes the same files on every
# thread count, which takes AddressSanitizer minutes, and has no unsafe buffers of its own.
ASAN_SKIP := EncodingThreadsTests
# LeakSanitizer ignores the XCTest runner's own leak; Tests/sanitizers/lsan.supp says why.
ASAN_ENV := LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/sanitizers/lsan.supp SHARED_DATA=$(SHARED_DATA)
LARGE_DIR ?= $(CURDIR)/.build/large
# Positions the HEALPix module is checked on against cdshealpix: `make test` (each at orders 0..29)
# and `make test-healpix`.
CI_HEALPIX_POINTS ?= 100000
HEALPIX_POINTS ?= 1000000
# `voparquet hats` against hats, lsdb and hats-import: a small sky in `make test`, a larger one
# with hats-import's default highest order in `make test-hats`.
HATS_DIR := $(CURDIR)/.build/hats
HATS_ROWS ?= 300000

# Library modules whose public declarations must all have doc comments, and those
# whose DocC archives `make docs` builds (Parquet and VOParquet have catalogs).
DOC_COMMENT_DIRS := Sources/Parquet Sources/ParquetReader Sources/VOParquet Sources/ParquetFormat Sources/ParquetCompression \
	Sources/HEALPix Sources/HATS
DOC_TARGETS := Parquet ParquetReader VOParquet
FORMAT_PATHS := Package.swift Sources Tests Fuzz/Targets

.PHONY: setup system-packages venv bench-venv build demo test test-asan test-readers test-interop test-tools test-tsan doc-comments docs lint format bench bench-core bench-engine \
	bench-hats clean \
	fuzz fuzz-build sanitize test-large test-healpix test-hats

setup: system-packages venv

# Installs the compression libraries' -dev packages when pkg-config cannot find them.
system-packages:
	@if ! command -v pkg-config >/dev/null || ! pkg-config --exists $(PKG_CONFIG_MODULES); then \
		echo "installing $(DEV_PACKAGES)"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $(DEV_PACKAGES); \
	fi

# The pinned Python readers the interop suite checks our files with.
venv: .venv/.installed

.venv/.installed: Tests/interop/requirements.txt
	@[ -x $(PYTHON) ] || python3 -m venv .venv
	$(PYTHON) -m pip install -q --disable-pip-version-check -r Tests/interop/requirements.txt
	@touch $@

# matplotlib for the benchmark charts; CI's `make test` does not need it.
bench-venv: .venv/.bench-installed

.venv/.bench-installed: Scripts/requirements.txt .venv/.installed
	$(PYTHON) -m pip install -q --disable-pip-version-check -r Scripts/requirements.txt
	@touch $@

build: system-packages
	swift build

# Converts the VOTable bundled in Fixtures/ and shows the result for people (the first
# command of the README's "On a fresh machine"); installs the -dev packages if missing.
demo: system-packages
	swift build --product voparquet
	swift build --product pqdump
	@mkdir -p .build/demo
	.build/debug/voparquet convert Fixtures/votable/sample.xml -o .build/demo/sample.parquet
	.build/debug/pqdump summary .build/demo/sample.parquet

# Each Swift test runs once, under a sanitizer: the suite under AddressSanitizer (with
# LeakSanitizer), writing the files the Python readers then check, and the concurrency
# and sink tests under ThreadSanitizer.
test: system-packages
	@# The Python readers' downloads (a couple of minutes on a fresh machine) overlap the
	@# AddressSanitizer suite, which needs no Python.
	$(MAKE) --no-print-directory -j2 test-asan venv
	@# Each of these four spends long stretches in one process (a Python reader, a test run, a
	@# module's compilation), so they run side by side to keep every core busy.
	$(MAKE) --no-print-directory -j4 test-readers test-tsan fuzz-build
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(CI_FUZZ_SECONDS)

# The suite under AddressSanitizer, writing the files the Python readers check.
test-asan: system-packages
	rm -rf $(INTEROP_DIR)
	mkdir -p $(INTEROP_DIR)
	PARQUET_INTEROP_DIR=$(INTEROP_DIR) $(ASAN_ENV) SWIFT_VOPARQUET_TEST_TARGETS=$(ASAN_TEST_TARGETS) \
		swift test --sanitize=address --build-path .build/asan-tests --skip '$(ASAN_SKIP)'

# The concurrency and sink tests under ThreadSanitizer (they write no files for the readers).
test-tsan: system-packages
	SHARED_DATA=$(SHARED_DATA) SWIFT_VOPARQUET_TEST_TARGETS=$(TSAN_TEST_TARGETS) \
		swift test --sanitize=thread --build-path .build/tsan-tests --filter '$(TSAN_TESTS)'

# The files the Swift tests wrote, read by pyarrow, DuckDB, polars and fastparquet; the command-line
# tools checked against astropy, cdshealpix, hats and lsdb; the benchmark values; determinism.
test-readers: test-interop test-tools

test-interop: setup
	$(PYTHON) Tests/interop/check_interop.py $(INTEROP_DIR)

test-tools: setup
	swift build --product voparquet && $(PYTHON) Tests/voparquet/check_voparquet.py --voparquet .build/debug/voparquet --shared-data $(SHARED_DATA)
	swift build --product healpix-interop
	$(PYTHON) Tests/healpix/check_healpix.py --healpix-interop .build/debug/healpix-interop --points $(CI_HEALPIX_POINTS)
	swift build --product hats-partition-interop
	$(PYTHON) Tests/hats/check_partitioning.py --partition-interop .build/debug/hats-partition-interop
	$(PYTHON) Tests/hats/check_hats.py --voparquet .build/debug/voparquet --work $(HATS_DIR)/catalog
	$(PYTHON) Tests/hats/check_hats_cli.py --voparquet .build/debug/voparquet --work $(HATS_DIR)/cli
	swift build --product voparquet-bench
	SHARED_DATA=$(SHARED_DATA) $(PYTHON) Scripts/check_object_values.py --bench-bin .build/debug/voparquet-bench \
		--object-json $(SHARED_DATA)/dp02_object.json
	@# The same rows written three times in one process give the same bytes: nothing the
	@# writer decides may depend on what the allocator hands out or on earlier files.
	rm -rf $(DETERMINISM_DIR) && mkdir -p $(DETERMINISM_DIR)
	SHARED_DATA=$(SHARED_DATA) .build/debug/voparquet-bench write --rows 3000 --files 3 --out $(DETERMINISM_DIR)/same.parquet > /dev/null
	cmp $(DETERMINISM_DIR)/same-1.parquet $(DETERMINISM_DIR)/same-2.parquet
	cmp $(DETERMINISM_DIR)/same-1.parquet $(DETERMINISM_DIR)/same-3.parquet
	@echo "determinism: 2 passed, 0 failed"

# The libFuzzer targets of Fuzz/Targets, built with -sanitize=fuzzer,address (Fuzz/build.sh).
fuzz-build: system-packages
	Fuzz/build.sh $(FUZZ_DIR)

# Runs every fuzz target for FUZZ_SECONDS from the seeds in Fuzz/Corpus; fails on any finding
# (crash, hang over 10 s, allocation over 256 MB), kept in $(FUZZ_DIR)/findings.
fuzz: fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/run.sh $(FUZZ_DIR)

# The whole Swift test suite under AddressSanitizer (with LeakSanitizer), then under ThreadSanitizer.
sanitize: system-packages
	$(ASAN_ENV) swift test --sanitize=address --build-path .build/asan
	SHARED_DATA=$(SHARED_DATA) swift test --sanitize=thread --build-path .build/tsan

# A file over 4 GiB (sparse on disk) checked by our reader and by pyarrow's footer reader.
# Outside CI: it writes 4.5 GiB through the writer and needs about 3 GB of memory.
test-large: setup
	mkdir -p $(LARGE_DIR)
	PARQUET_LARGE_FILE_DIR=$(LARGE_DIR) swift test -c release -Xswiftc -enable-testing --filter LargeFileTests
	$(PYTHON) Tests/large/check_large_footer.py $(LARGE_DIR)
	rm -f $(LARGE_DIR)/large.parquet

# The HEALPix module against cdshealpix on HEALPIX_POINTS positions (uniform, poles, the ra wrap,
# cell corners and their neighbouring doubles) at every order 0..29, in a release build.
test-healpix: setup
	swift build -c release --product healpix-interop
	$(PYTHON) Tests/healpix/check_healpix.py --healpix-interop .build/release/healpix-interop --points $(HEALPIX_POINTS)

# A HATS catalog of HATS_ROWS rows from a release build, checked as in `make test` (hats, lsdb cone
# searches, hats-import's partitioning at its default highest order 10, the four readers), and
# its peak memory at --memory-limit 4M against that for a quarter of the rows.
test-hats: setup
	swift build -c release --product voparquet
	$(PYTHON) Tests/hats/check_hats.py --voparquet .build/release/voparquet --work $(HATS_DIR)/large --rows $(HATS_ROWS) \
		--pixel-threshold 20000 --highest-order 10 --memory-limit 32M --memory-check

# Fails on a public declaration without a doc comment (CI runs this part).
doc-comments:
	python3 Scripts/check_doc_comments.py $(DOC_COMMENT_DIRS)

# As doc-comments, and fails on any DocC warning; the archives go to .build/docs.
docs: system-packages doc-comments
	swift package --allow-writing-to-directory .build/docs generate-documentation \
		$(addprefix --target ,$(DOC_TARGETS)) --warnings-as-errors --output-path .build/docs

# Checks the formatting against .swift-format; `make format` applies it.
lint:
	swift format lint --strict --recursive --parallel $(FORMAT_PATHS)

format:
	swift format format --in-place --recursive --parallel $(FORMAT_PATHS)

# Release builds; the machine should be otherwise idle. Docs/benchmarks.md says what each part prints.
bench: bench-core bench-engine bench-hats

# The core ParquetWriter and ParquetReader against pyarrow (synthetic workloads).
bench-core: setup
	swift build -c release --product parquet-bench
	swift build -c release --product parquet-read-bench
	$(PYTHON) Scripts/bench.py --swift-bin .build/release/parquet-bench --read-bin .build/release/parquet-read-bench \
		--object-json $(SHARED_DATA)/dp02_object.json

# The VOParquet write path on realistic DP0.2 Object values against pyarrow, polars, DuckDB and
# the service's path; `voparquet convert`; the charts in Docs/. BENCH_ENGINE_FLAGS=--with-2m adds
# the 2,000,000-row memory run.
BENCH_ROWS ?= 20000 200000
BENCH_ENGINE_FLAGS ?=
BENCH_DIR := $(CURDIR)/.build/bench

bench-engine: setup bench-venv
	swift build -c release --product voparquet
	swift build -c release --product voparquet-bench
	mkdir -p $(BENCH_DIR)
	$(PYTHON) Scripts/bench_engine.py --bench-bin .build/release/voparquet-bench --object-json $(SHARED_DATA)/dp02_object.json \
		--rows $(BENCH_ROWS) --json $(BENCH_DIR)/engine.json $(BENCH_ENGINE_FLAGS)
	$(PYTHON) Scripts/bench_voparquet.py --voparquet .build/release/voparquet --object-json $(SHARED_DATA)/dp02_object.json \
		--rows $(BENCH_ROWS) --out-dir $(BENCH_DIR)/votable --json $(BENCH_DIR)/convert.json
	$(PYTHON) Scripts/bench_charts.py --engine $(BENCH_DIR)/engine.json --convert $(BENCH_DIR)/convert.json --out-dir Docs
	$(PYTHON) Scripts/bench_markdown.py --engine $(BENCH_DIR)/engine.json --convert $(BENCH_DIR)/convert.json \
		> $(BENCH_DIR)/tables.md
	@echo "Markdown tables for Docs/benchmarks.md: $(BENCH_DIR)/tables.md"

# `voparquet hats` against hats-import (Dask local cluster, all cores) on the same generated sky,
# BENCH_HATS_ROWS rows each: wall time, peak RSS and Pss of each process tree, the same partitions.
BENCH_HATS_ROWS ?= 200000 1000000

bench-hats: setup
	swift build -c release --product voparquet
	mkdir -p $(BENCH_DIR)
	$(PYTHON) Scripts/bench_hats.py --voparquet .build/release/voparquet --rows $(BENCH_HATS_ROWS) \
		--out-dir $(BENCH_DIR)/hats --json $(BENCH_DIR)/hats.json

clean:
	rm -rf .build
