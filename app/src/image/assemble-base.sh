#!/usr/bin/env bash
# Assembles the base image of compliance-streams as a `docker save` tarball that Jib builds on
# (from.image = tar://...), because no container registry, and so no eclipse-temurin image, can be
# reached where the project is built and tested (docs/deployment.md, "Container image").
#
# The base holds only what the JVM needs to run the app:
#   /opt/java/openjdk   a Java runtime made by jlink from the build's own JDK (the modules given)
#   /usr/lib/...        the shared libraries of Debian's libc6, libgcc-s1, libstdc++6 and zlib1g,
#                       copied from those packages as installed on the build machine (dpkg -L), with
#                       their copyright files and dpkg status entries (so image scanners see them)
#   /etc                passwd and group with the non-root user compliance (10001), nsswitch.conf,
#                       os-release
#   /tmp                1777: RocksDB and Kafka's compression codecs unpack their native libraries here
#   /var/lib/compliance-streams  the state volume, owned by 10001
# Its config carries what Jib's Maven plugin cannot set but takes over from a base image: the
# HEALTHCHECK, which runs the app's own `health` command (the image has no shell and no curl).
#
# Usage: assemble-base.sh JAVA_HOME MODULES OUTPUT_DIR
#   JAVA_HOME   the JDK whose jlink and jmods make the runtime (the build's JDK: Linux x86-64 only)
#   MODULES     comma-separated Java modules of the runtime
#   OUTPUT_DIR  gets base.tar (the image) and rootfs/ (what is in it)
set -euo pipefail

die() { echo "image base: $*" >&2; exit 1; }
[ $# -eq 3 ] || die "usage: assemble-base.sh JAVA_HOME MODULES OUTPUT_DIR"
java_home=$1 modules=$2 out=$3
uid=10001
state_dir=/var/lib/compliance-streams
debian_packages=(libc6 libgcc-s1 libstdc++6 zlib1g)

[ "$(uname -s)/$(uname -m)" = "Linux/x86_64" ] \
  || die "the runtime is made from the build's JDK, so the image can only be built on Linux x86-64"
[ -x "$java_home/bin/jlink" ] && [ -d "$java_home/jmods" ] \
  || die "$java_home has no jlink or no jmods (Debian: apt-get install openjdk-17-jdk-headless)"
command -v dpkg-query >/dev/null || die "dpkg-query is missing: the libraries are taken from Debian packages"

rm -rf "$out" && mkdir -p "$out/rootfs"
root=$(cd "$out/rootfs" && pwd)

# --- Java runtime -----------------------------------------------------------------------------
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --output "$root/opt/java/openjdk"

# --- Debian libraries (merged /usr, as Debian 12 lays them out) -------------------------------
mkdir -p "$root/usr/lib/x86_64-linux-gnu" "$root/usr/lib64" "$root/var/lib/dpkg/status.d"
ln -s usr/lib "$root/lib"
ln -s usr/lib64 "$root/lib64"
for package in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
    || die "Debian package $package is not installed on the build machine"
  while read -r path; do
    target="$root/usr${path#/usr}"
    mkdir -p "$(dirname "$target")"
    cp -P "$path" "$target"
  done < <(dpkg -L "$package" | grep -E '^(/usr)?/lib(64)?/(x86_64-linux-gnu/)?[^/]+\.so[.0-9]*$')
  mkdir -p "$root/usr/share/doc/$package"
  cp "/usr/share/doc/$package/copyright" "$root/usr/share/doc/$package/copyright"
  dpkg-query -s "$package" > "$root/var/lib/dpkg/status.d/$package"
done

# --- /etc, /tmp, the state directory ------------------------------------------------------------
mkdir -p "$root/etc" "$root/tmp" "$root$state_dir"
printf 'root:x:0:0:root:/root:/sbin/nologin\ncompliance:x:%s:%s:compliance-streams:%s:/sbin/nologin\n' \
  "$uid" "$uid" "$state_dir" > "$root/etc/passwd"
printf 'root:x:0:\ncompliance:x:%s:\n' "$uid" > "$root/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$root/etc/nsswitch.conf"
cp -L /etc/os-release "$root/etc/os-release"
chmod 1777 "$root/tmp"
chmod 0750 "$root$state_dir"

# --- The layer: everything root-owned but the state directory; fixed times for a stable digest ---
layer="$out/layer.tar"
tar_common=(--sort=name --mtime=@0 --numeric-owner --format=posix --pax-option=delete=atime,delete=ctime)
tar -C "$root" "${tar_common[@]}" --owner=0 --group=0 --exclude=".$state_dir" -cf "$layer" .
tar -C "$root" "${tar_common[@]}" --owner=$uid --group=$uid --no-recursion -rf "$layer" ".$state_dir"
diff_id=$(sha256sum "$layer" | cut -d' ' -f1)

# --- The image config and the docker-save manifest ---------------------------------------------
# Health: the app's `health` command in a small JVM; Docker durations are nanoseconds.
second=1000000000
cat > "$out/config.json" <<JSON
{
  "architecture": "amd64",
  "os": "linux",
  "config": {
    "Env": ["PATH=/opt/java/openjdk/bin:/usr/bin:/bin", "JAVA_HOME=/opt/java/openjdk", "LANG=C.UTF-8"],
    "User": "$uid:$uid",
    "WorkingDir": "$state_dir",
    "Healthcheck": {
      "Test": ["CMD", "/opt/java/openjdk/bin/java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
               "-Xmx64m", "-Xss512k", "-cp", "@/app/jib-classpath-file",
               "io.compliancestreams.app.Main", "health"],
      "Interval": $((30 * second)),
      "Timeout": $((10 * second)),
      "StartPeriod": $((60 * second)),
      "Retries": 3
    }
  },
  "rootfs": {"type": "layers", "diff_ids": ["sha256:$diff_id"]},
  "history": [{"created": "1970-01-01T00:00:00Z",
               "created_by": "app/src/image/assemble-base.sh: jlink runtime ($modules), Debian ${debian_packages[*]}"}]
}
JSON
printf '[{"Config":"config.json","RepoTags":["compliance-streams-base:local"],"Layers":["layer.tar"]}]\n' \
  > "$out/manifest.json"
tar -C "$out" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf "$out/base.tar" \
  manifest.json config.json layer.tar
rm "$layer"
echo "image base: $out/base.tar ($(du -m "$out/base.tar" | cut -f1) MiB; runtime: $modules)"
