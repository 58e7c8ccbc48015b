#!/usr/bin/env python3
"""Checks that no crate of the workspace needs a newer Rust than it declares.

For each workspace member, walks its locked dependency tree (normal and build
dependencies: what a user of the crate compiles; dev-dependencies only build our own
tests) in `cargo metadata --locked` and compares every package's `rust-version` with the
member's. Prints each member's declared MSRV beside the highest its dependencies need;
exits 1 if any dependency needs more than its crate declares.
"""
import json
import subprocess
import sys


def version(text):
    parts = [int(part) for part in (text or "0").split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def main():
    metadata = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--format-version", "1", "--locked"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    packages = {p["id"]: p for p in metadata["packages"]}
    nodes = {n["id"]: n for n in metadata["resolve"]["nodes"]}

    def tree(root):
        seen, stack = set(), [root]
        while stack:
            node = nodes[stack.pop()]
            for dep in node["deps"]:
                kinds = {k["kind"] for k in dep["dep_kinds"]}
                if kinds & {None, "build"} and dep["pkg"] not in seen:
                    seen.add(dep["pkg"])
                    stack.append(dep["pkg"])
        return seen

    failed = False
    for member in sorted(metadata["workspace_members"], key=lambda i: packages[i]["name"]):
        package = packages[member]
        declared = package.get("rust_version")
        needs = [(version(packages[d].get("rust_version")), packages[d]) for d in tree(member)]
        highest = max(needs, key=lambda n: n[0], default=((0,), None))
        if declared is None:
            print(f"{package['name']}: declares no rust-version")
            failed = True
            continue
        over = [p for v, p in needs if v > version(declared)]
        need_text = (
            f"{highest[1]['name']} {highest[1]['version']} needs {highest[1]['rust_version']}"
            if highest[1] and highest[1].get("rust_version")
            else "no dependency declares one"
        )
        status = "ok" if not over else "TOO LOW"
        print(f"{status:8} {package['name']:28} declares {declared:6} ({need_text})")
        for p in over:
            print(f"         needs {p['rust_version']}: {p['name']} {p['version']}")
        failed |= bool(over)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
