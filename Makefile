# The two quick-start commands (see README): `make demo` and `make test`.
# SEARCH_ENGINE=elasticsearch make demo: the no-Docker stack runs Elasticsearch instead of OpenSearch.
.PHONY: install demo test stop

# npm (any Node 20+) installs everything, including the project's own Node 24 (the `node` devDependency).
node_modules/.install-stamp: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

install: node_modules/.install-stamp

## Stack + three services + the sample articles in examples/, then prints a search URL.
demo: install
	npm run demo

## Every tier: typecheck, lint, unit, integration and e2e (brings the stack up if needed).
test: install
	npm run test:all

## Stops the services `make demo` started and the local stack.
stop: install
	npm run demo:stop
