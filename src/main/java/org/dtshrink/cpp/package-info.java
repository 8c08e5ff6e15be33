/**
 * The C preprocessor the kernel runs over device-tree sources before dtc, built in:
 * {@link org.dtshrink.cpp.Preprocessor} is the entry point; its output is GNU cpp's text for the same input.
 */
package org.dtshrink.cpp;
