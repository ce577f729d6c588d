# Build, test and benchmark entry points. `make test` is what CI runs.

SHELL := /bin/bash
PYTHON := .venv/bin/python
INTEROP_DIR := $(CURDIR)/.build/interop
SHARED_DATA ?= $(CURDIR)/../shared/data
DEV_PACKAGES := libzstd-dev libsnappy-dev liblz4-dev zlib1g-dev libbrotli-dev pkg-config
PKG_CONFIG_MODULES := libzstd snappy liblz4 zlib libbrotlidec
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

FUZZ_DIR := $(CURDIR)/.build/fuzz
# Seconds per fuzz target: `make fuzz FUZZ_SECONDS=600`; `make test` runs each for CI_FUZZ_SECONDS.
FUZZ_SECONDS ?= 60
CI_FUZZ_SECONDS ?= 25
# The tests ThreadSanitizer checks in `make test`: everything that runs tasks concurrently.
TSAN_TESTS := AsyncChunkSinkTests|SinkFaultTests|streamsThroughAnAsyncChunkSink
LARGE_DIR ?= $(CURDIR)/.build/large

.PHONY: setup system-packages venv build test test-swift test-interop bench clean fuzz fuzz-build sanitize sanitize-ci test-large

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

build: system-packages
	swift build

test: setup
	rm -rf $(INTEROP_DIR)
	mkdir -p $(INTEROP_DIR)
	PARQUET_INTEROP_DIR=$(INTEROP_DIR) SHARED_DATA=$(SHARED_DATA) swift test
	$(PYTHON) Tests/interop/check_interop.py $(INTEROP_DIR)
	swift build --product voparquet && $(PYTHON) Tests/voparquet/check_voparquet.py --voparquet .build/debug/voparquet --shared-data $(SHARED_DATA)
	$(MAKE) --no-print-directory sanitize-ci
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(CI_FUZZ_SECONDS)

# The libFuzzer targets of Fuzz/Targets, built with -sanitize=fuzzer,address (Fuzz/build.sh).
fuzz-build: system-packages
	Fuzz/build.sh $(FUZZ_DIR)

# Runs every fuzz target for FUZZ_SECONDS from the seeds in Fuzz/Corpus; fails on any finding
# (crash, hang over 10 s, allocation over 256 MB), kept in $(FUZZ_DIR)/findings.
fuzz: fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/run.sh $(FUZZ_DIR)

# The whole Swift test suite under AddressSanitizer, then under ThreadSanitizer.
sanitize: system-packages
	swift test --sanitize=address --build-path .build/asan
	swift test --sanitize=thread --build-path .build/tsan

# ThreadSanitizer over the concurrency and sink tests, as `make test` runs it.
sanitize-ci: system-packages
	swift test --sanitize=thread --build-path .build/tsan --filter '$(TSAN_TESTS)'

# A file over 4 GiB (sparse on disk) checked by our reader and by pyarrow's footer reader.
# Outside CI: it writes 4.5 GiB through the writer and needs about 3 GB of memory.
test-large: setup
	mkdir -p $(LARGE_DIR)
	PARQUET_LARGE_FILE_DIR=$(LARGE_DIR) swift test -c release -Xswiftc -enable-testing --filter LargeFileTests
	$(PYTHON) Tests/large/check_large_footer.py $(LARGE_DIR)
	rm -f $(LARGE_DIR)/large.parquet

bench: setup
	swift build -c release --product parquet-bench
	swift build -c release --product parquet-read-bench
	$(PYTHON) Scripts/bench.py --swift-bin .build/release/parquet-bench --read-bin .build/release/parquet-read-bench \
		--object-json $(SHARED_DATA)/dp02_object.json
	swift build -c release --product voparquet
	$(PYTHON) Scripts/bench_voparquet.py --voparquet .build/release/voparquet --object-json $(SHARED_DATA)/dp02_object.json

clean:
	rm -rf .build
