#!/usr/bin/env bash
# Checks the monitoring configuration of RevOS Voice with promtool:
#   1. prometheus.yml (local) and deploy/compose/prometheus.yml are valid configs (this also loads alerts.yml);
#   2. alerts.yml is a valid rules file;
#   3. alerts_test.yml passes (the alerts fire, and stay silent, when they should);
#   4. every alert has a runbook_url whose anchor exists in docs/operations.md;
#   5. every Grafana panel query (targets[].expr in deploy/grafana/dashboards/*.json) is valid PromQL:
#      the queries are written into a temporary rules file as recording rules, which promtool parses.
# Installs Debian's prometheus package (which brings promtool) when promtool is missing.
# Exits non-zero on the first failure; run from anywhere.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
deploy="$(dirname "$here")"

if ! command -v promtool >/dev/null 2>&1; then
  echo "promtool not found: installing Debian's prometheus package"
  if [ "$(id -u)" -ne 0 ]; then
    echo "need root (or install prometheus yourself: apt-get install -y --no-install-recommends prometheus)" >&2
    exit 2
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi
promtool --version 2>&1 | head -1

cd "$here"
echo "== promtool check config"
promtool check config prometheus.yml
# the compose config names rule files by their path inside the container: check it against a copy whose
# rule paths point here
compose_cfg="$deploy/compose/prometheus.yml"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -f "$compose_cfg" ]; then
  cp alerts.yml "$work/alerts.yml"
  sed 's#/etc/prometheus/rules/##' "$compose_cfg" > "$work/prometheus.yml"
  (cd "$work" && promtool check config prometheus.yml)
fi

echo "== promtool check rules"
promtool check rules alerts.yml

echo "== promtool test rules"
promtool test rules alerts_test.yml

echo "== runbook links"
# every runbook_url must point at an anchor that exists in docs/operations.md
python3 - "$here/alerts.yml" "$(dirname "$deploy")/docs/operations.md" <<'PY'
import re, sys
rules, doc = open(sys.argv[1]).read(), open(sys.argv[2]).read()
anchors = set(re.findall(r'<a id="([^"]+)"></a>', doc))
missing = [a for a in re.findall(r'runbook_url:\s*"docs/operations\.md#([^"]+)"', rules) if a not in anchors]
alerts = len(re.findall(r'^\s*- alert:', rules, re.M))
urls = len(re.findall(r'runbook_url:', rules))
if missing or urls != alerts:
    print(f"runbook anchors missing in docs/operations.md: {missing}; {urls} runbook_url for {alerts} alerts", file=sys.stderr)
    sys.exit(1)
print(f"{alerts} alerts, every runbook_url resolves")
PY

echo "== dashboard queries"
python3 - "$deploy/grafana/dashboards" "$work/dashboard-queries.yml" <<'PY'
import json, pathlib, re, sys

dashboards, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
# Grafana's own variables are not PromQL: give them values Prometheus accepts
builtins = {"$__rate_interval": "1m", "$__interval": "1m", "$__range": "5m"}
problems, rules = [], []

def panels(items):
    for p in items:
        yield p
        yield from panels(p.get("panels", []))  # rows hold their panels when collapsed

files = sorted(dashboards.glob("*.json"))
if not files:
    problems.append(f"no dashboards in {dashboards}")
for f in files:
    try:
        d = json.loads(f.read_text())
    except ValueError as e:
        problems.append(f"{f.name}: not JSON: {e}")
        continue
    if not d.get("uid") or not d.get("title"):
        problems.append(f"{f.name}: dashboard needs a uid and a title")
    for p in panels(d.get("panels", [])):
        if p.get("type") == "row":
            continue
        where = f"{f.name} panel {p.get('id')} '{p.get('title')}'"
        if (p.get("datasource") or {}).get("uid") != "prometheus":
            problems.append(f"{where}: datasource uid is not 'prometheus'")
        targets = p.get("targets") or []
        if not targets:
            problems.append(f"{where}: no targets")
        for t in targets:
            expr = t.get("expr", "").strip()
            if not expr:
                problems.append(f"{where} target {t.get('refId')}: empty expr")
                continue
            if (t.get("datasource") or {}).get("uid", "prometheus") != "prometheus":
                problems.append(f"{where} target {t.get('refId')}: datasource uid is not 'prometheus'")
            for k, v in builtins.items():
                expr = expr.replace(k, v)
            # dashboard variables ($job, ${campaign}) are used inside label matchers: any regex is valid there
            expr = re.sub(r"\$\{?[A-Za-z_][A-Za-z0-9_]*(?::[a-z]+)?\}?", ".*", expr)
            name = re.sub(r"[^a-zA-Z0-9_:]", "_", f"dashboard:{f.stem}:{p.get('id')}_{t.get('refId')}")
            rules.append((name, expr))

if problems:
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)
with out.open("w") as o:
    o.write("groups:\n  - name: dashboard-queries\n    rules:\n")
    for name, expr in rules:
        o.write(f"      - record: {name}\n        expr: {json.dumps(expr)}\n")
print(f"{len(rules)} queries from {len(files)} dashboards")
PY
promtool check rules "$work/dashboard-queries.yml"

echo "== all monitoring checks passed"
