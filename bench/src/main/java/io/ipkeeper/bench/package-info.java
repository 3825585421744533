/**
 * Benchmarks: JMH microbenchmarks and end-to-end harnesses that print reports with ratios against baselines
 * measured in the same run. Not shipped.
 */
package io.ipkeeper.bench;
