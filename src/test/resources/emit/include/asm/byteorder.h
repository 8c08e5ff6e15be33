/*
 * Test stand-in for the kernel's <asm/byteorder.h>: cpu_to_be32() for the little-endian hosts the tests run on
 * (x86, as the arm kernels the profiles describe), a constant expression for constant arguments as the kernel's.
 */
#ifndef DT_TEST_ASM_BYTEORDER_H
#define DT_TEST_ASM_BYTEORDER_H
#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the test headers assume a little-endian host"
#endif
#define cpu_to_be32(x) ((__be32)__builtin_bswap32(x))
#endif
