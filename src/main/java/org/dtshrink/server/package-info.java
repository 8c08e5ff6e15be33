/**
 * The persistent server behind the launcher's small client: one JVM, already started and compiled, runs each
 * command line as a fresh process would (its client's working directory, standard streams and exit status), so that
 * per-file use such as a kernel build's {@code $(DTC)} does not pay a JVM start per file. The wire format is in
 * {@link org.dtshrink.server.Protocol}; the client is src/main/c/dtshrink-client.c.
 */
package org.dtshrink.server;
