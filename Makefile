# styr: build, test, demo and benchmarks.
#
#   make            build build/styr (release, -O2 -g)
#   make demo       install missing Debian packages, build, create ./styr.ws
#                   (tools/demo.sh): Odense's own workspace with the national
#                   demo population 2015-2025, a 2025 budget and result goals;
#                   print key figures, the net cost under the 2011 and 2016
#                   rules, the scorecard and the budget follow-up, and write
#                   the committee's report to rapport.html
#   make test-readme  the README's usage block, line by line, on the demo
#                   workspace, and a NaN/inf scan of every format
#   make test       everything CI runs: -Werror build, unit and CLI tests in a
#                   normal and an ASan/UBSan build, the report in headless
#                   Chromium, valgrind on the CLI paths, a short fuzz run of the
#                   parsers
#   make asan       the sanitizer build only (build/asan/styr)
#   make test-durable  a full disk at every write of import and of the figure
#                   cache store (an LD_PRELOAD shim), and 20 kill -9 at random
#                   moments; the workspace must always open with the last
#                   committed generation's figures; as root also 33 imports
#                   on a nearly full 12 MB tmpfs
#   make stress     the same with every lone failure and 500 kills
#   make bench      the benchmarks in bench/ (large; see bench/README.md)
#   make lint       cppcheck over src/
#   make format     clang-format over src/ and tests/
#   make deps       install the Debian packages styr needs (apt-get)
#
# Everything but src/main.c goes into build/libstyr.a, which the tests link.

CC       ?= cc
BUILD    ?= build
OPT      ?= -O2 -g
WERROR   ?= -Werror
SAN      ?=
CPPFLAGS += -D_DEFAULT_SOURCE -D_FILE_OFFSET_BITS=64 -Isrc
CFLAGS   += -std=c11 $(OPT) -Wall -Wextra $(WERROR) -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wpointer-arith -Wformat=2 -fno-strict-aliasing $(SAN)
LDFLAGS  += $(SAN)
LIBS      = -lreadstat -lsqlite3 -lcurl -lcrypto -lxxhash -lxlsxwriter -ljansson -lmicrohttpd -lminizip -lexpat -lpthread -lm
VERSION  := $(shell cat VERSION 2>/dev/null || echo 0.0.0)
CPPFLAGS += -DSTYR_VERSION=\"$(VERSION)\"

LIB_SRC  := $(sort $(wildcard src/core/*.c src/ingest/*.c src/panel/*.c src/ws/*.c \
                             src/synth/*.c src/calc/*.c src/out/*.c src/web/*.c src/cmd/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/refdata.o
DATA     := $(sort $(wildcard data/*.csv))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all demo serve test test-unit test-cli test-readme test-browser test-hent test-valgrind test-fuzz test-durable stress asan bench lint \
        format deps clean
all: $(BUILD)/styr

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC $<"
	@$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

# Reference tables are compiled into the binary, so `styr init` works anywhere.
$(BUILD)/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -Wall -Wextra $(WERROR) $< -o $@

$(BUILD)/gen/refdata.c: $(DATA) $(BUILD)/embed
	@mkdir -p $(dir $@)
	$(BUILD)/embed $(DATA) > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/refdata.o: $(BUILD)/gen/refdata.c
	@echo "  CC $<"
	@$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/libstyr.a: $(LIB_OBJ)
	@rm -f $@
	@echo "  AR $@"
	@ar rcs $@ $^

$(BUILD)/styr: $(BUILD)/src/main.o $(BUILD)/libstyr.a
	@echo "  LD $@"
	@$(CC) $(LDFLAGS) $^ $(LIBS) -o $@

$(BUILD)/tests/%: tests/unit/%.c tests/unit/harness.h $(BUILD)/libstyr.a
	@mkdir -p $(dir $@)
	@echo "  CC $<"
	@$(CC) $(CPPFLAGS) -Itests/unit $(CFLAGS) $< $(BUILD)/libstyr.a $(LDFLAGS) $(LIBS) -lcmocka -o $@

# the attacker test bounds suppressed cells by linear programming (GLPK)
$(BUILD)/tests/test_sdc: LIBS += -lglpk
$(BUILD)/tests/test_offers_filter: LIBS += -lglpk
$(BUILD)/tests/test_sdc_filter: LIBS += -lglpk

$(BUILD)/bench/%: bench/%.c $(BUILD)/libstyr.a
	@mkdir -p $(dir $@)
	@echo "  CC $<"
	@$(CC) $(CPPFLAGS) $(CFLAGS) $< $(BUILD)/libstyr.a $(LDFLAGS) $(LIBS) -o $@

# ---- tests -------------------------------------------------------------------
test-unit: $(UNIT_BIN) $(BUILD)/styr
	@set -e; for t in $(UNIT_BIN); do \
	  echo "== $$t"; STYR_TEST_TMP=$(BUILD)/tmp $$t; done

test-cli: $(BUILD)/styr
	@bash tests/cli/run.sh $(BUILD)/styr

# every command line of the README's usage block against the demo workspace,
# and every format of every command scanned for NaN and inf
test-readme: $(BUILD)/styr
	@bash tests/readme/run.sh $(BUILD)/styr

# the effect estimate's intervals against the true effect of 20 synthetic populations (issue 15)
test-effect: $(BUILD)/styr
	@bash tests/effect/run.sh $(BUILD)/styr

# the report and the dashboard in headless Chromium (artefacts: screenshots and a PDF in
# $(BUILD)/test-artifacts), and styr serve under malformed and hostile requests
test-browser: $(BUILD)/styr
	@python3 tests/browser/report_test.py $(BUILD)/styr $(BUILD)/test-artifacts $(BUILD)/screenshots
	@python3 tests/browser/dashboard_test.py $(BUILD)/styr $(BUILD)/test-artifacts $(BUILD)/screenshots
	@python3 tests/browser/public_report_test.py $(BUILD)/styr $(BUILD)/test-artifacts $(BUILD)/screenshots
	@python3 tests/browser/progression_test.py $(BUILD)/styr $(BUILD)/test-artifacts $(BUILD)/screenshots
	@python3 tests/web/hostile_test.py $(BUILD)/styr

# styr hent against a local stand-in for jobindsats.dk and Statistikbanken (never the internet)
test-hent: $(BUILD)/styr
	@bash tests/web/hent_test.sh $(BUILD)/styr

# the failure-injection shim: fails the Nth write-side system call (tests/fault/failio.c)
$(BUILD)/failio.so: tests/fault/failio.c
	@mkdir -p $(dir $@)
	@echo "  CC $<"
	@$(CC) -std=c11 -O2 -Wall -Wextra $(WERROR) -shared -fPIC $< -o $@ -ldl

test-durable: $(BUILD)/styr $(BUILD)/failio.so
	@bash tests/fault/durable.sh $(BUILD)/styr $(BUILD)/failio.so 20
	@bash tests/fault/tmpfs.sh $(BUILD)/styr 33

stress: $(BUILD)/styr $(BUILD)/failio.so $(BUILD)/tests/test_sdc
	@bash tests/fault/durable.sh $(BUILD)/styr $(BUILD)/failio.so 500 $${SEED:-11} 1
	@STYR_SDC_FULL=1 STYR_TEST_TMP=$(BUILD)/tmp $(BUILD)/tests/test_sdc

test:
	@bash tools/deps.sh test
	$(MAKE) all test-unit test-cli test-effect test-readme test-browser test-hent test-durable
	$(MAKE) BUILD=build/asan OPT="-O1 -g -fno-omit-frame-pointer" \
	        SAN="-fsanitize=address,undefined -fno-sanitize-recover=all" test-unit test-cli
	$(MAKE) test-valgrind
	$(MAKE) test-fuzz

test-valgrind: $(BUILD)/styr
	@bash tests/cli/valgrind.sh $(BUILD)/styr

test-fuzz:
	@bash tests/fuzz/run.sh 10

asan:
	$(MAKE) BUILD=build/asan OPT="-O1 -g -fno-omit-frame-pointer" \
	        SAN="-fsanitize=address,undefined -fno-sanitize-recover=all" all

# ---- demo --------------------------------------------------------------------
DEMO_WS      ?= styr.ws
DEMO_PERSONS ?=
DEMO_KOMMUNE ?= 461
demo: deps
	$(MAKE) all
	bash tools/demo.sh $(BUILD)/styr $(DEMO_WS) $(DEMO_KOMMUNE) $(DEMO_PERSONS)
	$(BUILD)/styr noegletal -w $(DEMO_WS)
	$(BUILD)/styr money -w $(DEMO_WS) --ydelse i_alt --compare 2011,2016
	$(BUILD)/styr scorecard -w $(DEMO_WS)
	$(BUILD)/styr budget opfoelgning -w $(DEMO_WS) --maaned 2025M06
	$(BUILD)/styr report -w $(DEMO_WS) --effekt -o rapport.html

# ---- tools -------------------------------------------------------------------
deps:
	@bash tools/deps.sh


bench: all $(BUILD)/bench/walk
	@bash bench/run.sh

lint:
	cppcheck --quiet --std=c11 --enable=warning,performance,portability --error-exitcode=1 \
	  --suppress=missingIncludeSystem -Isrc src

format:
	clang-format -i $$(find src tests -name '*.[ch]')

clean:
	rm -rf build

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
