# Prints the per-board dtc flags that a directory's kbuild Makefile adds, as scripts/Makefile.dtbs of Linux 6.12
# takes them: the directory's DTC_FLAGS, DTC_FLAGS_<board>, and -@ for a board that an overlay is applied onto
# (a .dtb named in a "<composite>-dtbs" list whose composite is built). CONFIG_OF_ALL_DTBS=y, as for "every board".
#
#   make -s -f dtc-flags.mk D=arch/arm64/boot/dts/ti STEMS="k3-am625-sk k3-am642-evm"
# prints one line per stem: STEM<TAB>FLAGS
src := $(D)
obj := $(D)
srctree := .
CONFIG_OF_ALL_DTBS := y
-include $(D)/Makefile
dtb-y += $(dtb-)
dtc_multi := $(foreach m,$(filter %.dtb,$(dtb-y)),$(if $($(m:.dtb=-dtbs)),$(m)))
dtc_bases := $(filter %.dtb,$(foreach m,$(dtc_multi),$($(m:.dtb=-dtbs))))
$(foreach s,$(STEMS),$(info $(s)	$(strip $(DTC_FLAGS) $(DTC_FLAGS_$(s)) $(if $(filter $(s).dtb,$(dtc_bases)),-@))))
.DEFAULT_GOAL := dtc-flags-none
dtc-flags-none: ;
