#!/usr/bin/env python3
"""Structural check of docker-compose.yml, for machines without a Docker engine (no `docker compose config`).

Checks: the file parses as YAML (PyYAML), every depends_on names a service of the file with a condition whose
target has a healthcheck when it is `service_healthy`, every bind-mounted host path exists, every build has a
JAR argument naming an `-exec.jar` of an existing module, every service except the observability ones has a
healthcheck. Run: python3 deploy/compose/check.py
"""
import pathlib
import sys

try:
    import yaml
except ImportError:
    sys.exit("PyYAML is missing (apt-get install python3-yaml)")

here = pathlib.Path(__file__).resolve().parent
root = here.parent.parent
doc = yaml.safe_load((here / "docker-compose.yml").read_text())
services = doc["services"]
problems = []

for name, s in services.items():
    deps = s.get("depends_on") or {}
    for dep, cond in (deps.items() if isinstance(deps, dict) else ((d, {}) for d in deps)):
        if dep not in services:
            problems.append(f"{name}: depends_on unknown service {dep}")
        elif cond.get("condition") == "service_healthy" and "healthcheck" not in services[dep]:
            problems.append(f"{name}: waits for {dep} to be healthy, but {dep} has no healthcheck")
    for volume in s.get("volumes", []):
        source = volume.split(":")[0]
        if source.startswith((".", "/")) and not (here / source).resolve().exists():
            problems.append(f"{name}: mounted path {source} does not exist")
    build = s.get("build")
    if build:
        if not (here / build["context"] / build["dockerfile"]).resolve().is_file():
            problems.append(f"{name}: Dockerfile not found")
        jar = (build.get("args") or {}).get("JAR", "")
        module = jar.split("/target/")[0]
        if not jar.endswith("-exec.jar") or not (root / module / "pom.xml").is_file():
            problems.append(f"{name}: JAR {jar!r} is not the -exec.jar of a module")
    if name not in ("grafana",) and "healthcheck" not in s:
        problems.append(f"{name}: no healthcheck")

if problems:
    sys.exit("\n".join(problems))
print(f"docker-compose.yml: {len(services)} services, structure OK (not run: no Docker engine)")
