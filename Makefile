# Build, test and benchmark entry points. `make test` is what CI runs.

SHELL := /bin/bash
PYTHON := .venv/bin/python
INTEROP_DIR := $(CURDIR)/.build/interop
SHARED_DATA ?= $(CURDIR)/../shared/data
DEV_PACKAGES := libzstd-dev libsnappy-dev liblz4-dev zlib1g-dev libbrotli-dev pkg-config
PKG_CONFIG_MODULES := libzstd snappy liblz4 zlib libbrotlidec
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup system-packages venv build test test-swift test-interop bench clean

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

bench: setup
	swift build -c release --product parquet-bench
	swift build -c release --product parquet-read-bench
	$(PYTHON) Scripts/bench.py --swift-bin .build/release/parquet-bench --read-bin .build/release/parquet-read-bench \
		--object-json $(SHARED_DATA)/dp02_object.json
	swift build -c release --product voparquet
	$(PYTHON) Scripts/bench_voparquet.py --voparquet .build/release/voparquet --object-json $(SHARED_DATA)/dp02_object.json

clean:
	rm -rf .build
