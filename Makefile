# The container path beside the two README commands. Needs Docker with Compose (`docker compose`,
# or `docker-compose` v1.29+). Image tags are variables: JDK_IMAGE, JRE_IMAGE, POSTGRES_IMAGE, IMAGE.
SHELL := /bin/bash
.DEFAULT_GOAL := help

IMAGE ?= kasparro:local
PORT ?= 8080
BASE_URL ?= http://localhost:$(PORT)
# How long `make up` waits for the service to report healthy.
UP_TIMEOUT ?= 300
COMPOSE ?= $(shell docker compose version >/dev/null 2>&1 && echo "docker compose" || echo "docker-compose")
export KASPARRO_IMAGE := $(IMAGE)
export KASPARRO_PORT := $(PORT)

.PHONY: help up down clean test logs etl smoke image env

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-6s %s\n", $$1, $$2}'

env: .env
.env: .env.example
	@if [ -f .env ]; then touch .env; exit 0; fi; \
	umask 077; \
	rand() { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'; }; \
	sed -e "s/^POSTGRES_PASSWORD=.*/POSTGRES_PASSWORD=$$(rand)/" \
	    -e "s/^KASPARRO_API_KEY=.*/KASPARRO_API_KEY=$$(rand)/" .env.example > .env; \
	echo "Wrote .env with a random database password and API key (KASPARRO_API_KEY in $(CURDIR)/.env)"

image: ## build the image (IMAGE, default kasparro:local)
	$(COMPOSE) build app

up: env image ## build, start db + app, wait until healthy, print the URLs
	$(COMPOSE) up -d db app
	@printf 'Waiting for %s to be healthy' "$(BASE_URL)"; \
	cid=$$($(COMPOSE) ps -q app); \
	for i in $$(seq $(UP_TIMEOUT)); do \
	  state=$$(docker inspect --format '{{.State.Health.Status}}' $$cid 2>/dev/null); \
	  if [ "$$state" = healthy ]; then echo " ok"; break; fi; \
	  if [ "$$(docker inspect --format '{{.State.Running}} {{.RestartCount}}' $$cid)" != "true 0" ]; then \
	    echo " the app container stopped:"; $(COMPOSE) logs --tail=20 app; exit 1; fi; \
	  printf .; sleep 1; \
	  if [ $$i = $(UP_TIMEOUT) ]; then echo " not healthy after $(UP_TIMEOUT) s"; $(COMPOSE) logs --tail=20 app; exit 1; fi; \
	done
	@echo "API      $(BASE_URL)/data?symbol=BTC"
	@echo "Health   $(BASE_URL)/health"
	@echo "Docs     $(BASE_URL)/docs"
	@echo "Metrics  $(BASE_URL)/metrics"
	@echo "API key  KASPARRO_API_KEY in $(CURDIR)/.env"

down: ## stop the stack (the database volume stays)
	$(COMPOSE) --profile etl down --remove-orphans

clean: ## stop the stack and delete its volumes
	$(COMPOSE) --profile etl down --remove-orphans --volumes

test: ## the tests (the README's test command)
	./mvnw verify

logs: ## follow the logs
	$(COMPOSE) logs -f --tail=100

etl: env ## one run of every enabled source in the stack (ETL_ARGS=--source=csv for one)
	@$(COMPOSE) --profile etl run --rm etl run-once $(ETL_ARGS); code=$$?; \
	case $$code in 0) meaning="every run success or partial";; 1) meaning="a run failed";; \
	  2) meaning="bad command line or configuration";; *) meaning="see the log above";; esac; \
	echo "etl: run-once exited with $$code ($$meaning)"; exit $$code

smoke: ## check a running deployment at BASE_URL (the stack by default)
	BASE_URL=$(BASE_URL) COMPOSE="$(COMPOSE)" deploy/smoke.sh
