package org.dtshrink.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * System.in, System.out and System.err as each request's own: the commands write to System.out (and picocli wraps
 * it), so the server installs, once, streams that pass each call on to the streams of the request the calling thread
 * serves. Threads a request starts inherit its streams; any other thread writes to the server's own.
 */
final class RequestStreams {

    record Streams(InputStream in, OutputStream out, OutputStream err) {
    }

    private static final InheritableThreadLocal<Streams> CURRENT = new InheritableThreadLocal<>();
    private static boolean installed;

    private RequestStreams() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        InputStream in = System.in;
        PrintStream out = System.out;
        PrintStream err = System.err;
        Charset cs = Charset.defaultCharset();
        System.setIn(new RoutedInput(in));
        // No buffering and no autoflush in front: PrintStream hands every call's bytes on before it returns, under its
        // own lock, so the bytes of two requests never mix and each reaches the stream of the thread that wrote it.
        System.setOut(new PrintStream(new RoutedOutput(out, true), false, cs));
        System.setErr(new PrintStream(new RoutedOutput(err, false), false, cs));
    }

    static void set(Streams s) {
        CURRENT.set(s);
    }

    static void clear() {
        CURRENT.remove();
    }

    private static final class RoutedOutput extends OutputStream {
        private final OutputStream own;
        private final boolean stdout;

        RoutedOutput(OutputStream own, boolean stdout) {
            this.own = own;
            this.stdout = stdout;
        }

        private OutputStream target() {
            Streams s = CURRENT.get();
            return s == null ? own : stdout ? s.out() : s.err();
        }

        @Override
        public void write(int b) throws IOException {
            target().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target().write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            target().flush();
        }
    }

    private static final class RoutedInput extends InputStream {
        private final InputStream own;

        RoutedInput(InputStream own) {
            this.own = own;
        }

        private InputStream target() {
            Streams s = CURRENT.get();
            return s == null ? own : s.in();
        }

        @Override
        public int read() throws IOException {
            return target().read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return target().read(b, off, len);
        }

        @Override
        public int available() throws IOException {
            return target().available();
        }
    }
}
