package org.dtshrink.checks;

import java.util.List;

/**
 * One row of dtc's check table: the name {@code -W}/{@code -E} take, the default level (warning, error, both off),
 * the checks that must pass first, and the work at each node.
 */
record CheckDef(String name, boolean warn, boolean error, List<String> prereqs, NodeCheck fn) {

    static CheckDef warning(String name, NodeCheck fn, String... prereqs) {
        return new CheckDef(name, true, false, List.of(prereqs), fn);
    }

    static CheckDef error(String name, NodeCheck fn, String... prereqs) {
        return new CheckDef(name, false, true, List.of(prereqs), fn);
    }

    static CheckDef off(String name, NodeCheck fn, String... prereqs) {
        return new CheckDef(name, false, false, List.of(prereqs), fn);
    }
}
