package org.dtshrink.server;

/**
 * The client's and server's wire format over the Unix domain socket, big-endian throughout.
 * <pre>
 * client: "DTS1", int length + working directory, int argc, argc x (int length + argument bytes)
 * server: frames of byte type, int n, then n bytes of payload for OUT and ERR, none for the others:
 *   OUT, ERR    bytes for the client's standard output or error (sent when the command has finished)
 *   READ        the command reads standard input: the client answers with int k and k bytes (k = 0: end of file),
 *               at most n bytes, and nothing else is sent until it has
 *   EXIT        the command's exit status is n; the last frame
 *   REFUSED     this server does not take the request (its jar changed): the client runs the command itself
 * </pre>
 */
final class Protocol {

    static final byte[] MAGIC = {'D', 'T', 'S', '1'};
    static final int OUT = 'O';
    static final int ERR = 'E';
    static final int READ = 'I';
    static final int EXIT = 'X';
    static final int REFUSED = 'R';
    /** Bounds on what a request may declare, so that garbage on the socket cannot make the server allocate much. */
    static final int MAX_ARGS = 1 << 20;
    static final int MAX_STRING = 1 << 24;

    private Protocol() {
    }
}
