/*
 * /init for the RAM boots (scripts/e2e-qemu-ram): prints what the booted kernel counts, before user space has
 * touched anything else. It flushes every slab cache first (writes 1 to /sys/kernel/slab/<cache>/shrink): SLUB
 * counts the free objects of a cache's CPU slab as in use in /proc/slabinfo until the slab is flushed, so without
 * this an object count is off by up to a slab. Then it prints /proc/meminfo and /proc/slabinfo between markers,
 * the platform and AMBA devices, and last (walking makes dentries and inodes) how many entries /sys has and the
 * largest inode number among them: kernfs numbers its nodes in creation order, which sizes the tree of ids.
 *
 * Freestanding, with no C library: see nolibc.h.
 */
#include "nolibc.h"

/* The whole file into buf (NUL-terminated), or a message when it cannot be opened. */
static char filebuf[32768];

static void cat(const char *path)
{
	long fd = sys3(NR_OPEN, (long)path, 0, 0), n;
	size_t len = 0;
	if (fd < 0) {
		put("cannot open ");
		put(path);
		put("\n");
		return;
	}
	/* read it all before printing, so the printing does not interleave with the kernel's counting */
	while (len < sizeof(filebuf) - 1 && (n = sys3(NR_READ, fd, (long)(filebuf + len), sizeof(filebuf) - 1 - len)) > 0)
		len += n;
	sys3(NR_CLOSE, fd, 0, 0);
	filebuf[len] = 0;
	put(filebuf);
}

struct dirent64 {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static unsigned long shrunk, entries, max_ino;
/* the inode numbers seen, one bit each: kernfs keeps its ids in an xarray of 16-slot nodes on this kernel */
static unsigned char seen[1 << 14];

/*
 * The parts of /sys the device tree makes entries in, each counted on its own: the tree itself, the devices, their
 * links on the buses and in the drivers' directories, and the device links (also the "supplier:" and "consumer:"
 * links fw_devlink puts in the devices' directories, counted apart).
 */
/* char arrays, not pointers: the no-MMU loader applies no relocations */
static const char areas[][32] = {
	"/sys/firmware/devicetree", "/sys/devices/platform", "/sys/bus/platform/devices", "/sys/bus/amba/devices",
	"/sys/bus/platform/drivers", "/sys/bus/amba/drivers", "/sys/devices/virtual", "/sys/class/devlink",
};
#define AREAS (sizeof(areas) / sizeof(areas[0]))
static unsigned long in_area[AREAS], devlink_links;

static int starts(const char *s, const char *prefix)
{
	while (*prefix)
		if (*s++ != *prefix++)
			return 0;
	return 1;
}

/* Every entry below path (len bytes long), symbolic links not followed: the count and the largest inode. */
static void walk(char *path, size_t len)
{
	char buf[1024];
	long fd = sys3(NR_OPEN, (long)path, O_DIRECTORY, 0), n;
	if (fd < 0)
		return;
	while ((n = sys3(NR_GETDENTS64, fd, (long)buf, sizeof(buf))) > 0) {
		for (long off = 0; off < n;) {
			struct dirent64 *d = (struct dirent64 *)(buf + off);
			size_t l = 0;
			off += d->d_reclen;
			if (d->d_name[0] == '.' && (!d->d_name[1] || (d->d_name[1] == '.' && !d->d_name[2])))
				continue;
			entries++;
			path[len] = 0;
			for (size_t a = 0; a < AREAS; a++) {
				const char *p = path, *q = areas[a];
				while (*q && *p == *q) {
					p++;
					q++;
				}
				if (!*q && (!*p || *p == '/'))
					in_area[a]++;
			}
			if (starts(d->d_name, "supplier:") || starts(d->d_name, "consumer:"))
				devlink_links++;
			/* which entry has which id: where the tree's kernfs nodes sit among the kernel's own */
			put("id ");
			putnum(d->d_ino);
			put(" ");
			put(path);
			put("/");
			put(d->d_name);
			put("\n");
			if (d->d_ino > max_ino)
				max_ino = d->d_ino;
			if (d->d_ino < sizeof(seen) * 8)
				seen[d->d_ino >> 3] |= 1 << (d->d_ino & 7);
			if (d->d_type != DT_DIR)
				continue;
			while (d->d_name[l])
				l++;
			if (len + 1 + l + 1 > 1024)
				continue;
			path[len] = '/';
			for (size_t i = 0; i <= l; i++)
				path[len + 1 + i] = d->d_name[i];
			walk(path, len + 1 + l);
			path[len] = 0;
		}
	}
	sys3(NR_CLOSE, fd, 0, 0);
}

/* The names in a directory, one line each, after a prefix. */
static void list(const char *dir, const char *prefix)
{
	char buf[1024];
	long fd = sys3(NR_OPEN, (long)dir, O_DIRECTORY, 0), n;
	if (fd < 0)
		return;
	while ((n = sys3(NR_GETDENTS64, fd, (long)buf, sizeof(buf))) > 0) {
		for (long off = 0; off < n;) {
			struct dirent64 *d = (struct dirent64 *)(buf + off);
			off += d->d_reclen;
			if (d->d_name[0] == '.')
				continue;
			put(prefix);
			put(d->d_name);
			put("\n");
		}
	}
	sys3(NR_CLOSE, fd, 0, 0);
}

static void shrink_all(void)
{
	static const char dir[] = "/sys/kernel/slab";
	static char path[256];
	char buf[2048];
	long fd = sys3(NR_OPEN, (long)dir, O_DIRECTORY, 0), n;
	if (fd < 0) {
		put("cannot open /sys/kernel/slab\n");
		return;
	}
	while ((n = sys3(NR_GETDENTS64, fd, (long)buf, sizeof(buf))) > 0) {
		for (long off = 0; off < n;) {
			struct dirent64 *d = (struct dirent64 *)(buf + off);
			size_t i = 0, l = 0;
			long f;
			off += d->d_reclen;
			/* merged caches appear as links to the cache they share: shrink each cache once */
			if (d->d_type != DT_DIR || d->d_name[0] == '.')
				continue;
			while (dir[i]) {
				path[i] = dir[i];
				i++;
			}
			path[i++] = '/';
			while (d->d_name[l] && i < sizeof(path) - 8)
				path[i++] = d->d_name[l++];
			for (l = 0; "/shrink"[l]; l++)
				path[i++] = "/shrink"[l];
			path[i] = 0;
			f = sys3(NR_OPEN, (long)path, O_WRONLY, 0);
			if (f >= 0) {
				if (sys3(NR_WRITE, f, (long)"1", 1) == 1)
					shrunk++;
				sys3(NR_CLOSE, f, 0, 0);
			}
		}
	}
	sys3(NR_CLOSE, fd, 0, 0);
}

void init_main(void)
{
	long fd;

	if (sys5(NR_MOUNT, (long)"proc", (long)"/proc", (long)"proc", 0, 0) < 0)
		put("mount /proc failed\n");
	if (sys5(NR_MOUNT, (long)"sysfs", (long)"/sys", (long)"sysfs", 0, 0) < 0)
		put("mount /sys failed\n");
	/* Quiet the console so that no kernel message lands inside the figures. */
	fd = sys3(NR_OPEN, (long)"/proc/sys/kernel/printk", O_WRONLY, 0);
	if (fd >= 0) {
		sys3(NR_WRITE, fd, (long)"1\n", 2);
		sys3(NR_CLOSE, fd, 0, 0);
	}
	shrink_all();
	/*
	 * Each file opened above leaves a kernfs_open_node that is freed after an RCU grace period: wait for them,
	 * so that the counts do not depend on how fast the boot ran.
	 */
	{
		static const long one_second[2] = { 1, 0 };
		sys3(NR_NANOSLEEP, (long)one_second, 0, 0);
	}
	put("\n== ram init: shrunk ");
	putnum(shrunk);
	put(" slab caches ==\n== ram init: /proc/meminfo ==\n");
	cat("/proc/meminfo");
	put("== ram init: /proc/slabinfo ==\n");
	cat("/proc/slabinfo");
	put("== ram init: devices ==\n");
	list("/sys/bus/platform/devices", "platform ");
	list("/sys/bus/amba/devices", "amba ");
	/* last, as walking makes dentries and inodes: the figures above are taken before it */
	{
		static char path[1024] = "/sys";
		walk(path, 4);
	}
	for (size_t a = 0; a < AREAS; a++) {
		put("== ram init: entries ");
		put(areas[a]);
		put(" ");
		putnum(in_area[a]);
		put(" ==\n");
	}
	put("== ram init: entries supplier:/consumer: ");
	putnum(devlink_links);
	put(" ==\n");
	put("== ram init: sysfs ");
	putnum(entries);
	put(" entries, largest inode ");
	putnum(max_ino);
	put(" ==\n== ram init: sysfs inode runs ==\n");
	{
		unsigned long i, start = 0;
		int in = 0;
		for (i = 1; i <= max_ino + 1 && i < sizeof(seen) * 8; i++) {
			int bit = (seen[i >> 3] >> (i & 7)) & 1;
			if (bit && !in) {
				start = i;
				in = 1;
			} else if (!bit && in) {
				put("ino ");
				putnum(start);
				put("-");
				putnum(i - 1);
				put("\n");
				in = 0;
			}
		}
	}
	put("== ram init done ==\n");
	flush();
	sys3(NR_EXIT, 0, 0, 0);
	for (;;)
		;
}

__attribute__((naked, noreturn)) void _start(void)
{
	__asm__ volatile("bl init_main\n1: b 1b\n");
}
