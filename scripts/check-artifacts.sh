#!/usr/bin/env bash
# Each artifact of scripts/release-artifacts.sh OUTDIR installed into a scratch project by
# its own ecosystem's tools, as a vendor installs it, and run there: each must report the
# table's version and the release's, read from the library at run time.
#   npm      npm init, "type": "module"; npm install of the .tgz; import and require
#   Maven    mvn install:install-file of the jar with its pom, sources and javadoc into a
#            scratch local repository; a project that depends on the version range the README
#            gives, built by mvn -o; the jar's Implementation-Version
#   NuGet    nuget install from OUTDIR as a package source; a program compiled by mcs against
#            the installed lib/netstandard2.0 assembly, run by mono; the assembly's version
#   crates   the .crate files unpacked and patched in for crates.io; cargo run --offline of a
#            project that depends on oqs-messages
# Run by CI after release-artifacts.sh. Needs what that script needs, and nuget (Debian's).
#
# Usage: scripts/check-artifacts.sh OUTDIR
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(cd "$1" && pwd)
maven_repo=${OQS_MAVEN_REPO:-/usr/share/maven-repo}
target=${CARGO_TARGET_DIR:-$root/target}
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

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/generated/Cargo.toml" | head -1)
table_version=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$root/generated/table.json" | head -1)
# The first version a breaking revision gives: the end of the range vendors depend on.
IFS=. read -r major minor _ <<< "$version"
if [ "$major" = 0 ]; then next="0.$((minor + 1)).0"; else next="$((major + 1)).0.0"; fi
expected="$table_version $version"

# Fails unless what a consumer printed is what it must be.
said() {
  if [ "$2" != "$3" ]; then
    printf '%s: expected "%s", got "%s"\n' "$1" "$3" "$2" >&2
    exit 1
  fi
  echo "$1: $2"
}

echo "== SHA256SUMS"
(cd "$out" && sha256sum --quiet -c SHA256SUMS)

echo "== npm"
mkdir "$work/npm" && cd "$work/npm"
npm init -y >/dev/null
npm pkg set type=module
npm install --offline --no-audit --no-fund --silent "$out/oqs-messages-$version.tgz"
said "npm, import" "$(node --input-type=module -e 'import { VERSION, CODES } from "oqs-messages"; import { createRequire } from "node:module"; const pkg = createRequire(import.meta.url)("oqs-messages/package.json"); console.log(VERSION, pkg.version, CODES.length > 0);')" "$expected true"
said "npm, require" "$(node -e 'const m = require("oqs-messages"); console.log(m.VERSION, require("oqs-messages/package.json").version);')" "$expected"

echo "== Maven"
# A scratch local repository: a copy of the plugins (with the jars Debian links to), and the
# jar installed as a vendor installs a jar it was given.
cp -rL "$maven_repo" "$work/m2"
mvn=(quietly mvn -o -B -Dmaven.repo.local="$work/m2")
"${mvn[@]}" install:install-file -Dfile="$out/oqs-messages-$version.jar" \
  -DpomFile="$out/oqs-messages-$version.pom" \
  -Dsources="$out/oqs-messages-$version-sources.jar" \
  -Djavadoc="$out/oqs-messages-$version-javadoc.jar"
group=$(sed -n 's|^  <groupId>\(.*\)</groupId>$|\1|p' "$out/oqs-messages-$version.pom" | head -1)
mkdir -p "$work/maven/src/main/java"
cat > "$work/maven/pom.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>vendor</groupId>
  <artifactId>consumer</artifactId>
  <version>1.0.0</version>
  <properties>
    <maven.compiler.release>8</maven.compiler.release>
  </properties>
  <dependencies>
    <dependency>
      <groupId>$group</groupId>
      <artifactId>oqs-messages</artifactId>
      <version>[$version,$next)</version>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.0</version></plugin>
      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.10.1</version></plugin>
      <plugin><artifactId>maven-surefire-plugin</artifactId><version>2.22.3</version></plugin>
      <plugin><artifactId>maven-jar-plugin</artifactId><version>3.3.0</version></plugin>
    </plugins>
  </build>
</project>
XML
cat > "$work/maven/src/main/java/Consumer.java" <<'JAVA'
import oqs.messages.Table;

public class Consumer {
    public static void main(String[] args) {
        System.out.println(Table.VERSION + " " + Table.PACKAGE_VERSION + " "
            + Table.class.getPackage().getImplementationVersion() + " " + Table.ROWS.isEmpty());
    }
}
JAVA
"${mvn[@]}" -f "$work/maven/pom.xml" package
jar="$work/m2/${group//.//}/oqs-messages/$version/oqs-messages-$version.jar"
for suffix in -sources -javadoc; do
  [ -f "${jar%.jar}$suffix.jar" ] || { echo "mvn install:install-file did not install ${jar%.jar}$suffix.jar" >&2; exit 1; }
done
said "Maven" "$(java -cp "$work/maven/target/classes:$jar" Consumer)" "$expected $version false"

echo "== NuGet"
mkdir -p "$work/nuget/home"
cd "$work/nuget"
HOME="$work/nuget/home" nuget install OqsMessages -Version "$version" -Source "$out" \
  -OutputDirectory packages -NonInteractive >/dev/null
dll="packages/OqsMessages.$version/lib/netstandard2.0/OqsMessages.dll"
[ -f "${dll%.dll}.xml" ] || { echo "no XML documentation beside $dll" >&2; exit 1; }
cat > Consumer.cs <<'CS'
using System;
using OqsMessages;

static class Consumer
{
    static void Main()
    {
        Console.WriteLine(Table.Version + " " + Table.PackageVersion + " " + typeof(Table).Assembly.GetName().Version + " " + (Table.Codes.Count > 0));
    }
}
CS
mcs -nologo -r:"$dll" -out:Consumer.exe Consumer.cs
cp "$dll" .
said "NuGet" "$(mono Consumer.exe)" "$expected $version.0 True"

echo "== crates"
mkdir -p "$work/crates/unpacked" "$work/crates/consumer/src"
patches=""
for crate in "$out"/*.crate; do
  tar -xzf "$crate" -C "$work/crates/unpacked"
  name=$(basename "$crate" .crate)
  patches+="${name%-*} = { path = \"$work/crates/unpacked/$name\" }"$'\n'
done
cat > "$work/crates/consumer/Cargo.toml" <<TOML
[package]
name = "consumer"
version = "1.0.0"
edition = "2021"
publish = false

[dependencies]
oqs-messages = "$version"

# The packed crates in place of crates.io's.
[patch.crates-io]
$patches
TOML
cat > "$work/crates/consumer/src/main.rs" <<'RUST'
fn main() {
    println!("{} {}", oqs_messages::VERSION, oqs_messages::Code::ALL.is_empty());
}
RUST
cd "$work/crates/consumer"
export CARGO_TARGET_DIR="$target/check-artifacts"
ran=$(cargo run -q --offline)
id=$(cargo pkgid --offline -p oqs-messages)
said "crates" "${ran% *} ${id##*[@#]} ${ran##* }" "$expected false"
echo "every artifact installs and runs"
