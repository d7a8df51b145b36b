# Netra's everyday commands. Each installs what is missing first (libgd-dev and libxlsxwriter-dev
# through apt; `make test` also python3-openpyxl and libreoffice-calc-nogui, which read the workbooks back).
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test test-fast test-deps deps deps-browser build release clean bench perf-check format format-check fuzz fuzz-csv fuzz-xlsx fuzz-build fuzz-corpus fuzz-xlsx-corpus fuzz-coverage sanitize valgrind boundaries

# The main job on the shipped dataset: every chart, export and the latest briefing into output/.
run: deps
	$(SWIFT) run -c release netra --dataset datasets/bekasi-2024

# The whole test suite (the browser tests of report.html need Chromium: deps-browser; the
# workbook tests openpyxl and LibreOffice: test-deps). The Debian package is built first
# (a release build, several minutes): PackageTests unpacks and runs it.
test: deps deps-browser test-deps deb
	$(SWIFT) test

# The everyday set: every suite but those tagged slow (big hostile files, the kill test,
# Chromium, LibreOffice, the Debian package, the server's load test, generated sets whose size
# is the point), which NETRA_TEST_FAST leaves out. tools/test-costs.sh: what each suite costs.
test-fast: deps test-deps
	NETRA_TEST_FAST=1 $(SWIFT) test

# What the tests use beyond the build: openpyxl (Debian's, for /usr/bin/python3) reads the
# exported workbook and the template back; LibreOffice opens the export and saves its sheets as CSV;
# pdftotext reads the briefing's PDF back.
test-deps:
	@if ! /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then \
	  echo "Installing python3-openpyxl…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-openpyxl >/dev/null; \
	fi
	@if ! command -v pdftotext >/dev/null; then \
	  echo "Installing poppler-utils (pdftotext reads the briefing's PDF back)…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq poppler-utils >/dev/null; \
	fi
	@# curl talks to `netra serve` in its tests.
	@if ! command -v curl >/dev/null; then \
	  echo "Installing curl…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq curl >/dev/null; \
	fi
	@if ! command -v soffice >/dev/null; then \
	  echo "Installing libreoffice-calc-nogui (a few minutes)…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# libgd (with FreeType, which also measures text, and libpng), libxlsxwriter, libzip and expat
# (which read workbooks), libharu (the briefing's PDF) and pkg-config, from Debian's packages,
# when missing.
deps:
	@if ! pkg-config --exists gdlib freetype2 xlsxwriter libzip expat 2>/dev/null; then \
	  echo "Installing libgd-dev, libfreetype-dev, libxlsxwriter-dev, libzip-dev and libexpat1-dev (needs apt)…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libgd-dev libfreetype-dev libxlsxwriter-dev libzip-dev libexpat1-dev pkg-config >/dev/null; \
	fi
	@# SQLite, the index of `netra serve`'s versions (GRDB links the system's).
	@if ! pkg-config --exists sqlite3 2>/dev/null; then \
	  echo "Installing libsqlite3-dev (needs apt)…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libsqlite3-dev >/dev/null; \
	fi
	@# libharu (the briefing's PDF) ships no pkg-config file: its header says it is there.
	@if [ ! -f /usr/include/hpdf.h ]; then \
	  echo "Installing libhpdf-dev (needs apt)…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libhpdf-dev >/dev/null; \
	fi
	@if ! fc-list 2>/dev/null | grep -qi dejavusans && [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then \
	  echo "Installing fonts-dejavu-core…"; \
	  $(SUDO) apt-get install -y -qq fonts-dejavu-core >/dev/null; \
	fi

# Chromium from Debian's packages, for the tests that open report.html in a real browser, when missing.
deps-browser:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  echo "Installing chromium (for the browser tests; needs apt)…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium >/dev/null; \
	fi
	@# `netra serve`'s end-to-end test drives it through chromedriver with Selenium.
	@if ! command -v chromedriver >/dev/null 2>&1 || ! /usr/bin/python3 -c 'import selenium' 2>/dev/null; then \
	  echo "Installing chromium-driver and python3-selenium (for the browser test of netra serve; needs apt)…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium-driver python3-selenium >/dev/null; \
	fi

# The code's layout, by the settings in .swift-format (the toolchain's swift-format). The
# boundaries' generated literal is left as tools/make_boundaries.py writes it.
SWIFT_FILES = $(shell git ls-files '*.swift' | grep -v 'Boundaries+Data.swift')

format:
	@swift format format --in-place --parallel $(SWIFT_FILES)

# Fails, naming the files, when one is not laid out as `make format` would.
format-check:
	@swift format lint --strict --parallel $(SWIFT_FILES)

# The maps' boundaries, made again from ../shared/boundaries with Debian's python3 (standard
# library only): the same bytes every time (docs/MAPS.md).
boundaries:
	/usr/bin/python3 tools/make_boundaries.py ../shared/boundaries Sources/NetraCore/Regions/Boundaries+Data.swift

# Times each stage at 10k, 100k and 1M events (docs/PERFORMANCE.md). BENCH_ARGS passes
# options, e.g. make bench BENCH_ARGS="--sizes 10000,100000 --keep".
bench: deps
	$(SWIFT) build -c release
	.build/release/netra-bench $(BENCH_ARGS)

# The guard on speed, run by CI: instructions of the report on a generated 5k dataset and of
# validate on a 50k one under callgrind, against bench/budget.txt (more than 3 % over fails).
# A change that costs instructions on purpose records a new budget in the same commit and
# says why: PERF_CHECK_RECORD=1 make perf-check.
# It measures the release build the package is made from (one release build serves both).
perf-check: static
	@command -v valgrind >/dev/null || { echo "Installing valgrind…"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq valgrind >/dev/null; }
	tools/perf-check.sh $(STATIC_BIN)

# Fuzzing (Fuzz/, a package of its own): libFuzzer with AddressSanitizer over the CSV reader and
# the whole dataset validation, for FUZZ_SECONDS (default 300), starting from the shipped and
# generated datasets. The corpus grows in Fuzz/corpus/ and is kept between runs; a crash, hang
# or runaway memory leaves its input in Fuzz/artifacts/ and fails the run. FUZZ_FLAGS passes
# more libFuzzer flags, e.g. make fuzz FUZZ_SECONDS=900 FUZZ_FLAGS="-use_value_profile=1".
# Swift's crash backtracer is off: under AddressSanitizer it trips over its own stack reads,
# and libFuzzer prints the stack and saves the input itself.
FUZZ_SECONDS ?= 300
FUZZ_MAX_LEN ?= 131072
FUZZ_FLAGS ?=
FUZZ_BIN := Fuzz/.build/release/netra-fuzz

fuzz: fuzz-csv fuzz-xlsx

fuzz-csv: fuzz-build fuzz-corpus
	@mkdir -p Fuzz/corpus Fuzz/artifacts
	SWIFT_BACKTRACE=enable=no $(FUZZ_BIN) Fuzz/corpus Fuzz/seed-corpus -dict=Fuzz/netra.dict \
	  -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -max_len=$(FUZZ_MAX_LEN) \
	  -artifact_prefix=Fuzz/artifacts/ -print_final_stats=1 $(FUZZ_FLAGS)

# The workbook target: mutated .xlsx files (seeded with the template, the shipped and generated
# datasets as workbooks, and the LibreOffice- and openpyxl-made fixtures) through every check of
# a dataset, under the same rules; its corpus grows in Fuzz/corpus-xlsx/.
FUZZ_XLSX_MAX_LEN ?= 262144
fuzz-xlsx: fuzz-build fuzz-xlsx-corpus
	@mkdir -p Fuzz/corpus-xlsx Fuzz/artifacts
	NETRA_FUZZ=xlsx SWIFT_BACKTRACE=enable=no $(FUZZ_BIN) Fuzz/corpus-xlsx Fuzz/seed-corpus-xlsx -dict=Fuzz/xlsx.dict \
	  -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -max_len=$(FUZZ_XLSX_MAX_LEN) \
	  -artifact_prefix=Fuzz/artifacts/xlsx- -print_final_stats=1 $(FUZZ_FLAGS)

fuzz-xlsx-corpus: deps
	$(SWIFT) build --product netra
	@rm -rf Fuzz/seed-corpus-xlsx
	Fuzz/make-xlsx-corpus.sh "$$($(SWIFT) build --show-bin-path)/netra" Fuzz/seed-corpus-xlsx

# -c release keeps Swift's bounds, overflow and precondition checks and runs ~3× faster than debug.
fuzz-build: deps
	@echo "Building Fuzz/ with -sanitize=fuzzer,address (log: Fuzz/.build/build.log)…"
	@mkdir -p Fuzz/.build
	@$(SWIFT) build -c release --package-path Fuzz --scratch-path Fuzz/.build \
	  -Xswiftc -sanitize=fuzzer,address > Fuzz/.build/build.log 2>&1 \
	  || { grep -v 'Cannot export local symbol' Fuzz/.build/build.log | tail -40; exit 1; }

# Line coverage of the reading code reached by the corpus (Fuzz/corpus and the seeds): a build with
# coverage mapping (no sanitizer) replays every input once, then llvm-cov reports per file.
FUZZ_COV := Fuzz/.build-cov
# The toolchain's own llvm-profdata and llvm-cov (a system LLVM may not read its profiles).
LLVM_BIN ?= $(dir $(shell command -v $(SWIFT)))
fuzz-coverage: deps fuzz-corpus
	@echo "Building Fuzz/ with coverage mapping (log: $(FUZZ_COV)/build.log)…"
	@mkdir -p $(FUZZ_COV) Fuzz/corpus
	@$(SWIFT) build -c release --package-path Fuzz --scratch-path $(FUZZ_COV) -Xswiftc -sanitize=fuzzer \
	  -Xswiftc -profile-generate -Xswiftc -profile-coverage-mapping > $(FUZZ_COV)/build.log 2>&1 \
	  || { tail -40 $(FUZZ_COV)/build.log; exit 1; }
	@rm -f $(FUZZ_COV)/*.profraw
	SWIFT_BACKTRACE=enable=no LLVM_PROFILE_FILE=$(FUZZ_COV)/replay-%p.profraw $(FUZZ_COV)/release/netra-fuzz -runs=0 \
	  -max_len=$(FUZZ_MAX_LEN) Fuzz/corpus Fuzz/seed-corpus 2>&1 | grep -E 'INITED|DONE|ERROR' || true
	$(LLVM_BIN)llvm-profdata merge -sparse $(FUZZ_COV)/*.profraw -o $(FUZZ_COV)/fuzz.profdata
	$(LLVM_BIN)llvm-cov report $(FUZZ_COV)/release/netra-fuzz -instr-profile=$(FUZZ_COV)/fuzz.profdata \
	  $(CURDIR)/Sources/NetraCore/CSV $(CURDIR)/Sources/NetraLoad $(CURDIR)/Sources/NetraWorkbook \
	  $(CURDIR)/Sources/NetraCore/Model $(CURDIR)/Sources/NetraCore/Graph

# The seed corpus: Fuzz/seeds/, the shipped dataset and small generated ones, in Fuzz/seed-corpus/.
fuzz-corpus: deps
	$(SWIFT) build --product netra
	@rm -rf Fuzz/seed-corpus
	Fuzz/make-corpus.sh "$$($(SWIFT) build --show-bin-path)/netra" Fuzz/seed-corpus

# The whole test suite under AddressSanitizer (with LeakSanitizer), then ThreadSanitizer, each
# in a build folder of its own so the everyday build is untouched. Stops at the first failure.
# Tests/sanitizers/*.supp silence reports from inside the Swift runtime and XCTest only; the
# `netra` processes the end-to-end tests start run sanitized too, under the same options.
sanitize: deps
	ASAN_OPTIONS=suppressions=$(CURDIR)/Tests/sanitizers/asan.supp \
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/sanitizers/lsan.supp \
	  $(SWIFT) test --scratch-path .build-asan -Xswiftc -sanitize=address
	TSAN_OPTIONS=suppressions=$(CURDIR)/Tests/sanitizers/tsan.supp \
	  $(SWIFT) test --scratch-path .build-tsan -Xswiftc -sanitize=thread

# A full report of the shipped dataset under valgrind: fails on any memory error or any
# definitely lost block (libgd's buffers and FreeType's cache included). VALGRIND_SCRATCH names
# the build folder to use (default .build); VALGRIND_OUT the output folder.
VALGRIND_SCRATCH ?= .build
VALGRIND_OUT ?= /tmp/netra-valgrind
valgrind: deps
	@command -v valgrind >/dev/null || { echo "Installing valgrind…"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq valgrind >/dev/null; }
	$(SWIFT) build --scratch-path $(VALGRIND_SCRATCH) --product netra
	valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=1 \
	  --suppressions=Tests/valgrind/swift-runtime.supp \
	  $(VALGRIND_SCRATCH)/debug/netra report --dataset datasets/bekasi-2024 --out $(VALGRIND_OUT) --quiet

# Remakes the workbook fixtures (Tests/NetraWorkbookTests/Fixtures/Workbooks) with LibreOffice Calc
# and openpyxl, installing them first. The tests read the committed files and need neither.
WORKBOOKS := Tests/NetraWorkbookTests/Fixtures/Workbooks
.PHONY: workbook-fixtures
workbook-fixtures:
	@command -v libreoffice >/dev/null || { echo "Installing libreoffice-calc-nogui…"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libreoffice-calc-nogui >/dev/null; }
	@python3 -c 'import openpyxl' 2>/dev/null || python3 -m pip install -q openpyxl
	$(WORKBOOKS)/make_libreoffice.sh
	cd $(WORKBOOKS) && python3 make_openpyxl.py

# Installing Netra like a program: `make install` (PREFIX=/usr/local by default; DESTDIR honoured)
# puts bin/netra and share/doc/netra (the READMEs, the example dataset) under PREFIX; `make deb`
# makes a Debian package of the same. Both use one release build with the Swift runtime linked
# in (--static-swift-stdlib), stamped with the commit, in .build-static/: the binary then needs
# only Debian's libraries (libgd3, libxlsxwriter4, libzip4, libexpat1) and fonts-dejavu-core.
# Its data (the regions, the clocks, the holidays) is compiled in; the fonts are the system's.
PREFIX ?= /usr/local
DESTDIR ?=
STATIC := .build-static
STATIC_BIN := $(STATIC)/release/netra
VERSION := $(shell sed -n 's/^let netraVersion = "\(.*\)"$$/\1/p' Sources/netra/Version.swift)
COMMIT = $(shell git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)$(shell git diff --quiet HEAD -- 2>/dev/null || echo -modified)
DEB_ARCH = $(shell dpkg --print-architecture)
DEB = $(STATIC)/netra_$(VERSION)_$(DEB_ARCH).deb
DEB_DEPENDS := libc6, libgcc-s1, libstdc++6, zlib1g, libgd3, libfreetype6, libxlsxwriter4, libzip4, libexpat1, libhpdf-2.3.0, libsqlite3-0, fonts-dejavu-core

.PHONY: static install install-files uninstall deb

static: deps
	printf '// Written by make (not in git): the commit `netra --version` names.\nlet buildStampCommit = "%s"\n' "$(COMMIT)" > Sources/netra/BuildStamp.swift
	$(SWIFT) build -c release --static-swift-stdlib --product netra --scratch-path $(STATIC) -Xswiftc -DNETRA_STAMPED

install: static install-files

install-files:
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/doc/netra/examples/bekasi-2024
	install -m 755 $(STATIC_BIN) $(DESTDIR)$(PREFIX)/bin/netra
	install -m 644 README.md $(DESTDIR)$(PREFIX)/share/doc/netra/README.md
	install -m 644 datasets/README.md $(DESTDIR)$(PREFIX)/share/doc/netra/DATASET.md
	install -m 644 datasets/bekasi-2024/*.csv $(DESTDIR)$(PREFIX)/share/doc/netra/examples/bekasi-2024/
	@# `netra serve`'s guide and its systemd unit, installed disabled (docs/SERVE.md).
	install -m 644 docs/SERVE.md $(DESTDIR)$(PREFIX)/share/doc/netra/SERVE.md
	install -d $(DESTDIR)$(PREFIX)/lib/systemd/system
	install -m 644 docs/netra-serve.service $(DESTDIR)$(PREFIX)/lib/systemd/system/netra-serve.service

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/netra $(DESTDIR)$(PREFIX)/lib/systemd/system/netra-serve.service
	rm -rf $(DESTDIR)$(PREFIX)/share/doc/netra

# The package: the same files under /usr, a control file with the libraries as dependencies;
# `apt install ./netra_VERSION_ARCH.deb` pulls them in. Written to .build-static/.
deb: static
	rm -rf $(STATIC)/deb
	$(MAKE) --no-print-directory install-files DESTDIR=$(STATIC)/deb PREFIX=/usr
	install -d $(STATIC)/deb/DEBIAN
	printf '%s\n' 'Package: netra' 'Version: $(VERSION)' "Architecture: $(DEB_ARCH)" \
	  'Maintainer: Netra <netra@localhost>' 'Section: utils' 'Priority: optional' \
	  'Depends: $(DEB_DEPENDS)' "Installed-Size: $$(du -sk $(STATIC)/deb/usr | cut -f1)" \
	  'Description: ASN neutrality around elections: charts, exports and briefings' \
	  ' Netra reads a dataset of dated events (CSV or .xlsx) about the neutrality of' \
	  ' Indonesia'"'"'s civil servants and writes charts, CSV exports, a workbook,' \
	  ' report.html and a monthly briefing sheet. Commit $(COMMIT).' > $(STATIC)/deb/DEBIAN/control
	rm -f $(STATIC)/netra_*.deb
	dpkg-deb --root-owner-group -Zgzip --build $(STATIC)/deb $(DEB)
	@echo "built $(DEB)"

clean:
	rm -rf .build .build-static Fuzz/.build Fuzz/.build-cov
