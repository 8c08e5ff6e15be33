/*
 * What the e2e /init programs share: no MMU and no C library, so each is a freestanding position-independent
 * program with no relocations (binfmt_elf_fdpic loads it without applying any) that makes its system calls itself
 * and prints through one buffer on standard output. Functions are static inline so a program that does not call
 * one builds without a warning.
 */
typedef unsigned long size_t;

static inline long sys3(long nr, long a, long b, long c)
{
	register long r0 __asm__("r0") = a;
	register long r1 __asm__("r1") = b;
	register long r2 __asm__("r2") = c;
	register long r7 __asm__("r7") = nr;
	__asm__ volatile("svc #0" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r7) : "memory");
	return r0;
}

static inline long sys5(long nr, long a, long b, long c, long d, long e)
{
	register long r0 __asm__("r0") = a;
	register long r1 __asm__("r1") = b;
	register long r2 __asm__("r2") = c;
	register long r3 __asm__("r3") = d;
	register long r4 __asm__("r4") = e;
	register long r7 __asm__("r7") = nr;
	__asm__ volatile("svc #0" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r3), "r"(r4), "r"(r7) : "memory");
	return r0;
}

enum { NR_EXIT = 1, NR_READ = 3, NR_WRITE = 4, NR_OPEN = 5, NR_CLOSE = 6, NR_MOUNT = 21, NR_NANOSLEEP = 162,
       NR_FSTAT64 = 197, NR_GETDENTS64 = 217 };
enum { O_WRONLY = 1, O_DIRECTORY = 040000, DT_DIR = 4 };

static char out[4096];
static size_t outlen;

static inline void flush(void)
{
	size_t done = 0;
	while (done < outlen) {
		long n = sys3(NR_WRITE, 1, (long)(out + done), outlen - done);
		if (n <= 0)
			break;
		done += n;
	}
	outlen = 0;
}

static inline void put(const char *s)
{
	while (*s) {
		if (outlen == sizeof(out))
			flush();
		out[outlen++] = *s++;
	}
}

static inline void putnum(unsigned long v)
{
	char b[12];
	int i = 11;
	b[i] = 0;
	do {
		b[--i] = '0' + v % 10;
		v /= 10;
	} while (v);
	put(b + i);
}
