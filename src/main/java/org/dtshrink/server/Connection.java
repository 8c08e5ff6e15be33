package org.dtshrink.server;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import org.dtshrink.cli.Main;
import org.dtshrink.files.WorkingDirectory;

/**
 * One client's request: its command line run as {@code dtshrink ARGS} started in the client's directory would run
 * it, on a thread of its own, with standard input read from the client on demand and standard output and error kept
 * until the end, so that a server lost half-way leaves the client nothing written and free to run the command itself.
 */
final class Connection implements Runnable {

    /** The launcher's -Xss: a request recurses as deep as a fresh process may. */
    static final long STACK_BYTES = 16L << 20;
    /** Sent instead of a command line by {@code dtshrink --stop-server}. */
    static final String STOP = "--stop-server";

    private final SocketChannel channel;
    private final Server server;
    private final Charset argCharset;
    private DataInputStream in;
    private DataOutputStream out;

    Connection(SocketChannel channel, Server server, Charset argCharset) {
        this.channel = channel;
        this.server = server;
        this.argCharset = argCharset;
    }

    @Override
    public void run() {
        try (channel) {
            in = new DataInputStream(Channels.newInputStream(channel));
            out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
            byte[] magic = new byte[Protocol.MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, Protocol.MAGIC)) {
                return;
            }
            String dir = readString();
            int argc = in.readInt();
            if (argc < 0 || argc > Protocol.MAX_ARGS) {
                return;
            }
            String[] args = new String[argc];
            for (int i = 0; i < argc; i++) {
                args[i] = readString();
            }
            if (argc == 1 && args[0].equals(STOP)) {
                server.stop();
                frame(Protocol.EXIT, 0);
                out.flush();
                return;
            }
            if (!server.current()) {
                frame(Protocol.REFUSED, 0);
                out.flush();
                return;
            }
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            int status = run(Path.of(dir), args, new ClientInput(), stdout, stderr);
            frame(Protocol.OUT, stdout.size());
            stdout.writeTo(out);
            frame(Protocol.ERR, stderr.size());
            stderr.writeTo(out);
            frame(Protocol.EXIT, status);
            out.flush();
        } catch (IOException e) {
            // the client went away: nothing is left to tell it
        } finally {
            server.finished();
        }
    }

    /** Runs {@code args} as Main does in a fresh process, and returns its exit status. */
    static int run(Path dir, String[] args, InputStream stdin, ByteArrayOutputStream stdout,
            ByteArrayOutputStream stderr) {
        RequestStreams.set(new RequestStreams.Streams(stdin, stdout, stderr));
        try {
            return WorkingDirectory.callIn(dir, () -> Main.run(args));
        } catch (Throwable t) {
            // what the JVM prints for an exception out of main, and its exit status
            PrintStream err = new PrintStream(stderr, true, Charset.defaultCharset());
            err.print("Exception in thread \"main\" ");
            t.printStackTrace(err);
            return 1;
        } finally {
            System.out.flush();
            System.err.flush();
            RequestStreams.clear();
        }
    }

    private String readString() throws IOException {
        int n = in.readInt();
        if (n < 0 || n > Protocol.MAX_STRING) {
            throw new EOFException("bad length");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, argCharset);
    }

    private void frame(int type, int n) throws IOException {
        out.writeByte(type);
        out.writeInt(n);
    }

    /** The client's standard input, asked for as the command reads it, so that a command that never reads it never takes it. */
    private final class ClientInput extends InputStream {
        private boolean eof;

        @Override
        public int read() throws IOException {
            byte[] b = new byte[1];
            return read(b, 0, 1) < 0 ? -1 : b[0] & 0xff;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (eof) {
                return -1;
            }
            frame(Protocol.READ, len);
            out.flush();
            int k = in.readInt();
            if (k <= 0 || k > len) {
                eof = true;
                return -1;
            }
            in.readFully(b, off, k);
            return k;
        }
    }
}
