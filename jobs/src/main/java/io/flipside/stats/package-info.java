/**
 * The statistics of SPEC §5 as plain Java over arrays: no Spark, no I/O, each checked against R or
 * scipy in the tests. Conventions: standard deviations use n - 1; intervals are 95 % two-sided;
 * p-values are two-sided and computed from the upper tail, so a tiny p stays tiny instead of
 * rounding to 0 through 1 - CDF. Where a statistic is undefined (too few values, no variance) it is
 * null, never 0 or NaN.
 */
package io.flipside.stats;
