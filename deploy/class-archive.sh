#!/bin/sh
# Usage: class-archive.sh ARCHIVE.jsa JAR [JVM flags...]
#
# Makes sure ARCHIVE is a class archive (Class Data Sharing) that this JVM accepts for JAR, so that
# `java FLAGS -XX:SharedArchiveFile=ARCHIVE -jar JAR` starts in 40 % less time (bench/findings.md, "Start").
# The JVM itself is asked: an archive only holds for the JDK build that wrote it, for the jar at that very path
# with the same size and modification time, and for the same heap mode. When it does not hold (or is missing),
# the jar's training run writes a new one: `java FLAGS -XX:ArchiveClassesAtExit=ARCHIVE -jar JAR train` starts a
# collector on a temporary database, sends it the usual requests and exits (10 to 20 s, nothing kept).
#
# FLAGS: the JVM flags the collector runs with; without any, those of jvm-flags next to this script.
# Never fails: a collector started with a missing or stale archive still starts (a stale one: one warning line,
# "Unable to use shared archive"), only more slowly.
set -u
archive=$1
jar=$2
shift 2
java=${JAVA:-java}
if [ $# -eq 0 ] && [ -f "$(dirname "$0")/jvm-flags" ]; then
  # shellcheck disable=SC2046
  set -- $(grep -v '^#' "$(dirname "$0")/jvm-flags")
fi
if [ -f "$archive" ] && "$java" "$@" -Xshare:on -XX:SharedArchiveFile="$archive" -cp "$jar" -version >/dev/null 2>&1; then
  exit 0
fi
echo "class archive: training $archive for $jar"
rm -f "$archive"
# -Xlog:cds=error: the JVM names each class it cannot archive (reflection's generated accessors), harmlessly
if ! MALLOC_ARENA_MAX=2 "$java" "$@" -Xlog:cds=error -XX:ArchiveClassesAtExit="$archive" -jar "$jar" train; then
  echo "class archive: the training run failed; the collector starts without $archive" >&2
  rm -f "$archive"
fi
exit 0
