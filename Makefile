# ELO Workspace. `make run` starts the workspace; `make test` runs every test.
# Everything needed is installed by these targets: Go modules, npm packages, and Debian's
# chromium for the browser tests (apt-get, as root, when it is missing).

GO        ?= go
BIN       := bin/elo-workspace
DATA_DIR  ?= ./data
CLIENT_STAMP := client/node_modules/.package-lock.json

.PHONY: run demo build client server test test-go test-client test-browser chromium poppler load bench clean

run: build
	DATA_DIR=$(DATA_DIR) ./$(BIN)

demo: build
	DEMO=1 DATA_DIR=$(DATA_DIR) ./$(BIN)

build: client server

$(CLIENT_STAMP): client/package.json client/package-lock.json
	cd client && npm ci --no-audit --no-fund

client: $(CLIENT_STAMP)
	cd client && npm run build

server:
	$(GO) build -o $(BIN) ./server/cmd/elo-workspace

test: test-go test-client test-browser

test-go: poppler
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

test-client: $(CLIENT_STAMP)
	cd client && npm run typecheck && npm test

test-browser: build chromium
	cd client && npm run test:browser

# Debian's chromium: Playwright cannot download its own browser here.
chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Debian's poppler-utils: the PDF export tests read the PDF's text with pdftotext (and fail
# under CI when it is missing rather than skipping).
poppler:
	@command -v pdftotext >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null; }

# The load tool: starts the server with the demo dataset and drives real HTTP calls.
load: server
	$(GO) run ./server/cmd/eloload -users 50 -duration 30s

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./server/...

clean:
	rm -rf bin server/web/dist/assets server/web/dist/index.html
