package org.dtshrink.cost;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dtshrink.cost.DevicePopulation.Device;
import org.dtshrink.cost.KernelTree.KNode;

/**
 * fw_devlink (drivers/base/core.c) replayed over the devices in the order {@code of_platform_populate()} adds them:
 * each added device's subtree is parsed for suppliers ({@code fwnode_link}s), then the links to and from the new
 * device are turned into device links or dropped. All of this happens before any driver registers, so no device is
 * bound yet. What is left at the end: the fwnode links still waiting, and the device links made.
 */
final class FwDevlink {

    /** A fwnode link: consumer, supplier, and the property that named it first. */
    static final class Link {
        final KNode consumer;
        final KNode supplier;
        final String property;
        final boolean ignore;

        Link(KNode consumer, KNode supplier, String property, boolean ignore) {
            this.consumer = consumer;
            this.supplier = supplier;
            this.property = property;
            this.ignore = ignore;
        }
    }

    /**
     * A device link between two devices, charged to the consumer's node and the property behind it;
     * {@code atBinding} when a bus driver's binding made it rather than the adding of a device.
     */
    record DeviceLink(Device consumer, Device supplier, String property, boolean atBinding) {
    }

    private enum Outcome { MADE, INVALID, AGAIN }

    private final KernelTree tree;
    private final DevicePopulation population;
    private final SupplierBindings bindings;
    /** The fwnode links still alive, in creation order. */
    private final Map<Link, Boolean> links = new LinkedHashMap<>();
    private final Map<KNode, List<Link>> bySupplier = new IdentityHashMap<>();
    private final Map<KNode, List<Link>> byConsumer = new IdentityHashMap<>();
    private final Map<String, DeviceLink> deviceLinks = new LinkedHashMap<>();
    private final Set<KNode> parsed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<KNode> added = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Whether the links made now are made by a driver binding. */
    private boolean binding;

    private FwDevlink(KernelTree tree, DevicePopulation population) {
        this.tree = tree;
        this.population = population;
        this.bindings = new SupplierBindings(tree);
    }

    /**
     * Adds the devices, then binds the bus devices simple-pm-bus takes ({@code bound}, in device order): binding drops
     * the bus's own supplier links and hands the consumers of its children that have no device over to it.
     */
    static FwDevlink run(KernelTree tree, DevicePopulation population, List<Device> bound) {
        FwDevlink f = new FwDevlink(tree, population);
        for (Device d : population.devices()) {
            f.deviceAdded(d);
        }
        f.binding = true;
        for (Device d : bound) {
            f.driverBound(d);
        }
        return f;
    }

    /**
     * device_links_driver_bound(): fwnode_links_purge_suppliers() of the device, then
     * fw_devlink_pickup_dangling_consumers(): the consumers of every available child without a device (and below
     * it) now wait for the bound device, which links to those it can.
     */
    private void driverBound(Device dev) {
        for (Link l : new ArrayList<>(byConsumer.getOrDefault(dev.node(), List.of()))) {
            delete(l);
        }
        for (KNode c : dev.node().children) {
            if (!c.available()) {
                continue;
            }
            for (KNode n : availableSubtreeWithoutDevices(c)) {
                for (Link l : new ArrayList<>(bySupplier.getOrDefault(n, List.of()))) {
                    linkToPhandleUnchecked(l.consumer, dev.node(), l.property, l.ignore);
                    delete(l);
                }
            }
        }
        linkToConsumers(dev);
    }

    /** The node and its available descendants, not going into (nor taking) a node that has a device. */
    private List<KNode> availableSubtreeWithoutDevices(KNode top) {
        List<KNode> out = new ArrayList<>();
        Deque<KNode> stack = new ArrayDeque<>();
        stack.push(top);
        while (!stack.isEmpty()) {
            KNode n = stack.pop();
            if (hasDevice(n)) {
                continue;
            }
            out.add(n);
            for (int i = n.children.size() - 1; i >= 0; i--) {
                if (n.children.get(i).available()) {
                    stack.push(n.children.get(i));
                }
            }
        }
        return out;
    }

    /** The fwnode links alive at the end of boot, in creation order. */
    List<Link> fwnodeLinks() {
        return new ArrayList<>(links.keySet());
    }

    /** The device links made, in creation order. */
    List<DeviceLink> deviceLinks() {
        return new ArrayList<>(deviceLinks.values());
    }

    /** fw_devlink_link_device() at the end of device_add(). */
    private void deviceAdded(Device dev) {
        added.add(dev.node());
        parseTree(dev.node());
        linkToConsumers(dev);
        linkToSuppliers(dev);
    }

    private boolean hasDevice(KNode n) {
        return added.contains(n);
    }

    private Device deviceOf(KNode n) {
        return hasDevice(n) ? population.device(n) : null;
    }

    /** fw_devlink_parse_fwtree(): the node and its available descendants (each parsed once), depth first. */
    private void parseTree(KNode top) {
        for (KNode n : availableSubtree(top)) {
            if (parsed.add(n)) {
                for (String prop : n.propertyNames) {
                    for (SupplierBindings.Supplier s : bindings.suppliers(n, prop)) {
                        linkToPhandle(s.consumer(), s.supplier(), prop, s.ignore());
                    }
                }
            }
        }
    }

    /** The node and the descendants reached through available children only, in depth-first order. */
    private static List<KNode> availableSubtree(KNode top) {
        List<KNode> out = new ArrayList<>();
        Deque<KNode> stack = new ArrayDeque<>();
        stack.push(top);
        while (!stack.isEmpty()) {
            KNode n = stack.pop();
            out.add(n);
            for (int i = n.children.size() - 1; i >= 0; i--) {
                if (n.children.get(i).available()) {
                    stack.push(n.children.get(i));
                }
            }
        }
        return out;
    }

    /** of_link_to_phandle(): a link unless the supplier or an ancestor below the first with a device is disabled. */
    private void linkToPhandle(KNode consumer, KNode supplier, String prop, boolean ignore) {
        for (KNode t = supplier; t != null; t = t.parent) {
            if (hasDevice(t)) {
                break;
            }
            if (!t.available()) {
                return;
            }
        }
        linkToPhandleUnchecked(consumer, supplier, prop, ignore);
    }

    /** __fwnode_link_add(): one link per consumer and supplier pair. */
    private void linkToPhandleUnchecked(KNode consumer, KNode supplier, String prop, boolean ignore) {
        for (Link l : bySupplier.getOrDefault(supplier, List.of())) {
            if (l.consumer == consumer) {
                return;
            }
        }
        Link l = new Link(consumer, supplier, prop, ignore);
        links.put(l, Boolean.TRUE);
        bySupplier.computeIfAbsent(supplier, k -> new ArrayList<>()).add(l);
        byConsumer.computeIfAbsent(consumer, k -> new ArrayList<>()).add(l);
    }

    private void delete(Link l) {
        links.remove(l);
        bySupplier.get(l.supplier).remove(l);
        byConsumer.get(l.consumer).remove(l);
    }

    /** __fw_devlink_link_to_consumers(): the links of consumers waiting for this device. */
    private void linkToConsumers(Device dev) {
        for (Link l : new ArrayList<>(bySupplier.getOrDefault(dev.node(), List.of()))) {
            Device con = deviceOf(l.consumer);
            boolean own = true;
            if (con == null) {
                con = nextParentDevice(l.consumer);
                if (con != null && con.node().isAncestorOf(dev.node())) {
                    con = null;
                } else {
                    own = false;
                }
            }
            if (con == null) {
                continue;
            }
            Outcome o = createDevlink(con, dev.node(), l);
            if (own && o != Outcome.AGAIN) {
                delete(l);
            }
        }
    }

    /** __fw_devlink_link_to_suppliers(): the device's own links, then proxies for its available descendants. */
    private void linkToSuppliers(Device dev) {
        for (KNode fwnode : availableSubtree(dev.node())) {
            boolean own = dev.node() == fwnode;
            for (Link l : new ArrayList<>(byConsumer.getOrDefault(fwnode, List.of()))) {
                Outcome o = createDevlink(dev, l.supplier, l);
                if (own && o != Outcome.AGAIN) {
                    delete(l);
                }
            }
        }
    }

    /**
     * fw_devlink_create_devlink(): a device link when the supplier has a device that is not an early-initialized
     * one; INVALID when the supplier (or an ancestor) was initialized without a device, so none will come; AGAIN
     * while the supplier may still get a device. Cycles between devices are not looked for.
     */
    private Outcome createDevlink(Device con, KNode sup, Link l) {
        if (l.ignore) {
            return Outcome.INVALID;
        }
        Device supDev = deviceOf(sup);
        if (supDev != null) {
            if (population.initialized(sup)) {
                return Outcome.INVALID;
            }
            if (con != supDev) {
                deviceLinks.putIfAbsent(con.node().index + ">" + supDev.node().index,
                        new DeviceLink(con, supDev, l.property, binding));
            }
            return Outcome.MADE;
        }
        if (initWithoutDevice(sup)) {
            return Outcome.INVALID;
        }
        for (KNode p = sup.parent; p != null; p = p.parent) {
            if (initWithoutDevice(p)) {
                return Outcome.INVALID;
            }
        }
        return Outcome.AGAIN;
    }

    private boolean initWithoutDevice(KNode n) {
        return population.initialized(n) && !hasDevice(n);
    }

    /** fwnode_get_next_parent_dev(): the nearest ancestor that has a device. */
    private Device nextParentDevice(KNode n) {
        for (KNode p = n.parent; p != null; p = p.parent) {
            Device d = deviceOf(p);
            if (d != null) {
                return d;
            }
        }
        return null;
    }
}
