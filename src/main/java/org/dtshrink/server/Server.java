package org.dtshrink.server;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * {@code java -cp dtshrink.jar org.dtshrink.server.Server SOCKET JAR [IDLE_SECONDS]}: serves
 * dtshrink command lines on the Unix domain socket SOCKET, whose directory must be the user's own and closed to
 * everyone else. The client names the socket after the jar's identity (device, inode, size, modification time), so a
 * new jar gets a new server; this one refuses requests and exits as soon as its jar changes, and after IDLE_SECONDS
 * (default 600) without a request. A lock beside the socket keeps a second server of the same jar from starting.
 */
public final class Server {

    private final Path socket;
    private final Path jar;
    private final Object jarStamp;
    private final long idleNanos;
    private ServerSocketChannel listener;
    private int active;
    private long lastUse = System.nanoTime();
    private boolean stopping;

    private Server(Path socket, Path jar, long idleSeconds) throws IOException {
        this.socket = socket;
        this.jar = jar;
        this.jarStamp = stamp(jar);
        this.idleNanos = idleSeconds * 1_000_000_000L;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Server SOCKET JAR [IDLE_SECONDS]");
            System.exit(2);
        }
        Path socket = Path.of(args[0]).toAbsolutePath();
        Server s = new Server(socket, Path.of(args[1]).toAbsolutePath(), args.length > 2 ? Long.parseLong(args[2]) : 600);
        s.serve();
    }

    private void serve() throws IOException {
        Path dir = socket.getParent();
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        boolean ours = a.owner().getName().equals(System.getProperty("user.name"));
        if (!a.isDirectory() || !ours || !a.permissions().equals(EnumSet.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE))) {
            System.err.println(dir + ": not a directory of this user's alone (mode 0700): not serving");
            System.exit(1);
        }
        FileChannel lockFile = FileChannel.open(Path.of(socket + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = lockFile.tryLock();
        if (lock == null) {
            return; // another server of this jar is starting or running
        }
        // the lock file names the server's process, for whoever wants to see what it costs or stop it
        lockFile.truncate(0);
        lockFile.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)));
        RequestStreams.install();
        Files.deleteIfExists(socket);
        listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listener.bind(UnixDomainSocketAddress.of(socket));
        Thread watch = new Thread(this::watch, "dtshrink-server-watch");
        watch.setDaemon(true);
        watch.start();
        Charset args = Charset.forName(System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name()));
        while (true) {
            SocketChannel ch;
            try {
                ch = listener.accept();
            } catch (ClosedChannelException e) {
                break;
            }
            UnixDomainPrincipal peer = ch.getOption(ExtendedSocketOptions.SO_PEERCRED);
            if (!peer.user().getName().equals(a.owner().getName())) {
                ch.close();
                continue;
            }
            synchronized (this) {
                active++;
                lastUse = System.nanoTime();
            }
            new Thread(null, new Connection(ch, this, args), "dtshrink-request", Connection.STACK_BYTES).start();
        }
        synchronized (this) {
            while (active > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    break;
                }
            }
        }
        Files.deleteIfExists(socket);
        Files.deleteIfExists(Path.of(socket + ".lock"));
        lock.release();
        System.exit(0);
    }

    /** Whether this server's jar is still the one it started from. */
    boolean current() {
        try {
            return jarStamp.equals(stamp(jar));
        } catch (IOException e) {
            return false;
        }
    }

    synchronized void finished() {
        active--;
        lastUse = System.nanoTime();
        notifyAll();
    }

    /** Stops taking requests; the ones running finish first. */
    synchronized void stop() {
        stopping = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closed already
        }
    }

    private void watch() {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            boolean stale = !current();
            synchronized (this) {
                if (stopping) {
                    return;
                }
                if (stale || (active == 0 && System.nanoTime() - lastUse > idleNanos)) {
                    stop();
                    return;
                }
            }
        }
    }

    private static Object stamp(Path jar) throws IOException {
        BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
        return java.util.List.of(a.size(), a.lastModifiedTime(), String.valueOf(a.fileKey()));
    }
}
