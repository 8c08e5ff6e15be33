/*
 * dtshrink-client JAR ARGS...: runs "dtshrink ARGS" on the dtshrink server of JAR, as if it were run here: the
 * server gets this directory and the arguments, reads this standard input when the command does, and sends back the
 * command's standard output, standard error and exit status. Exits 199, having written nothing and read nothing,
 * when no server takes the request (none runs yet, the jar changed, anything odd about the socket's directory); the
 * launcher then starts one and runs the command in a JVM of its own.
 * dtshrink-client --socket JAR prints the socket's path (for starting the server), and exits 1 when a server of
 * JAR holds its lock (it runs, or is starting).
 * dtshrink-client --wait JAR ARGS... waits for a server that is starting (up to 20 s) before it gives up.
 * dtshrink-client --fresh DIR JAR ARGS... first checks, as the launcher does, that JAR is newer than the sources in
 * the checkout DIR (else exits 199, and the launcher rebuilds it): the launcher's fast path, which forks nothing.
 *
 * The socket is $XDG_RUNTIME_DIR/dtshrink/ (or ~/.cache/dtshrink/server/) s-DEV-INODE-SIZE-MTIME: a directory of the
 * user's alone (0700, checked), and a name that changes whenever the jar does, so an old server is never asked.
 * The wire format is described in src/main/java/org/dtshrink/server/Protocol.java.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <time.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <unistd.h>

#define NO_SERVER 199

static int sock = -1;

static int write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;

	while (n > 0) {
		ssize_t k = write(fd, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

static int read_all(int fd, void *buf, size_t n)
{
	char *p = buf;

	while (n > 0) {
		ssize_t k = read(fd, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/* The request goes out in one buffer: a few writes instead of one per argument. */
static char *req;
static size_t req_len, req_cap;

static void put(const void *p, size_t n)
{
	if (req_len + n > req_cap) {
		req_cap = (req_len + n) * 2 + 4096;
		req = realloc(req, req_cap);
		if (!req)
			exit(NO_SERVER);
	}
	memcpy(req + req_len, p, n);
	req_len += n;
}

static void put_int(uint32_t v)
{
	unsigned char b[4] = { v >> 24, v >> 16, v >> 8, v };

	put(b, 4);
}

static void put_string(const char *s)
{
	size_t n = strlen(s);

	put_int((uint32_t)n);
	put(s, n);
}

static uint32_t get_int(const unsigned char *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* A directory that is the user's alone, made when missing. */
static int private_dir(const char *dir)
{
	struct stat st;

	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return -1;
	if (lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != getuid() ||
	    (st.st_mode & 077) != 0)
		return -1;
	return 0;
}

static int socket_path(const char *jar, char *out, size_t size)
{
	char dir[PATH_MAX];
	const char *base = getenv("XDG_RUNTIME_DIR");
	struct stat st;
	int n;

	if (stat(jar, &st) != 0)
		return -1;
	if (base && base[0] == '/') {
		n = snprintf(dir, sizeof(dir), "%s/dtshrink", base);
	} else {
		const char *home = getenv("HOME");
		char cache[PATH_MAX];

		if (!home || home[0] != '/')
			return -1;
		n = snprintf(cache, sizeof(cache), "%s/.cache/dtshrink", home);
		if (n < 0 || (size_t)n >= sizeof(cache))
			return -1;
		/* ~/.cache/dtshrink holds other things (the tests' kernel builds): the sockets get a directory of their own */
		cache[n - 9] = 0;
		if (mkdir(cache, 0700) != 0 && errno != EEXIST)
			return -1;
		cache[n - 9] = '/';
		if (mkdir(cache, 0700) != 0 && errno != EEXIST)
			return -1;
		n = snprintf(dir, sizeof(dir), "%s/server", cache);
	}
	if (n < 0 || (size_t)n >= sizeof(dir) || private_dir(dir) != 0)
		return -1;
	n = snprintf(out, size, "%s/s-%llx-%llx-%llx-%llx.%09ld", dir,
		     (unsigned long long)st.st_dev, (unsigned long long)st.st_ino,
		     (unsigned long long)st.st_size, (unsigned long long)st.st_mtim.tv_sec,
		     (long)st.st_mtim.tv_nsec);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

static int newer(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec > b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec > b->tv_nsec);
}

/* Whether any file under path (a file or a directory) is newer than the jar: find -newer, as the launcher runs it. */
static int stale(const char *path, const struct timespec *jar, int depth)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	char sub[PATH_MAX];
	int found = 0;

	if (lstat(path, &st) != 0)
		return 0;
	if (!S_ISDIR(st.st_mode))
		return S_ISREG(st.st_mode) && newer(&st.st_mtim, jar);
	if (depth > 64)
		return 1;
	d = opendir(path);
	if (!d)
		return 1;
	while (!found && (e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if ((size_t)snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name) >= sizeof(sub))
			found = 1;
		else
			found = stale(sub, jar, depth + 1);
	}
	closedir(d);
	return found;
}

static int jar_is_fresh(const char *dir, const char *jar)
{
	static const char *const sources[] = { "src/main/java", "src/main/resources", "grammar", "pom.xml" };
	char path[PATH_MAX];
	struct stat st;
	size_t i;

	if (stat(jar, &st) != 0)
		return 0;
	for (i = 0; i < sizeof(sources) / sizeof(sources[0]); i++) {
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, sources[i]) >= sizeof(path) ||
		    stale(path, &st.st_mtim, 0))
			return 0;
	}
	return 1;
}

/* Whether a server holds the lock beside the socket (Java's FileLock is a POSIX record lock). */
static int server_holds_lock(const char *sock)
{
	char lock[sizeof(((struct sockaddr_un *)0)->sun_path) + 8];
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	int fd, held;

	snprintf(lock, sizeof(lock), "%s.lock", sock);
	fd = open(lock, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return 0;
	held = fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
	close(fd);
	return held;
}

static int try_connect(const struct sockaddr_un *addr)
{
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (fd < 0)
		return -1;
	if (connect(fd, (const struct sockaddr *)addr, sizeof(*addr)) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

int main(int argc, char **argv)
{
	struct sockaddr_un addr;
	char cwd[PATH_MAX];
	char *buf = NULL;
	size_t cap = 0;
	int took_input = 0, wrote = 0;
	int wait_ms = 0, waited = 0;
	int i;

	if (argc >= 3 && strcmp(argv[1], "--socket") == 0) {
		if (socket_path(argv[2], addr.sun_path, sizeof(addr.sun_path)) != 0)
			return NO_SERVER;
		puts(addr.sun_path);
		return server_holds_lock(addr.sun_path) ? 1 : 0;
	}
	if (argc >= 3 && strcmp(argv[1], "--fresh") == 0) {
		if (!jar_is_fresh(argv[2], argv[3]))
			return NO_SERVER;
		argv += 2;
		argc -= 2;
	}
	if (argc >= 2 && strcmp(argv[1], "--wait") == 0) {
		wait_ms = 20000;
		argv++;
		argc--;
	}
	if (argc < 2 || getenv("DTSHRINK_NO_SERVER_CLIENT"))
		return NO_SERVER;
	memset(&addr, 0, sizeof(addr));
	addr.sun_family = AF_UNIX;
	if (socket_path(argv[1], addr.sun_path, sizeof(addr.sun_path)) != 0 || !getcwd(cwd, sizeof(cwd)))
		return NO_SERVER;
	/* A server that is starting holds its lock before it listens: wait for it while it does (and a moment more,
	 * for the one just launched to take the lock). */
	while ((sock = try_connect(&addr)) < 0) {
		struct timespec ts = { 0, 20 * 1000 * 1000 };

		if (waited >= wait_ms || (waited >= 2000 && !server_holds_lock(addr.sun_path)))
			return NO_SERVER;
		nanosleep(&ts, NULL);
		waited += 20;
	}

	put("DTS1", 4);
	put_string(cwd);
	put_int((uint32_t)(argc - 2));
	for (i = 2; i < argc; i++)
		put_string(argv[i]);
	if (write_all(sock, req, req_len) != 0)
		return NO_SERVER;

	for (;;) {
		unsigned char head[5];
		uint32_t n;

		if (read_all(sock, head, 5) != 0)
			break;
		n = get_int(head + 1);
		switch (head[0]) {
		case 'O':
		case 'E':
			if (n > cap) {
				free(buf);
				cap = n;
				buf = malloc(cap);
				if (!buf)
					goto lost;
			}
			if (read_all(sock, buf, n) != 0)
				goto lost;
			wrote |= n > 0;
			/* a closed output is the caller's business, as it would be for the JVM */
			write_all(head[0] == 'O' ? 1 : 2, buf, n);
			break;
		case 'I': {
			unsigned char k[4];
			ssize_t got;

			if (n > cap) {
				free(buf);
				cap = n;
				buf = malloc(cap);
				if (!buf)
					goto lost;
			}
			took_input = 1;
			do
				got = read(0, buf, n);
			while (got < 0 && errno == EINTR);
			if (got < 0)
				got = 0;
			k[0] = got >> 24;
			k[1] = got >> 16;
			k[2] = got >> 8;
			k[3] = got;
			if (write_all(sock, k, 4) != 0 || write_all(sock, buf, (size_t)got) != 0)
				goto lost;
			break;
		}
		case 'X':
			return (int)(n & 0xff);
		case 'R':
			if (!took_input && !wrote)
				return NO_SERVER;
			goto lost;
		default:
			goto lost;
		}
	}
lost:
	/* The server went away: with nothing read or written yet the command can still run in a JVM of its own. */
	if (!took_input && !wrote)
		return NO_SERVER;
	fputs("dtshrink: the server stopped during the command\n", stderr);
	return 1;
}
