#!/bin/sh
# Regenerates the golden blobs beside each feature source with dtc (made with dtc 1.6.1).
# NAME.dtb is "dtc NAME.dts"; NAME.OPTS.dtb adds options: "at" is -@, "H-legacy"/"H-both" are -H.
# label-path-ref.dts uses &{label/path}, which dtc 1.7 first accepted; its golden is compiled from
# label-path-ref.dtc16.dts, the same tree written with absolute paths.
set -e
cd "$(dirname "$0")"
for src in *.dts; do
	case "$src" in *.dtc16.dts) continue ;; esac
	base="${src%.dts}"
	in="$src"
	[ -f "$base.dtc16.dts" ] && in="$base.dtc16.dts"
	dtc -I dts -O dtb -q -o "$base.dtb" "$in"
done
dtc -I dts -O dtb -q -@ -o labels.at.dtb labels.dts
dtc -I dts -O dtb -q -@ -o omit.at.dtb omit.dts
dtc -I dts -O dtb -q -@ -o plugin.at.dtb plugin.dts
dtc -I dts -O dtb -q -H legacy -o references.H-legacy.dtb references.dts
dtc -I dts -O dtb -q -H both -o references.H-both.dtb references.dts
dtc -I dts -O dtb -q -H legacy -o phandles.H-legacy.dtb phandles.dts
dtc -I dts -O dtb -q -H both -o phandles.H-both.dtb phandles.dts
