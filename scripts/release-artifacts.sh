#!/usr/bin/env bash
# The artifacts a release puts on the registries, built from generated/ as it stands (checked
# fresh first) into OUTDIR, which must be empty or absent:
#   oqs-messages-VERSION.tgz           npm pack of generated/typescript
#   oqs-messages-VERSION.jar, -sources.jar, -javadoc.jar, oqs-messages-VERSION.pom
#                                      mvn -o package of a copy of generated/java
#   OqsMessages.VERSION.nupkg          generated/csharp compiled by Mono's mcs, packed with
#                                      OqsMessages.nuspec (lib/netstandard2.0)
#   NAME-VERSION.crate                 cargo package of the four library crates (verified:
#                                      each builds from its packed sources)
#   SHA256SUMS                         sha256sum of every file above
# scripts/check-artifacts.sh OUTDIR installs each into a scratch project with that
# ecosystem's tools; CI runs both.
#
# Needs cargo, npm, a JDK, Maven with the plugins the pom pins in a local repository
# (OQS_MAVEN_REPO, by default Debian's /usr/share/maven-repo: libmaven-jar-plugin-java,
# libmaven-source-plugin-java, libmaven-javadoc-plugin-java, libmaven-compiler-plugin-java,
# libmaven-resources-plugin-java, libsurefire-java), mcs (mono-mcs) and zip. Signing (npm
# provenance, NuGet signatures, the .asc files Maven Central asks for) is the publisher's.
#
# Usage: scripts/release-artifacts.sh OUTDIR
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$1"
out=$(cd "$1" && pwd)
if [ -n "$(ls -A "$out")" ]; then
  echo "$out is not empty: SHA256SUMS would list what an earlier run left there" >&2
  exit 2
fi
cd "$root"
target=${CARGO_TARGET_DIR:-$root/target}
maven_repo=${OQS_MAVEN_REPO:-/usr/share/maven-repo}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs a command, showing what it printed only when it fails (Maven's quiet mode still
# prints terminal escapes).
quietly() {
  local log
  log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}

echo "== generated/ is what the workbooks in spec/ give"
cargo run -q -p codegen -- --check | tail -1

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' generated/Cargo.toml | head -1)
for manifest in generated/typescript/package.json generated/csharp/OqsMessages.csproj generated/java/pom.xml; do
  if ! grep -q "$version" "$manifest"; then
    echo "$manifest does not carry the crate's version $version" >&2
    exit 1
  fi
done
echo "== release $version"

echo "== npm: oqs-messages-$version.tgz"
npm pack --silent --pack-destination "$out" ./generated/typescript >/dev/null

echo "== Maven: oqs-messages-$version.jar, -sources.jar, -javadoc.jar, .pom (mvn -o, $maven_repo)"
cp -r generated/java "$work/java"
quietly mvn -o -B -Dmaven.repo.local="$maven_repo" -f "$work/java/pom.xml" package
for suffix in "" -sources -javadoc; do
  cp "$work/java/target/oqs-messages-$version$suffix.jar" "$out/"
done
cp generated/java/pom.xml "$out/oqs-messages-$version.pom"

echo "== NuGet: OqsMessages.$version.nupkg (mcs)"
nupkg="$work/nupkg"
lib="$nupkg/lib/netstandard2.0"
mkdir -p "$lib" "$nupkg/_rels"
mcs -target:library -optimize+ -warn:4 -warnaserror -nologo \
  -doc:"$lib/OqsMessages.xml" -out:"$lib/OqsMessages.dll" generated/csharp/*.cs
cp generated/csharp/OqsMessages.nuspec generated/csharp/README.md generated/csharp/README.ja.md \
  generated/csharp/CHANGES.md generated/csharp/LICENSE-MIT generated/csharp/LICENSE-APACHE "$nupkg/"
# A .nupkg is an Open Packaging Conventions zip: every part's content type, and the
# relationship that names the manifest.
cat > "$nupkg/[Content_Types].xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" /><Default Extension="nuspec" ContentType="application/octet" /><Default Extension="dll" ContentType="application/octet" /><Default Extension="xml" ContentType="application/octet" /><Default Extension="md" ContentType="application/octet" /><Override PartName="/LICENSE-MIT" ContentType="application/octet" /><Override PartName="/LICENSE-APACHE" ContentType="application/octet" /></Types>
XML
cat > "$nupkg/_rels/.rels" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="http://schemas.microsoft.com/packaging/2010/07/manifest" Target="/OqsMessages.nuspec" Id="R0" /></Relationships>
XML
find "$nupkg" -exec touch -h -d 2000-01-01T00:00:00Z {} +
(cd "$nupkg" && find . -type f | sed 's|^\./||' | LC_ALL=C sort | zip -q -X -D "$out/OqsMessages.$version.nupkg" -@)

echo "== crates: cargo package (each verified by building its packed sources)"
# Cargo unpacks the packed crates from target/package/tmp-registry into
# $CARGO_HOME/registry/src and reuses an unpacked copy of the same version
# without comparing contents: a copy left by an earlier run of this checkout's
# path would be verified instead of today's sources. Ours are never fetched
# from crates.io, so every unpacked copy of them is stale here.
find "${CARGO_HOME:-$HOME/.cargo}/registry/src" -mindepth 2 -maxdepth 2 -type d \
  -name 'oqs-messages-*' -exec rm -rf {} +
crates=(oqs-messages-text oqs-messages-table oqs-messages-macros oqs-messages)
packages=()
for crate in "${crates[@]}"; do packages+=(-p "$crate"); done
cargo package "${packages[@]}" 2>&1 | tee "$work/package.log"
if grep -qi "^warning" "$work/package.log"; then
  echo "cargo package warned" >&2
  exit 1
fi
for crate in "${crates[@]}"; do
  id=$(cargo pkgid -p "$crate")
  cp "$target/package/$crate-${id##*[@#]}.crate" "$out/"
done

echo "== SHA256SUMS"
(cd "$out" && sha256sum -- * > SHA256SUMS && cat SHA256SUMS)
