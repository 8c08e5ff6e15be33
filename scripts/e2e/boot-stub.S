@ What a boot loader does before Linux on QEMU's mps2-an385 (Cortex-M3), which has none: QEMU's M-profile loader
@ ignores -dtb and -append and starts the CPU from the vector table at address 0. The stub turns on the CMSDK UART
@ (the kernel's earlycon expects it running) and enters the kernel with r0 = 0, r1 = ~0, r2 = the blob's address,
@ as the ARM boot protocol says.
	.syntax unified
	.cpu	cortex-m3
	.thumb
	.text
vectors:
	.word	STACK_TOP
	.word	reset
	.rept	14
	.word	hang
	.endr

	.globl	reset
	.globl	reset
	.thumb_func
reset:
	ldr	r3, =UART_BASE
	movs	r0, #UART_BAUDDIV
	str	r0, [r3, #0x10]		@ BAUDDIV
	movs	r0, #3
	str	r0, [r3, #0x08]		@ CTRL: TX and RX enabled
	movs	r0, #0
	mvn	r1, #0			@ no machine number: boot from the device tree
	ldr	r2, =DTB_ADDR
	ldr	r3, =(KERNEL_ENTRY | 1)	@ Thumb
	bx	r3

	.thumb_func
hang:
	b	hang
	.ltorg
