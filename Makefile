# openai-images: `make demo` to try it, `make test` to check it. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
# The installed marker is refreshed whenever pyproject.toml changes.
INSTALLED := $(VENV)/.installed

.PHONY: install generate check-generated update-spec docs test lint demo mock contract bench soak clean

install: $(INSTALLED)

$(INSTALLED): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

# Regenerate generated_client/openai_images_client from openapi.yaml, overlays/spec and overlays/templates.
generate: $(INSTALLED)
	$(PY) overlays/tools/generate.py

# Fail, printing the diff, when the committed generated code is not what its inputs generate.
check-generated: $(INSTALLED)
	$(PY) overlays/tools/generate.py --check

# Re-pin openapi.yaml: make update-spec SPEC=<path-or-URL> [COMMIT=<upstream commit>] [REPOSITORY=<owner/name>]
update-spec: $(INSTALLED)
	@test -n "$(SPEC)" || { echo "usage: make update-spec SPEC=<path-or-URL> [COMMIT=<sha>]" >&2; exit 2; }
	$(PY) overlays/tools/update_spec.py "$(SPEC)" $(if $(COMMIT),--commit "$(COMMIT)") $(if $(REPOSITORY),--repository "$(REPOSITORY)")

# README.md's "Models and their lifecycle" table, from overlays/openai_images/model_rules.toml.
docs: $(INSTALLED)
	$(PY) overlays/tools/models_doc.py

lint: $(INSTALLED)
	$(BIN)/ruff check overlays tests bench
	$(BIN)/ruff format --check overlays tests bench
	$(BIN)/mypy

# Lint, type-check, then every test (the suite includes check-generated).
test: lint
	$(BIN)/pytest -q

# Serve the mock Images API on 127.0.0.1:8080 (MOCK_ARGS="--port 9000 --fault-rate 0.3 ..." for more).
mock: $(INSTALLED)
	$(BIN)/openai-images mock $(MOCK_ARGS)

# Make an image with the embedded mock (no key, no network) and print where it is.
demo: $(INSTALLED)
	@$(BIN)/openai-images generate "a lighthouse on a cliff at dawn, watercolor" --mock --quality low -o out/ --force

# Judge a running Images API: make contract BASE_URL=http://127.0.0.1:8080/v1 API_KEY=sk-... [CONTRACT_ARGS=...]
# The key goes through the environment, so that neither make nor the process list shows it.
contract: $(INSTALLED)
	@test -n "$(BASE_URL)" || { echo "usage: make contract BASE_URL=<url> [API_KEY=<key>] [CONTRACT_ARGS=...]" >&2; exit 2; }
	@$(if $(API_KEY),OPENAI_API_KEY='$(API_KEY)' )$(PY) -m openai_images.contract --base-url '$(BASE_URL)' $(CONTRACT_ARGS)

# Benchmarks against the official SDK and bare httpx: writes bench/results.md and bench/results.json.
bench: $(INSTALLED)
	$(PY) bench/run.py

# The long forms of the reliability tests: 200-call fault soaks, 10000 calls through one shared
# client, 1500 fuzzed requests per operation, 5000 examples per property test, the contract suite
# against the independent reference server over 60 seeds. Figures: bench/soak.json.
soak: $(INSTALLED)
	SOAK_CALLS=200 SOAK_SHARED_CALLS=10000 SOAK_FUZZ_EXAMPLES=1500 SOAK_REPORT=bench/soak.json \
	SOAK_CONTRACT_SEEDS=60 HYPOTHESIS_PROFILE=soak $(BIN)/pytest -q tests/test_reliability.py \
	    tests/test_fuzz_client.py tests/test_validation_properties.py tests/test_imageinfo.py \
	    tests/test_contract_reference.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
