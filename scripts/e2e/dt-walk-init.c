/*
 * /init for the end-to-end boot: prints /proc/meminfo, then every node and every property of /proc/device-tree
 * with its value in hex, one line each, so two boots can be compared line by line:
 *
 *   DTN /soc/apb@40000000/serial@4000
 *   DTP /soc/apb@40000000/serial@4000/compatible 61726d2c6d7073322d7561727400
 *   DTA /soc/apb@40000000/serial@4000/compatible 0444 14
 *
 * (DTA: the file's mode and size, as the property's sysfs attribute gives them). It waits a second first, so that
 * what boot left queued (RCU callbacks, deferred frees) is done and /proc/meminfo is the same from boot to boot.
 *
 * Freestanding, with no C library: see nolibc.h.
 */
#include "nolibc.h"

static void putc1(char c)
{
	char s[2] = { c, 0 };
	put(s);
}

static void cat(const char *path)
{
	char buf[256];
	long fd = sys3(NR_OPEN, (long)path, 0, 0), n;
	if (fd < 0) {
		put("cannot open ");
		put(path);
		put("\n");
		return;
	}
	while ((n = sys3(NR_READ, fd, (long)buf, sizeof(buf))) > 0)
		for (long i = 0; i < n; i++)
			putc1(buf[i]);
	sys3(NR_CLOSE, fd, 0, 0);
}

/* arch/arm/include/uapi/asm/stat.h */
struct stat64 {
	unsigned long long st_dev;
	unsigned char pad0[4];
	unsigned long st_ino32;
	unsigned int st_mode;
	unsigned int st_nlink;
	unsigned long st_uid;
	unsigned long st_gid;
	unsigned long long st_rdev;
	unsigned char pad3[4];
	long long st_size;
	unsigned long st_blksize;
	unsigned long long st_blocks;
	unsigned long st_times[6];
	unsigned long long st_ino;
};

static const char prefix[] = "/proc/device-tree";
static unsigned long nodes, properties;

static void hexdump(const char *path)
{
	static const char digits[] = "0123456789abcdef";
	unsigned char buf[256];
	long fd = sys3(NR_OPEN, (long)path, 0, 0), n;
	put("DTP ");
	put(path + sizeof(prefix) - 1);
	if (fd < 0) {
		put(" cannot-open\n");
		return;
	}
	putc1(' ');
	while ((n = sys3(NR_READ, fd, (long)buf, sizeof(buf))) > 0)
		for (long i = 0; i < n; i++) {
			putc1(digits[buf[i] >> 4]);
			putc1(digits[buf[i] & 15]);
		}
	putc1('\n');
	/* the sysfs attribute: its mode and the size it shows (0 for security-* names) */
	struct stat64 st;
	if (sys3(NR_FSTAT64, fd, (long)&st, 0) == 0) {
		put("DTA ");
		put(path + sizeof(prefix) - 1);
		put(" 0");
		putc1('0' + ((st.st_mode >> 6) & 7));
		putc1('0' + ((st.st_mode >> 3) & 7));
		putc1('0' + (st.st_mode & 7));
		putc1(' ');
		putnum((unsigned long)st.st_size);
		putc1('\n');
	}
	sys3(NR_CLOSE, fd, 0, 0);
}

struct dirent64 {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

/* path holds the node's path with room to grow; len is its length */
static void walk(char *path, size_t len)
{
	char buf[2048];
	long fd = sys3(NR_OPEN, (long)path, O_DIRECTORY, 0), n;
	nodes++;
	put("DTN ");
	put(len == sizeof(prefix) - 1 ? "/" : path + sizeof(prefix) - 1);
	putc1('\n');
	if (fd < 0) {
		put("cannot open ");
		put(path);
		put("\n");
		return;
	}
	while ((n = sys3(NR_GETDENTS64, fd, (long)buf, sizeof(buf))) > 0) {
		for (long off = 0; off < n;) {
			struct dirent64 *d = (struct dirent64 *)(buf + off);
			size_t l = 0;
			off += d->d_reclen;
			if (d->d_name[0] == '.' && (!d->d_name[1] || (d->d_name[1] == '.' && !d->d_name[2])))
				continue;
			while (d->d_name[l])
				l++;
			if (len + 1 + l + 1 > 1024) {
				put("path too long\n");
				continue;
			}
			path[len] = '/';
			for (size_t i = 0; i <= l; i++)
				path[len + 1 + i] = d->d_name[i];
			if (d->d_type == DT_DIR) {
				walk(path, len + 1 + l);
			} else {
				properties++;
				hexdump(path);
			}
			path[len] = 0;
		}
	}
	sys3(NR_CLOSE, fd, 0, 0);
}

void init_main(void)
{
	static char path[1024];
	long fd;
	size_t i;

	if (sys5(NR_MOUNT, (long)"proc", (long)"/proc", (long)"proc", 0, 0) < 0)
		put("mount /proc failed\n");
	if (sys5(NR_MOUNT, (long)"sysfs", (long)"/sys", (long)"sysfs", 0, 0) < 0)
		put("mount /sys failed\n");
	/* Quiet the console so that no kernel message lands inside a line of the walk. */
	fd = sys3(NR_OPEN, (long)"/proc/sys/kernel/printk", O_WRONLY, 0);
	if (fd >= 0) {
		sys3(NR_WRITE, fd, (long)"1\n", 2);
		sys3(NR_CLOSE, fd, 0, 0);
	}
	/* Let the kernel finish what boot left queued (RCU callbacks, deferred frees) before counting */
	static const long settle[2] = { 1, 0 };
	sys3(NR_NANOSLEEP, (long)settle, 0, 0);
	put("\n== e2e init: /proc/meminfo ==\n");
	cat("/proc/meminfo");
	put("== e2e init: /proc/device-tree ==\n");
	for (i = 0; prefix[i]; i++)
		path[i] = prefix[i];
	path[i] = 0;
	walk(path, i);
	put("== e2e init done: ");
	putnum(nodes);
	put(" nodes, ");
	putnum(properties);
	put(" properties ==\n");
	flush();
	sys3(NR_EXIT, 0, 0, 0);
	for (;;)
		;
}

__attribute__((naked, noreturn)) void _start(void)
{
	__asm__ volatile("bl init_main\n1: b 1b\n");
}
