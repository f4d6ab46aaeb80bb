#!/usr/bin/env bash
# Installs what a fresh CI machine lacks for the test run: Java 17+, Maven, python3 with moto
# (the AWS emulator), Debian's Chromium (the dashboard's browser test). Fails loudly, never skips.
set -euo pipefail

die() { echo "ci: $*" >&2; exit 1; }

apt_install() {
  command -v apt-get >/dev/null || return 1
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq >/dev/null && APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

command -v java >/dev/null || apt_install openjdk-17-jdk-headless || die "Java 17 is required"
java_major=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
[ "${java_major%%.*}" -ge 17 ] || die "Java 17+ is required, found $java_major"
# The container image (app, profile image) makes its Java runtime with jlink from this JDK's jmods.
java_home=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.home/ {print $2}')
[ -d "$java_home/jmods" ] || apt_install openjdk-17-jdk-headless \
  || die "the JDK's jmods are required for the container image (apt-get install openjdk-17-jdk-headless)"
[ -d "$java_home/jmods" ] || die "$java_home has no jmods: run Maven with a full JDK 17 (for jlink)"
maven=mvn
command -v "$maven" >/dev/null || apt_install maven || die "Maven is required"

if ! python3 -c 'import moto.server' >/dev/null 2>&1; then
  python3 -m pip install -q 'moto[server]' >/dev/null 2>&1 || apt_install python3-moto || true
  python3 -c 'import moto.server' >/dev/null 2>&1 \
    || die "python3 with moto[server] is required for the AWS emulator tests (pip install 'moto[server]')"
fi

if ! command -v chromium >/dev/null 2>&1; then
  apt_install chromium || die "chromium is required for the dashboard browser test (apt-get install chromium)"
fi

echo "ci: java $(java -version 2>&1 | head -1), $("$maven" -v 2>/dev/null | head -1), moto $(python3 -c 'import moto; print(moto.__version__)'), $(chromium --version 2>/dev/null | head -1)"
