/**
 * The pipeline between the command line and the stages: {@link org.dtshrink.pipeline.Inputs} loads an input,
 * {@link org.dtshrink.pipeline.DtcCompile} compiles one as dtc does ({@link org.dtshrink.pipeline.OrderedBatch} runs a
 * batch of them), {@link org.dtshrink.pipeline.UsageBuilder} resolves a usage set, and {@link org.dtshrink.pipeline.Pipeline} runs
 * "as is / pruned / flash table" for a list of profiles, returning the typed results the commands render.
 */
package org.dtshrink.pipeline;
