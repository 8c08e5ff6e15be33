package org.dtshrink.cost;

import org.dtshrink.json.JsonWriter;

/** Renders a {@link CostReport} as the {@code dtshrink-cost/2} JSON document described in docs/cost-json.md. */
public final class CostJsonWriter {

    public static final String SCHEMA = "dtshrink-cost/2";

    private CostJsonWriter() {
    }

    public static String write(CostReport report, ReportOptions options) {
        ListingLimit.check(report, options);
        JsonWriter j = new JsonWriter().beginObject()
                .member("schema", SCHEMA)
                .member("file", report.file())
                .member("dtb_size", report.dtbSize())
                .member("dtb_in_flash", report.dtbInFlash())
                .name("results").beginArray();
        for (CostResult r : report.results()) {
            result(j, report, r, options);
        }
        return j.endArray().endObject().finish();
    }

    private static void result(JsonWriter j, CostReport report, CostResult r, ReportOptions options) {
        RamCost ram = report.ram(r);
        j.beginObject();
        profile(j, r.profile());
        j.name("nodes").beginObject()
                .member("in_dtb", r.nodesInDtb())
                .member("allocated", r.nodesAllocated())
                .member("skipped", r.nodesSkipped())
                .endObject();
        j.name("properties").beginObject()
                .member("in_dtb", r.propertiesInDtb())
                .member("allocated", r.propertiesAllocated())
                .member("synthesized_names", r.synthesizedNames())
                .endObject();
        j.name("bytes").beginObject();
        for (Category c : Category.values()) {
            j.member(c.key(), r.bytes(c));
        }
        j.endObject();
        j.member("size", r.size())
                .member("allocation", r.allocation())
                .member("pages", r.pages())
                .member("dtb_in_ram", ram.dtbInRam())
                .member("memblock", ram.memblock())
                .member("slab", ram.slab())
                .member("ram_total", ram.total())
                .member("ram_pages", ram.pages());
        if (ram.boot() != null) {
            boot(j, ram.boot());
        }
        j.name("skipped_nodes").beginArray();
        for (ListedNode l : CostBreakdowns.listing(r)) {
            NodeCost n = l.cost();
            if (!n.isAllocated()) {
                j.beginInlineObject().member("path", n.path()).member("reason", n.skipped().key())
                        .member("nodes", l.nodes()).endObject();
            }
        }
        j.endArray();
        BootRam boot = ram.boot();
        if (options.perNode()) {
            perNode(j, r, boot);
        }
        if (options.top() > 0) {
            java.util.Map<org.dtshrink.tree.Node, Long> all = new java.util.IdentityHashMap<>();
            for (SubtreeCost s : CostBreakdowns.subtrees(r, boot)) {
                all.put(s.root().node(), s.bytes());
            }
            j.name("top_subtrees").beginArray();
            for (SubtreeCost s : CostBreakdowns.topSubtrees(r, options.top())) {
                j.beginInlineObject().member("path", s.root().path()).member("bytes", s.bytes());
                if (boot != null) {
                    j.member("ram", all.get(s.root().node()));
                }
                j.member("nodes", s.nodes()).endObject();
            }
            j.endArray();
        }
        if (options.byProperty()) {
            j.name("by_property").beginArray();
            for (PropertyNameCost p : CostBreakdowns.byProperty(r)) {
                j.beginInlineObject().member("name", p.name()).member("synthesized", p.synthesized())
                        .member("count", p.count()).member("bytes", p.bytes());
                if (boot != null) {
                    j.member("ram", boot.propertyBytes(new BootRam.PropertyKey(p.name(), p.synthesized())));
                }
                j.endObject();
            }
            j.endArray();
        }
        j.endObject();
    }

    /** What boot spends on the tree, by category and slab cache (docs/cost-json.md, "boot"). */
    static void boot(JsonWriter j, BootRam b) {
        j.name("boot").beginObject();
        j.name("memblock_allocations").beginArray();
        for (long a : b.memblockAllocations()) {
            j.value(a);
        }
        j.endArray();
        j.name("categories").beginObject();
        for (RamCategory c : RamCategory.values()) {
            j.name(c.key()).beginObject()
                    .member("pool", c.isMemblock() ? "memblock" : "slab")
                    .member("bytes", b.bytes(c));
            if (!c.isMemblock()) {
                caches(j, b.caches(c));
            }
            j.endObject();
        }
        j.endObject();
        caches(j, b.caches());
        BootRam.Counts n = b.counts();
        j.name("counts").beginObject()
                .member("kernfs_nodes", n.kernfsNodes())
                .member("platform_devices", n.platformDevices())
                .member("amba_devices", n.ambaDevices())
                .member("fwnode_links", n.fwnodeLinks())
                .member("device_links", n.deviceLinks())
                .member("aliases", n.aliases())
                .endObject();
        j.endObject();
    }

    private static void caches(JsonWriter j, java.util.List<BootRam.CacheCount> caches) {
        j.name("caches").beginArray();
        for (BootRam.CacheCount cc : caches) {
            j.beginInlineObject().member("cache", cc.cache()).member("object_size", cc.objectSize())
                    .member("objects", cc.objects()).member("bytes", cc.bytes()).endObject();
        }
        j.endArray();
    }

    private static void profile(JsonWriter j, KernelProfile p) {
        j.name("profile").beginObject()
                .member("name", p.name())
                .member("description", p.description())
                .member("note", p.note())
                .member("device_node_size", p.nodeSize())
                .member("device_node_align", p.nodeAlign())
                .member("property_size", p.propertySize())
                .member("property_align", p.propertyAlign())
                .member("of_kobj", p.ofKobj())
                .member("of_dynamic", p.ofDynamic())
                .member("full_name", p.fullName() == FullName.PATH ? "path" : "name")
                .member("skip_disabled", p.skipDisabled())
                .member("depth_limit", p.depthLimit())
                .member("page_size", p.pageSize());
        BootFigures b = p.boot();
        if (b == null) {
            j.nullMember("boot");
        } else {
            j.name("boot").beginObject()
                    .member("note", b.note())
                    .member("sysfs", b.sysfs())
                    .member("fw_devlink", b.fwDevlink())
                    .member("pm", b.pm())
                    .member("amba", b.amba());
            j.name("kmalloc_classes").beginArray();
            for (int c : b.kmallocClasses()) {
                j.value(c);
            }
            j.endArray()
                    .member("slab_merge", b.slabMerge())
                    .member("kernfs_node_cache", b.kernfsNodeSlot())
                    .member("radix_tree_node", b.radixTreeNodeSlot())
                    .member("proc_dir_entry", b.procDirEntrySlot())
                    .member("xarray_chunk", b.xarrayChunk())
                    .member("kernfs_ids", b.kernfsIds() == null ? "estimate" : "reference")
                    .member("kernfs_ids_note", b.kernfsIdsNote())
                    .member("alias_prop_size", b.aliasPropSize())
                    .member("alias_prop_align", b.aliasPropAlign())
                    .member("platform_device_size", b.platformDeviceSize())
                    .member("amba_device_size", b.ambaDeviceSize())
                    .member("device_private_size", b.devicePrivateSize())
                    .member("resource_size", b.resourceSize())
                    .member("fwnode_link_size", b.fwnodeLinkSize())
                    .member("device_link_size", b.deviceLinkSize())
                    .member("class_dir_size", b.classDirSize())
                    .member("kset_size", b.ksetSize());
            words(j, "early_init_clocks", b.earlyClocks());
            words(j, "early_init_irqchips", b.earlyIrqchips());
            words(j, "early_init_clock_devices", b.earlyClockDevices());
            j.endObject();
        }
        j.endObject();
    }

    private static void words(JsonWriter j, String name, java.util.List<String> words) {
        j.name(name).beginArray();
        for (String w : words) {
            j.value(w);
        }
        j.endArray();
    }

    private static void perNode(JsonWriter j, CostResult r, BootRam boot) {
        j.name("per_node").beginArray();
        for (ListedNode l : CostBreakdowns.listing(r)) {
            NodeCost n = l.cost();
            j.beginInlineObject().member("path", n.path()).member("depth", n.depth()).member("bytes", n.bytes());
            if (boot != null) {
                j.member("ram", boot.nodeBytes(n.node()));
            }
            if (n.isAllocated()) {
                j.member("padding", n.padding())
                        .member("properties", n.properties().size() - (n.hasSynthesizedName() ? 1 : 0))
                        .member("synthesized_name", n.hasSynthesizedName());
            } else {
                j.member("skipped", n.skipped().key()).member("nodes", l.nodes());
            }
            j.endObject();
        }
        j.endArray();
        j.member("tail_bytes", r.tailPadding() + r.bytes(Category.END_MARKER));
    }
}
